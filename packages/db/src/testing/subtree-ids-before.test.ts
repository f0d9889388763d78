import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { subtreeIdsBeforeSql } from './subtree-ids-before.js';

describe('subtreeIdsBeforeSql', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-subtree-before-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renames the released definition and grants it to signed-in callers, leaving its body as released', () => {
    const sql = subtreeIdsBeforeSql();
    expect(sql).toMatch(/^create function private\.subtree_ids_before\(p_roots uuid\[\]\) returns uuid\[\]\n/);
    expect(sql).not.toMatch(/private\.subtree_ids\(/);
    expect(sql.trimEnd().endsWith('grant execute on function private.subtree_ids_before(uuid[]) to authenticated;')).toBe(true);
  });

  it('names the file in Chinese when the migration or its definition is missing', () => {
    expect(() => subtreeIdsBeforeSql(dir)).toThrow(`找不到迁移文件 ${join(dir, '20261204000100_personal_access.sql')}`);
    writeFileSync(join(dir, '20261204000100_personal_access.sql'), 'create function private.other() returns int language sql as $$ select 1 $$;\n');
    expect(() => subtreeIdsBeforeSql(dir)).toThrow(`迁移文件 ${join(dir, '20261204000100_personal_access.sql')} 中找不到 private.subtree_ids 的定义`);
  });
});
