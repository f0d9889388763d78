import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { modelMigrationPlan } from './generate/model-migration.js';
import { parseModelSnapshot, snapshotJson, type ModelSnapshot, type SchemaModel } from './generate/model-snapshot.js';
import { releaseSnapshot } from './generate/release-snapshot.js';
import { shippedModelSnapshotFile } from './package-paths.js';

export interface GenerateModelMigrationOptions {
  /** The Supabase folder: `migrations/` and `model-snapshot.json` live in it. */
  dir: string;
  model: SchemaModel;
  /** The clock, for the new file's version (UTC); now by default. */
  now?: Date;
}

export interface GeneratedModelMigration {
  /** The new migration, relative to `dir`; null when the model had not changed (nothing written). */
  file: string | null;
  /** What it does, one line each in Chinese. */
  changes: string[];
  /** Hash of the snapshot `model-snapshot.json` holds now. */
  hash: string;
}

export const modelSnapshotFile = 'model-snapshot.json';

/** `yyyymmddhhmmss` in UTC, as `supabase migration new` names files. */
const utcVersion = (d: Date) => d.toISOString().replace(/\D/g, '').slice(0, 14);

/** A version after `now` and after every existing one, so the new file runs last. */
function nextVersion(existing: readonly string[], now: Date): string {
  const latest = existing.reduce((max, v) => (BigInt(v) > max ? BigInt(v) : max), 0n);
  const candidate = BigInt(utcVersion(now));
  return String(candidate > latest ? candidate : latest + 1n);
}

/**
 * The snapshot a migrations folder is at. A folder without one is at the state of the migrations
 * fazhi ships (a street applies those first), and before the first generated model migration that
 * was the frozen release snapshot.
 */
async function readSnapshot(path: string, fallback = shippedModelSnapshotFile()): Promise<ModelSnapshot> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return path === fallback ? releaseSnapshot : readSnapshot(fallback, fallback);
    throw new Error(`无法读取模型快照“${path}”：${(e as Error).message}`, { cause: e });
  }
  return parseModelSnapshot(text, `模型快照“${path}”`);
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

/**
 * The files driver: writes the migration from `dir/model-snapshot.json` (absent: the snapshot of
 * the migrations fazhi ships) to `model` as `dir/migrations/<UTC version>_model_<summary>.sql`, then the new snapshot.
 * Writes nothing when the model is unchanged; throws `ModelMigrationRefused` (nothing written) when
 * a change needs a reviewed migration.
 */
export async function generateModelMigration(opts: GenerateModelMigrationOptions): Promise<GeneratedModelMigration> {
  const snapshotPath = join(opts.dir, modelSnapshotFile);
  const plan = modelMigrationPlan(await readSnapshot(snapshotPath), opts.model);
  if (!plan.sql) return { file: null, changes: [], hash: plan.toHash };
  const migrationsDir = join(opts.dir, 'migrations');
  await mkdir(migrationsDir, { recursive: true });
  const versions = (await readdir(migrationsDir)).flatMap((f) => /^(\d+)_.*\.sql$/.exec(f)?.[1] ?? []);
  const name = `${nextVersion(versions, opts.now ?? new Date())}_model_${plan.summary}`;
  const file = join('migrations', `${name}.sql`);
  await writeAtomically(join(opts.dir, file), plan.sql);
  await writeAtomically(snapshotPath, snapshotJson(plan.to));
  return { file, changes: plan.changes, hash: plan.toHash };
}
