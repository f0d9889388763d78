import { loadDataset } from '@fazhi/dataset';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.js';
import { packageRoot } from '../package-paths.js';
import { insertRows, orgUnitColumns, orgUnitRows } from '../seed.js';
import { subtreeIdsBeforeSql, testDatabases } from '../testing/index.js';
import { committedAs, org, seedFixture, user, type Who } from './fixture.test-helper.js';

/**
 * private.subtree_ids is linear in the units it returns since 20261206000500 (it compared every
 * unit of the walk with every unit of a signed-in caller's membership subtrees). It must return
 * exactly what the definition it replaced (20261204000100, kept here as
 * private.subtree_ids_before) returns, ids and order, for every caller and every unit: of the RLS
 * fixture, of the seed's tree, of a wide synthetic tree and of a deep one.
 */
const before = subtreeIdsBeforeSql();

const unit = (tree: number, n: number) => `00000000-0000-4000-8${tree}00-${String(n).padStart(12, '0')}`;
const person = (n: number) => `00000000-0000-4000-9000-${String(900 + n).padStart(12, '0')}`;

/** Wide: a district of 12 streets, each with 25 communities (313 units). */
const wide = { district: unit(1, 0), street: (s: number) => unit(1, 1000 * (s + 1)), community: (s: number, c: number) => unit(1, 1000 * (s + 1) + c + 1) };
const wideRows = [
  { id: wide.district, parent_id: null, kind: 'district', name: '宽区' },
  ...Array.from({ length: 12 }, (_, s) => [
    { id: wide.street(s), parent_id: wide.district, kind: 'street', name: `宽区第${s + 1}街道` },
    ...Array.from({ length: 25 }, (_, c) => ({ id: wide.community(s, c), parent_id: wide.street(s), kind: 'community', name: `宽区第${s + 1}街道第${c + 1}社区` })),
  ]).flat(),
];

/**
 * Deep: a chain of 120 units, each below the one before. The kind rules allow four levels, so it
 * is written past the triggers; the walk must not care how deep it goes.
 */
const deepLength = 120;
const deep = (depth: number) => unit(2, depth);
const deepRows = Array.from({ length: deepLength }, (_, d) => ({ id: deep(d), parent_id: d === 0 ? null : deep(d - 1), kind: d === 0 ? 'district' : 'department', name: `深${d}` }));

const seedDir = join(packageRoot, '../../seeds/nansha-2024');

describe.each(testDatabases())('private.subtree_ids ($name)', (backend) => {
  let db: Database;
  let seedUnits: string[];
  const memberships: [Who, string, string][] = [];
  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
    await db.exec(before);
    const seed = orgUnitRows((await loadDataset(seedDir)).orgs);
    seedUnits = seed.map((u) => u.id as string);
    await db.transaction(async (tx) => {
      await insertRows(tx, 'org_units', orgUnitColumns, seed);
      await insertRows(tx, 'org_units', ['id', 'parent_id', 'kind', 'name'], wideRows);
      await tx.exec('set local session_replication_role = replica');
      await insertRows(tx, 'org_units', ['id', 'parent_id', 'kind', 'name'], deepRows);
    });
    const seedStreet = seed.find((u) => u.kind === 'street')!.id as string;
    // Callers of every shape: a whole tree, one street, two branches at once, inside the deep chain.
    memberships.push(
      [person(1), seed[0]!.id as string, 'supervisor'],
      [person(2), seedStreet, 'admin'],
      [person(4), wide.district, 'supervisor'],
      [person(5), wide.street(3), 'admin'],
      [person(5), wide.street(7), 'viewer'],
      [person(6), deep(40), 'admin'],
      [person(6), deep(100), 'viewer'],
    );
    const people = [...new Set(memberships.map(([who]) => who))];
    await db.exec(`insert into auth.users (id, email) values ${people.map((p, i) => `('${p}', 'tree${i}@example.test')`).join(', ')}`);
    await db.transaction(async (tx) => {
      for (const [who, orgId, role] of memberships) {
        // Grants in the deep chain sit on units no role may be granted on: past the triggers too.
        if (orgId === deep(40)) await tx.exec('set local session_replication_role = replica');
        await tx.query(`insert into public.memberships (user_id, org_id, role, areas) values ($1, $2, $3, '{}')`, [who, orgId, role]);
      }
    });
  }, 240_000);
  afterAll(() => db?.close());

  /** The roots (one unit each, and a few sets) on which the two definitions answer differently for `who`. */
  const differences = (who: Who, roots: string[][]) =>
    committedAs(db, who, async (tx) => {
      const r = await tx.query<{ roots: string }>(
        `select r.roots::text from jsonb_array_elements($1::jsonb) as j (roots)
         cross join lateral (select array(select jsonb_array_elements_text(j.roots))::uuid[] as roots) r
         where private.subtree_ids(r.roots) is distinct from private.subtree_ids_before(r.roots)`,
        [JSON.stringify(roots)],
      );
      return r.rows.map((row) => `${who} @ ${row.roots}`);
    });
  const ids = (who: Who, roots: string[]) =>
    committedAs(db, who, async (tx) => (await tx.query<{ ids: string[] }>('select private.subtree_ids($1::uuid[]) as ids', [roots])).rows[0]!.ids);

  it('returns the ids the definition it replaced returns, in its order, for every caller and unit', async () => {
    const nowhere = '00000000-0000-4000-8000-0000000000ff';
    const sets = [[], [org.streetA, org.streetB], [wide.street(3), wide.community(7, 4), deep(90)], [deep(0), seedUnits[0]!, org.district]];
    const every = [...Object.values(org), ...seedUnits, ...wideRows.map((u) => u.id), ...deepRows.map((u) => u.id), nowhere].map((u) => [u]);
    // Signed-in callers (each call walks their memberships, twice, so fewer roots): the fixture's
    // and the seed's units, the wide tree's district and streets with the communities of a street
    // they hold and of one they do not, and every tenth unit of the deep chain.
    const sampled = [...Object.values(org), ...seedUnits, wide.district, ...Array.from({ length: 12 }, (_, s) => wide.street(s)), ...[3, 5].flatMap((s) => Array.from({ length: 25 }, (_, c) => wide.community(s, c))), ...deepRows.filter((_, d) => d % 10 === 0).map((u) => u.id), nowhere].map((u) => [u]);
    const signedIn: Who[] = [user.supervisor, user.adminA, user.stranger, ...new Set(memberships.map(([who]) => who))];
    const differ: string[] = [];
    for (const who of ['owner', 'service_role']) differ.push(...(await differences(who, [...every, ...sets])));
    for (const who of signedIn) differ.push(...(await differences(who, [...sampled, ...sets])));
    expect(differ).toEqual([]);
  }, 240_000);

  it('does per call, not per unit, what it does for the caller: decide whether they are restricted', async () => {
    const callsPerCall = (fn: string, who: string) =>
      db.transaction(async (tx) => {
        await tx.exec(`set local track_functions = 'all'`);
        await tx.query(`select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`, [JSON.stringify({ sub: who, role: 'authenticated' })]);
        // The counter holds calls not yet flushed to the statistics, earlier transactions' too: a difference.
        const calls = async () => Number((await tx.query<{ n: string }>(`select coalesce(pg_stat_get_xact_function_calls('private.restricted_caller()'::regprocedure), 0)::text as n`)).rows[0]!.n);
        const n0 = await calls();
        const n = (await tx.query<{ n: number }>(`select cardinality(private.${fn}(array[$1::uuid])) as n`, [wide.district])).rows[0]!.n;
        return { units: n, calls: (await calls()) - n0 };
      });
    expect(await callsPerCall('subtree_ids_before', person(4))).toEqual({ units: wideRows.length, calls: wideRows.length });
    expect(await callsPerCall('subtree_ids', person(4))).toEqual({ units: wideRows.length, calls: 1 });
  });

  it('answers each caller with the units of their memberships only', async () => {
    expect(await ids('owner', [wide.district])).toHaveLength(wideRows.length);
    expect(await ids('owner', [deep(0)])).toEqual(deepRows.map((u) => u.id));
    expect(await ids(person(4), [wide.district])).toHaveLength(wideRows.length);
    const streetAndCommunities = (s: number) => [wide.street(s), ...Array.from({ length: 25 }, (_, c) => wide.community(s, c))];
    expect((await ids(person(5), [wide.district])).sort()).toEqual([...streetAndCommunities(3), ...streetAndCommunities(7)].sort());
    expect(await ids(person(6), [deep(0)])).toEqual(deepRows.slice(40).map((u) => u.id));
    expect(await ids(user.stranger, [wide.district])).toEqual([]);
    expect(await ids(user.adminA, [org.district])).toEqual([org.streetA, org.communityA1]);
  });
});
