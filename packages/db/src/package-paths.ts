import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This package's folder, found from the running module (src/…, src/testing/… or a dist chunk). */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@fazhi/db') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('找不到 @fazhi/db 的安装目录（package.json）');
    dir = parent;
  }
}

export const packageRoot = findPackageRoot();

/**
 * The migrations to apply: the copy a published package ships in `supabase/migrations`, else the
 * repository's own `supabase/migrations` (the one source of schema truth) two folders up.
 */
export function defaultMigrationsDir(): string {
  const shipped = join(packageRoot, 'supabase/migrations');
  return existsSync(shipped) ? shipped : join(packageRoot, '../../supabase/migrations');
}

/**
 * The model snapshot the migrations of `defaultMigrationsDir()` bring a database to (written by
 * `fazhi db generate` beside them); absent only before the first generated model migration.
 */
export function shippedModelSnapshotFile(): string {
  return join(dirname(defaultMigrationsDir()), 'model-snapshot.json');
}

/** The Supabase shim for databases without Supabase's `auth` schema. */
export function defaultShimFile(): string {
  return join(packageRoot, 'sql/supabase-shim.sql');
}
