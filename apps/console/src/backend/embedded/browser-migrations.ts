import { appliedVersions, applyMigrations, type Database, type MigrateResult } from '@fazhi/db/browser';

// Every migration and the shim, as lazy text modules: only the ones a database lacks are fetched.
const migrationFiles = import.meta.glob<string>('../../../../../supabase/migrations/*.sql', { query: '?raw', import: 'default' });
const shimFile = import.meta.glob<string>('../../../../../packages/db/sql/supabase-shim.sql', { query: '?raw', import: 'default' });

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Versions (file name prefixes) of every migration this build ships. */
export const shippedMigrationVersions = (): string[] => Object.keys(migrationFiles).map((path) => baseName(path).split('_')[0]!);

/**
 * Brings the browser's database up to the migrations this build ships, so a profile made by an
 * older console version keeps its records and gains the new schema. Usually nothing to do.
 */
export async function upgradeEmbeddedDatabase(db: Database): Promise<MigrateResult> {
  const applied = new Set(await appliedVersions(db));
  const missing = Object.entries(migrationFiles).filter(([path]) => !applied.has(baseName(path).split('_')[0]!));
  if (!missing.length) return { shim: false, applied: [], skipped: [] };
  const migrations = await Promise.all(missing.map(async ([path, load]) => ({ file: baseName(path), sql: await load() })));
  const [shimPath, loadShim] = Object.entries(shimFile)[0]!;
  return applyMigrations(db, { migrations, shim: async () => ({ file: baseName(shimPath), sql: await loadShim() }) });
}
