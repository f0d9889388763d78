import { demoAccounts, demoPassword } from '@fazhi/db/demo-accounts';
import type { ConsoleBackend, SignedInSession } from '../backend.js';
import type { OpenDatabase } from './embedded-database.js';
import { dataDir, idbDatabaseName } from './worker-meta.js';

const sessionKey = 'fazhi.embedded.session';
const loadDatabase = () => import('./embedded-database.js');

function readSession(): SignedInSession | null {
  try {
    const s = JSON.parse(localStorage.getItem(sessionKey) ?? 'null') as SignedInSession | null;
    return s && typeof s.userId === 'string' ? s : null;
  } catch {
    return null;
  }
}

/**
 * The default backend: PostgreSQL (PGlite) in a Web Worker of this browser, persisted in
 * IndexedDB, with the demo street's data. Passwords are checked against the bcrypt hashes in
 * `auth.users` (as Supabase Auth does), and every query runs as the signed-in user under the same
 * row-level security as on a server. Everything stays in this browser profile.
 */
export function createEmbeddedBackend(): ConsoleBackend {
  let opening: Promise<OpenDatabase> | undefined;
  const open = () => {
    opening ??= loadDatabase().then((m) => m.openDatabase()).catch((e: unknown) => {
      opening = undefined;
      throw e instanceof Error ? e : new Error(String(e));
    });
    return opening;
  };

  return {
    kind: 'embedded',
    description: '本机演示数据库（浏览器内，数据只保存在本浏览器）',
    demoLogins: demoAccounts.map((a) => ({ email: a.email, password: demoPassword, displayName: a.displayName })),
    warmUp() {
      void open().catch(() => undefined);
    },
    async restoreSession() {
      return readSession();
    },
    async signIn(email, password) {
      const [database, { checkPassword }] = await Promise.all([open(), loadDatabase()]);
      const session = await checkPassword(database.db, email, password);
      if (!session) throw new Error('邮箱或密码不正确');
      localStorage.setItem(sessionKey, JSON.stringify(session));
      return session;
    },
    async signOut() {
      localStorage.removeItem(sessionKey);
    },
    async connect(session) {
      const [database, { connectAs }] = await Promise.all([open(), loadDatabase()]);
      return connectAs(database, session);
    },
    async resetDemo() {
      localStorage.removeItem(sessionKey);
      const current = opening;
      opening = undefined;
      if (current) await (await current).close().catch(() => undefined);
      await new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase(idbDatabaseName(dataDir));
        req.onsuccess = () => resolve();
        req.onerror = () => reject(new Error(`无法删除本机数据库：${req.error?.message ?? '未知错误'}`));
        // Another tab still has it open: it is deleted once that tab closes or reloads.
        req.onblocked = () => resolve();
      });
    },
  };
}
