import { createRegistry } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grant } from '../access-store.js';
import type { Database } from '../client.js';
import { sqlAccessStore } from '../access-stores.js';
import { checkPassword, sqlLocalAccounts } from '../local-accounts.js';
import { asUser } from '../session.js';
import { testDatabases } from '../testing/index.js';
import { as, clerkA, committedAs, insertSample, org, outcome, seedFixture, user } from './fixture.test-helper.js';

/**
 * Local accounts (20261205090300_local_accounts.sql) through sqlLocalAccounts: a street admin
 * creates an account with a grant within what it holds, the password hashed as GoTrue hashes it,
 * the initial password to be changed at first sign-in; every escalation refused in Chinese.
 */

/** The error (code, message) a call fails with. */
async function failure(run: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run();
  } catch (e) {
    const err = e as { code?: string; message: string };
    return { code: err.code ?? '', message: err.message };
  }
  throw new Error('the call succeeded');
}

const mediationClerk = (orgId: string = org.streetA): Grant => ({ orgId, role: 'clerk', areas: ['mediation'], personalData: false });
/** An admin of street A without the personal-data grant (added to the fixture below). */
const plainAdminA = '00000000-0000-4000-9000-000000000901';

describe.each(testDatabases())('local accounts on $name', (backend) => {
  let db: Database;
  const accounts = (who: string) => sqlLocalAccounts((fn) => asUser(db, { userId: who }, fn));
  const userCount = async () => Number((await db.query<{ n: string }>('select count(*) as n from auth.users')).rows[0]!.n);

  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
    await db.exec(`
      insert into auth.users (id, email) values ('${plainAdminA}', 'plain-admin@example.test');
      insert into public.memberships (user_id, org_id, role, personal_data) values ('${plainAdminA}', '${org.streetA}', 'admin', false);
    `);
  }, 180_000);
  afterAll(() => db?.close());

  it('lets a street admin create an account with a bcrypt password that must be changed, audited with who and why', async () => {
    const member = await accounts(user.adminA).createAccount(' Clerk.One@Example.test ', 'initial-pass-1', mediationClerk(), '新来的调解员', '王调解');
    expect(member).toMatchObject({ email: 'clerk.one@example.test', displayName: '王调解', orgId: org.streetA, role: 'clerk', areas: ['mediation'], personalData: false, mustChangePassword: true, active: true });

    const stored = await db.query<{ encrypted_password: string; email_confirmed_at: unknown; name: string }>(
      `select encrypted_password, email_confirmed_at, raw_user_meta_data ->> 'display_name' as name from auth.users where id = $1`,
      [member.userId],
    );
    // GoTrue's bcrypt form at its cost ($2a$10$), never the password itself.
    expect(stored.rows[0]!.encrypted_password).toMatch(/^\$2a\$10\$/);
    expect([stored.rows[0]!.email_confirmed_at !== null, stored.rows[0]!.name]).toEqual([true, '王调解']);

    expect(await checkPassword(db, 'clerk.one@example.test', 'initial-pass-1')).toEqual({ userId: member.userId, email: 'clerk.one@example.test', displayName: '王调解', mustChangePassword: true });
    expect(await checkPassword(db, 'clerk.one@example.test', 'wrong-pass-1')).toBeNull();
    // The member list shows who still has to change the initial password.
    const listed = await sqlAccessStore((fn) => asUser(db, { userId: user.adminA }, fn)).listMembers(org.streetA);
    expect(listed.find((m) => m.userId === member.userId)).toMatchObject({ mustChangePassword: true, email: 'clerk.one@example.test' });
    expect(listed.find((m) => m.userId === user.viewerA)?.mustChangePassword).toBe(false);

    const audit = await db.query<{ table_name: string; actor: string; reason: string | null }>(
      `select table_name, actor, reason from public.audit_log where after ->> 'user_id' = $1 order by id`,
      [member.userId],
    );
    expect(audit.rows.map((r) => [r.table_name, r.actor, r.reason])).toEqual([
      ['local_accounts', user.adminA, '新来的调解员'],
      ['memberships', user.adminA, '新来的调解员'],
    ]);
    // Both rows belong to the street, so its admin reads them in the audit trail (read by org).
    const readable = await as(db, user.adminA, (tx) =>
      tx.query<{ table_name: string; org_id: string | null }>(`select table_name, org_id from public.audit_log where after ->> 'user_id' = $1 order by id`, [member.userId]),
    );
    expect(readable.rows).toEqual([
      { table_name: 'local_accounts', org_id: org.streetA },
      { table_name: 'memberships', org_id: org.streetA },
    ]);
  });

  it('gives the new clerk exactly its grant: writes its area, is refused in the others', async () => {
    const member = await accounts(user.adminA).createAccount('clerk.two@example.test', 'initial-pass-2', mediationClerk(), '调解');
    const kinds = new Map(createRegistry().list().map((k) => [k.id, k]));
    const insert = (kind: string, orgId: string) => outcome(() => as(db, member.userId, (tx) => insertSample(tx, kinds.get(kind)!, orgId, kinds)));
    expect(await insert('mediation_cases', org.communityA1)).toBe('ok');
    // Another street, or another area of its own street: refused.
    expect(await insert('mediation_cases', org.communityB1)).toBe('42501');
    expect(await insert('legal_aid_applications', org.communityA1)).toBe('42501');
    expect(await outcome(() => as(db, member.userId, (tx) => tx.query(`select * from public.create_local_account('x@example.test', 'initial-pass', null, $1, 'viewer', '{}', false, '试')`, [org.streetA])))).toBe('42501');
  });

  it('refuses escalation: clerks, viewers, strangers and other streets’ admins create nothing; an admin grants nothing it lacks', async () => {
    const before = await userCount();
    const refused = async (who: string, grant: Grant) => failure(() => accounts(who).createAccount(`esc${Math.random()}@example.test`, 'initial-pass-3', grant, '越权'));
    const notAdmin = { code: '42501', message: '只有“甲街道”的管理员或上级区的督导可以管理其成员' };
    for (const who of [clerkA('mediation'), user.viewerA]) expect(await refused(who, mediationClerk())).toEqual(notAdmin);
    // Those who may not even see street A learn nothing about it.
    for (const who of [user.stranger, user.adminB]) expect(await refused(who, mediationClerk())).toEqual({ code: 'P0002', message: '机构不存在，或没有权限查看' });
    expect(await refused(user.adminA, mediationClerk(org.streetB))).toMatchObject({ code: 'P0002' });
    expect(await refused(user.adminA, { orgId: org.streetA, role: 'supervisor', areas: [], personalData: false })).toEqual({ code: 'FZ403', message: '不能授予高于自己的角色“区级督导”' });
    expect(await refused(plainAdminA, { ...mediationClerk(), personalData: true })).toEqual({ code: 'FZ403', message: '您在该单位没有个人信息授权，不能授予他人' });
    // The helpers behind the public function are not callable, nor is the table writable.
    for (const sql of [
      `select private.check_password('x', 'y')`,
      `select private.insert_auth_user(gen_random_uuid(), 'x@example.test', 'initial-pass', null)`,
      `insert into private.local_accounts (user_id, created_by) values ('${clerkA('mediation')}', '${clerkA('mediation')}')`,
      `update private.local_accounts set must_change_password = false`,
    ]) {
      expect(await outcome(() => as(db, clerkA('mediation'), (tx) => tx.query(sql))), sql).toBe('42501');
    }
    expect(await userCount()).toBe(before);
  });

  it('refuses bad input in Chinese, naming it, and writes nothing', async () => {
    const before = await userCount();
    const create = (email: string, password: string, grant: Grant, reason: string) => failure(() => accounts(user.adminA).createAccount(email, password, grant, reason));
    expect(await create('not-an-email', 'initial-pass-4', mediationClerk(), '试')).toEqual({ code: '22023', message: '邮箱“not-an-email”格式不正确' });
    expect(await create('short@example.test', '1234567', mediationClerk(), '试')).toEqual({ code: '22023', message: '初始密码至少需要 8 个字符' });
    expect(await create('long@example.test', '密'.repeat(25), mediationClerk(), '试')).toMatchObject({ code: '22023', message: expect.stringContaining('初始密码不能超过 72 个字节') });
    expect(await create('noreason@example.test', 'initial-pass-4', mediationClerk(), '  ')).toEqual({ code: '22023', message: '请填写变更原因' });
    expect(await create('noarea@example.test', 'initial-pass-4', { ...mediationClerk(), areas: [] }, '试')).toEqual({ code: '22023', message: '业务经办人至少要有一个业务领域' });
    expect(await create('badarea@example.test', 'initial-pass-4', { ...mediationClerk(), areas: ['astrology'] }, '试')).toEqual({ code: '22023', message: '业务领域“astrology”不存在' });
    expect(await create('USER1@example.test', 'initial-pass-4', mediationClerk(), '试')).toEqual({ code: 'FZ409', message: '邮箱“user1@example.test”已有账号；如需授权，请在成员列表中为该账号授权' });
    expect(await userCount()).toBe(before);
  });

  it('changes the own password only with the current one, and clears the first-sign-in mark', async () => {
    const member = await accounts(user.adminA).createAccount('clerk.three@example.test', 'initial-pass-5', mediationClerk(), '调解');
    const own = accounts(member.userId);
    expect(await failure(() => own.changeOwnPassword('wrong-current', 'my-own-pass-5'))).toEqual({ code: '28P01', message: '当前密码不正确' });
    expect(await failure(() => own.changeOwnPassword('initial-pass-5', 'short'))).toEqual({ code: '22023', message: '新密码至少需要 8 个字符' });
    expect(await failure(() => own.changeOwnPassword('initial-pass-5', 'initial-pass-5'))).toEqual({ code: '22023', message: '新密码不能与当前密码相同' });
    expect((await checkPassword(db, 'clerk.three@example.test', 'initial-pass-5'))?.mustChangePassword).toBe(true);

    await own.changeOwnPassword('initial-pass-5', 'my-own-pass-5');
    expect(await checkPassword(db, 'clerk.three@example.test', 'initial-pass-5')).toBeNull();
    expect(await checkPassword(db, 'clerk.three@example.test', 'my-own-pass-5')).toMatchObject({ userId: member.userId, mustChangePassword: false });
    // Anyone signed in changes their own password the same way (a demo account has no local-account row).
    await committedAs(db, 'owner', (tx) => tx.query(`update auth.users set encrypted_password = extensions.crypt('demo-pass-1', extensions.gen_salt('bf')) where id = $1`, [user.viewerA]));
    await accounts(user.viewerA).changeOwnPassword('demo-pass-1', 'viewer-pass-2');
    expect(await checkPassword(db, 'user2@example.test', 'viewer-pass-2')).toMatchObject({ userId: user.viewerA, mustChangePassword: false });
    expect(await outcome(() => committedAs(db, 'anon', (tx) => tx.query(`select public.change_own_password('a', 'bbbbbbbb')`)))).toBe('42501');
  });
});
