import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessStore, Grant } from '../access-store.js';
import { sqlAccessStore } from '../access-stores.js';
import type { Database } from '../client.js';
import { asUser } from '../session.js';
import { testDatabases } from '../testing/index.js';
import { as, clerkA, committedAs, org, outcome, seedFixture, switchTo, user } from './fixture.test-helper.js';

/**
 * Members and access in SQL (migration 20261205090100_members_and_access.sql) through the SQL
 * AccessStore: grants, changes, revocations, deactivation and invitations, each with the
 * escalation attempts the rules exist for, on PGlite and PostgreSQL 15.
 */
const clerk = clerkA('mediation');
/** Extra users made by this file: a second admin of A without the personal-data grant, and people to grant or invite. */
const extra = {
  adminANoPersonal: '00000000-0000-4000-9000-000000000901',
  newcomer: '00000000-0000-4000-9000-000000000902',
  second: '00000000-0000-4000-9000-000000000903',
  third: '00000000-0000-4000-9000-000000000904',
} as const;

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

const clerkGrant = (orgId: string, areas = ['mediation'], personalData = false): Grant => ({ orgId, role: 'clerk', areas, personalData });

describe.each(testDatabases())('members and access on $name', (backend) => {
  let db: Database;
  const store = (who: string): AccessStore => (who === 'owner' ? sqlAccessStore((fn) => db.transaction(fn)) : sqlAccessStore((fn) => asUser(db, { userId: who }, fn)));
  const owner = (sql: string, params: unknown[] = []) => committedAs(db, 'owner', (tx) => tx.query<Record<string, unknown>>(sql, params));
  const membershipOf = async (userId: string, orgId: string) => (await store('owner').listMembers(orgId)).find((m) => m.userId === userId);
  /** A user signing up through Supabase Auth: the row GoTrue inserts, confirmed or not. */
  const signUp = (id: string, email: string, confirmed: boolean) =>
    owner(`insert into auth.users (id, email, email_confirmed_at) values ($1, $2, ${confirmed ? 'now()' : 'null'})`, [id, email]);
  const membershipsOfUser = async (id: string) => (await owner('select org_id, role, areas from public.memberships where user_id = $1 order by org_id', [id])).rows;

  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
    await db.exec(`
      insert into auth.users (id, email, email_confirmed_at, raw_user_meta_data) values
        ('${extra.adminANoPersonal}', 'admin-a2@example.test', now(), '{"name": "周管理"}'),
        ('${extra.newcomer}', 'newcomer@example.test', now(), '{"name": "陈新人"}'),
        ('${extra.second}', 'second@example.test', now(), '{"name": "林二"}'),
        ('${extra.third}', 'third@example.test', now(), '{"name": "何三"}');
      insert into public.memberships (user_id, org_id, role, personal_data) values ('${extra.adminANoPersonal}', '${org.streetA}', 'admin', false);
    `);
  }, 120_000);
  afterAll(() => db?.close());

  it('keeps direct writes to memberships refused to every signed-in user, the clerk’s own row included', async () => {
    for (const sql of [
      `insert into public.memberships (user_id, org_id, role, areas) values ('${clerk}', '${org.streetA}', 'clerk', '{legal_aid}')`,
      `update public.memberships set areas = '{mediation,legal_aid}', personal_data = true where user_id = '${clerk}'`,
      `update public.memberships set active = true where user_id = '${clerk}'`,
      `delete from public.memberships where user_id = '${user.adminB}'`,
      `insert into public.invitations (email, org_id, role, reason, expires_at) values ('x@example.test', '${org.streetA}', 'admin', 'x', now() + interval '1 day')`,
      `select * from public.invitations`,
    ]) {
      expect(await as(db, clerk, (tx) => outcome(() => tx.query(sql))), sql).toBe('42501');
      expect(await as(db, user.adminA, (tx) => outcome(() => tx.query(sql))), sql).toBe('42501');
    }
  });

  it('lists the members a manager manages, masking e-mail and name without the personal-data grant', async () => {
    const a = await store(user.adminA).listMembers();
    expect(new Set(a.map((m) => m.orgId))).toEqual(new Set([org.streetA]));
    const clerkRow = a.find((m) => m.userId === clerk)!;
    expect(clerkRow).toMatchObject({ role: 'clerk', areas: ['mediation'], personalData: false, active: true, mustChangePassword: false });
    expect(clerkRow.email).toMatch(/^user\d+@example\.test$/);
    expect(clerkRow.displayName).toMatch(/^用户\d+$/);
    // The same member seen by the admin without the personal-data grant, and by the district supervisor.
    const masked = (await store(extra.adminANoPersonal).listMembers(org.streetA)).find((m) => m.userId === clerk)!;
    expect(masked.email).toBe(`u***@example.test`);
    expect(masked.displayName).toMatch(/^用\*+$/);
    const bySupervisor = await store(user.supervisor).listMembers();
    expect(new Set(bySupervisor.map((m) => m.orgId))).toEqual(new Set([org.streetA, org.streetB]));
    expect(bySupervisor.some((m) => m.userId === user.supervisor)).toBe(false);
    // Street B's admin sees B only; asking for A's unit gives nothing; clerks and viewers manage nobody.
    expect(new Set((await store(user.adminB).listMembers()).map((m) => m.orgId))).toEqual(new Set([org.streetB]));
    expect(await store(user.adminB).listMembers(org.streetA)).toEqual([]);
    const rowsOf = (who: string, sql: string, id: string) => as(db, who, async (tx) => (await tx.query(sql, [id])).rows.length);
    expect(await rowsOf(user.adminB, 'select * from private.member($1)', clerkRow.membershipId)).toBe(0);
    expect(await rowsOf(clerk, 'select * from private.member($1)', clerkRow.membershipId)).toBe(0);
    expect(await store(clerk).listMembers()).toEqual([]);
    expect(await store(user.viewerAPersonal).listMembers(org.streetA)).toEqual([]);
    // The database owner (the CLI without --as) sees everyone, the supervisor included.
    expect((await store('owner').listMembers()).some((m) => m.userId === user.supervisor)).toBe(true);
  });

  it('grants within what the admin holds, audited with who and why', async () => {
    const granted = await store(user.adminA).grant(extra.newcomer, clerkGrant(org.streetA, ['legal_aid', 'mediation', 'mediation']), '新到岗的调解员');
    expect(granted).toMatchObject({ userId: extra.newcomer, orgId: org.streetA, role: 'clerk', areas: ['legal_aid', 'mediation'], personalData: false, active: true, email: 'newcomer@example.test', displayName: '陈新人' });
    const audit = await owner(`select actor, operation, reason, after ->> 'role' as role from public.audit_log where table_name = 'memberships' and record_id = $1`, [granted.membershipId]);
    expect(audit.rows).toEqual([{ actor: user.adminA, operation: 'INSERT', reason: '新到岗的调解员', role: 'clerk' }]);
    // The reason was for that change only: a later write in no access change has none.
    expect((await owner(`select count(*)::int as n from public.audit_log where reason is not null and table_name <> 'memberships'`)).rows[0]!.n).toBe(0);

    // The newcomer, a clerk now, can neither widen its own grant nor grant anyone anything.
    expect(await failure(() => store(extra.newcomer).changeGrant(granted.membershipId, { areas: ['legal_aid', 'mediation', 'public_service'] }, '自己加领域'))).toMatchObject({ code: 'FZ403', message: expect.stringContaining('不能更改自己的成员权限') });
    expect(await failure(() => store(extra.newcomer).changeGrant(granted.membershipId, { personalData: true }, '自己加授权'))).toMatchObject({ code: 'FZ403' });
    expect(await failure(() => store(extra.newcomer).grant(extra.newcomer, clerkGrant(org.streetA, ['public_service']), '自己加角色'))).toMatchObject({ code: '42501', message: '只有“甲街道”的管理员或上级区的督导可以管理其成员' });
    expect(await failure(() => store(extra.newcomer).grant(extra.second, { orgId: org.streetA, role: 'viewer', areas: [], personalData: false }, '帮同事'))).toMatchObject({ code: '42501' });
    expect(await failure(() => store(extra.newcomer).revoke(granted.membershipId, '不干了'))).toMatchObject({ code: 'FZ403' });
    expect(await failure(() => store(extra.newcomer).setActive(extra.newcomer, false, '休假'))).toMatchObject({ code: 'FZ403' });
    expect(await failure(() => store(user.viewerA).grant(user.viewerA, { orgId: org.streetA, role: 'admin', areas: [], personalData: true }, '提权'))).toMatchObject({ code: '42501' });

    // An admin: nothing for itself, nothing beyond its own role or grants, nothing in another street.
    const adminAMembership = (await membershipOf(user.adminA, org.streetA))!;
    expect(await failure(() => store(user.adminA).changeGrant(adminAMembership.membershipId, { personalData: false }, '自己改'))).toMatchObject({ code: 'FZ403' });
    expect(await failure(() => store(user.adminA).grant(user.adminA, { orgId: org.streetA, role: 'viewer', areas: [], personalData: true }, '自己加'))).toMatchObject({ code: 'FZ403' });
    expect(await failure(() => store(extra.adminANoPersonal).grant(extra.second, { orgId: org.streetA, role: 'viewer', areas: [], personalData: true }, '给个人信息'))).toMatchObject({
      code: 'FZ403',
      message: '您在该单位没有个人信息授权，不能授予他人',
    });
    expect(await failure(() => store(extra.adminANoPersonal).changeGrant(granted.membershipId, { personalData: true }, '给个人信息'))).toMatchObject({ code: 'FZ403' });
    expect(await failure(() => store(user.adminA).grant(extra.second, { orgId: org.streetA, role: 'supervisor', areas: [], personalData: false }, '升级'))).toMatchObject({
      code: 'FZ403',
      message: '不能授予高于自己的角色“区级督导”',
    });
    expect(await failure(() => store(user.adminA).grant(extra.second, clerkGrant(org.streetB), '跨街道'))).toMatchObject({ code: 'P0002' });
    expect(await failure(() => store(user.adminA).grant(extra.second, { orgId: org.district, role: 'supervisor', areas: [], personalData: false }, '上级'))).toMatchObject({ code: 'P0002' });
    const bMember = (await membershipOf(user.clerkB, org.streetB))!;
    expect(await failure(() => store(user.adminA).changeGrant(bMember.membershipId, { areas: ['mediation'] }, '跨街道'))).toMatchObject({ code: 'P0002' });
    expect(await failure(() => store(user.adminA).revoke(bMember.membershipId, '跨街道'))).toMatchObject({ code: 'P0002' });
    // Bad input, in Chinese, naming what is wrong.
    expect(await failure(() => store(user.adminA).grant(extra.second, clerkGrant(org.streetA, []), '无领域'))).toMatchObject({ code: '22023', message: '业务经办人至少要有一个业务领域' });
    expect(await failure(() => store(user.adminA).grant(extra.second, clerkGrant(org.streetA, ['fishing']), '错领域'))).toMatchObject({ code: '22023', message: '业务领域“fishing”不存在' });
    expect(await failure(() => store(user.adminA).grant(extra.second, { ...clerkGrant(org.streetA), role: 'boss' as never }, '错角色'))).toMatchObject({ code: '22023', message: expect.stringContaining('角色“boss”不存在') });
    expect(await failure(() => store(user.adminA).grant(extra.second, clerkGrant(org.streetA), '  '))).toMatchObject({ code: '22023', message: '请填写变更原因' });
    expect(await failure(() => store(user.adminA).grant(extra.second, clerkGrant(org.communityA1), '社区'))).toMatchObject({ code: '23514' });
    expect(await failure(() => store(user.adminA).grant('00000000-0000-4000-9000-999999999999', clerkGrant(org.streetA), '无此人'))).toMatchObject({ code: 'P0002', message: '用户不存在' });
    expect(await failure(() => store(user.adminA).grant(extra.newcomer, clerkGrant(org.streetA, ['public_service']), '重复'))).toMatchObject({ code: 'FZ409' });

    // A district supervisor grants at the streets below it, within its own grants (no personal data).
    const bySupervisor = await store(user.supervisor).grant(extra.second, { orgId: org.streetB, role: 'viewer', areas: [], personalData: false }, '区里派驻');
    expect(bySupervisor).toMatchObject({ orgId: org.streetB, role: 'viewer', email: 's***@example.test' });
    expect(await failure(() => store(user.supervisor).grant(extra.second, { orgId: org.streetB, role: 'clerk', areas: ['public_service'], personalData: true }, '个人信息'))).toMatchObject({ code: 'FZ403' });
    expect(await failure(() => store(user.supervisor).grant(extra.second, { orgId: org.district, role: 'supervisor', areas: [], personalData: false }, '本区'))).toMatchObject({ code: '42501' });
    // Nothing of the refused attempts was written.
    expect(await membershipsOfUser(extra.second)).toEqual([{ org_id: org.streetB, role: 'viewer', areas: [] }]);
    expect(await membershipsOfUser(extra.newcomer)).toEqual([{ org_id: org.streetA, role: 'clerk', areas: ['legal_aid', 'mediation'] }]);
  });

  it('changes and revokes, never the last active admin of a street', async () => {
    const newcomer = (await membershipOf(extra.newcomer, org.streetA))!;
    const changed = await store(user.adminA).changeGrant(newcomer.membershipId, { areas: ['public_service'], personalData: true }, '改做热线');
    expect(changed).toMatchObject({ role: 'clerk', areas: ['public_service'], personalData: true });
    // The admin without the grant may still change other things of a member who holds it.
    expect(await store(extra.adminANoPersonal).changeGrant(newcomer.membershipId, { areas: ['public_service', 'mediation'] }, '兼调解')).toMatchObject({ personalData: true, areas: ['mediation', 'public_service'] });
    const audit = await owner(`select actor, reason from public.audit_log where table_name = 'memberships' and record_id = $1 and operation = 'UPDATE' order by id`, [newcomer.membershipId]);
    expect(audit.rows).toEqual([
      { actor: user.adminA, reason: '改做热线' },
      { actor: extra.adminANoPersonal, reason: '兼调解' },
    ]);

    // Street B has one admin: the supervisor cannot revoke, demote or deactivate it; B's admin cannot touch itself.
    const adminB = (await membershipOf(user.adminB, org.streetB))!;
    const lastAdmin = { code: 'FZ409', message: '“乙街道”只剩这一位在职的管理员，不能撤销、降级或停用；请先为该单位授予另一位管理员' };
    expect(await failure(() => store(user.supervisor).revoke(adminB.membershipId, '调走'))).toMatchObject(lastAdmin);
    expect(await failure(() => store(user.supervisor).changeGrant(adminB.membershipId, { role: 'viewer' }, '降级'))).toMatchObject(lastAdmin);
    expect(await failure(() => store(user.supervisor).setActive(user.adminB, false, '停用'))).toMatchObject(lastAdmin);
    expect(await failure(() => store('owner').revoke(adminB.membershipId, '运维'))).toMatchObject(lastAdmin);
    expect(await failure(() => store(user.adminB).revoke(adminB.membershipId, '辞职'))).toMatchObject({ code: 'FZ403' });
    // With a second admin in place, the first may go.
    const second = await store(user.supervisor).grant(extra.second, { orgId: org.streetB, role: 'admin', areas: [], personalData: false }, '接任');
    await store(user.supervisor).revoke(adminB.membershipId, '调走');
    expect(await membershipOf(user.adminB, org.streetB)).toBeUndefined();
    expect(await failure(() => store(user.supervisor).revoke(second.membershipId, '再调走'))).toMatchObject(lastAdmin);
    const revoked = await owner(`select actor, reason, before ->> 'user_id' as user_id from public.audit_log where table_name = 'memberships' and operation = 'DELETE'`);
    expect(revoked.rows).toEqual([{ actor: user.supervisor, reason: '调走', user_id: user.adminB }]);
    // Put B back as it was for the tests below.
    await store('owner').grant(user.adminB, { orgId: org.streetB, role: 'admin', areas: [], personalData: true }, '恢复');
  });

  it('deactivation ends access at once, reactivation restores it', async () => {
    const read = (who: string) => as(db, who, async (tx) => (await tx.query('select id from public.mediation_cases_view')).rows.length);
    const write = (who: string) =>
      as(db, who, (tx) =>
        outcome(() =>
          tx.query(`insert into public.mediation_cases (org_id, case_no, source, dispute_type, parties_count, accepted_on, status) values ($1, $2, 'proactive', 'neighbourhood', 2, '2024-03-01', 'accepted')`, [
            org.communityA1,
            `(停用)调字第${Math.random().toString(36).slice(2, 8)}号`,
          ]),
        ),
      );
    await committedAs(db, 'service_role', (tx) =>
      tx.query(`insert into public.mediation_cases (org_id, case_no, source, dispute_type, parties_count, accepted_on, status) values ($1, '(停用)调字第1号', 'proactive', 'neighbourhood', 2, '2024-02-01', 'accepted')`, [org.communityA1]),
    );
    expect(await read(clerk)).toBeGreaterThan(0);
    expect(await write(clerk)).toBe('ok');
    const seesOwn = () => as(db, clerk, async (tx) => (await tx.query('select id from public.memberships')).rows.length);
    expect(await seesOwn()).toBe(1);

    await store(user.adminA).setActive(clerk, false, '离职');
    expect(await read(clerk)).toBe(0);
    expect(await write(clerk)).toBe('42501');
    expect(await seesOwn()).toBe(0);
    expect((await membershipOf(clerk, org.streetA))!.active).toBe(false);
    const audit = await owner(`select actor, reason, before ->> 'active' as was, after ->> 'active' as now from public.audit_log where table_name = 'memberships' and after ->> 'user_id' = $1 and operation = 'UPDATE'`, [clerk]);
    expect(audit.rows).toEqual([{ actor: user.adminA, reason: '离职', was: 'true', now: 'false' }]);
    // A deactivated admin loses the management too.
    const adminA2 = (await membershipOf(extra.adminANoPersonal, org.streetA))!;
    await store(user.adminA).setActive(extra.adminANoPersonal, false, '借调');
    expect(await store(extra.adminANoPersonal).listMembers()).toEqual([]);
    expect(await failure(() => store(extra.adminANoPersonal).setActive(clerk, true, '恢复'))).toMatchObject({ code: 'P0002' });
    expect(await failure(() => store(extra.adminANoPersonal).revoke(adminA2.membershipId, 'x'))).toMatchObject({ code: 'FZ403' });

    await store(user.adminA).setActive(clerk, true, '返岗');
    await store(user.adminA).setActive(extra.adminANoPersonal, true, '返岗');
    expect(await read(clerk)).toBeGreaterThan(0);
    expect(await write(clerk)).toBe('ok');
    expect(await failure(() => store(user.adminA).setActive(user.adminB, false, '跨街道'))).toMatchObject({ code: 'P0002' });
  });

  it('turns an invitation into a membership when the invited e-mail is confirmed, once', async () => {
    const invited = await store(user.adminA).invite('  New.Clerk@Example.test ', clerkGrant(org.streetA, ['legal_aid']), '新招聘的法律援助专干');
    expect(invited).toMatchObject({ email: 'new.clerk@example.test', orgId: org.streetA, role: 'clerk', areas: ['legal_aid'], invitedBy: user.adminA, acceptedAt: null, withdrawnAt: null });
    expect(Date.parse(invited.expiresAt) - Date.parse(invited.invitedAt)).toBe(14 * 24 * 3600 * 1000);
    expect((await store(user.adminA).listInvitations(org.streetA)).map((i) => i.id)).toContain(invited.id);
    expect(await store(user.adminB).listInvitations()).toEqual([]);
    const rowsOf = (who: string) => as(db, who, async (tx) => (await tx.query<{ email: string }>('select email from private.invitation_row($1)', [invited.id])).rows);
    expect(await rowsOf(user.adminB)).toEqual([]);
    expect(await rowsOf(user.supervisor)).toEqual([{ email: 'n***@example.test' }]);
    expect(await failure(() => store(user.adminA).invite('new.clerk@example.test', clerkGrant(org.streetA), '再邀'))).toMatchObject({ code: 'FZ409' });

    // Sign-up with e-mail confirmation on: the row comes unconfirmed, nothing is granted yet.
    const newUser = '00000000-0000-4000-9000-000000000910';
    await signUp(newUser, 'NEW.CLERK@example.test', false);
    expect(await membershipsOfUser(newUser)).toEqual([]);
    await owner('update auth.users set email_confirmed_at = now() where id = $1', [newUser]);
    expect(await membershipsOfUser(newUser)).toEqual([{ org_id: org.streetA, role: 'clerk', areas: ['legal_aid'] }]);
    const accepted = (await store(user.adminA).listInvitations()).find((i) => i.id === invited.id)!;
    expect(accepted.acceptedAt).not.toBeNull();
    const audit = await owner(`select actor, reason from public.audit_log where table_name = 'memberships' and after ->> 'user_id' = $1`, [newUser]);
    expect(audit.rows).toEqual([{ actor: null, reason: '接受邀请（新招聘的法律援助专干）' }]);

    // Accepted once: revoked, then confirmed again (an e-mail change and back), the invitation stays spent.
    const m = (await membershipOf(newUser, org.streetA))!;
    await store(user.adminA).revoke(m.membershipId, '试用未通过');
    await owner(`update auth.users set email = 'other@example.test' where id = $1`, [newUser]);
    await owner(`update auth.users set email = 'new.clerk@example.test', email_confirmed_at = null where id = $1`, [newUser]);
    await owner('update auth.users set email_confirmed_at = now() where id = $1', [newUser]);
    expect(await membershipsOfUser(newUser)).toEqual([]);
    expect(await failure(() => store(user.adminA).withdrawInvitation(invited.id, '撤回'))).toMatchObject({ code: 'FZ409', message: expect.stringContaining('已于') });
  });

  it('accepts nothing expired or withdrawn, and an existing confirmed account at once', async () => {
    const expired = await store(user.adminA).invite('late@example.test', { orgId: org.streetA, role: 'viewer', areas: [], personalData: false }, '查看者', 1);
    await owner(`update public.invitations set invited_at = now() - interval '3 days', expires_at = now() - interval '1 second' where id = $1`, [expired.id]);
    const withdrawn = await store(user.adminA).invite('gone@example.test', { orgId: org.streetA, role: 'viewer', areas: [], personalData: false }, '查看者');
    expect(await failure(() => store(clerk).withdrawInvitation(withdrawn.id, '越权撤回'))).toMatchObject({ code: 'P0002' });
    await store(user.adminA).withdrawInvitation(withdrawn.id, '岗位取消');
    expect(await failure(() => store(user.adminA).withdrawInvitation(withdrawn.id, '再撤'))).toMatchObject({ code: 'FZ409', message: '邀请已经撤回' });
    const late = '00000000-0000-4000-9000-000000000911';
    const gone = '00000000-0000-4000-9000-000000000912';
    // Sign-ups with confirmation off: the rows come confirmed.
    await signUp(late, 'late@example.test', true);
    await signUp(gone, 'Gone@Example.test', true);
    expect(await membershipsOfUser(late)).toEqual([]);
    expect(await membershipsOfUser(gone)).toEqual([]);
    const withdrawal = await owner(`select actor, reason from public.audit_log where table_name = 'invitations' and record_id = $1 and operation = 'UPDATE'`, [withdrawn.id]);
    expect(withdrawal.rows).toEqual([{ actor: user.adminA, reason: '岗位取消' }]);

    // An account that exists and is confirmed: the invitation is accepted on the spot.
    const atOnce = await store(user.adminA).invite('late@example.test', { orgId: org.streetA, role: 'viewer', areas: [], personalData: true }, '补发邀请', 7);
    expect(atOnce.acceptedAt).not.toBeNull();
    expect(await membershipsOfUser(late)).toEqual([{ org_id: org.streetA, role: 'viewer', areas: [] }]);

    // Invitations obey the grant rules: no managers' rights, nothing beyond them, not oneself.
    expect(await failure(() => store(clerk).invite('x@example.test', clerkGrant(org.streetA), '越权'))).toMatchObject({ code: '42501' });
    expect(await failure(() => store(extra.adminANoPersonal).invite('x@example.test', { orgId: org.streetA, role: 'viewer', areas: [], personalData: true }, '个人信息'))).toMatchObject({ code: 'FZ403' });
    expect(await failure(() => store(user.adminA).invite('x@example.test', clerkGrant(org.streetB), '跨街道'))).toMatchObject({ code: 'P0002' });
    expect(await failure(() => store(extra.adminANoPersonal).invite('admin-a2@example.test', { orgId: org.streetA, role: 'viewer', areas: [], personalData: false }, '自己'))).toMatchObject({ code: 'FZ403' });
    expect(await failure(() => store(user.adminA).invite('not-an-email', clerkGrant(org.streetA), '格式'))).toMatchObject({ code: '22023', message: '邮箱“not-an-email”格式不正确' });
    expect(await failure(() => store(user.adminA).invite('y@example.test', clerkGrant(org.streetA), '有效期', 0))).toMatchObject({ code: '22023', message: expect.stringContaining('1 至 90 天') });
    expect(await failure(() => store(user.adminA).invite('y@example.test', clerkGrant(org.streetA), ''))).toMatchObject({ code: '22023', message: '请填写变更原因' });
  });

  // PostgreSQL only: PGlite has one connection, so nothing runs at the same time there.
  it.runIf(backend.name === 'postgres')('two admins revoking each other at once: the second waits for the first and is refused', async () => {
    const third = await store('owner').grant(extra.third, { orgId: org.streetB, role: 'admin', areas: [], personalData: false }, '第二位管理员');
    const adminB = (await membershipOf(user.adminB, org.streetB))!;
    let second: Promise<string> | undefined;
    await db.transaction(async (tx) => {
      await switchTo(tx, user.adminB);
      await tx.query('select public.revoke_membership($1, $2)', [third.membershipId, '互相撤销']);
      // While the first change is not committed, the other admin revokes the first one.
      second = outcome(() => asUser(db, { userId: extra.third }, (tx2) => tx2.query('select public.revoke_membership($1, $2)', [adminB.membershipId, '互相撤销'])));
      await new Promise((r) => setTimeout(r, 300));
    });
    expect(await second).toBe('42501');
    // The first change stands; the second waited for it and found its caller no longer an admin.
    const admins = (await store('owner').listMembers(org.streetB)).filter((m) => m.role === 'admin').map((m) => m.userId);
    expect(admins.sort()).toEqual([user.adminB, extra.second].sort());
  });
});
