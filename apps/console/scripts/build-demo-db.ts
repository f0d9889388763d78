// Builds the embedded console's demo database: the seed migrated and loaded into PGlite, plus the
// demo accounts, dumped as a data-directory snapshot the browser starts from on a first visit
// (public/demo/, served as /demo/; tars with brotli and gzip copies), with each demo account's
// first home figures computed on it (shipped-homes.ts). Skipped when schema, seed,
// the code that builds it and PGlite are unchanged; taken from the build cache (scripts/build-cache.mjs)
// when another build on this machine made the same snapshot: building and compressing it takes minutes.
import { loadDataset } from '@fazhi/dataset';
import { datasetAsOf, defaultMigrationsDir, releaseSnapshot, defaultShimFile, demoAccounts, demoOrgsOf, demoPassword, insertDataset, migrate, migrateModel, openPglite, seedDemoUsers, type PgliteDatabase } from '@fazhi/db';
import { loadConfig } from '@fazhi/model/node';
import * as pluginSdk from '@fazhi/plugin-sdk';
import { composeConsole } from '@fazhi/plugin-sdk/host';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deferIndexes } from '../src/backend/embedded/deferred-indexes.js';
import type { DemoManifest } from '../src/backend/embedded/demo-manifest.js';
import type { ShippedHomes } from '../src/backend/embedded/shipped-homes.js';
import { withDemoStreet } from './demo-street.js';
import { buildCacheDir } from './build-cache.mjs';
import { findConfigFile } from './fazhi-config-plugin.js';
import { pgliteDist, pgliteRuntimeBytes } from './pglite-dist.js';
import { computeShippedHomes } from './shipped-homes.js';
import { precompressFile } from './precompress.mjs';
import { filterTar, tarEntries } from './tar-filter.js';

const here = dirname(fileURLToPath(import.meta.url));
const seedDir = resolve(here, '../../../seeds/nansha-2024');
// For the browser upgrade test: FAZHI_DEMO_BEFORE=<version> builds the snapshot an older console
// shipped (only the migrations before that version) into FAZHI_DEMO_OUT instead of public/demo.
const before = process.env.FAZHI_DEMO_BEFORE;
const outDir = process.env.FAZHI_DEMO_OUT ? resolve(process.env.FAZHI_DEMO_OUT) : resolve(here, '../public/demo');
const shipped = (f: string) => f.endsWith('.sql') && (!before || f < before);
// The model the console is built for (the same fazhi.config.ts as the bundle): plugin kinds get
// their tables in the snapshot, and the seed may hold their records.
const configFile = findConfigFile(resolve(here, '..'));
// Plugins get the console's own SDK, as they do in the bundle.
const loaded = await loadConfig({ cwd: dirname(configFile), file: configFile, hostModules: { '@fazhi/plugin-sdk': pluginSdk } });
const { model } = loaded;
// The plugins as the console composes them: the demo accounts' first home pages are computed ahead.
const composition = composeConsole(loaded.plugins.map((p) => p.extension));

/** The migrations to apply: all of them, or a folder with only those before FAZHI_DEMO_BEFORE. */
function migrationsDir(): string {
  if (!before) return defaultMigrationsDir();
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-demo-migrations-'));
  for (const f of readdirSync(defaultMigrationsDir()).filter(shipped)) copyFileSync(join(defaultMigrationsDir(), f), join(dir, f));
  return dir;
}

/** Every TypeScript source under `dir` but tests, in a stable order. */
function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !/\.test(-helper)?\.tsx?$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * The snapshot's key: everything it is made from. Besides the migrations, seed, model and this
 * script, the code that loads and inserts the seed (@fazhi/dataset, @fazhi/db) and PGlite itself:
 * the build cache is shared by every checkout on the machine, which may differ in any of them.
 */
function inputsKey(): string {
  const h = createHash('sha256');
  h.update(readFileSync(join(pgliteDist, '..', 'package.json')));
  // The shipped home figures are computed by @fazhi/metrics (with @fazhi/domain) through the SDK's host.
  const packages = ['db/src', 'dataset/src', 'metrics/src', 'domain/src', 'plugin-sdk/src/host'].flatMap((d) => sources(resolve(here, '../../../packages', d)));
  for (const f of packages) h.update(f.slice(f.indexOf('packages/'))).update(readFileSync(f));
  const migrations = defaultMigrationsDir();
  for (const f of readdirSync(migrations).filter(shipped).sort()) h.update(f).update(readFileSync(join(migrations, f)));
  h.update(readFileSync(defaultShimFile()));
  for (const f of readdirSync(seedDir).sort()) if (/\.(csv|json)$/.test(f)) h.update(f).update(readFileSync(join(seedDir, f)));
  const consoleFiles = ['../src/backend/embedded/deferred-indexes.ts', 'shipped-homes.ts', '../src/backend/embedded/shipped-homes.ts', '../src/backend/indicator-cache.ts', '../src/home/figure-memory.ts', '../src/home/home-layout.ts', '../src/shell/scope.ts'];
  for (const f of ['build-demo-db.ts', 'demo-street.ts', 'pglite-dist.ts', ...consoleFiles]) h.update(readFileSync(join(here, f)));
  h.update(JSON.stringify(demoAccounts)).update(JSON.stringify(model.registry.list())).update(JSON.stringify(model.catalog));
  // What the home page shows of each plugin, and where (the plugins' own sources are not read).
  h.update(JSON.stringify(composition.plugins.map((p) => [p.id, p.area, p.dashboard])));
  return h.digest('hex').slice(0, 12);
}

const key = inputsKey();
/** A snapshot set's files: the demo and empty snapshots and the demo accounts' home figures (each with its compressed copies). */
const setFiles = (k: string) => [`fazhi-demo-${k}.tar`, `fazhi-empty-${k}.tar`, `fazhi-homes-${k}.json`] as const;
const inSet = (f: string, k: string) => setFiles(k).some((name) => f.startsWith(name));
/**
 * Indexes at least this large are built by the browser on first open instead of downloaded: the
 * hotline tickets' (about 2.5 MB of brotli, under a second to build); the many small ones would
 * cost more statements than they save bytes.
 */
const deferredIndexMinBytes = 256 * 1024;
/** Snapshot sets the cache keeps (each about 75 MB with its copies): enough for a few branches. */
const keptSnapshotSets = 3;
/**
 * WAL segment size of the snapshots' clusters, in MB. A snapshot keeps its current segment whole
 * (zeros past the last record compress to nothing, but the browser still unpacks them into memory
 * and stores them in IndexedDB on the first visit, and reads them back on every later one):
 * PostgreSQL's default 16 MB segment was a quarter of the demo snapshot; 1 MB is its smallest.
 */
const walSegmentMB = 1;
const manifestFile = join(outDir, 'manifest.json');
const current = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as DemoManifest) : undefined;
// Each snapshot with its brotli and gzip copies (an older release's, for the upgrade test, without).
const complete = (name: string | undefined) => !!name && ['', ...(before ? [] : ['.br', '.gz'])].every((c) => existsSync(join(outDir, name + c)));
if (current?.snapshot === `fazhi-demo-${key}.tar` && complete(current.snapshot) && complete(current.emptySnapshot) && (before || complete(current.shippedHomes?.file))) {
  console.log(`演示数据库已是最新：public/demo/${current.snapshot}`);
  process.exit(0);
}

// The snapshots with their copies and manifest, as one folder per key (an older release's, for the upgrade test, is not cached).
const cacheRoot = before ? undefined : buildCacheDir();
const cachedSet = cacheRoot && join(cacheRoot, 'demo', key);
if (cachedSet && existsSync(join(cachedSet, 'manifest.json'))) {
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(cachedSet)) if (f !== 'manifest.json') copyFileSync(join(cachedSet, f), join(outDir, f));
  // The manifest last: until it is there, the folder is not a complete snapshot.
  copyFileSync(join(cachedSet, 'manifest.json'), manifestFile);
  const now = new Date();
  utimesSync(cachedSet, now, now);
  removeOlderSnapshots(key);
  console.log(`演示数据库取自构建缓存：public/demo/fazhi-demo-${key}.tar（${cachedSet}）`);
  process.exit(0);
}

/** Older snapshots go, with their copies. */
function removeOlderSnapshots(k: string): void {
  for (const f of readdirSync(outDir)) if (/^fazhi-(demo|empty|homes)-/.test(f) && !inSet(f, k)) rmSync(join(outDir, f), { force: true });
}

/** Keeps this snapshot set for the next build on the machine, and only the few most recently used. */
function storeInCache(files: string[]): void {
  if (!cachedSet) return;
  const temp = `${cachedSet}.${process.pid}.tmp`;
  mkdirSync(temp, { recursive: true });
  for (const f of files) copyFileSync(join(outDir, f), join(temp, f));
  rmSync(cachedSet, { recursive: true, force: true });
  renameSync(temp, cachedSet);
  const sets = readdirSync(dirname(cachedSet))
    .filter((d) => !d.endsWith('.tmp'))
    .map((d) => ({ dir: join(dirname(cachedSet), d), used: statSync(join(dirname(cachedSet), d)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const { dir } of sets.slice(keptSnapshotSets)) rmSync(dir, { recursive: true, force: true });
}

/**
 * A migrated PGlite's data directory as a snapshot under `outDir`, the smallest the browser can
 * start from: no template databases, packed tables and indexes, no free-space maps, only the
 * current WAL segment and that one zeroed past its last record. A plain tar with brotli and gzip
 * copies beside it: the server sends the smallest the browser accepts (Content-Encoding), the
 * browser inflates it as it arrives.
 */
async function writeSnapshot(db: PgliteDatabase, name: string, deferLargeIndexes = false): Promise<{ bytes: number; brotliBytes: number; gzipBytes: number; deferred: string[] }> {
  // The template databases are only for CREATE DATABASE, which the console never runs: without
  // them the snapshot, and what a browser reads from IndexedDB on every visit, is 15 MB smaller.
  await db.exec(`update pg_database set datistemplate = false where datname in ('template0', 'template1')`);
  await db.query('drop database template0');
  await db.query('drop database template1');
  // The largest indexes are left for the browser to build (deferred-indexes.ts).
  const deferred = deferLargeIndexes ? await deferIndexes(db, deferredIndexMinBytes) : [];
  // Every table rewritten with its indexes, the system catalogs too: the migrations leave their
  // old rows (replaced functions, altered tables) and indexes filled row by row are about a third
  // empty. Packed, and without the free-space maps, the demo snapshot is 39.2 MB instead of 44.7.
  // The plain vacuum after it sets the visibility maps (index-only scans) and the statistics,
  // which a full one does not.
  await db.exec('vacuum full');
  await db.exec('vacuum analyze');
  // A new WAL segment first, so the checkpoint's segment holds the checkpoint and little else.
  await db.query('select pg_switch_wal()');
  await db.exec('checkpoint');
  // After the checkpoint only the current WAL segment is needed; the others are 16 MB each of
  // recycled files kept for reuse (Postgres makes new ones). Past the last record, the current
  // one holds leftovers of an earlier segment: zeros instead, as in a new segment, compress to nothing.
  const { rows } = await db.query<{ wal: string; offset: number }>('select file_name as wal, file_offset as offset from pg_walfile_name_offset(pg_current_wal_insert_lsn())');
  const { wal, offset } = rows[0]!;
  const walPage = 8192;
  const walSegment = /(^|\/)pg_wal\/[0-9A-F]{24}$/;
  // Free-space maps (3.4 MB of the demo) only say where a page has room; without one PostgreSQL
  // appends to the table, and the next vacuum writes it again. Each is read from IndexedDB on every visit.
  const freeSpaceMap = /_fsm$/;
  const blob = await db.dumpDataDir();
  const bytes = filterTar(new Uint8Array(await blob.arrayBuffer()), (path) => (!walSegment.test(path) || path.endsWith(wal)) && !freeSpaceMap.test(path));
  const segment = [...tarEntries(bytes)].find((e) => e.path.endsWith(`pg_wal/${wal}`));
  if (!segment) throw new Error(`快照里没有当前的预写日志段 ${wal}`);
  bytes.fill(0, segment.at + 512 + Math.ceil(offset / walPage) * walPage, segment.at + 512 + segment.size);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `${name}.tmp`), bytes);
  renameSync(join(outDir, `${name}.tmp`), join(outDir, name));
  // An older release's snapshot (the upgrade test) is served once, as it is: no copies needed.
  // Not through the content cache: no two builds make the same bytes (the set is cached by its key instead).
  if (!before) await precompressFile(join(outDir, name), { cacheDir: undefined });
  const size = (f: string) => (existsSync(join(outDir, f)) ? statSync(join(outDir, f)).size : 0);
  return { bytes: bytes.length, brotliBytes: size(`${name}.br`), gzipBytes: size(`${name}.gz`), deferred };
}

const mb = (n: number) => (n ? `${(n / 1048576).toFixed(1)} MB` : '无');

const started = performance.now();
const registry = model.registry;
const dataset = await loadDataset(seedDir, { registry });
const demoYear = Math.max(...dataset.manifest.years);
const [snapshot, emptySnapshot, homesFile] = setFiles(key);
let migrations: string[] = [];
let shippedHomes: ShippedHomes | undefined;
const db = await openPglite({ walSegmentMB });
try {
  const migrated = await migrate(db, { migrationsDir: migrationsDir() });
  migrations = migrated.applied.map((m) => m.file);
  // An older release's snapshot (FAZHI_DEMO_BEFORE) knew no model migration: the console's upgrade adds it.
  if (!before) await migrateModel(db, model);
  // An older release's schema holds only the kinds, fields and options it had: today's seed as it could hold it.
  const demo = withDemoStreet(before ? datasetAsOf(dataset, releaseSnapshot) : dataset, registry);
  // An older release's schema lacks the columns added since: those values are left out.
  const seeded = await insertDataset(db, demo, { registry, existingColumnsOnly: before !== undefined });
  await seedDemoUsers(db, demoOrgsOf(dataset.orgs, dataset.manifest.rootOrgId));
  // An older release's snapshot (the upgrade test) is as that release shipped it: all indexes in.
  const written = await writeSnapshot(db, snapshot, !before);
  // An older release's snapshot shipped no home figures.
  if (!before) {
    const { accounts, ...shipped } = await computeShippedHomes(readFileSync(join(outDir, snapshot)), composition, demoYear);
    writeFileSync(join(outDir, homesFile), JSON.stringify(accounts));
    await precompressFile(join(outDir, homesFile), { cacheDir: undefined });
    shippedHomes = { file: homesFile, ...shipped };
  }
  const records = Object.values(seeded.records).reduce((a, b) => a + b, 0);
  console.log(`演示数据库：${records} 条记录、${seeded.orgUnits} 个机构 → ${relative(process.cwd(), join(outDir, snapshot))}（${mb(written.bytes)}，brotli ${mb(written.brotliBytes)}，gzip ${mb(written.gzipBytes)}，${written.deferred.length} 个索引留待浏览器建立，${((performance.now() - started) / 1000).toFixed(1)} 秒）`);
} finally {
  await db.close();
}

// 建立本单位 starts from this one: the same schema and model, pgcrypto where Supabase keeps it
// (the first admin's password is hashed with it), and no unit, record or account.
const empty = await openPglite({ walSegmentMB });
try {
  await migrate(empty, { migrationsDir: migrationsDir() });
  if (!before) await migrateModel(empty, model);
  await empty.exec('create schema if not exists extensions; create extension if not exists pgcrypto with schema extensions;');
  const written = await writeSnapshot(empty, emptySnapshot);
  console.log(`空数据库（建立本单位用）→ ${relative(process.cwd(), join(outDir, emptySnapshot))}（${mb(written.bytes)}，brotli ${mb(written.brotliBytes)}）`);
} finally {
  await empty.close();
}

const manifest: DemoManifest = {
  snapshot,
  bytes: statSync(join(outDir, snapshot)).size,
  emptySnapshot,
  emptyBytes: statSync(join(outDir, emptySnapshot)).size,
  runtimeBytes: pgliteRuntimeBytes(),
  migrations,
  year: demoYear,
  seed: dataset.manifest.name,
  accounts: demoAccounts.map((a) => ({ email: a.email, displayName: a.displayName })),
  password: demoPassword,
  ...(shippedHomes ? { shippedHomes } : {}),
};
writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
removeOlderSnapshots(key);
storeInCache([...readdirSync(outDir).filter((f) => inSet(f, key)), 'manifest.json']);
