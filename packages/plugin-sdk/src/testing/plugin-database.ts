import { loadDataset, type Dataset } from '@fazhi/dataset';
import { defaultMigrationsDir, defaultShimFile, demoAccounts, demoOrgsOf, insertDataset, migrateModel, openPglite, queriesAs, seedDemoUsers, type Database } from '@fazhi/db';
import { pgliteBackend } from '@fazhi/db/testing';
import type { AnyRecord, RecordKind, RecordKindRegistry } from '@fazhi/domain';
import type { FazhiModel } from '@fazhi/model';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeConsole } from '../host/compose-console.js';
import type { WorkAreaPlugin } from '../plugin.js';
import { readConsoleUser } from '../host/console-user.js';
import type { ConsoleUser } from '../services.js';

// Resolved by path, not `new URL(…, import.meta.url)`: under jsdom `URL` is jsdom's, not Node's.
/** The repository's seed (nansha-2024): every reference figure, with demo accounts on top. */
export const defaultSeedDir = resolve(dirname(fileURLToPath(String(import.meta.url))), '../../../../seeds/nansha-2024');

export interface PluginDatabase {
  db: Database;
  /** The seed as loaded (org tree and the plugin's records), for expectations. */
  dataset: Dataset;
  registry: RecordKindRegistry;
  /** The composed model the database was built for (built-ins, the plugin, any extensions). */
  model: FazhiModel;
  /** Live seed records of one kind in the demo street (what RLS lets its accounts read), for expectations. */
  liveRecords(kind: string): AnyRecord[];
  close(): Promise<void>;
}

export interface PluginDatabaseOptions {
  seedDir?: string;
  /** The composed model; `composeConsole([plugin])`'s by default. */
  model?: FazhiModel;
}

/** The kinds plugins need seeded: their own and those their ref fields point to. */
function kindsFor(plugins: readonly WorkAreaPlugin[], registry: RecordKindRegistry): string[] {
  const out = new Set<string>();
  const add = (k: RecordKind) => {
    if (out.has(k.id)) return;
    out.add(k.id);
    for (const f of k.fields) if (f.type === 'ref' && registry.has(f.target)) add(registry.get(f.target));
  };
  plugins.forEach((p) => p.resources.forEach((r) => add(r.kind)));
  return [...out];
}

/** The seed restricted to some kinds: a folder of links, so only those files are read and validated. */
function subsetDataset(seedDir: string, kinds: readonly string[]): string {
  const manifest = JSON.parse(readFileSync(join(seedDir, 'dataset.json'), 'utf8')) as { kinds: string[] };
  const present = kinds.filter((k) => existsSync(join(seedDir, `${k}.csv`)));
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-plugin-seed-'));
  writeFileSync(join(dir, 'dataset.json'), JSON.stringify({ ...manifest, kinds: manifest.kinds.filter((k) => present.includes(k)).concat(present.filter((k) => !manifest.kinds.includes(k))) }));
  for (const f of ['orgs.csv', ...present.map((k) => `${k}.csv`)]) symlinkSync(join(seedDir, f), join(dir, f));
  return dir;
}

/** Changes whenever the schema, the seed files used or the composed model (kinds, catalog) do. */
function snapshotKey(seedDir: string, kinds: readonly string[], model: FazhiModel): string {
  const h = createHash('sha256');
  const migrations = defaultMigrationsDir();
  for (const f of readdirSync(migrations).filter((x) => x.endsWith('.sql')).sort()) h.update(f).update(readFileSync(join(migrations, f)));
  h.update(readFileSync(defaultShimFile()));
  for (const f of ['dataset.json', 'orgs.csv', ...kinds.map((k) => `${k}.csv`)]) {
    const p = join(seedDir, f);
    if (existsSync(p)) h.update(f).update(String(statSync(p).size)).update(readFileSync(p));
  }
  h.update(JSON.stringify(model.registry.list())).update(JSON.stringify(model.catalog)).update(JSON.stringify(demoAccounts));
  return h.digest('hex').slice(0, 16);
}

const datasets = new Map<string, Promise<Dataset>>();

/**
 * A migrated embedded database (PGlite) with the seed's org tree, the plugin's records and the
 * demo accounts. Only the plugin's kinds are loaded, and the seeded database is kept as a
 * data-dir snapshot in the temp folder (keyed by schema and seed), so later test files boot from
 * it in a second or two instead of migrating and seeding again.
 */
export async function createPluginDatabase(plugin: WorkAreaPlugin | readonly WorkAreaPlugin[], opts: PluginDatabaseOptions = {}): Promise<PluginDatabase> {
  const seedDir = resolve(opts.seedDir ?? defaultSeedDir);
  // Several plugins (a whole configured console) share one database with all their kinds.
  const plugins: readonly WorkAreaPlugin[] = Array.isArray(plugin) ? plugin : [plugin as WorkAreaPlugin];
  // The console's composition, so a kind or indicator the console could not serve fails here too.
  const model = opts.model ?? composeConsole(plugins).model;
  const registry = model.registry;
  const kinds = kindsFor(plugins, registry);
  const key = `${seedDir}|${kinds.join()}`;
  let loading = datasets.get(key);
  if (!loading) datasets.set(key, (loading = loadDataset(subsetDataset(seedDir, kinds), { registry })));
  const dataset = await loading;

  const dir = join(tmpdir(), 'fazhi-plugin-snapshots');
  // `<what>-<version>.tar`: one file per plugin setup; a schema or seed change replaces it.
  const what = createHash('sha256').update(`${seedDir}|${kinds.join()}`).digest('hex').slice(0, 8);
  const file = join(dir, `${what}-${snapshotKey(seedDir, kinds, model)}.tar`);
  if (existsSync(file)) {
    const db = await openPglite({ loadDataDir: new Blob([readFileSync(file)]) });
    return { db, dataset, registry, model, liveRecords: liveRecordsOf(dataset), close: () => db.close() };
  }
  const db = await pgliteBackend.create();
  try {
    // After the committed migrations, the model's own: a plugin kind's table, masked view, RLS and
    // rules, a street's extra fields, the composed catalog's indicator functions — as `fazhi db
    // migrate` and the console's embedded database do.
    await migrateModel(db, model);
    await insertDataset(db, dataset, { registry });
    await seedDemoUsers(db, demoOrgsOf(dataset.orgs, dataset.manifest.rootOrgId));
    const blob = await (db as unknown as { dumpDataDir(): Promise<Blob> }).dumpDataDir();
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${randomBytes(3).toString('hex')}`;
    writeFileSync(tmp, new Uint8Array(await blob.arrayBuffer()));
    renameSync(tmp, file);
    for (const old of readdirSync(dir)) if (old.startsWith(`${what}-`) && old.endsWith('.tar') && join(dir, old) !== file) rmSync(join(dir, old), { force: true });
  } catch (e) {
    await db.close();
    throw e;
  }
  return { db, dataset, registry, model, liveRecords: liveRecordsOf(dataset), close: () => db.close() };
}

function liveRecordsOf(dataset: Dataset): PluginDatabase['liveRecords'] {
  const street = dataset.orgs.subtreeIds(dataset.manifest.rootOrgId);
  return (kind) => (dataset.records.get(kind) ?? []).filter((r) => !r.deletedAt && street.has(r.orgId));
}

/** A demo account by role shortcut (`admin`, `mediation` …), e-mail or id. */
type DemoAccountName<E = (typeof demoAccounts)[number]['email']> = E extends `${infer Name}@${string}` ? Name : never;
/** admin, viewer, enforcement … (an account's e-mail name), or any e-mail or id. */
export type DemoUserRef = DemoAccountName | (string & {});

export function demoAccount(ref: DemoUserRef) {
  const a = demoAccounts.find((x) => x.id === ref || x.email === ref || x.email.startsWith(`${ref}@`));
  if (!a) throw new Error(`没有演示账号“${ref}”；可用：${demoAccounts.map((x) => x.email.split('@')[0]).join('、')}`);
  return a;
}

/** The signed-in user as the console builds it: grants and org units read under RLS, as that user. */
export function loadConsoleUser(db: Database, userId: string, name: string): Promise<ConsoleUser> {
  return readConsoleUser((reads) => queriesAs(db, { userId }, reads), userId, name);
}
