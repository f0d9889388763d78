import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { databaseTypesFile, releasedGeneratedMigrations, supabaseDatabaseTypes } from '../src/generate/index.js';
import { measureMonthsMigrationFile, measureMonthsMigrationSql } from '../src/generate/measure-months-migration.js';
import { parseModelSnapshot } from '../src/generate/model-snapshot.js';

/**
 * Rewrites the four released generated migrations from the frozen release snapshot (they never
 * change: a model change is a new migration, written by `pnpm db:generate`), then the database types.
 */
const migrationsDir = fileURLToPath(new URL('../../../supabase/migrations/', import.meta.url));
for (const m of releasedGeneratedMigrations()) {
  writeFileSync(`${migrationsDir}${m.file}`, m.sql);
  console.log(`已重写 supabase/migrations/${m.file}（由冻结的发布快照生成）`);
}

// The measure-months migration, for the model the shipped migrations end at.
const shipped = fileURLToPath(new URL('../../../supabase/model-snapshot.json', import.meta.url));
writeFileSync(`${migrationsDir}${measureMonthsMigrationFile}`, measureMonthsMigrationSql(parseModelSnapshot(readFileSync(shipped, 'utf8'), shipped)));
console.log(`已生成 supabase/migrations/${measureMonthsMigrationFile}（由 supabase/model-snapshot.json 生成）`);

// Then the supabase-js types of the database those migrations make (read back from PGlite).
writeFileSync(fileURLToPath(new URL(`../${databaseTypesFile}`, import.meta.url)), await supabaseDatabaseTypes());
console.log(`已生成 packages/db/${databaseTypesFile}`);
