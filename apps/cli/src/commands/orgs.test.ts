import { openDatabase } from '@fazhi/db';
import { pgliteBackend } from '@fazhi/db/testing';
import { exportOrgTree } from '@fazhi/ledger';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { runCli } from '../run-cli.test-helper.js';

/**
 * `fazhi setup` on an empty database (from JSON and from an org sheet), then `fazhi orgs` as the
 * operator and as the first admin, whose grants the database enforces.
 */
const dir = mkdtempSync(join(tmpdir(), 'fazhi-cli-orgs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const setupFile = join(dir, '机构设置.json');
writeFileSync(
  setupFile,
  JSON.stringify({
    units: [
      {
        kind: 'district',
        name: '示范区',
        children: [
          {
            kind: 'street',
            name: '示范街道办事处',
            shortName: '示范街道',
            ledgerFrom: '2024-01-01',
            children: [
              { kind: 'community', name: '东社区' },
              { kind: 'mediation_committee', name: '示范街道人民调解委员会' },
            ],
          },
        ],
      },
    ],
    admin: { email: 'chief@example.test' },
  }),
);

/** The CLI with FAZHI_ADMIN_PASSWORD set (setup reads the password from it). */
async function runWithPassword(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const before = process.env.FAZHI_ADMIN_PASSWORD;
  process.env.FAZHI_ADMIN_PASSWORD = 'first-admin-2024';
  try {
    const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }, { cwd: dir });
    return { code, stdout, stderr };
  } finally {
    if (before === undefined) delete process.env.FAZHI_ADMIN_PASSWORD;
    else process.env.FAZHI_ADMIN_PASSWORD = before;
  }
}

describe('fazhi setup and fazhi orgs', () => {
  let url: string;
  beforeAll(async () => {
    url = await pgliteBackend.createUrl();
  }, 120_000);

  it('sets up the street once, and lists it as a tree', async () => {
    const set = await runWithPassword('setup', '--db', url, '--file', setupFile);
    expect(set).toMatchObject({ code: 0, stderr: '', stdout: '已建立本单位：4 个机构，首位管理员 chief@example.test（可在控制台登录）\n' });
    const list = await runCli('orgs', 'list', '--db', url);
    expect(list.stdout.split('\n').map((l) => l.replace(/\s+\S+$/, ''))).toEqual([
      '示范区（区）',
      '  示范街道办事处（街道，建账 2024-01-01 至 今）',
      '    东社区（社区）',
      '    示范街道人民调解委员会（人民调解委员会）',
      '',
    ]);
    const again = await runWithPassword('setup', '--db', url, '--file', setupFile);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('数据库中已有机构，不能再次建立本单位') });
  }, 60_000);

  it('adds, moves and retires as the first admin under its grants, and as the operator', async () => {
    const add = await runCli('orgs', 'add', '--db', url, '--as', 'chief@example.test', '--parent', '示范街道', '--kind', '社区', '--name', '西社区', '--code', 'XI');
    expect(add).toMatchObject({ code: 0, stdout: expect.stringContaining('已新增机构“西社区”（社区，上级“示范街道办事处”）') });
    const outside = await runCli('orgs', 'add', '--db', url, '--as', 'chief@example.test', '--parent', '示范区', '--kind', 'street', '--name', '新街道');
    // The district is not the admin's to see (RLS), so the CLI cannot even name it for them.
    expect(outside).toMatchObject({ code: 2, stderr: expect.stringContaining('找不到机构“示范区”') });
    const ownStreet = await runCli('orgs', 'move', '--db', url, '--as', 'chief@example.test', '--org', '示范街道', '--parent', '东社区', '--reason', '试');
    expect(ownStreet).toMatchObject({ code: 1, stderr: expect.stringContaining('是您任职的机构') });
    const move = await runCli('orgs', 'move', '--db', url, '--as', 'chief@example.test', '--org', '示范街道人民调解委员会', '--parent', 'XI', '--reason', '调委会设在社区');
    expect(move).toMatchObject({ code: 0, stdout: '已把机构“示范街道人民调解委员会”移到“西社区”之下\n' });
    const street = await runCli('orgs', 'add', '--db', url, '--parent', '示范区', '--kind', 'street', '--name', '新街道');
    expect(street.code).toBe(0);
    const noReason = await runCli('orgs', 'retire', '--db', url, '--org', '新街道');
    expect(noReason).toMatchObject({ code: 2, stderr: expect.stringContaining('请用 --reason 指定理由') });
    const retire = await runCli('orgs', 'retire', '--db', url, '--org', '新街道', '--reason', '误建');
    expect(retire).toMatchObject({ code: 0, stdout: '机构“新街道”没有任何记录，已删除\n' });
    expect(await runCli('orgs', 'add', '--db', url, '--parent', '不存在', '--kind', 'community', '--name', 'x')).toMatchObject({ code: 2, stderr: expect.stringContaining('找不到机构“不存在”') });
    expect(await runCli('orgs', 'add', '--db', url, '--parent', '示范区', '--kind', 'hamlet', '--name', 'x')).toMatchObject({ code: 2, stderr: expect.stringContaining('机构类型“hamlet”无效') });
    expect(await runCli('orgs', 'list', '--db', url, '--as', 'nobody@example.test')).toMatchObject({ code: 2, stderr: '错误：--as：没有邮箱为“nobody@example.test”的账号\n' });
  }, 60_000);

  it('--as takes the user’s id as in fazhi members, not only the e-mail', async () => {
    const db = await openDatabase(url);
    const id = await db.query<{ id: string }>(`select id from auth.users where email = 'chief@example.test'`).finally(() => db.close());
    const byId = await runCli('orgs', 'list', '--db', url, '--as', id.rows[0]!.id);
    expect(byId).toMatchObject({ code: 0, stderr: '' });
    expect(byId.stdout).toBe((await runCli('orgs', 'list', '--db', url, '--as', 'CHIEF@example.test')).stdout);
    expect(byId.stdout).not.toContain('示范区');
  }, 60_000);

  it('sets up from an org sheet (组织机构.xlsx of fazhi export --all) with --admin', async () => {
    const sheet = join(dir, '组织机构.xlsx');
    writeFileSync(
      sheet,
      await exportOrgTree([
        { id: 'T1', parentId: null, kind: 'town', name: '示范镇', ledgerSpan: { from: '2023-01-01', to: null } },
        { id: 'V1', parentId: 'T1', kind: 'village', name: '上村' },
        { id: 'V2', parentId: 'T1', kind: 'village', name: '下村' },
      ]),
    );
    const other = await pgliteBackend.createUrl();
    expect(await runCli('setup', '--db', other, '--file', sheet)).toMatchObject({ code: 2, stderr: expect.stringContaining('请用 --admin 指定首位管理员的邮箱') });
    expect(await runWithPassword('setup', '--db', other, '--file', sheet, '--admin', 'head@example.test')).toMatchObject({ code: 0, stdout: expect.stringContaining('3 个机构') });
    const db = await openDatabase(other);
    try {
      const units = await db.query<{ name: string; code: string; ledger_from: string | null }>('select name, code, ledger_from::text from public.org_units order by code');
      expect(units.rows).toEqual([
        { name: '示范镇', code: 'T1', ledger_from: '2023-01-01' },
        { name: '上村', code: 'V1', ledger_from: null },
        { name: '下村', code: 'V2', ledger_from: null },
      ]);
    } finally {
      await db.close();
    }
  }, 120_000);
});
