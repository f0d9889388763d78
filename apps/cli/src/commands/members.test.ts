import { openDatabase } from '@fazhi/db';
import { pgliteBackend } from '@fazhi/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.test-helper.js';

/**
 * `fazhi members list|invite|grant|revoke --db URL`: as the database owner (no --as) and as a named
 * user (--as), through the SQL functions of docs/database.md "Members and access", on a PGlite
 * folder with a district, two streets, an admin with the personal-data grant, one without, and a clerk.
 */
const district = '00000000-0000-4000-8000-0000000000d0';
const streetA = '00000000-0000-4000-8000-0000000000a0';
const streetB = '00000000-0000-4000-8000-0000000000b0';
const ids = { admin: '00000000-0000-4000-9000-000000000001', admin2: '00000000-0000-4000-9000-000000000002', clerk: '00000000-0000-4000-9000-000000000003', newcomer: '00000000-0000-4000-9000-000000000004' };

describe('fazhi members', () => {
  let url: string;
  const members = (sub: string, ...args: string[]) => runCli('members', sub, '--db', url, ...args);
  const membershipsOf = async (id: string) => {
    const db = await openDatabase(url);
    try {
      return (await db.query<{ org_id: string; role: string; areas: string[]; personal_data: boolean }>('select org_id, role, areas, personal_data from public.memberships where user_id = $1 order by role', [id])).rows;
    } finally {
      await db.close();
    }
  };

  beforeAll(async () => {
    url = await pgliteBackend.createUrl();
    const db = await openDatabase(url);
    try {
      await db.exec(`
        insert into public.org_units (id, parent_id, kind, code, name, short_name) values
          ('${district}', null, 'district', 'D', '测试区', null),
          ('${streetA}', '${district}', 'street', 'A', '甲街道办事处', '甲街道'),
          ('${streetB}', '${district}', 'street', 'B', '乙街道办事处', '乙街道');
        insert into auth.users (id, email, email_confirmed_at, raw_user_meta_data) values
          ('${ids.admin}', 'admin@example.test', now(), '{"name": "王主任"}'),
          ('${ids.admin2}', 'admin2@example.test', now(), '{"name": "赵副主任"}'),
          ('${ids.clerk}', 'clerk@example.test', now(), '{"name": "陈调解"}'),
          ('${ids.newcomer}', 'newcomer@example.test', now(), '{"name": "李新"}');
        insert into public.memberships (user_id, org_id, role, areas, personal_data) values
          ('${ids.admin}', '${streetA}', 'admin', '{}', true),
          ('${ids.admin2}', '${streetA}', 'admin', '{}', false),
          ('${ids.clerk}', '${streetA}', 'clerk', '{mediation}', false);
      `);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('lists every member as the owner, and what a user manages with --as, masked without the personal-data grant', async () => {
    const all = await members('list');
    expect(all.stderr).toBe('');
    expect(all.code).toBe(0);
    const lines = all.stdout.split('\n');
    expect(lines[0]).toMatch(/^机构\s+姓名\s+邮箱\s+角色\s+业务领域\s+个人信息\s+状态$/);
    expect(lines.find((l) => l.includes('clerk@example.test'))).toMatch(/^甲街道办事处\s+陈调解\s+clerk@example\.test\s+业务经办人\s+人民调解\s+打码\s+在用$/);
    expect(lines.filter((l) => l.includes('@example.test'))).toHaveLength(3);

    const masked = await members('list', '--as', 'ADMIN2@example.test', '--org', '甲街道');
    expect(masked.stdout).toMatch(/甲街道办事处\s+陈\*\*\s+c\*\*\*@example\.test\s+业务经办人/);
    expect(masked.stdout).not.toContain('clerk@example.test');
    // --org takes the unit's code (机构编号) as well as its id and names.
    const byCode = await members('list', '--org', 'A');
    expect([byCode.code, byCode.stderr]).toEqual([0, '']);
    expect(byCode.stdout.split('\n').filter((l) => l.includes('@example.test'))).toHaveLength(3);
    expect(await members('list', '--org', 'B')).toMatchObject({ code: 0, stdout: '没有可管理的成员\n' });
    expect((await members('list', '--as', 'clerk@example.test')).stdout).toBe('没有可管理的成员\n');
    expect(await members('list', '--as', 'nobody@example.test')).toMatchObject({ code: 2, stderr: '错误：--as：没有邮箱为“nobody@example.test”的账号\n' });
  }, 120_000);

  it('grants, invites and revokes under the same rules as the console', async () => {
    const granted = await members('grant', '--as', 'admin@example.test', '--user', 'newcomer@example.test', '--org', '甲街道', '--role', 'clerk', '--areas', '人民调解,legal_aid', '--personal-data', '--reason', '新到岗');
    expect([granted.code, granted.stderr, granted.stdout]).toEqual([0, '', '已授予“newcomer@example.test”在“甲街道办事处”的业务经办人角色（业务领域：法律援助、人民调解；个人信息：可查看）\n']);
    expect(await membershipsOf(ids.newcomer)).toEqual([{ org_id: streetA, role: 'clerk', areas: ['legal_aid', 'mediation'], personal_data: true }]);

    // The rules hold for a named user: a clerk manages nobody, an admin gives no grant it lacks, nobody changes their own.
    const byClerk = await members('grant', '--as', 'clerk@example.test', '--user', 'clerk@example.test', '--org', '甲街道', '--role', 'viewer', '--reason', '自己加');
    expect([byClerk.code, byClerk.stderr]).toEqual([1, '错误：数据库报错（42501）：只有“甲街道办事处”的管理员或上级区的督导可以管理其成员\n']);
    const beyond = await members('invite', '--as', 'admin2@example.test', '--email', 'x@example.test', '--org', '甲街道', '--role', 'viewer', '--personal-data', '--reason', '查看者');
    expect(beyond.stderr).toBe('错误：数据库报错（FZ403）：您在该单位没有个人信息授权，不能授予他人\n');
    const own = await members('revoke', '--as', 'admin@example.test', '--user', 'admin@example.test', '--org', '甲街道', '--reason', '辞职');
    expect(own.stderr).toContain('FZ403');
    const across = await members('grant', '--as', 'admin@example.test', '--user', 'clerk@example.test', '--org', '乙街道', '--role', 'viewer', '--reason', '跨街道');
    expect(across.stderr).toContain('P0002');

    // As the owner: every unit, yet a reason is needed and the last admin of a street stays.
    expect(await members('grant', '--user', 'admin2@example.test', '--org', '乙街道', '--role', 'admin')).toMatchObject({ code: 2, stderr: '错误：请用 --reason 说明原因（记入操作日志）\n' });
    expect((await members('grant', '--user', 'admin2@example.test', '--org', '乙街道', '--role', 'admin', '--reason', '乙街道首位管理员')).code).toBe(0);
    const last = await members('revoke', '--user', 'admin2@example.test', '--org', '乙街道', '--reason', '调走');
    expect(last.stderr).toBe('错误：数据库报错（FZ409）：“乙街道办事处”只剩这一位在职的管理员，不能撤销、降级或停用；请先为该单位授予另一位管理员\n');

    const invited = await members('invite', '--as', 'admin@example.test', '--email', 'Li.Si@Example.test', '--org', '甲街道办事处', '--role', '查看者', '--days', '7', '--reason', '新同事');
    expect([invited.code, invited.stderr]).toEqual([0, '']);
    expect(invited.stdout).toMatch(/^已邀请“li\.si@example\.test”成为“甲街道办事处”的查看者，有效期至 \d{4}-\d\d-\d\d；/);
    expect((await members('list', '--org', '甲街道')).stdout).toMatch(/邀请（1 份）：\n邮箱\s+机构\s+角色[^\n]*\n[- ]+\nli\.si@example\.test\s+甲街道办事处\s+查看者\s+全部\s+打码\s+\d{4}-\d\d-\d\d\s+待接受\n/);

    const revoked = await members('revoke', '--as', 'admin@example.test', '--user', 'newcomer@example.test', '--org', '甲街道', '--reason', '试用期满');
    expect([revoked.code, revoked.stdout]).toEqual([0, '已撤销“newcomer@example.test”在“甲街道办事处”的业务经办人角色\n']);
    expect(await membershipsOf(ids.newcomer)).toEqual([]);
    expect(await members('revoke', '--user', 'newcomer@example.test', '--org', '甲街道', '--reason', '再撤')).toMatchObject({ code: 2, stderr: '错误：“newcomer@example.test”在“甲街道办事处”没有成员身份（或您无权管理）\n' });
    expect(await members('grant', '--user', 'nobody@example.test', '--org', '甲街道', '--role', 'viewer', '--reason', 'x')).toMatchObject({ code: 2, stderr: '错误：--user：没有邮箱为“nobody@example.test”的账号；新成员请用 fazhi members invite 邀请\n' });
    // Deactivation and withdrawal.
    const deactivated = await members('deactivate', '--as', 'admin@example.test', '--user', 'clerk@example.test', '--reason', '病休');
    expect([deactivated.code, deactivated.stderr, deactivated.stdout]).toEqual([0, '', '已停用“clerk@example.test”在您所管单位的成员身份：其访问即刻终止\n']);
    expect((await members('list', '--org', '甲街道')).stdout).toMatch(/陈调解\s+clerk@example\.test\s+业务经办人\s+人民调解\s+打码\s+已停用\n/);
    expect((await members('activate', '--user', 'clerk@example.test', '--reason', '返岗')).code).toBe(0);
    expect((await members('withdraw', '--email', 'LI.SI@example.test', '--org', '甲街道', '--reason', '岗位取消')).stdout).toBe('已撤回发给“li.si@example.test”的邀请\n');
    const after = (await members('list', '--org', '甲街道')).stdout;
    expect(after).toMatch(/陈调解\s+clerk@example\.test\s+业务经办人\s+人民调解\s+打码\s+在用\n/);
    expect(after).toMatch(/li\.si@example\.test[^\n]+已撤回（\d{4}-\d\d-\d\d）\n/);
    expect(await members('promote')).toMatchObject({ code: 2, stderr: expect.stringContaining('未知的子命令“promote”') });
    // Each command opens the PGlite folder anew: some thirty of them take a while on a shared machine.
  }, 240_000);
});
