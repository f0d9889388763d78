import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.js';
import { testDatabases } from '../testing/index.js';
import { as, clerkA, org, outcome, seedFixture, user } from './fixture.test-helper.js';

/** Org units, memberships and profiles: who reads what, and that app roles cannot grant themselves rights. */
describe.each(testDatabases())('base tables on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
  }, 120_000);
  afterAll(() => db?.close());

  const ids = (who: string, sql: string) => as(db, who, async (tx) => (await tx.query<{ id: string }>(sql)).rows.map((r) => r.id).sort());

  it('org units: members read the subtrees of their memberships', async () => {
    const all = Object.values(org).sort();
    expect(await ids(user.supervisor, 'select id from public.org_units')).toEqual(all);
    expect(await ids(user.adminA, 'select id from public.org_units')).toEqual([org.streetA, org.communityA1].sort());
    expect(await ids(clerkA('mediation'), 'select id from public.org_units')).toEqual([org.streetA, org.communityA1].sort());
    expect(await ids(user.clerkB, 'select id from public.org_units')).toEqual([org.streetB, org.communityB1].sort());
    expect(await ids(user.stranger, 'select id from public.org_units')).toEqual([]);
  });

  it('memberships: users read their own, street admins those of their street', async () => {
    const users = (who: string) => as(db, who, async (tx) => (await tx.query<{ user_id: string }>('select user_id from public.memberships')).rows.map((r) => r.user_id));
    expect(await users(user.viewerA)).toEqual([user.viewerA]);
    expect(await users(user.supervisor)).toEqual([user.supervisor]);
    const seenByAdminA = await users(user.adminA);
    expect(seenByAdminA).toContain(clerkA('mediation'));
    expect(seenByAdminA).toContain(user.viewerA);
    expect(seenByAdminA).not.toContain(user.adminB);
    expect(seenByAdminA).not.toContain(user.supervisor);
  });

  it('nobody grants themselves a membership or edits the org tree through an app role', async () => {
    for (const sql of [
      `insert into public.memberships (user_id, org_id, role) values ('${user.viewerA}', '${org.streetA}', 'admin')`,
      `update public.memberships set role = 'admin' where user_id = '${user.viewerA}'`,
      `update public.memberships set personal_data = true where user_id = '${user.adminB}'`,
      `delete from public.memberships where user_id = '${user.viewerA}'`,
      `insert into public.org_units (parent_id, kind, name) values ('${org.streetA}', 'community', '新社区')`,
      `update public.org_units set name = '改名' where id = '${org.streetA}'`,
    ]) {
      expect(await as(db, user.adminA, (tx) => outcome(() => tx.query(sql))), sql).toBe('42501');
    }
  });

  it('profiles: created with the user, each user reads and edits only their own', async () => {
    const result = await as(db, user.viewerA, async (tx) => ({
      mine: (await tx.query<{ id: string; display_name: string }>('select id, display_name from public.profiles')).rows,
      renamed: (await tx.query(`update public.profiles set display_name = '查看者' where id = $1`, [user.viewerA])).affectedRows,
      impersonated: (await tx.query(`update public.profiles set display_name = '冒名' where id = $1`, [user.adminA])).affectedRows,
    }));
    expect(result.mine).toHaveLength(1);
    expect(result.mine[0]!.id).toBe(user.viewerA);
    expect(result.mine[0]!.display_name).toMatch(/^用户\d+$/);
    expect([result.renamed, result.impersonated]).toEqual([1, 0]);
    expect(await as(db, user.viewerA, (tx) => outcome(() => tx.query(`delete from public.profiles where id = $1`, [user.viewerA])))).toBe('42501');
  });

  it('keeps the org tree and memberships plausible, in Chinese', async () => {
    const refused = (sql: string) =>
      as(db, 'owner', async (tx) => {
        try {
          await tx.query(sql);
          return 'ok';
        } catch (e) {
          const { code, message } = e as { code: string; message: string };
          return `${code} ${message}`;
        }
      });
    expect(await refused(`insert into public.org_units (parent_id, kind, name) values (null, 'community', '孤立社区')`)).toBe('23514 机构“孤立社区”的类型不能位于最上级');
    expect(await refused(`insert into public.org_units (parent_id, kind, name) values ('${org.communityA1}', 'street', '错位街道')`)).toBe('23514 机构“错位街道”的类型不能位于“社区”之下');
    expect(await refused(`update public.org_units set parent_id = '${org.communityA1}' where id = '${org.streetA}'`)).toBe('23514 机构“甲街道”的上级关系形成了循环');
    expect(await refused(`insert into public.memberships (user_id, org_id, role) values ('${user.stranger}', '${org.streetA}', 'supervisor')`)).toBe('23514 区级督导角色只能设在区级机构');
    expect(await refused(`insert into public.memberships (user_id, org_id, role, areas) values ('${user.stranger}', '${org.district}', 'admin', '{}')`)).toBe(
      '23514 街道（镇）管理员、业务经办人和查看者角色只能设在街道或镇',
    );
    expect(await refused(`insert into public.memberships (user_id, org_id, role) values ('${user.stranger}', '${org.streetA}', 'clerk')`)).toMatch(/^23514 /);
  });

  it('claims come from request.jwt.claims, with the older per-claim setting as a fallback', async () => {
    const claims = await as(db, user.viewerA, async (tx) => (await tx.query(`select auth.uid() as uid, auth.role() as role, auth.jwt() ->> 'sub' as sub`)).rows[0]);
    expect(claims).toEqual({ uid: user.viewerA, role: 'authenticated', sub: user.viewerA });
    const legacy = await as(db, 'owner', async (tx) => {
      await tx.query(`select set_config('request.jwt.claim.sub', $1, true)`, [user.adminA]);
      return (await tx.query<{ uid: string }>(`select auth.uid() as uid`)).rows[0]!.uid;
    });
    expect(legacy).toBe(user.adminA);
    expect((await db.query<{ uid: string | null }>(`select auth.uid() as uid`)).rows[0]!.uid).toBeNull();
  });
});
