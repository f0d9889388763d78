import { asUser, PgliteDatabase, sqlAttachmentStore, sqlDataProvider, sqlDuplicateKeySource, sqlEvaluator, textParsers } from '@fazhi/db/browser';
import { createRegistry } from '@fazhi/domain';
import { cachingIndicatorSource, notifyingWrites } from '../indicator-cache.js';
import { readConsoleUser } from '@fazhi/plugin-sdk';
import type { ConnectedBackend, SignedInSession } from '../backend.js';
import { upgradeEmbeddedDatabase } from './browser-migrations.js';
import { demoManifestPath, type DemoManifest } from './demo-manifest.js';
import { dataDir, type EmbeddedWorkerMeta } from './worker-meta.js';

// The heavy half of the embedded backend (database client, data provider, evaluator), loaded when
// the sign-in page starts warming up, so the page itself stays small.

export interface OpenDatabase {
  db: PgliteDatabase;
  manifest: DemoManifest;
  close(): Promise<void>;
}

/** Base URL of the app (Vite's `base`), so the console also works under a sub-path. */
export const assetUrl = (path: string) => new URL(path, new URL(import.meta.env.BASE_URL, window.location.href)).href;

/** Marks each step in the Performance timeline (`fazhi:db:…`), for the benchmark and the curious. */
const mark = (step: string) => performance.mark(`fazhi:db:${step}`);

export async function openDatabase(): Promise<OpenDatabase> {
  mark('open');
  const manifestRes = await fetch(assetUrl(demoManifestPath));
  if (!manifestRes.ok) throw new Error(`找不到演示数据库说明文件（${demoManifestPath}：HTTP ${manifestRes.status}）。请先执行 pnpm build`);
  const manifest = (await manifestRes.json()) as DemoManifest;
  // Loaded on demand: the sign-in page must not wait for the database client.
  const { PGliteWorker } = await import('@electric-sql/pglite/worker');
  const worker = new Worker(new URL('./db.worker.ts', import.meta.url), { type: 'module', name: 'fazhi-db' });
  const meta: EmbeddedWorkerMeta = { dataDir, snapshotUrl: assetUrl(`demo/${manifest.snapshot}`) };
  mark('worker');
  const pg = await PGliteWorker.create(worker, { meta });
  mark('ready');
  const db = new PgliteDatabase(pg, { parsers: textParsers });
  if (localStorage.getItem('fazhi.debug')) logQueries(db);
  await upgradeEmbeddedDatabase(db);
  mark('migrated');
  return { db, manifest, close: () => db.close() };
}


/** Checks e-mail and password; the user's row, or null when they do not match. */
export async function checkPassword(db: PgliteDatabase, email: string, password: string): Promise<SignedInSession | null> {
  // As the database owner, the way GoTrue reads auth.users with its own role: no API role
  // (not even service_role) may read password hashes.
  const found = await db.query<{ id: string; email: string; name: string | null }>(
    `select id, email, raw_user_meta_data ->> 'display_name' as name from auth.users
     where lower(email) = lower($1) and encrypted_password = extensions.crypt($2, encrypted_password)`,
    [email.trim(), password],
  );
  const row = found.rows[0];
  return row ? { userId: row.id, email: row.email, displayName: row.name || row.email } : null;
}

/** Everything the console needs, every call as the signed-in user under row-level security. */
export async function connectAs({ db, manifest }: OpenDatabase, session: SignedInSession): Promise<ConnectedBackend> {
  const run = <T>(fn: Parameters<typeof asUser<T>>[2]) => asUser(db, { userId: session.userId }, fn);
  const user = await run((tx) => readConsoleUser(tx, session.userId, session.displayName));
  if (!user.memberships.length) throw new Error(`账号“${session.email}”没有任何机构的权限，请联系管理员`);
  const indicators = cachingIndicatorSource(sqlEvaluator(db, { asUser: session.userId }));
  return {
    user,
    defaultYear: manifest.year,
    dataProvider: notifyingWrites(sqlDataProvider({ db, session: run, registry: createRegistry() }), indicators.invalidate),
    indicators,
    attachments: sqlAttachmentStore({ db, session: run }),
    duplicates: sqlDuplicateKeySource(run),
  };
}

/** With `localStorage['fazhi.debug']` set, every statement's time goes to the console. */
function logQueries(db: PgliteDatabase): void {
  const time = <T>(what: string, run: () => Promise<T>) => {
    const t = performance.now();
    return run().finally(() => console.debug(`[fazhi:sql] ${Math.round(performance.now() - t)} ms ${what.replace(/\s+/g, ' ').slice(0, 120)}`));
  };
  const query = db.query.bind(db);
  const transaction = db.transaction.bind(db);
  db.query = (sql, params) => time(sql, () => query(sql, params));
  db.transaction = (fn) => time('transaction', () => transaction((tx) => fn({ query: (sql, params) => time(`  ${sql}`, () => tx.query(sql, params)), exec: (sql) => time(`  ${sql}`, () => tx.exec(sql)) })));
}
