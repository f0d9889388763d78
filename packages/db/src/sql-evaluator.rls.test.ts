import { createRegistry, type AnyRecord, type Period } from '@fazhi/domain';
import { builtInCatalog, Evaluator } from '@fazhi/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareEvaluators } from './indicator-equality.test-helper.js';
import { seededDatabases, type SeededDatabase } from './seed-databases.test-helper.js';
import { asUser } from './session.js';
import { sqlEvaluator } from './sql-evaluator.js';

/**
 * The functions are security invoker: a user aggregates only the rows row-level security lets
 * them read. So as a user, SQL must equal the in-memory evaluator over exactly those records.
 */
const registry = createRegistry();
const users = {
  mediationClerk: '00000000-0000-4000-9000-00000000c001',
  supervisor: '00000000-0000-4000-9000-00000000c002',
  otherStreetAdmin: '00000000-0000-4000-9000-00000000c003',
  noMembership: '00000000-0000-4000-9000-00000000c004',
};
const otherStreet = '00000000-0000-4000-8000-00000000c0b0';
const periods: Period[] = [
  { kind: 'year', year: 2024 },
  { kind: 'quarter', year: 2024, quarter: 4 },
];

describe.each(seededDatabases)('sqlEvaluator under row-level security ($name)', ({ open }) => {
  let s: SeededDatabase;
  let street: string;
  let district: string;
  /** In-memory results over only the records that pass `keep`. */
  const memoryOver = (keep: (kind: string, r: AnyRecord) => boolean) =>
    new Evaluator({ orgs: s.dataset.orgs, records: new Map([...s.dataset.records].map(([k, rs]) => [k, rs.filter((r) => keep(k, r))])), catalog: builtInCatalog });

  beforeAll(async () => {
    s = await open();
    street = s.dataset.manifest.rootOrgId;
    district = s.dataset.orgs.ancestors(street).at(-1)!.id;
    await s.db.query(`insert into auth.users (id, email) select unnest($1::uuid[]), unnest($2::text[])`, [Object.values(users), Object.keys(users).map((k) => `${k}@rls.test`)]);
    await s.db.query(`insert into public.org_units (id, parent_id, kind, code, name) values ($1, $2, 'street', 'other-street', '另一街道')`, [otherStreet, district]);
    await s.db.query(
      `insert into public.memberships (user_id, org_id, role, areas) values
         ($1, $2, 'clerk', '{mediation}'), ($3, $4, 'supervisor', '{}'), ($5, $6, 'admin', '{}')`,
      [users.mediationClerk, street, users.supervisor, district, users.otherStreetAdmin, otherStreet],
    );
  }, 180_000);
  afterAll(() => s?.close());

  it('lets a mediation clerk aggregate mediation records of their street only', async () => {
    const subtree = s.dataset.orgs.subtreeIds(street);
    const expected = memoryOver((kind, r) => registry.get(kind).area === 'mediation' && subtree.has(r.orgId));
    const { mismatches } = await compareEvaluators(expected, sqlEvaluator(s.db, { asUser: users.mediationClerk }), [district, street], periods);
    expect(mismatches).toEqual([]);
    // Sanity: the clerk does see mediation figures, and nothing else.
    const results = await sqlEvaluator(s.db, { asUser: users.mediationClerk }).evaluateAll(street, { kind: 'year', year: 2024 });
    for (const r of results) {
      if (r.indicator.area === 'mediation') expect(r.value, r.indicator.id).not.toBe(0);
      else expect([0, null], r.indicator.id).toContain(r.value);
    }
  });

  it('gives a district supervisor everything below the district', async () => {
    const { mismatches } = await compareEvaluators(memoryOver(() => true), sqlEvaluator(s.db, { asUser: users.supervisor }), [district, street], periods);
    expect(mismatches).toEqual([]);
  });

  it('computes with the owner’s rights only for whoever reads everything under the unit (the supervisor above), never for a clerk of one area', async () => {
    const reads = (user: string, org: string) =>
      asUser(s.db, { userId: user }, async (tx) => (await tx.query<{ all: boolean }>('select private.reads_everything_under($1) as all', [org])).rows[0]!.all);
    expect([await reads(users.supervisor, district), await reads(users.supervisor, street), await reads(users.mediationClerk, street), await reads(users.otherStreetAdmin, street)]).toEqual([true, true, false, false]);
    await expect(
      asUser(s.db, { userId: users.mediationClerk }, (tx) => tx.query(`select * from private.indicator_values_unrestricted($1, '2024-01-01', '2025-01-01')`, [street])),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('gives a user of another street, or of no org, nothing: every figure 0, every rate null', async () => {
    const none = memoryOver(() => false);
    for (const user of [users.otherStreetAdmin, users.noMembership]) {
      const { mismatches } = await compareEvaluators(none, sqlEvaluator(s.db, { asUser: user }), [district, street], periods);
      expect(mismatches).toEqual([]);
    }
  });

  it('gives a street user the span inherited from a district they cannot read, and others no row', async () => {
    const spanAs = (user: string, org: string) =>
      asUser(s.db, { userId: user }, async (tx) => (await tx.query<{ ledger_from: string | null; ledger_to: string | null }>('select ledger_from::text, ledger_to::text from public.ledger_span($1)', [org])).rows);
    expect(await asUser(s.db, { userId: users.mediationClerk }, async (tx) => (await tx.query('select id from public.org_units where id = $1', [district])).rows)).toEqual([]);
    expect(await spanAs(users.mediationClerk, street)).toEqual([{ ledger_from: '2023-01-01', ledger_to: '2024-12-31' }]);
    expect(await spanAs(users.otherStreetAdmin, street)).toEqual([]);
    expect(await spanAs(users.otherStreetAdmin, otherStreet)).toEqual([{ ledger_from: '2023-01-01', ledger_to: '2024-12-31' }]);
    // so the clerk's 2023 has no 同比 either, and 2024 has one
    const clerk = sqlEvaluator(s.db, { asUser: users.mediationClerk, today: () => '2026-12-04' });
    expect((await clerk.compare('mediation.successful_cases', street, { kind: 'year', year: 2023 })).basis).toMatchObject({ comparable: false, reason: 'no_previous_data' });
    expect((await clerk.compare('mediation.successful_cases', street, { kind: 'year', year: 2024 })).basis.comparable).toBe(true);
  });

  it('is not callable by anon, and leaves no role or claims behind', async () => {
    await expect(
      s.db.transaction(async (tx) => {
        await tx.query(`select set_config('role', 'anon', true)`);
        await tx.query(`select * from public.indicator_values($1, '2024-01-01', '2025-01-01')`, [street]);
      }),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      s.db.transaction(async (tx) => {
        await tx.query(`select set_config('role', 'anon', true)`);
        await tx.query(`select * from public.ledger_span($1)`, [street]);
      }),
    ).rejects.toMatchObject({ code: '42501' });
    await sqlEvaluator(s.db, { asUser: users.mediationClerk }).evaluateAll(street, periods[0]!);
    const { rows } = await s.db.query<{ role: string; claims: string | null }>(`select current_user as role, nullif(current_setting('request.jwt.claims', true), '') as claims`);
    expect(rows[0]).toEqual({ role: 'postgres', claims: null });
  });
});
