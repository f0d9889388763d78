import type { Database } from './client.js';
import type { SchemaModel } from './generate/model-snapshot.js';
import { migrateModel, type ModelMigrateResult } from './migrate-model.js';
import { appliedVersions, applyMigrations, type MigrateResult, type MigrationSource } from './migrations-core.js';

/** A migration file whose text is fetched only when the database lacks it (a lazy module in a bundle). */
export interface LazyMigration {
  /** `<version>_<name>.sql` */
  file: string;
  load(): Promise<string>;
}

export interface UpgradeDatabaseInput {
  migrations: readonly LazyMigration[];
  shim: () => Promise<MigrationSource>;
  /** The composed model; its kinds and catalog are brought in after the files (see `migrateModel`). */
  model?: SchemaModel;
}

export interface UpgradeDatabaseResult extends MigrateResult {
  /** What the model added; null when no model was given. */
  model: ModelMigrateResult | null;
}

const versionOf = (file: string) => file.split('_')[0]!;

/**
 * Brings an existing database (the console's embedded profile, say) up to the migrations a build
 * ships and then to its composed model, loading only the files it lacks. Usually nothing to do.
 */
export async function upgradeDatabase(db: Database, input: UpgradeDatabaseInput): Promise<UpgradeDatabaseResult> {
  const applied = new Set(await appliedVersions(db));
  const missing = input.migrations.filter((m) => !applied.has(versionOf(m.file)));
  const files = missing.length
    ? await applyMigrations(db, { migrations: await Promise.all(missing.map(async (m) => ({ file: m.file, sql: await m.load() }))), shim: input.shim })
    : { shim: false, applied: [], skipped: [] };
  return { ...files, model: input.model ? await migrateModel(db, input.model) : null };
}
