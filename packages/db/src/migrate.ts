import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from './client.js';
import { applyMigrations, type MigrateResult } from './migrations-core.js';
import { defaultMigrationsDir, defaultShimFile } from './package-paths.js';

export { appliedVersions, applyMigrations, type AppliedMigration, type ApplyMigrationsInput, type MigrateResult, type MigrationSource } from './migrations-core.js';

export interface MigrateOptions {
  /** Folder of `<version>_<name>.sql` files; the repository's `supabase/migrations` by default. */
  migrationsDir?: string;
  /** Applied first when the database has no `auth` schema (i.e. is not Supabase). */
  shimFile?: string;
}

/** `applyMigrations` with the files of a folder (`supabase/migrations` by default). */
export async function migrate(db: Database, opts: MigrateOptions = {}): Promise<MigrateResult> {
  const dir = opts.migrationsDir ?? defaultMigrationsDir();
  const shimFile = opts.shimFile ?? defaultShimFile();
  let names: string[];
  try {
    names = (await readdir(dir)).filter((f) => f.endsWith('.sql'));
  } catch (e) {
    throw new Error(`找不到迁移目录“${dir}”：${(e as Error).message}`, { cause: e });
  }
  const migrations = await Promise.all(names.map(async (file) => ({ file, sql: await readFile(join(dir, file), 'utf8') })));
  return applyMigrations(db, {
    migrations,
    shim: async () => ({
      file: shimFile,
      sql: await readFile(shimFile, 'utf8').catch((e: Error) => {
        throw new Error(`数据库没有 auth 模式（不是 Supabase），但找不到 Supabase 兼容脚本“${shimFile}”：${e.message}`, { cause: e });
      }),
    }),
  });
}
