import type { Database, SqlExecutor } from './client.js';
import { isDatabaseError } from './database-error.js';
import { modelMigrationPlan } from './generate/model-migration.js';
import { parseModelSnapshot, type ModelSnapshot, type SchemaModel } from './generate/model-snapshot.js';
import { releaseSnapshot } from './generate/release-snapshot.js';
import { migrationLock } from './migrations-core.js';

export interface ModelMigrateResult {
  /** False when the database already had this model. */
  changed: boolean;
  /** What was applied, one line each in Chinese (empty when nothing). */
  changes: string[];
  /** Hash of the model snapshot the database is at now. */
  hash: string;
}

/** The model snapshot a database is at: its recorded one, or the release snapshot when none is recorded. */
export async function recordedModelSnapshot(db: SqlExecutor): Promise<ModelSnapshot> {
  const r = await db.query<{ snapshot: unknown }>('select snapshot from private.model_snapshot').catch((e: unknown) => {
    if (isDatabaseError(e, '42P01') || isDatabaseError(e, '3F000')) {
      throw new Error('数据库中没有 private.model_snapshot 表：请先应用 supabase/migrations 中的全部迁移（fazhi db migrate）', { cause: e });
    }
    throw e;
  });
  const row = r.rows[0];
  return row ? parseModelSnapshot(row.snapshot, '数据库中记录的模型快照（private.model_snapshot）') : releaseSnapshot;
}

/**
 * Brings a database whose file migrations are applied up to `model` (its plugins' kinds, kind
 * extensions and catalog): the generated migration from the database's recorded snapshot, in one
 * transaction, so nothing is half-applied. A model change that needs a reviewed migration throws
 * `ModelMigrationRefused` and leaves the database untouched. Needs no file system: the console's
 * embedded database runs it in the browser.
 */
export async function migrateModel(db: Database, model: SchemaModel | ModelSnapshot): Promise<ModelMigrateResult> {
  return db.transaction(async (tx) => {
    await tx.query(migrationLock);
    const plan = modelMigrationPlan(await recordedModelSnapshot(tx), model);
    if (plan.sql) await tx.exec(plan.sql);
    return { changed: plan.sql !== '', changes: plan.changes, hash: plan.toHash };
  });
}
