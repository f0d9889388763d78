import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultMigrationsDir } from '../package-paths.js';

const migration = '20261204000100_personal_access.sql';
const definition = 'create or replace function private.subtree_ids(';

/**
 * private.subtree_ids as migration 20261204000100 defined it (20261206000500 replaced it with a
 * linear one), created beside the current one as private.subtree_ids_before: the db test checks
 * that both return the same ids in the same order, `bench:subtree` times both. Read from the
 * released migration itself (pinned, never edited), so there is no copy to drift.
 */
export function subtreeIdsBeforeSql(migrationsDir: string = defaultMigrationsDir()): string {
  const file = join(migrationsDir, migration);
  if (!existsSync(file)) throw new Error(`找不到迁移文件 ${file}`);
  const sql = readFileSync(file, 'utf8');
  const start = sql.indexOf(definition);
  const end = start < 0 ? -1 : sql.indexOf('$$;', start);
  if (end < 0) throw new Error(`迁移文件 ${file} 中找不到 private.subtree_ids 的定义`);
  return [
    `create function private.subtree_ids_before(${sql.slice(start + definition.length, end + 3)}`,
    'grant execute on function private.subtree_ids_before(uuid[]) to authenticated;',
  ].join('\n');
}
