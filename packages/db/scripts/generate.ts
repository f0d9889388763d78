import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { releasedGeneratedMigrations } from '../src/generate/index.js';

/**
 * Rewrites the four released generated migrations from the frozen release snapshot (they never
 * change: a model change is a new migration, written by `pnpm db:generate`).
 */
const migrationsDir = fileURLToPath(new URL('../../../supabase/migrations/', import.meta.url));
for (const m of releasedGeneratedMigrations()) {
  writeFileSync(`${migrationsDir}${m.file}`, m.sql);
  console.log(`已重写 supabase/migrations/${m.file}（由冻结的发布快照生成）`);
}
