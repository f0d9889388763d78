#!/usr/bin/env node
/**
 * `prepack` / `postpack` of @fazhi/db: the published package must carry the migrations it applies
 * (defaultMigrationsDir looks for <package>/supabase/migrations first), but the repository keeps
 * them once, in supabase/migrations at its root. So packing copies them in, and finishing removes
 * the copy again, so that inside the repository the root folder stays the one source.
 *
 *   node scripts/ship-migrations.mjs copy | remove
 */
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const shipped = fileURLToPath(new URL('../supabase', import.meta.url));
const source = fileURLToPath(new URL('../../../supabase/migrations', import.meta.url));
const snapshot = fileURLToPath(new URL('../../../supabase/model-snapshot.json', import.meta.url));
const action = process.argv[2];

rmSync(shipped, { recursive: true, force: true });
if (action === 'copy') {
  cpSync(source, `${shipped}/migrations`, { recursive: true, filter: (path) => !path.endsWith('.md') });
  // The model those migrations end at: `fazhi db generate` in a street's folder starts from it.
  cpSync(snapshot, `${shipped}/model-snapshot.json`);
}
else if (action !== 'remove') {
  process.stderr.write('用法：node scripts/ship-migrations.mjs copy|remove\n');
  process.exit(2);
}
