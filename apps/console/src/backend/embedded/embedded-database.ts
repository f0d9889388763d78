import { appliedVersions, asUser, checkPassword, directCalls, type Database, logPersonalDataAccess, type OrgSetup, PgliteDatabase, queriesAs, readDatabaseRecords, readStreetCopy, setUpOrganisation, streetCopyFiles, sqlAccessStore, sqlAttachmentStore, sqlDuplicateKeySource, sqlEvaluator, sqlLocalAccounts, sqlOrgStore, sqlRecordImporter, sqlReportStore, textParsers } from '@fazhi/db/browser';
import { sqlDataProvider } from '@fazhi/db/refine';
import { todayInShanghai } from '@fazhi/domain';
import type { FazhiModel } from '@fazhi/model';
import { cachingIndicatorSource, notifyingServices } from '../indicator-cache.js';
import { readConsoleUser } from '@fazhi/plugin-sdk/host';
import type { ConnectedBackend, DatabaseProgress, SignedInSession } from '../backend.js';
import { backupFileName, readBackupFile, writeBackupFile } from './backup-file.js';
import { shippedMigrationVersions, upgradeEmbeddedDatabase } from './browser-migrations.js';
import { demoManifestPath, type DemoManifest } from './demo-manifest.js';
import { holdsDemoData } from './demo-data.js';
import { currentShippedHomes, firstVisitAccount, type ShippedAccount } from './shipped-homes.js';
export { holdsDemoData };
import { boundedDatabase, type BoundedDatabase, type Connection } from './bounded-database.js';
import { takeWorker } from './spare-worker.js';
import { attachMessage, keptMessage, leadingMessage, openFailedMessage, progressMessage, stepMessage, upgradedMessage, type EmbeddedWorkerMeta, type ProgressMessage, type StepMessage } from './worker-meta.js';

// The heavy half of the embedded backend (database client, data provider, evaluator), loaded when
// the sign-in page starts warming up, so the page itself stays small.

export interface OpenDatabase {
  /** The IndexedDB data directory it lives in. */
  dataDir: string;
  /** Every call bounded in time (PGlite ignores statement_timeout): see bounded-database.ts. */
  db: BoundedDatabase<PgliteDatabase>;
  manifest: DemoManifest;
  /**
   * Settles once the demo data a first visit downloaded is stored in IndexedDB (or its store
   * failed), at once when there is none to store. Figures computed before it could not be stamped
   * as the stored database's (nothing was stored yet), so the figure stamp waits for it.
   */
  firstStore: Promise<void>;
  close(): Promise<void>;
}

/** How long one call to the embedded database may take before its worker is restarted. */
export const queryTimeLimitMs = 30_000;

/** Base URL of the app (Vite's `base`), so the console also works under a sub-path. */
export const assetUrl = (path: string) => new URL(path, new URL(import.meta.env.BASE_URL, window.location.href)).href;

/** Marks each step in the Performance timeline (`fazhi:db:…`), for the benchmark and the curious. */
const mark = (step: string) => performance.mark(`fazhi:db:${step}`);

/** A database that opened but is not one of ours (e.g. an empty cluster left by an interrupted reset). */
export class BrokenDatabaseError extends Error {
  override name = 'BrokenDatabaseError';
}

/**
 * A JSON file of this build, fetched once per page (the manifest and the files it names describe
 * the build the page belongs to); a failed fetch is asked again by the next caller.
 */
const fetchedOnce = new Map<string, Promise<unknown>>();
function fetchJsonOnce<T>(path: string, failure: (status: number) => string): Promise<T> {
  let loading = fetchedOnce.get(path);
  if (!loading) {
    loading = fetch(assetUrl(path)).then(async (res) => {
      if (!res.ok) throw new Error(failure(res.status));
      return (await res.json()) as unknown;
    });
    loading.catch(() => fetchedOnce.delete(path));
    fetchedOnce.set(path, loading);
  }
  return loading as Promise<T>;
}

export function loadDemoManifest(): Promise<DemoManifest> {
  return fetchJsonOnce(demoManifestPath, (status) => `找不到演示数据库说明文件（${demoManifestPath}：HTTP ${status}）。请先执行 pnpm build`);
}

/**
 * Starts a worker on `dataDir` (a new one starts from the demo snapshot, or from `loadDataDir`),
 * checks that it holds our schema and brings it up to this build's migrations.
 */
async function connectWorker(
  dataDir: string,
  manifest: DemoManifest,
  model: FazhiModel,
  onProgress: (p: DatabaseProgress) => void,
  loadDataDir?: Blob,
  options: OpenOptions = {},
): Promise<Connection<PgliteDatabase> & { firstStore: Promise<void> }> {
  // Loaded on demand: the sign-in page must not wait for the database client.
  const { PGliteWorker } = await pgliteWorkerClient;
  const worker = takeWorker();
  let fresh = false; // started from a snapshot or backup rather than what IndexedDB keeps
  let leading = false; // this tab's worker runs PostgreSQL (listened for before it can be posted)
  let stored!: () => void;
  const storeEnded = new Promise<void>((resolve) => (stored = resolve));
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('message', (ev: MessageEvent<{ type?: string; message?: string } | ProgressMessage | StepMessage>) => {
      if (ev.data?.type === leadingMessage) leading = true;
      else if (ev.data?.type === stepMessage) {
        const { step, at } = ev.data as StepMessage;
        performance.mark(`fazhi:db:worker:${step}`, { startTime: at - performance.timeOrigin });
        if (step === 'stored' || step === 'store-failed') stored();
      } else if (ev.data?.type === progressMessage) {
        const { progress } = ev.data as ProgressMessage;
        if (progress.step === 'start') fresh = progress.fresh;
        onProgress(progress);
      }
      else if (ev.data?.type === openFailedMessage) reject(new BrokenDatabaseError(`无法打开本机数据库：${(ev.data as { message?: string }).message ?? '未知错误'}`));
    });
  });
  const meta: EmbeddedWorkerMeta = {
    dataDir,
    snapshotUrl: assetUrl(`demo/${manifest.snapshot}`),
    downloadBytes: { snapshot: manifest.bytes, ...manifest.runtimeBytes },
    ...(loadDataDir ? { loadDataDir } : {}),
    ...(options.storeDemoInBackground ? { storeDemoInBackground: true } : {}),
  };
  try {
    mark('worker');
    // One leader election per data directory: tabs on different directories must not share one.
    // Posted in the same task as PGliteWorker starts listening: the worker's first answer finds it listening.
    worker.postMessage({ type: attachMessage });
    void (options.kept ?? Promise.resolve()).then((atOnce) => atOnce === true && worker.postMessage({ type: keptMessage }));
    const pg = await Promise.race([PGliteWorker.create(worker, { id: `fazhi:${dataDir}`, meta }), failed]);
    mark('worker-ready');
    // While this tab's worker leads (runs PostgreSQL), a query or batch goes to it in one message.
    const db = new PgliteDatabase(pg, { parsers: textParsers, direct: { calls: directCalls(worker), available: () => leading } });
    if (localStorage.getItem('fazhi.debug')) logQueries(db);
    // PGliteWorker is ready before PostgreSQL is: the first query waits for the worker's start
    // (IndexedDB read, PostgreSQL started), so the upgrade step begins once it answers.
    await Promise.race([checkSchema(db), failed]);
    mark('started');
    onProgress({ step: 'upgrade', fresh });
    // The shipped migration files, then the composed model (plugin kinds, streets' extensions).
    await upgradeEmbeddedDatabase(db, model);
    // Demo data loaded ahead of a first visit's choice is stored only once the page keeps it.
    void (options.kept ?? Promise.resolve()).then(() => worker.postMessage({ type: upgradedMessage }));
    mark('migrated');
    onProgress({ step: 'ready' });
    // Only this tab's worker stores, and only demo data it downloaded (db.worker.ts: storeLater).
    const storesLater = leading && fresh && !loadDataDir && options.storeDemoInBackground === true;
    return {
      db,
      firstStore: storesLater ? storeEnded : Promise.resolve(),
      terminate() {
        worker.terminate();
        stored();
      },
    };
  } catch (e) {
    worker.terminate();
    throw e;
  }
}

/** Our databases record their migrations; an empty or foreign cluster does not. */
async function checkSchema(db: PgliteDatabase): Promise<void> {
  const { rows } = await db.query<{ ok: boolean }>(`select to_regclass('supabase_migrations.schema_migrations') is not null and to_regclass('public.org_units') is not null as ok`);
  if (!rows[0]?.ok) throw new BrokenDatabaseError('本机数据库不完整（缺少数据库结构），可能是上次重置或恢复被打断');
}

/** The client side of PGlite's worker, fetched as soon as this module loads (beside the manifest). */
const pgliteWorkerClient = import('@electric-sql/pglite/worker');
// Awaited by the first open; a failed download is reported there, not as an unhandled rejection.
pgliteWorkerClient.catch(() => undefined);

export interface OpenOptions {
  /** The profile's own database: demo data downloaded for it may be stored after the first queries (see EmbeddedWorkerMeta). */
  storeDemoInBackground?: boolean;
  /**
   * Settles when the page keeps this database (a first visit's demo data loaded ahead of the
   * choice: see `FirstRun.expectDemo`); until then the demo data it downloads is not stored, and a
   * profile closed meanwhile is still a first visit. Kept from the start when absent. Settling
   * `true`: demo data downloaded is stored at once, ahead of the page's first statement, if it is
   * kept before PostgreSQL has started on it (see `keptMessage`).
   */
  kept?: Promise<boolean | void>;
}

/** Opens (or, for a new `dataDir`, loads) the database, telling `onProgress` each step. */
export async function openDatabase(dataDir: string, model: FazhiModel, onProgress: (p: DatabaseProgress) => void, loadDataDir?: Blob, options: OpenOptions = {}): Promise<OpenDatabase> {
  mark('open');
  const manifest = await loadDemoManifest();
  const first = await connectWorker(dataDir, manifest, model, onProgress, loadDataDir, options);
  // A worker restarted after a stuck call reopens quietly: the console is already in use.
  const db = boundedDatabase(first, () => connectWorker(dataDir, manifest, model, () => undefined, undefined, options), queryTimeLimitMs);
  return { dataDir, db, manifest, firstStore: first.firstStore, close: () => db.close() };
}

/** The empty database 建立本单位 starts from (built beside the demo snapshot). */
export async function loadEmptySnapshot(): Promise<Blob> {
  const manifest = await loadDemoManifest();
  const url = assetUrl(`demo/${manifest.emptySnapshot}`);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`无法下载空数据库（${url}：HTTP ${res.status}）`);
  // A tar (sent compressed, inflated by the browser); typed explicitly: PGlite inflates a gzip blob only when its type says so.
  return new Blob([await res.arrayBuffer()], { type: url.endsWith('.gz') ? 'application/gzip' : 'application/x-tar' });
}

/** 建立本单位 in a new, empty database, as its owner (the database checks the document). */
export async function setUpStreet({ db }: OpenDatabase, setup: OrgSetup): Promise<void> {
  await db.transaction((tx) => setUpOrganisation(tx, setup));
}

export { checkPassword };

/** The shipped accounts file (a first visit's sign-in, then its proof, read it). */
const loadShippedAccounts = (file: string) => fetchJsonOnce<ShippedAccount[]>(`demo/${file}`, (status) => `无法下载演示账号的首页指标（demo/${file}：HTTP ${status}）`);

/**
 * The demo accounts' first home figures shipped with the demo data (see shipped-homes.ts), by
 * user, when this database is that data unchanged: asked beside the sign-in's password check,
 * before anything of the visit could write.
 */
export function shippedHomes({ db, manifest }: Pick<OpenDatabase, 'db' | 'manifest'>) {
  return currentShippedHomes(db, manifest.shippedHomes, todayInShanghai(), loadShippedAccounts);
}

/**
 * A first visit's demo sign-in answered from the shipped file while the snapshot is still on its
 * way (see `firstVisitAccount`); undefined when it cannot be (another account or password, a build
 * without the file, a day its figures no longer hold, the file not to be had).
 */
export async function firstVisitSignIn(email: string, password: string) {
  const manifest = await loadDemoManifest();
  const shipped = manifest.shippedHomes;
  if (!shipped) return undefined;
  const accounts = await loadShippedAccounts(shipped.file).catch(() => undefined);
  return accounts && firstVisitAccount(accounts, shipped, manifest.password, todayInShanghai(), email, password);
}

/** Fetches what `firstVisitSignIn` reads, as a first visit's user starts on the sign-in form. */
export function expectFirstVisitSignIn(): void {
  void loadDemoManifest()
    .then((m) => m.shippedHomes && loadShippedAccounts(m.shippedHomes.file))
    .catch(() => undefined);
}

/** The signed-in user's own password, as that user (the database checks the current one). */
export function changeOwnPassword(db: Database, session: SignedInSession, currentPassword: string, newPassword: string): Promise<void> {
  return sqlLocalAccounts((fn) => asUser(db, { userId: session.userId }, fn)).changeOwnPassword(currentPassword, newPassword);
}

/**
 * Everything the console needs, every call as the signed-in user under row-level security, over
 * the composed model: its kinds for the data provider, its catalog for the figures. `onWrite`
 * hears of every write that may change a figure or who may see it (records, imports, grants,
 * units), after the cached figures are dropped.
 */
export async function connectAs(
  { db, manifest }: { db: Database; manifest: Pick<DemoManifest, 'year'> },
  session: SignedInSession,
  model: FazhiModel,
  onWrite: () => void = () => undefined,
  expected?: { orgId: string; year: number },
  figureStamp?: () => Promise<string | undefined>,
): Promise<ConnectedBackend> {
  const run = <T>(fn: Parameters<typeof asUser<T>>[2]) => asUser(db, { userId: session.userId }, fn);
  const indicators = cachingIndicatorSource(sqlEvaluator(db, { asUser: session.userId, catalog: model.catalog }), figureStamp);
  // The figures the home page will ask for (those of the last visit), queued first: the first
  // indicator query after PostgreSQL starts is the slow one, and it runs as the user under RLS
  // like any other, so it need not wait for the user's memberships to be read.
  if (expected) indicators.prefetch(expected.orgId, expected.year);
  const readUser = () => readConsoleUser((reads) => queriesAs(db, session, reads), session.userId, session.displayName);
  // Asked together, so both queue right behind the prefetch's first step (the ledger span) and
  // ahead of its figures. Dashboards open on the demo data's year; a street of its own on the current year.
  // The console renders while the figures are computed (one direct call, right behind these): a
  // connection that waited up to 400 ms for them, so the first render could show them, was not
  // faster (paired, eight rounds: 2608 against 2555 ms to the confirmed figures painted).
  const [user, demo] = await Promise.all([readUser(), holdsDemoData(db)]);
  if (!user.memberships.length) throw new Error(`账号“${session.email}”没有任何机构的权限，请联系管理员`);
  const written = () => {
    indicators.invalidate();
    onWrite();
  };
  const writable = notifyingServices(
    {
      dataProvider: sqlDataProvider({ db, session: run, reads: (statements) => queriesAs(db, session, statements), registry: model.registry }),
      importer: sqlRecordImporter(run),
      access: sqlAccessStore(run),
      localAccounts: sqlLocalAccounts(run),
      orgs: sqlOrgStore(run),
    },
    written,
  );
  return {
    user,
    reloadUser: readUser,
    ...(demo ? { defaultYear: manifest.year } : {}),
    ...writable,
    indicators,
    attachments: sqlAttachmentStore({ db, session: run }),
    duplicates: sqlDuplicateKeySource(run),
    reports: sqlReportStore(run),
  };
}

/** With `localStorage['fazhi.debug']` set, every statement's start (ms since navigation) and time go to the console. */
function logQueries(db: PgliteDatabase): void {
  const time = <T>(what: string, run: () => Promise<T>) => {
    const t = performance.now();
    return run().finally(() => console.debug(`[fazhi:sql] at ${Math.round(t)} ${Math.round(performance.now() - t)} ms ${what.replace(/\s+/g, ' ').slice(0, 120)}`));
  };
  const query = db.query.bind(db);
  const transaction = db.transaction.bind(db);
  db.query = (sql, params) => time(sql, () => query(sql, params));
  db.transaction = (fn) => time('transaction', () => transaction((tx) => fn({ query: (sql, params) => time(`  ${sql}`, () => tx.query(sql, params)), exec: (sql) => time(`  ${sql}`, () => tx.exec(sql)) })));
  const batch = db.batch.bind(db);
  // A batch as a user starts with the same set_config statement: what follows it says what the batch is.
  db.batch = (statements) => time(`batch ${statements.map((s) => s.sql).filter((sql) => !sql.includes('set_config(')).join('; ')}`, () => batch(statements));
}

/**
 * The whole database as a backup file. The access is logged first (who, when, which unit:
 * 个人信息保护法), through the database's rule, which also refuses anyone but a street admin —
 * so the entry is in the backup too.
 */
export async function backupDatabase(open: OpenDatabase, session: SignedInSession): Promise<{ fileName: string; file: Blob }> {
  const { db } = open;
  const units = await db.query<{ id: string; name: string }>(
    `select u.id, coalesce(nullif(u.short_name, ''), u.name) as name from public.memberships m join public.org_units u on u.id = m.org_id
     where m.user_id = $1 order by (m.role = 'admin') desc, u.name limit 1`,
    [session.userId],
  );
  const unit = units.rows[0];
  if (!unit) throw new Error(`账号“${session.email}”没有任何机构的权限`);
  await asUser(db, { userId: session.userId }, (tx) => logPersonalDataAccess(tx, { action: 'backup', orgId: unit.id, scope: '本机数据库完整备份（含未脱敏个人信息）' }));
  const versions = await appliedVersions(db);
  // Everything written so far into the data files, so the dump needs no WAL replay to be complete.
  await db.exec('checkpoint');
  const dump = await (await db.current()).pglite.dumpDataDir('gzip');
  const createdAt = new Date().toISOString();
  const about = { schemaVersion: versions.sort().at(-1) ?? '', unit, createdAt, createdBy: session.email };
  return { fileName: backupFileName(about), file: await writeBackupFile(dump, about) };
}

/**
 * 导出全部数据: the whole database as one zip that `fazhi import --all --file` loads into an empty
 * server database: the org tree and every kind's ledger (.xlsx) and, for an admin with the
 * personal-data grant, the whole-street copy beside them (records' ids, units, members and
 * accounts, attachments, workflow steps, report drafts and templates, the audit trail, manifest.json
 * with checksums). Without that grant the ledgers are masked and carry no accounts: readable, not
 * importable. Street admins only; the unmasked export is logged first (as a backup is).
 */
export async function exportStreet(open: OpenDatabase, session: SignedInSession, model: FazhiModel): Promise<{ fileName: string; file: Blob; unmasked: boolean }> {
  const { db } = open;
  const admin = (
    await db.query<{ id: string; name: string; personal_data: boolean }>(
      `select u.id, coalesce(nullif(u.short_name, ''), u.name) as name, m.personal_data from public.memberships m join public.org_units u on u.id = m.org_id
       where m.user_id = $1 and m.active and m.role = 'admin' order by m.personal_data desc, u.name limit 1`,
      [session.userId],
    )
  ).rows[0];
  if (!admin) throw new Error('只有街道管理员可以导出全部数据');
  const unmasked = admin.personal_data;
  if (unmasked) await asUser(db, { userId: session.userId }, (tx) => logPersonalDataAccess(tx, { action: 'backup', orgId: admin.id, scope: '导出全部数据（整库副本，含未脱敏个人信息与账号）' }));
  const kinds = model.registry.list();
  const read = await readDatabaseRecords(db, { registry: model.registry });
  const root = read.orgs.get(read.rootOrgId);
  const { exportAllLedgers } = await import('@fazhi/ledger');
  const ledgers = await exportAllLedgers({ units: [...read.orgs.units.values()], kinds, recordsOf: (id) => read.records.get(id) ?? [], unitLabel: root.shortName || root.name, masked: !unmasked });
  const files = new Map([...ledgers].map(([name, l]) => [name, l.bytes] as const));
  if (unmasked) for (const [name, bytes] of await streetCopyFiles(ledgers, await readStreetCopy(db, kinds))) files.set(name, bytes);
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const [name, bytes] of files) zip.file(name, bytes);
  const file = await zip.generateAsync({ type: 'blob', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  const date = new Date().toISOString().slice(0, 10);
  return { fileName: `${admin.name}-${unmasked ? '全部数据' : '全部数据（已打码）'}-${date}.zip`, file, unmasked };
}

/** The newest migration version this build ships (a backup may not be newer). */
export const newestSchemaVersion = (): string => shippedMigrationVersions().sort().at(-1) ?? '';

/** The data of a backup file, checked (format, length, checksum, schema version), ready to load. */
export async function backupData(file: Blob): Promise<Blob> {
  const { data } = await readBackupFile(file, newestSchemaVersion());
  const head = new Uint8Array(await data.slice(0, 2).arrayBuffer());
  // PGlite inflates a dump only when its type says gzip.
  return new Blob([data], { type: head[0] === 0x1f && head[1] === 0x8b ? 'application/gzip' : 'application/x-tar' });
}
