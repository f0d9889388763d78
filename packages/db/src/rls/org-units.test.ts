import { createRegistry } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.js';
import { setUpOrganisation, type OrgSetup } from '../org-setup.js';
import { sqlOrgStore } from '../org-stores.js';
import { asAnon, asServiceRole, asUser } from '../session.js';
import { emulateSupabaseAuth, testDatabases } from '../testing/index.js';
import { clerkA, committedAs, insertSample, org, seedFixture, user } from './fixture.test-helper.js';

/**
 * Org units managed in SQL (20261205090200_org_units_managed.sql) through the SQL OrgStore: street
 * admins within their street's subtree, district supervisors within their district, never out of
 * it, never a cycle; units with records are retired, never deleted, and take no new records. The
 * first run (建立本单位) on an empty database.
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

const otherDistrict = '00000000-0000-4000-8000-0000000000e0';
const blank = { code: null, shortName: null, ledgerFrom: null, ledgerTo: null };

describe.each(testDatabases())('org units on $name', (backend) => {
  let db: Database;
  const store = (who: string) => sqlOrgStore((fn) => asUser(db, { userId: who }, fn));
  const byId = new Map(createRegistry().list().map((k) => [k.id, k]));
  const changes = async (orgId: string) =>
    (await db.query<{ action: string; reason: string | null; actor: string | null }>('select action, reason, actor from public.org_unit_changes where org_id = $1 order by id', [orgId])).rows;

  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
    await db.exec(`insert into public.org_units (id, parent_id, kind, name) values ('${otherDistrict}', null, 'district', '邻区')`);
  }, 180_000);
  afterAll(() => db?.close());

  it('lets a street admin add, rename and date units in its street, audited with who and why', async () => {
    const added = await store(user.adminA).add({ parentId: org.streetA, kind: 'community', name: ' 甲二社区 ', ...blank, code: 'A2', ledgerFrom: '2024-01-01' });
    expect(added).toMatchObject({ parentId: org.streetA, kind: 'community', name: '甲二社区', code: 'A2', ledgerFrom: '2024-01-01', ledgerTo: null, retiredAt: null });
    const renamed = await store(user.adminA).update(added.id, { name: '甲二社区居委会', shortName: '甲二', ledgerTo: '2024-12-31' });
    expect(renamed).toMatchObject({ name: '甲二社区居委会', shortName: '甲二', code: 'A2', ledgerFrom: '2024-01-01', ledgerTo: '2024-12-31' });
    const cleared = await store(user.adminA).update(added.id, { shortName: null });
    expect([cleared.shortName, cleared.name]).toEqual([null, '甲二社区居委会']);
    expect((await store(user.adminA).list()).map((u) => u.name)).toContain('甲二社区居委会');
    expect(await changes(added.id)).toEqual([
      { action: 'add', reason: null, actor: user.adminA },
      { action: 'update', reason: null, actor: user.adminA },
      { action: 'update', reason: null, actor: user.adminA },
    ]);
    const audit = await db.query<{ operation: string; actor: string }>(`select operation, actor from public.audit_log where table_name = 'org_units' and record_id = $1 order by id`, [added.id]);
    expect(audit.rows).toEqual([
      { operation: 'INSERT', actor: user.adminA },
      { operation: 'UPDATE', actor: user.adminA },
      { operation: 'UPDATE', actor: user.adminA },
    ]);
    // A district supervisor adds a street to its district.
    const street = await store(user.supervisor).add({ parentId: org.district, kind: 'street', name: '丙街道', ...blank });
    expect(street.parentId).toBe(org.district);
  });

  it('refuses clerks, viewers, other streets, the district above and direct writes', async () => {
    const community = { kind: 'community' as const, name: '越权社区', ...blank };
    expect(await failure(() => store(clerkA('mediation')).add({ ...community, parentId: org.streetA }))).toMatchObject({ code: '42501', message: expect.stringContaining('只有机构所属街道（镇）的管理员或所在区的督导员可以在其下新增机构') });
    expect(await failure(() => store(user.viewerA).add({ ...community, parentId: org.communityA1 }))).toMatchObject({ code: '42501' });
    expect(await failure(() => store(user.adminA).add({ ...community, parentId: org.streetB }))).toMatchObject({ code: '42501' });
    expect(await failure(() => store(user.adminA).add({ ...community, kind: 'street', parentId: org.district }))).toMatchObject({ code: '42501' });
    expect(await failure(() => store(user.supervisor).add({ ...community, parentId: otherDistrict, kind: 'street' }))).toMatchObject({ code: '42501' });
    expect(await failure(() => store(user.stranger).update(org.communityA1, { name: '改名' }))).toMatchObject({ code: '42501' });
    expect(await failure(() => store(user.adminB).update(org.communityA1, { name: '改名' }))).toMatchObject({ code: '42501' });
    // The table itself stays closed to the API roles.
    expect(await failure(() => asUser(db, { userId: user.adminA }, (tx) => tx.query(`insert into public.org_units (parent_id, kind, name) values ($1, 'community', '直写社区')`, [org.streetA])))).toMatchObject({ code: '42501' });
    expect(await failure(() => asUser(db, { userId: user.adminA }, (tx) => tx.query(`update public.org_units set name = '直改' where id = $1`, [org.communityA1])))).toMatchObject({ code: '42501' });
    // The parent-kind rules still hold, with the database's words.
    expect(await failure(() => store(user.adminA).add({ ...community, kind: 'district', parentId: org.streetA }))).toMatchObject({ code: '22023', message: expect.stringContaining('机构类型“district”无效') });
    expect(await failure(() => store(user.adminA).add({ ...community, kind: 'village', parentId: org.communityA1 }))).toMatchObject({ code: '23514', message: '机构“越权社区”的类型不能位于“社区”之下' });
    expect(await failure(() => store(user.adminA).add({ ...community, parentId: org.streetA, code: 'A2' }))).toMatchObject({ code: '23505', message: '机构编号“A2”已被机构“甲二社区居委会”使用' });
    expect(await failure(() => store(user.adminA).add({ ...community, parentId: org.streetA, name: '  ' }))).toMatchObject({ code: '23514', message: '机构名称不能为空' });
    expect(await failure(() => store(user.adminA).update(org.communityA1, { ledgerFrom: '2024-02-30' }))).toMatchObject({ code: '22007', message: '建账起始日“2024-02-30”不是有效的日期' });
    expect(await failure(() => store(user.adminA).update(org.communityA1, { ledgerFrom: '2024-06-01', ledgerTo: '2024-01-01' }))).toMatchObject({ message: expect.stringContaining('建账截止日（2024-01-01）早于起始日（2024-06-01）') });
  });

  it('moves only within the caller’s subtree, never its own street, never into a cycle', async () => {
    const a3 = await store(user.adminA).add({ parentId: org.streetA, kind: 'community', name: '甲三社区', ...blank });
    const committee = await store(user.adminA).add({ parentId: org.streetA, kind: 'mediation_committee', name: '甲街道人民调解委员会', ...blank });
    // Within the street: the committee moves under a community.
    expect((await store(user.adminA).move(committee.id, a3.id, '调委会设在社区')).parentId).toBe(a3.id);
    expect(await changes(committee.id)).toContainEqual({ action: 'move', reason: '调委会设在社区', actor: user.adminA });
    expect(await failure(() => store(user.adminA).move(committee.id, org.streetA, ' '))).toMatchObject({ code: '23514', message: '移动机构须填写理由' });
    // Out of the street, or its own street under another district: refused.
    expect(await failure(() => store(user.adminA).move(a3.id, org.streetB, '越界'))).toMatchObject({ code: '42501' });
    expect(await failure(() => store(user.adminA).move(org.streetA, otherDistrict, '换区'))).toMatchObject({ code: '42501', message: expect.stringContaining('“甲街道”是您任职的机构') });
    expect(await failure(() => store(user.supervisor).move(org.streetA, otherDistrict, '换区'))).toMatchObject({ code: '42501' });
    // A supervisor moves a community between the district's streets, but not into a cycle.
    expect((await store(user.supervisor).move(a3.id, org.streetB, '区划调整')).parentId).toBe(org.streetB);
    expect(await failure(() => store(user.supervisor).move(org.streetB, a3.id, '循环'))).toMatchObject({ code: '23514', message: '机构“乙街道”的上级关系形成了循环' });
  });

  it('refuses every org function to an API visitor (anon), who is no signed-in user yet no operator either', async () => {
    const asVisitor = sqlOrgStore((fn) => asAnon(db, fn));
    expect(await failure(() => asVisitor.add({ parentId: org.streetA, kind: 'community', name: '访客社区', ...blank }))).toMatchObject({ code: '42501' });
    expect(await failure(() => asVisitor.update(org.communityA1, { name: '改名' }))).toMatchObject({ code: '42501' });
    expect(await failure(() => asVisitor.move(org.communityA1, org.streetB, '访客'))).toMatchObject({ code: '42501' });
    expect(await failure(() => asVisitor.retire(org.communityA1, '访客'))).toMatchObject({ code: '42501' });
    for (const helper of [`private.managed_unit('${org.streetA}', '试')`, `private.add_org_unit('${org.streetA}', 'community', '访客社区')`]) {
      expect(await failure(() => asAnon(db, (tx) => tx.query(`select ${helper}`))), helper).toMatchObject({ code: '42501' });
    }
    expect((await db.query<{ n: number }>(`select count(*)::int as n from public.org_units where name in ('访客社区', '改名')`)).rows[0]!.n).toBe(0);
  });

  it('lets the service role and the database owner (the CLI) manage every unit under the same rules', async () => {
    const asService = sqlOrgStore((fn) => asServiceRole(db, fn));
    const asOwner = sqlOrgStore((fn) => db.transaction(fn));
    const village = await asService.add({ parentId: org.streetB, kind: 'village', name: '乙一村', ...blank });
    expect((await asOwner.move(village.id, org.streetA, '划入甲街道')).parentId).toBe(org.streetA);
    expect(await failure(() => asOwner.move(village.id, village.id, '自己'))).toMatchObject({ code: '23514' });
    expect(await failure(() => asService.add({ parentId: null, kind: 'district', name: '新区', ...blank }))).toMatchObject({ code: '42501', message: expect.stringContaining('最上级机构只能在建立本单位时设定') });
    await asOwner.retire(village.id, '误建');
    expect(await changes(village.id)).toEqual([
      { action: 'add', reason: null, actor: null },
      { action: 'move', reason: '划入甲街道', actor: null },
      { action: 'delete', reason: '误建', actor: null },
    ]);
  });

  it('retires a unit with records instead of deleting it; it keeps its records and takes no new ones', async () => {
    const a4 = await store(user.adminA).add({ parentId: org.streetA, kind: 'community', name: '甲四社区', ...blank });
    const caseId = await committedAs(db, 'service_role', (tx) => insertSample(tx, byId.get('mediation_cases')!, a4.id, byId));
    // Deleting: refused to the API roles by privilege, to the service role with words.
    expect(await failure(() => asUser(db, { userId: user.adminA }, (tx) => tx.query('delete from public.org_units where id = $1', [a4.id])))).toMatchObject({ code: '42501' });
    expect(await failure(() => asServiceRole(db, (tx) => tx.query('delete from public.org_units where id = $1', [a4.id])))).toMatchObject({
      code: '23503',
      message: expect.stringMatching(/^机构“甲四社区”已有.+，不能删除；请改为停用$/),
    });
    expect(await failure(() => store(user.adminA).retire(a4.id, ''))).toMatchObject({ message: '停用机构须填写理由' });
    expect(await failure(() => store(clerkA('mediation')).retire(a4.id, '撤并'))).toMatchObject({ code: '42501' });
    expect(await failure(() => store(user.adminA).retire(org.streetA, '撤并'))).toMatchObject({ code: '42501' });
    expect(await failure(() => store(user.supervisor).retire(org.streetA, '撤并'))).toMatchObject({ code: '23514', message: expect.stringContaining('还有未停用的下级机构') });
    await store(user.adminA).retire(a4.id, '社区撤并');
    const retired = (await store(user.adminA).list()).find((u) => u.id === a4.id);
    expect(retired?.retiredAt).not.toBeNull();
    expect(await changes(a4.id)).toContainEqual({ action: 'retire', reason: '社区撤并', actor: user.adminA });
    // Still readable with its record; no new record, nor a record moved into it.
    const read = await asUser(db, { userId: user.adminA }, (tx) => tx.query<{ id: string }>('select id from public.mediation_cases where org_id = $1', [a4.id]));
    expect(read.rows.map((r) => r.id)).toEqual([caseId]);
    expect(await failure(() => committedAs(db, 'service_role', (tx) => insertSample(tx, byId.get('mediation_cases')!, a4.id, byId)))).toMatchObject({
      code: '23514',
      message: '机构“甲四社区”已停用，不能再新增或转入人民调解案件；已有记录仍可查阅',
    });
    const other = await committedAs(db, 'service_role', (tx) => insertSample(tx, byId.get('mediation_cases')!, org.communityA1, byId));
    expect(await failure(() => asServiceRole(db, (tx) => tx.query('update public.mediation_cases set org_id = $1 where id = $2', [a4.id, other])))).toMatchObject({ code: '23514' });
    // Its records still count where they did (the street's figure includes them).
    const counted = await asUser(db, { userId: user.adminA }, (tx) => tx.query<{ n: number }>('select count(*)::int as n from public.mediation_cases where org_id = any (private.subtree_ids(array[$1::uuid]))', [org.streetA]));
    expect(counted.rows[0]!.n).toBeGreaterThanOrEqual(2);
    expect(await failure(() => store(user.adminA).add({ parentId: a4.id, kind: 'mediation_committee', name: '新调委会', ...blank }))).toMatchObject({ message: '机构“甲四社区”已停用，不能在其下新增或移入机构' });
    expect(await failure(() => store(user.adminA).retire(a4.id, '再停'))).toMatchObject({ message: expect.stringContaining('机构“甲四社区”已于') });
    // A unit nothing refers to (added by mistake) is deleted.
    const mistake = await store(user.adminA).add({ parentId: org.streetA, kind: 'department', name: '误建部门', ...blank });
    await store(user.adminA).retire(mistake.id, '误建');
    expect((await store(user.adminA).list()).some((u) => u.id === mistake.id)).toBe(false);
    expect(await changes(mistake.id)).toContainEqual({ action: 'delete', reason: '误建', actor: user.adminA });
  });
});

const setup = (over: Partial<OrgSetup> = {}): OrgSetup => ({
  units: [
    {
      kind: 'district',
      name: '示范区',
      children: [
        {
          kind: 'street',
          name: '示范街道办事处',
          shortName: '示范街道',
          code: 'SF',
          ledgerFrom: '2024-01-01',
          children: [
            { kind: 'community', name: '东社区' },
            { kind: 'community', name: '西社区', ledgerFrom: '2024-07-01' },
            { kind: 'mediation_committee', name: '示范街道人民调解委员会' },
          ],
        },
      ],
    },
  ],
  admin: { email: 'Chief@Example.test', password: 'first-admin-2024', displayName: '张主任' },
  ...over,
});

describe.each(testDatabases())('the first run on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.create();
    await emulateSupabaseAuth(db);
  }, 180_000);
  afterAll(() => db?.close());

  it('refuses bad documents with the place named, writing nothing', async () => {
    const bad = async (doc: unknown) => failure(() => db.transaction((tx) => setUpOrganisation(tx, doc as OrgSetup)));
    expect(await bad({ units: [], admin: setup().admin })).toMatchObject({ message: '机构设置中没有机构（units 应为非空列表）' });
    expect(await bad(setup({ admin: { email: 'nobody', password: 'long-enough-1' } }))).toMatchObject({ message: '首位管理员的邮箱“nobody”格式不正确' });
    expect(await bad(setup({ admin: { email: 'a@b.cn', password: 'short' } }))).toMatchObject({ message: '首位管理员的密码至少需要 8 个字符' });
    // Bcrypt reads 72 bytes: 25 Chinese characters (75 bytes) would be cut silently, so they are refused.
    expect(await bad(setup({ admin: { email: 'a@b.cn', password: '密'.repeat(25) } }))).toMatchObject({ code: '22023', message: expect.stringContaining('首位管理员的密码不能超过 72 个字节') });
    expect(await bad(setup({ units: [{ kind: 'district', name: '区', children: [{ kind: 'street', name: '街道', children: [{ kind: 'hamlet' as never, name: '甲' }] }] }] }))).toMatchObject({
      message: expect.stringContaining('第1个最上级机构“区”的第1个下级机构“街道”的第1个下级机构“甲”的类型“hamlet”无效'),
    });
    expect(await bad(setup({ units: [{ kind: 'community', name: '孤社区' }] }))).toMatchObject({ message: '第1个最上级机构“孤社区”：机构“孤社区”的类型不能位于最上级' });
    expect(await bad(setup({ units: [{ kind: 'street', name: '街道', ledgerFrom: '2024-13-01' }] }))).toMatchObject({ message: '第1个最上级机构“街道”：建账起始日“2024-13-01”不是有效的日期' });
    expect(await bad(setup({ units: [{ kind: 'district', name: '只有区' }] }))).toMatchObject({ message: '机构设置中至少要有一个街道或镇：首位管理员设在那里' });
    const left = await db.query<{ units: number; users: number }>('select (select count(*)::int from public.org_units) as units, (select count(*)::int from auth.users) as users');
    expect(left.rows[0]).toEqual({ units: 0, users: 0 });
  });

  it('creates the tree, the spans and the first admin (bcrypt as GoTrue), then refuses to run again', async () => {
    // As the database owner: the console on a new embedded database, `fazhi setup`.
    const result = await db.transaction((tx) => setUpOrganisation(tx, setup()));
    expect(result.unitIds).toHaveLength(5);
    const units = await db.query<{ name: string; kind: string; parent: string | null; code: string | null; ledger_from: string | null }>(
      `select u.name, u.kind, p.name as parent, u.code, u.ledger_from::text from public.org_units u left join public.org_units p on p.id = u.parent_id order by u.created_at, u.name`,
    );
    expect(units.rows).toEqual(
      expect.arrayContaining([
        { name: '示范区', kind: 'district', parent: null, code: null, ledger_from: null },
        { name: '示范街道办事处', kind: 'street', parent: '示范区', code: 'SF', ledger_from: '2024-01-01' },
        { name: '西社区', kind: 'community', parent: '示范街道办事处', code: null, ledger_from: '2024-07-01' },
        { name: '示范街道人民调解委员会', kind: 'mediation_committee', parent: '示范街道办事处', code: null, ledger_from: null },
      ]),
    );
    const admin = await db.query<{ id: string; hash: string; name: string; ok: boolean }>(
      `select id, encrypted_password as hash, raw_user_meta_data ->> 'display_name' as name, encrypted_password = extensions.crypt('first-admin-2024', encrypted_password) as ok from auth.users where email = 'chief@example.test'`,
    );
    expect(admin.rows[0]).toMatchObject({ id: result.adminId, name: '张主任', ok: true, hash: expect.stringMatching(/^\$2a\$10\$/) });
    const identity = await db.query<{ provider: string }>('select provider from auth.identities where user_id = $1', [result.adminId]);
    expect(identity.rows).toEqual([{ provider: 'email' }]);
    // The admin manages the street: adds a community through the same rules as any admin.
    const store = sqlOrgStore((fn) => asUser(db, { userId: result.adminId }, fn));
    const street = (await store.list()).find((u) => u.kind === 'street')!;
    expect((await store.add({ parentId: street.id, kind: 'community', name: '南社区', ...blank })).parentId).toBe(street.id);
    // Once: anyone, the service role included, is refused now.
    expect(await failure(() => asServiceRole(db, (tx) => setUpOrganisation(tx, setup())))).toMatchObject({ code: '55000', message: expect.stringContaining('数据库中已有机构，不能再次建立本单位') });
    expect(await failure(() => db.transaction((tx) => setUpOrganisation(tx, setup())))).toMatchObject({ code: '55000' });
  });
});

describe.each(testDatabases())('who may run the first run on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.create();
    await emulateSupabaseAuth(db);
    await db.exec(`insert into auth.users (id, email) values ('00000000-0000-4000-9000-0000000000ff', 'early@example.test')`);
  }, 180_000);
  afterAll(() => db?.close());

  it('is for the service role and the owner, never for an API visitor or a signed-in user', async () => {
    expect(await failure(() => asAnon(db, (tx) => setUpOrganisation(tx, setup())))).toMatchObject({ code: '42501' });
    expect(await failure(() => asUser(db, { userId: '00000000-0000-4000-9000-0000000000ff' }, (tx) => setUpOrganisation(tx, setup())))).toMatchObject({ code: '42501' });
    expect(await failure(() => asServiceRole(db, (tx) => setUpOrganisation(tx, setup({ admin: { email: 'early@example.test', password: 'long-enough-1' } }))))).toMatchObject({ code: '23505', message: '邮箱“early@example.test”已有账号' });
    // Nothing of the refused run stayed.
    expect((await db.query<{ n: number }>('select count(*)::int as n from public.org_units')).rows[0]!.n).toBe(0);
    const r = await asServiceRole(db, (tx) => setUpOrganisation(tx, setup()));
    expect(r.unitIds).toHaveLength(5);
  });
});
