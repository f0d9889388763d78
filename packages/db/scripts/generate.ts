import { createRegistry } from '@fazhi/domain';
import { builtInCatalog } from '@fazhi/metrics';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generatedMigrations } from '../src/generate/index.js';

/** Regenerates the migrations derived from the domain registry and the metrics catalog. */
const migrationsDir = fileURLToPath(new URL('../../../supabase/migrations/', import.meta.url));
for (const m of generatedMigrations(createRegistry(), builtInCatalog)) {
  writeFileSync(`${migrationsDir}${m.file}`, m.sql);
  console.log(`已生成 supabase/migrations/${m.file}`);
}
