import { openDatabase, seedDataset } from '@fazhi/db';
import { pgliteBackend } from '@fazhi/db/testing';
import { createRegistry } from '@fazhi/domain';
import { orgTreeFileName } from '@fazhi/ledger';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.test-helper.js';
import { differingIndicators, indicators } from './indicators.test-helper.js';

/**
 * The round trip: every kind of the seeded database exported with `fazhi export --all`,
 * imported into an empty database with `fazhi import --all`, and every indicator for every unit and
 * period equals the original's.
 */
const seedDir = fileURLToPath(new URL('../../../../seeds/nansha-2024', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fazhi-cli-ledger-all-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fazhi export --all and import --all', () => {
  let source: string;
  let target: string;
  beforeAll(async () => {
    source = await pgliteBackend.createUrl();
    const db = await openDatabase(source);
    await seedDataset(db, seedDir);
    await db.close();
    target = await pgliteBackend.createUrl();
  }, 600_000);

  it('round trip: every indicator for every unit and period equals the original', async () => {
    const out = join(dir, '备份');
    const exported = await runCli('export', '--db', source, '--all', '--unmasked', '--out', out);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(existsSync(join(out, orgTreeFileName))).toBe(true);
    for (const kind of createRegistry().list()) expect(existsSync(join(out, `${kind.id}.xlsx`)), kind.id).toBe(true);

    const imported = await runCli('import', '--db', target, '--all', '--dir', out);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/^已导入 \d+ 个机构/m);
    expect(imported.code).toBe(0);

    const [before, after] = await Promise.all([source, target].map(async (url) => {
      const db = await openDatabase(url);
      try {
        return await indicators(db);
      } finally {
        await db.close();
      }
    }));
    expect(before!.size).toBeGreaterThan(1000);
    expect(differingIndicators(before!, after!)).toEqual([]);

    // Into a database that is no longer empty: refused in Chinese, nothing written.
    const again = await runCli('import', '--db', target, '--all', '--dir', out);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('数据库不是空的');
  }, 900_000);

  it('a folder with a bad row or without its org tree imports nothing, naming file, sheet, row and column', async () => {
    const empty = await pgliteBackend.createUrl();
    const folder = join(dir, '坏');
    const exported = await runCli('export', '--db', source, '--all', '--out', folder);
    // Masked by default: the masked phone numbers and ID numbers are refused on the way back.
    expect(exported.stdout).toContain('个人信息已打码');
    const masked = await runCli('import', '--db', empty, '--all', '--dir', folder, '--dry-run');
    expect(masked.code).toBe(1);
    expect(masked.stdout).toMatch(/mediation_cases\.xlsx 的错误（\d+ 处）：\n {2}工作表“人民调解案件”第 \d+ 行 [A-Z]+ 列（/);
    expect(masked.stdout).toContain('有错误，未导入任何数据');
    rmSync(join(folder, orgTreeFileName));
    const noTree = await runCli('import', '--db', empty, '--all', '--dir', folder);
    expect(noTree.code).not.toBe(0);
    expect(noTree.stderr).toContain(`没有 ${orgTreeFileName}`);
    writeFileSync(join(folder, orgTreeFileName), 'not a workbook');
    const badTree = await runCli('import', '--db', empty, '--all', '--dir', folder);
    expect(badTree.code).toBe(1);
    expect(badTree.stdout).toContain(`${orgTreeFileName}：无法读取`);
    const db = await openDatabase(empty);
    try {
      expect((await db.query<{ n: number }>('select count(*)::int as n from public.org_units')).rows[0]!.n).toBe(0);
    } finally {
      await db.close();
    }
  }, 900_000);
});
