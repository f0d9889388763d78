import { createRegistry, OrgTree, type AnyRecord } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.js';
import { demoAccounts, demoOrgsOf, demoPassword, seedDemoUsers } from './demo-users.js';
import { readDatabaseRecords } from './read-records.js';
import { uuidFor } from './record-rows.js';
import { insertDataset, insertDatasetWithDemoUsers, seedDataset } from './seed.js';
import { asUser } from './session.js';
import { fixtureDataset, writeFixtureDataset } from './testing/fixture-dataset.js';
import { testDatabases } from './testing/test-databases.js';

/** A record as it reads back from the database: ids become the uuids they were stored under. */
function stored(kindId: string, r: AnyRecord): AnyRecord {
  const kind = createRegistry().get(kindId);
  const out: AnyRecord = { ...r, id: uuidFor(r.id), orgId: uuidFor(r.orgId) };
  for (const f of kind.fields) {
    if (f.type === 'ref' && typeof r[f.key] === 'string') out[f.key] = uuidFor(r[f.key] as string);
    // A field the fixture leaves out (one added to the kind after the fixture was written) reads back empty.
    if (!(f.key in r)) out[f.key] = null;
  }
  return out;
}

const count = async (db: Database, table: string) => (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;

describe.each(testDatabases())('seeding on $name', (backend) => {
  let dir: string;
  beforeAll(async () => {
    dir = await writeFixtureDataset();
  });

  describe('a seeded fixture', () => {
    let db: Database;
    beforeAll(async () => {
      db = await backend.create();
    });
    afterAll(() => db.close());

    it('inserts every org unit and record, and reads them back unchanged', async () => {
      const result = await seedDataset(db, dir);
      expect(result).toMatchObject({ dataset: 'fixture', orgUnits: 5, audited: false, records: { mediation_cases: 2, enforcement_officers: 2, officer_trainings: 1, publicity_events: 2, hotline_tickets: 1, org_attributes: 1 } });

      const back = await readDatabaseRecords(db);
      const input = fixtureDataset();
      expect(back.rootOrgId).toBe(uuidFor('s1'));
      // The dataset's id stays the unit's 机构编号 (code), by which `--org` finds it too.
      expect(back.orgs.get(uuidFor('m1'))).toEqual({ id: uuidFor('m1'), parentId: uuidFor('c1'), kind: 'mediation_committee', code: 'm1', name: '蕉门社区人民调解委员会', shortName: null, ledgerSpan: null });
      for (const [kindId, records] of Object.entries(input.records)) {
        const expected = records.map((r) => stored(kindId, r)).sort((a, b) => a.id.localeCompare(b.id));
        expect(back.records.get(kindId), kindId).toEqual(expected);
      }
      expect(back.records.get('study_sessions')).toEqual([]);
      const codes = await db.query<{ code: string }>('select code from public.org_units order by code');
      expect(codes.rows.map((r) => r.code)).toEqual(['c1', 'd1', 'e1', 'm1', 's1']);
      // Bulk load without row triggers: no audit rows, column defaults in their place.
      expect(await count(db, 'public.audit_log')).toBe(0);
      expect((await db.query(`select version, created_by from public.mediation_cases limit 1`)).rows).toEqual([{ version: 1, created_by: null }]);
    });

    it('refuses to seed a database that already has data', async () => {
      await expect(seedDataset(db, dir)).rejects.toThrow('数据库中已有 5 个机构，不能再导入数据集“测试数据集”（请换一个空数据库）');
    });

    it('creates demo accounts that sign in with the demo password and see what their role allows', async () => {
      const orgs = demoOrgsOf(new OrgTree(fixtureDataset().orgs as never), 's1');
      expect(orgs).toEqual({ districtId: uuidFor('d1'), streetId: uuidFor('s1') });
      expect(await seedDemoUsers(db)).toEqual({ users: 14, memberships: 15 });
      expect(await seedDemoUsers(db, orgs)).toEqual({ users: 0, memberships: 0 });
      const streets = await db.query<{ org_id: string }>(`select distinct org_id from public.memberships where role <> 'supervisor'`);
      expect(streets.rows).toEqual([{ org_id: orgs.streetId }]);

      const signIn = await db.query<{ id: string }>(`select id from auth.users where email = $1 and encrypted_password = extensions.crypt($2, encrypted_password)`, [demoAccounts[2].email, demoPassword]);
      expect(signIn.rows).toEqual([{ id: demoAccounts[2].id }]);
      expect((await db.query(`select encrypted_password like '$2a$%' as bcrypt from auth.users limit 1`)).rows).toEqual([{ bcrypt: true }]);
      expect((await db.query(`select display_name from public.profiles where id = $1`, [demoAccounts[0].id])).rows).toEqual([{ display_name: demoAccounts[0].displayName }]);

      const visible = async (userId: string) => {
        const r = await asUser(db, { userId }, (tx) => readDatabaseRecords(tx));
        return Object.fromEntries([...r.records].filter(([, v]) => v.length).map(([k, v]) => [k, v.length]));
      };
      const [supervisor, admin, mediation, legalAid, viewer] = demoAccounts.map((a) => a.id) as [string, string, string, string, string];
      expect(await visible(supervisor)).toEqual({ mediation_cases: 2, enforcement_officers: 2, officer_trainings: 1, publicity_events: 2, hotline_tickets: 1, org_attributes: 1 });
      expect(await visible(mediation)).toEqual({ mediation_cases: 2 });
      expect(await visible(legalAid)).toEqual(await visible(viewer));
      // Every area clerk reads exactly its own area's records, and writes nothing outside it.
      const everything = await visible(admin);
      const registry = createRegistry();
      for (const clerk of demoAccounts.filter((a) => a.memberships.length === 1 && a.memberships[0]!.role === 'clerk')) {
        const area = clerk.memberships[0]!.areas[0]!;
        const own = Object.fromEntries(Object.entries(everything).filter(([kind]) => registry.get(kind).area === area));
        expect(await visible(clerk.id), clerk.email).toEqual(own);
      }
      const enforcement = demoAccounts.find((a) => a.email.startsWith('enforcement@'))!.id;
      const officer = (await db.query<{ id: string }>(`select id from public.enforcement_officers limit 1`)).rows[0]!.id;
      const touch = (userId: string, table: string, column: string, id: string) =>
        asUser(db, { userId }, (tx) => tx.query(`update public.${table} set ${column} = ${column} where id = $1 returning id`, [id]));
      expect((await touch(enforcement, 'enforcement_officers', 'unit', officer)).rows).toEqual([{ id: officer }]);
      const mediationCase = (await db.query<{ id: string }>(`select id from public.mediation_cases limit 1`)).rows[0]!.id;
      expect((await touch(enforcement, 'mediation_cases', 'summary', mediationCase)).rows).toEqual([]);
      expect((await touch(mediation, 'enforcement_officers', 'unit', officer)).rows).toEqual([]);
      // Personal fields: unmasked for the admin, masked for the viewer.
      const names = async (userId: string) =>
        (await asUser(db, { userId }, (tx) => readDatabaseRecords(tx))).records.get('mediation_cases')!.find((r) => r.caseNo === '南沙调〔2024〕第0001号')!.partyNames;
      expect(await names(admin)).toBe('张三、李四');
      expect(await names(viewer)).not.toBe('张三、李四');
    });
  });

  it('writes all or nothing: a row the database refuses rolls back the whole seed', async () => {
    const db = await backend.create();
    try {
      const input = fixtureDataset();
      input.records.publicity_events![1]!.laws = ['not_a_law'];
      const err = await insertDataset(db, { manifest: input.manifest, orgs: new OrgTree(input.orgs as never), records: new Map(Object.entries(input.records)) }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: '23514', table: 'publicity_events' });
      expect(await count(db, 'public.org_units')).toBe(0);
      expect(await count(db, 'public.mediation_cases')).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('commits records and demo accounts together: a failure in the accounts leaves the database empty, and a rerun finishes', async () => {
    const db = await backend.create();
    try {
      const input = fixtureDataset();
      const ds = { manifest: input.manifest, orgs: new OrgTree(input.orgs as never), records: new Map(Object.entries(input.records)) };
      // A real failure after the records are in: the database refuses every new membership row.
      await db.exec(`alter table public.memberships add constraint fazhi_test_refuse_memberships check (false) not valid`);
      const err = await insertDatasetWithDemoUsers(db, ds).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: '23514' });
      expect(await count(db, 'public.org_units')).toBe(0);
      expect(await count(db, 'public.mediation_cases')).toBe(0);
      expect(await count(db, 'auth.users')).toBe(0);

      await db.exec(`alter table public.memberships drop constraint fazhi_test_refuse_memberships`);
      const result = await insertDatasetWithDemoUsers(db, ds);
      expect(result).toMatchObject({ orgUnits: 5, audited: false, records: { mediation_cases: 2 }, demoUsers: { users: 14, memberships: 15 } });
      expect(await count(db, 'public.memberships')).toBe(15);
      // Row triggers are back on for the accounts even though the records skipped them.
      expect((await db.query(`select display_name from public.profiles where id = $1`, [demoAccounts[0].id])).rows).toEqual([{ display_name: demoAccounts[0].displayName }]);
    } finally {
      await db.close();
    }
  });

  it('runs the row triggers when asked (audit rows for every record)', async () => {
    const db = await backend.create();
    try {
      const result = await seedDataset(db, dir, { audit: true });
      expect(result.audited).toBe(true);
      expect(await count(db, `public.audit_log where table_name = 'mediation_cases' and operation = 'INSERT'`)).toBe(2);
    } finally {
      await db.close();
    }
  });
});
