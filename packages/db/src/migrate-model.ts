import type { Database, SqlExecutor } from './client.js';
import { isDatabaseError } from './database-error.js';
import { modelMigrationPlan } from './generate/model-migration.js';
import { modelSnapshot, parseModelSnapshot, snapshotHash, type ModelSnapshot, type SchemaModel } from './generate/model-snapshot.js';
import { releaseSnapshot, releaseSnapshotHash } from './generate/release-snapshot.js';
import { migrationLock } from './migrations-core.js';

export interface ModelMigrateResult {
  /** False when the database already had this model. */
  changed: boolean;
  /** What was applied, one line each in Chinese (empty when nothing). */
  changes: string[];
  /** Hash of the model snapshot the database is at now. */
  hash: string;
}

const missingTable = '数据库中没有 private.model_snapshot 表：请先应用 supabase/migrations 中的全部迁移（fazhi db migrate）';

/** The model snapshot a database is at: its recorded one, or the release snapshot when none is recorded. */
export async function recordedModelSnapshot(db: SqlExecutor): Promise<ModelSnapshot> {
  const r = await db.query<{ snapshot: unknown }>('select snapshot from private.model_snapshot').catch((e: unknown) => {
    if (isDatabaseError(e, '42P01') || isDatabaseError(e, '3F000')) {
      throw new Error(missingTable, { cause: e });
    }
    throw e;
  });
  const row = r.rows[0];
  return row ? parseModelSnapshot(row.snapshot, '数据库中记录的模型快照（private.model_snapshot）') : releaseSnapshot;
}

/** The hash of the snapshot a database is at (see `recordedModelSnapshot`), without reading the snapshot. */
async function recordedHash(db: SqlExecutor): Promise<string> {
  const table = await db.query<{ ok: boolean }>(`select to_regclass('private.model_snapshot') is not null as ok`);
  if (!table.rows[0]?.ok) throw new Error(missingTable);
  const r = await db.query<{ hash: string }>('select hash from private.model_snapshot');
  return r.rows[0]?.hash ?? releaseSnapshotHash();
}

/**
 * Brings a database whose file migrations are applied up to `model` (its plugins' kinds, kind
 * extensions and catalog): the generated migration from the database's recorded snapshot, in one
 * transaction, so nothing is half-applied. A model change that needs a reviewed migration throws
 * `ModelMigrationRefused` and leaves the database untouched. Needs no file system: the console's
 * embedded database runs it in the browser.
 */
export async function migrateModel(db: Database, model: SchemaModel | ModelSnapshot): Promise<ModelMigrateResult> {
  const target = snapshotHash(modelSnapshot(model));
  // The usual case first, in one statement and without the lock (every console start asks): a
  // database already at the model has nothing to wait for. What it reads is committed, so an
  // upgrade running elsewhere is either done (same hash) or not (the locked path below).
  const recorded = await db.query<{ hash: string }>('select hash from private.model_snapshot').then(
    (r) => r.rows[0]?.hash ?? releaseSnapshotHash(),
    () => undefined, // no table yet: the locked path says so
  );
  if (recorded === target) return { changed: false, changes: [], hash: target };
  return db.transaction(async (tx) => {
    await tx.query(migrationLock);
    // The usual case, a database already at the model, without reading and parsing the whole snapshot.
    if ((await recordedHash(tx)) === target) return { changed: false, changes: [], hash: target };
    const plan = modelMigrationPlan(await recordedModelSnapshot(tx), model);
    if (plan.sql) await tx.exec(plan.sql);
    return { changed: plan.sql !== '', changes: plan.changes, hash: plan.toHash };
  });
}
