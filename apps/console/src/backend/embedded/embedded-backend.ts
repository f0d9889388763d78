import { demoAccounts, demoPassword } from '@fazhi/db/demo-accounts';
import { todayInShanghai } from '@fazhi/domain';
import type { FazhiModel } from '@fazhi/model';
import type { ConsoleBackend, DatabaseProgress, FirstRun, LocalDatabase, ProgressFeed, SignedInSession } from '../backend.js';
import { currentDataDir, dataDirKey, deleteDataDir, newDataDir, staleDataDirs, switchDataDir } from './data-dir-pointer.js';
import type { OpenDatabase } from './embedded-database.js';
import { readFigureStamp } from './figure-stamp.js';
import { leftEmptyByIdbfs } from './stored-files.js';
import { prepareWorker } from './spare-worker.js';
import { idbDatabaseName } from './worker-meta.js';
import { figureMemory } from '../../home/figure-memory.js';

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
export function createEmbeddedBackend(model: FazhiModel): ConsoleBackend {
  const progress = progressFeed();
  // The figures' stamp: the stored database's token, the day (a year's figures count up to today)
  // and this build (the page's entry script, whose hashed name changes with any code of the build).
  // Read once as the page loads, before this visit's database stores anything, to confirm the last
  // visit's figures.
  const build = document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src ?? '';
  // Of the directory a connection has open, not of the pointer: another tab may switch it meanwhile.
  const figureStamp = (dataDir: string) => async () => {
    const token = await readFigureStamp(dataDir);
    return token && `${token}|${todayInShanghai()}|${build}`;
  };
  const lastHome = figureMemory(localStorage, model.catalog.indicators, figureStamp(currentDataDir())());
  let opening: Promise<OpenDatabase> | undefined;
  /** Whether the database `opening` opens is kept: false only for demo data loaded ahead of a first visit's choice. */
  let kept = false;
  let keep = (_storeAtOnce: boolean) => undefined as void;
  /**
   * Opens the profile's database; `keepIt: false` only for `expectDemo`, `storeAtOnce` only for a
   * sign-in answered from the shipped file (see OpenOptions.kept).
   */
  const open = (keepIt = true, storeAtOnce = false) => {
    if (!opening) {
      kept = false;
      const keeping = new Promise<boolean>((resolve) => (keep = resolve));
      opening = loadDatabase()
        .then((m) => m.openDatabase(currentDataDir(), model, progress.set, undefined, { storeDemoInBackground: true, kept: keeping }))
        .then((database) => {
          // Left over by a switch another tab made, or by one interrupted before it could delete.
          void staleDataDirs().then((dirs) => dirs.forEach((d) => void deleteDataDir(d)));
          return database;
        })
        .catch((e: unknown) => {
          opening = undefined;
          throw e instanceof Error ? e : new Error(String(e));
        });
    }
    if (keepIt && !kept) {
      kept = true;
      keep(storeAtOnce);
    }
    return opening;
  };

  // Another tab switched to a new database (reset, restore): follow it rather than write to the old one.
  window.addEventListener('storage', (e) => {
    if (e.key === dataDirKey) window.location.reload();
  });

  /**
   * Loads a new data directory (the demo snapshot, or `data`), opens and checks it, and only then
   * switches to it and deletes the old one. Sign-in meanwhile waits for the new database.
   */
  async function replaceDatabase(data?: Blob, prepare?: (fresh: OpenDatabase) => Promise<void>): Promise<void> {
    const [previous, previousKept] = [opening, kept];
    const dataDir = newDataDir();
    const next = loadDatabase().then((m) => m.openDatabase(dataDir, model, progress.set, data));
    // Stored before the switch below: kept as it opens.
    [opening, kept] = [next, true];
    let fresh: OpenDatabase | undefined;
    try {
      fresh = await next;
      // Before the switch: a set-up the database refuses leaves the profile as it was.
      await prepare?.(fresh);
      // Everything on disk before the switch: a reload right after must find it complete.
      await (await fresh.db.current()).pglite.syncToFs();
    } catch (e) {
      [opening, kept] = [previous, previousKept];
      await fresh?.close().catch(() => undefined);
      await deleteDataDir(dataDir);
      throw e;
    }
    const old = currentDataDir();
    switchDataDir(dataDir);
    localStorage.removeItem(sessionKey);
    lastHome.forget();
    await previous?.then((d) => d.close()).catch(() => undefined);
    await deleteDataDir(old);
  }

  const localDatabase: LocalDatabase = {
    async holdsDemoData() {
      const [database, { holdsDemoData }] = await Promise.all([open(), loadDatabase()]);
      return holdsDemoData(database.db);
    },
    resetDemo: () => replaceDatabase(),
    async storedFiles() {
      const { storedFilesZip } = await import('./stored-files.js');
      const file = await storedFilesZip(currentDataDir());
      return file && { fileName: `本机数据库原始文件-${new Date().toISOString().slice(0, 10)}.zip`, file };
    },
    async discard() {
      const broken = currentDataDir();
      await opening?.then((d) => d.close()).catch(() => undefined);
      opening = undefined;
      // Nothing is being opened now: the progress bar of the failed attempt goes.
      progress.set(undefined);
      // A new, not yet created directory: the first run finds no database and offers its choice.
      switchDataDir(newDataDir());
      localStorage.removeItem(sessionKey);
      lastHome.forget();
      await deleteDataDir(broken);
    },
    async backup(session) {
      const [database, { backupDatabase }] = await Promise.all([open(), loadDatabase()]);
      return backupDatabase(database, session);
    },
    async exportAll(session) {
      const [database, { exportStreet }] = await Promise.all([open(), loadDatabase()]);
      return exportStreet(database, session, model);
    },
    async restore(file) {
      const { backupData } = await loadDatabase();
      await replaceDatabase(await backupData(file));
    },
  };

  /** Sign-ins and sign-outs so far: a sign-in's session is stored only while it is the latest. */
  let signIns = 0;
  /**
   * Sessions answered from the shipped file, by the very object `signIn` returned: the database's
   * confirmation, which `connect` waits for. Kept whatever else is signed in or out meanwhile, so
   * that such a session can never connect unconfirmed; asked again (`check`) by a retry after the
   * database did not open, never after it refused the password.
   */
  const unconfirmed = new WeakMap<SignedInSession, { check(): Promise<boolean>; done?: Promise<void> }>();

  /**
   * The database's answer to a sign-in: the account if the password is right, and the shipped
   * homes that hold for it (none once anything was written; see shipped-homes.ts).
   */
  async function databaseSignIn(email: string, password: string, storeAtOnce = false) {
    const [database, { checkPassword, shippedHomes }] = await Promise.all([open(true, storeAtOnce), loadDatabase()]);
    const [session, shipped] = await Promise.all([checkPassword(database.db, email, password), shippedHomes(database).catch(() => () => undefined)]);
    return { database, session, shipped };
  }

  /**
   * The database's word on a sign-in answered from the shipped file: the password checked as any
   * other sign-in's, the session then stored; true when the database is also still the snapshot
   * the figures were computed on (its identity: see shipped-homes.ts), so that they were current.
   * Fails when the password is refused or the database does not open: that session never counts.
   */
  async function confirm(signIn: number, email: string, password: string, early: { session: SignedInSession; home: { stamp: string } }): Promise<boolean> {
    // Signing in with a demo account is the first visit's choice of the demo data: stored at once
    // if PostgreSQL has not started on it yet, so the figures' stamp (and the restamp below) can follow.
    const { database, session, shipped } = await databaseSignIn(email, password, true);
    if (session?.userId !== early.session.userId) {
      // The figures shown were an account's the database does not know so: not kept.
      lastHome.forget();
      throw new SignInRefused('邮箱或密码不正确');
    }
    // For the benchmark's breakdown of a first visit.
    performance.mark('fazhi:signed-in:confirmed');
    if (signIn === signIns) localStorage.setItem(sessionKey, JSON.stringify(session));
    const proven = shipped(session.userId)?.stamp === early.home.stamp;
    if (proven) void keepCurrentOnceStored(database, session.userId, early.home.stamp).catch(() => undefined);
    return proven;
  }
  /**
   * Shipped figures shown as current are stamped as the stored database's once it is stored, if
   * nothing was written before or since (the identity read after the stamp is still the
   * snapshot's): a reload before the database's own answer then finds them current too.
   */
  async function keepCurrentOnceStored(database: OpenDatabase, userId: string, stamp: string): Promise<void> {
    await database.firstStore;
    const stored = await figureStamp(database.dataDir)();
    const { shippedHomes } = await loadDatabase();
    if (stored && (await shippedHomes(database))(userId)?.stamp === stamp) lastHome.restamp(stamp, stored);
  }
  /** Waits for the database to confirm `session`'s sign-in, when it was answered from the shipped file. */
  async function confirmed(session: SignedInSession): Promise<void> {
    const entry = unconfirmed.get(session);
    if (!entry) return;
    try {
      await (entry.done ??= entry.check().then(() => undefined));
    } catch (e) {
      // Refused: that session never counts. The database not opened: the next try asks again.
      if (!(e instanceof SignInRefused)) delete entry.done;
      throw e;
    }
  }

  const firstRun: FirstRun = {
    async needed() {
      if (opening) return !kept;
      const dataDir = currentDataDir();
      // Left empty: a first visit closed before its demo data was stored (or before it was chosen).
      return !(await indexedDB.databases()).some((d) => d.name === idbDatabaseName(dataDir)) || (await leftEmptyByIdbfs(dataDir));
    },
    prepare() {
      prepareWorker();
      // The database client too, so the choice's first step does not wait for it.
      void loadDatabase().catch(() => undefined);
    },
    expectDemo() {
      // A failure is the sign-in's to report, when it asks for the same database.
      void open(false).catch(() => undefined);
      void loadDatabase()
        .then((m) => m.expectFirstVisitSignIn())
        .catch(() => undefined);
    },
    async setUp(setup) {
      const { loadEmptySnapshot, setUpStreet } = await loadDatabase();
      await replaceDatabase(await loadEmptySnapshot(), (fresh) => setUpStreet(fresh, setup));
    },
  };

  return {
    kind: 'embedded',
    description: '本机数据库（浏览器内，数据只保存在本浏览器）',
    demoLogins: demoAccounts.map((a) => ({ email: a.email, password: demoPassword, displayName: a.displayName })),
    warmUp() {
      return open().then(() => undefined);
    },
    async restoreSession() {
      return readSession();
    },
    async signIn(email, password) {
      const signIn = ++signIns;
      // A first visit's demo data on its way, not yet chosen: the database being loaded is the
      // snapshot as shipped, and a demo account's sign-in is answered from the shipped file (see
      // shipped-homes.ts), its figures shown while the snapshot arrives. The database confirms it
      // as soon as it opens (`confirm`); nothing is stored, nothing connects, before.
      const early = opening && !kept ? await loadDatabase().then((m) => m.firstVisitSignIn(email, password)) : undefined;
      if (early) {
        const check = () => confirm(signIn, email, password, early);
        const first = check();
        const done = first.then(() => undefined);
        // Reported by `connect`, which waits for it; a session signed out of before asks no more.
        done.catch(() => undefined);
        unconfirmed.set(early.session, { check, done });
        await lastHome.checked.then(() => lastHome.adopt(early.home, first));
        return early.session;
      }
      const { session, shipped } = await databaseSignIn(email, password);
      if (!session) throw new Error('邮箱或密码不正确');
      // A demo account on the demo data as shipped (a first visit): its home figures were computed
      // with the data, and are shown as current while the database computes them again.
      const home = shipped(session.userId);
      if (home) await lastHome.checked.then(() => lastHome.adopt(home));
      if (signIn === signIns) localStorage.setItem(sessionKey, JSON.stringify(session));
      return session;
    },
    async changeOwnPassword(session, currentPassword, newPassword) {
      await confirmed(session);
      const [database, { changeOwnPassword }] = await Promise.all([open(), loadDatabase()]);
      await changeOwnPassword(database.db, session, currentPassword, newPassword);
      const changed: SignedInSession = { ...session, mustChangePassword: false };
      localStorage.setItem(sessionKey, JSON.stringify(changed));
      return changed;
    },
    async signOut() {
      signIns++;
      localStorage.removeItem(sessionKey);
      lastHome.forget();
    },
    async connect(session) {
      await confirmed(session);
      const [database, { connectAs }] = await Promise.all([open(), loadDatabase()]);
      const remembered = lastHome.recallFor(session.userId);
      const stamp = figureStamp(database.dataDir);
      return connectAs(database, session, model, lastHome.forget, remembered && { orgId: remembered.orgId, year: remembered.year }, () => database.firstStore.then(stamp));
    },
    localDatabase,
    progress,
    firstRun,
    figureMemory: lastHome,
  };
}

/** The database refused a sign-in the shipped file had answered (see `confirm`). */
class SignInRefused extends Error {
  override name = 'SignInRefused';
}

/** The latest progress of opening the database, for whichever page shows it. */
function progressFeed(): ProgressFeed & { set(p: DatabaseProgress | undefined): void } {
  let latest: DatabaseProgress | undefined;
  const listeners = new Set<() => void>();
  return {
    current: () => latest,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(p) {
      latest = p;
      listeners.forEach((l) => l());
    },
  };
}
