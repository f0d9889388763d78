// Builds the embedded console's demo database: the seed migrated and loaded into PGlite, plus the
// demo accounts, dumped as a data-directory snapshot the browser starts from on a first visit
// (public/demo/, served as /demo/). Skipped when schema, seed and this script are unchanged.
import { loadDataset } from '@fazhi/dataset';
import { datasetAsOf, defaultMigrationsDir, releaseSnapshot, defaultShimFile, demoAccounts, demoOrgsOf, demoPassword, insertDataset, migrate, migrateModel, openPglite, seedDemoUsers, type PgliteDatabase } from '@fazhi/db';
import { loadConfig } from '@fazhi/model/node';
import * as pluginSdk from '@fazhi/plugin-sdk';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { DemoManifest } from '../src/backend/embedded/demo-manifest.js';
import { withDemoStreet } from './demo-street.js';
import { findConfigFile } from './fazhi-config-plugin.js';
import { filterTar } from './tar-filter.js';

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
const { model } = await loadConfig({ cwd: dirname(configFile), file: configFile, hostModules: { '@fazhi/plugin-sdk': pluginSdk } });

/** The migrations to apply: all of them, or a folder with only those before FAZHI_DEMO_BEFORE. */
function migrationsDir(): string {
  if (!before) return defaultMigrationsDir();
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-demo-migrations-'));
  for (const f of readdirSync(defaultMigrationsDir()).filter(shipped)) copyFileSync(join(defaultMigrationsDir(), f), join(dir, f));
  return dir;
}

function inputsKey(): string {
  const h = createHash('sha256');
  const migrations = defaultMigrationsDir();
  for (const f of readdirSync(migrations).filter(shipped).sort()) h.update(f).update(readFileSync(join(migrations, f)));
  h.update(readFileSync(defaultShimFile()));
  for (const f of readdirSync(seedDir).sort()) if (/\.(csv|json)$/.test(f)) h.update(f).update(readFileSync(join(seedDir, f)));
  for (const f of ['build-demo-db.ts', 'demo-street.ts']) h.update(readFileSync(join(here, f)));
  h.update(JSON.stringify(demoAccounts)).update(JSON.stringify(model.registry.list())).update(JSON.stringify(model.catalog));
  return h.digest('hex').slice(0, 12);
}

const key = inputsKey();
const manifestFile = join(outDir, 'manifest.json');
const current = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as DemoManifest) : undefined;
if (current?.snapshot === `fazhi-demo-${key}.tar.gz` && current.emptySnapshot && existsSync(join(outDir, current.snapshot)) && existsSync(join(outDir, current.emptySnapshot))) {
  console.log(`演示数据库已是最新：public/demo/${current.snapshot}`);
  process.exit(0);
}

/**
 * A migrated PGlite's data directory as a gzipped snapshot under `outDir`, the smallest the browser
 * can start from: no template databases, only the current WAL segment.
 */
async function writeSnapshot(db: PgliteDatabase, name: string): Promise<{ bytes: number; rawBytes: number }> {
  // The template databases are only for CREATE DATABASE, which the console never runs: without
  // them the snapshot, and what a browser reads from IndexedDB on every visit, is 15 MB smaller.
  await db.exec(`update pg_database set datistemplate = false where datname in ('template0', 'template1')`);
  await db.query('drop database template0');
  await db.query('drop database template1');
  await db.exec('vacuum analyze');
  await db.exec('checkpoint');
  // After the checkpoint only the current WAL segment is needed; the others are 16 MB each of
  // recycled files kept for reuse, most of the snapshot otherwise (Postgres makes new ones).
  const { rows } = await db.query<{ wal: string }>('select pg_walfile_name(pg_current_wal_lsn()) as wal');
  const walSegment = /(^|\/)pg_wal\/[0-9A-F]{24}$/;
  const blob = await db.dumpDataDir();
  const bytes = filterTar(new Uint8Array(await blob.arrayBuffer()), (path) => !walSegment.test(path) || path.endsWith(rows[0]!.wal));
  mkdirSync(outDir, { recursive: true });
  // Gzipped: 5× smaller to download; the browser inflates it with DecompressionStream.
  writeFileSync(join(outDir, `${name}.tmp`), gzipSync(bytes, { level: 6 }));
  renameSync(join(outDir, `${name}.tmp`), join(outDir, name));
  return { bytes: statSync(join(outDir, name)).size, rawBytes: bytes.length };
}

const started = performance.now();
const registry = model.registry;
const dataset = await loadDataset(seedDir, { registry });
const snapshot = `fazhi-demo-${key}.tar.gz`;
const emptySnapshot = `fazhi-empty-${key}.tar.gz`;
let migrations: string[] = [];
const db = await openPglite();
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
  const written = await writeSnapshot(db, snapshot);
  const records = Object.values(seeded.records).reduce((a, b) => a + b, 0);
  console.log(`演示数据库：${records} 条记录、${seeded.orgUnits} 个机构 → ${relative(process.cwd(), join(outDir, snapshot))}（${(written.rawBytes / 1048576).toFixed(1)} MB，压缩后 ${(written.bytes / 1048576).toFixed(1)} MB，${((performance.now() - started) / 1000).toFixed(1)} 秒）`);
} finally {
  await db.close();
}

// 建立本单位 starts from this one: the same schema and model, pgcrypto where Supabase keeps it
// (the first admin's password is hashed with it), and no unit, record or account.
const empty = await openPglite();
try {
  await migrate(empty, { migrationsDir: migrationsDir() });
  if (!before) await migrateModel(empty, model);
  await empty.exec('create schema if not exists extensions; create extension if not exists pgcrypto with schema extensions;');
  const written = await writeSnapshot(empty, emptySnapshot);
  console.log(`空数据库（建立本单位用）→ ${relative(process.cwd(), join(outDir, emptySnapshot))}（压缩后 ${(written.bytes / 1048576).toFixed(1)} MB）`);
} finally {
  await empty.close();
}

const manifest: DemoManifest = {
  snapshot,
  bytes: statSync(join(outDir, snapshot)).size,
  emptySnapshot,
  migrations,
  year: Math.max(...dataset.manifest.years),
  seed: dataset.manifest.name,
  accounts: demoAccounts.map((a) => ({ email: a.email, displayName: a.displayName })),
  password: demoPassword,
};
writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
for (const f of readdirSync(outDir)) if ((f.startsWith('fazhi-demo-') && f !== snapshot) || (f.startsWith('fazhi-empty-') && f !== emptySnapshot)) rmSync(join(outDir, f), { force: true });
