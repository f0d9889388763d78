import { createRegistry } from '@fazhi/domain';
import { builtInCatalog } from '@fazhi/metrics';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { databaseTypesFile, generatedMigrations, supabaseDatabaseTypes } from '../src/generate/index.js';

/** Regenerates the migrations derived from the domain registry and the metrics catalog, then the database types. */
const migrationsDir = fileURLToPath(new URL('../../../supabase/migrations/', import.meta.url));
for (const m of generatedMigrations(createRegistry(), builtInCatalog)) {
  writeFileSync(`${migrationsDir}${m.file}`, m.sql);
  console.log(`已生成 supabase/migrations/${m.file}`);
}

// Then the supabase-js types of the database those migrations make (read back from PGlite).
writeFileSync(fileURLToPath(new URL(`../${databaseTypesFile}`, import.meta.url)), await supabaseDatabaseTypes());
console.log(`已生成 packages/db/${databaseTypesFile}`);
