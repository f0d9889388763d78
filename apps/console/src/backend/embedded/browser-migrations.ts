import { upgradeDatabase, type Database, type SchemaModel, type UpgradeDatabaseResult } from '@fazhi/db/browser';

// Every migration and the shim, as lazy text modules: only the ones a database lacks are fetched.
const migrationFiles = import.meta.glob<string>('../../../../../supabase/migrations/*.sql', { query: '?raw', import: 'default' });
const shimFile = import.meta.glob<string>('../../../../../packages/db/sql/supabase-shim.sql', { query: '?raw', import: 'default' });

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Versions (file name prefixes) of every migration this build ships. */
export const shippedMigrationVersions = (): string[] => Object.keys(migrationFiles).map((path) => baseName(path).split('_')[0]!);

/**
 * Brings the browser's database up to the migrations this build ships, and then to `model` (the
 * console's composed model: its plugins' kinds and extensions, see upgradeDatabase in @fazhi/db),
 * so a profile made by an older console version keeps its records and gains the new schema.
 * Usually nothing to do.
 */
export async function upgradeEmbeddedDatabase(db: Database, model?: SchemaModel): Promise<UpgradeDatabaseResult> {
  const [shimPath, loadShim] = Object.entries(shimFile)[0]!;
  return upgradeDatabase(db, {
    migrations: Object.entries(migrationFiles).map(([path, load]) => ({ file: baseName(path), load })),
    shim: async () => ({ file: baseName(shimPath), sql: await loadShim() }),
    ...(model ? { model } : {}),
  });
}
