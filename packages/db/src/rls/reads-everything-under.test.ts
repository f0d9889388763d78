import { workAreas } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.js';
import { asUser } from '../session.js';
import { testDatabases } from '../testing/index.js';
import { clerkA, org, seedFixture, user } from './fixture.test-helper.js';

/**
 * private.reads_everything_under (the owner's-rights fast path of the figures and the district
 * comparison) decides from the unit's ancestors since 20261205100600. It must answer exactly as
 * the definition it replaced (20261205090510, kept here as private.reads_everything_under_before),
 * for every user and unit of the RLS fixture, and it no longer walks the caller's readable tree.
 */
const before = `create function private.reads_everything_under_before(p_parent uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  with subtree as (select private.org_subtree(array[p_parent]) as ids)
  select (select ids from subtree) <@ private.member_org_ids()
    and not exists (
      select 1 from (select distinct k.area from private.record_kinds k) a
      where not ((select ids from subtree) <@ private.readable_org_ids(a.area))
    )
$$;
grant execute on function private.reads_everything_under_before(uuid) to authenticated;`;

const inactiveAdmin = '00000000-0000-4000-9000-0000000000e1';
const nowhere = '00000000-0000-4000-8000-0000000000ff';

describe.each(testDatabases())('private.reads_everything_under ($name)', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
    await db.exec(before);
    await db.query(`insert into auth.users (id, email) values ($1, 'inactive@example.test')`, [inactiveAdmin]);
    await db.query(`insert into public.memberships (user_id, org_id, role, areas, active) values ($1, $2, 'admin', '{}', false)`, [inactiveAdmin, org.streetA]);
  }, 120_000);
  afterAll(() => db?.close());

  const answer = (who: string, fn: string, unit: string) =>
    asUser(db, { userId: who }, async (tx) => (await tx.query<{ all: boolean }>(`select private.${fn}($1) as all`, [unit])).rows[0]!.all);

  it('answers as the definition it replaced for every user and unit', async () => {
    const users = [...Object.values(user), ...workAreas.map((a) => clerkA(a.id)), inactiveAdmin];
    const units = [...Object.values(org), nowhere];
    const differ: string[] = [];
    let readsAll = 0;
    for (const who of users) {
      for (const unit of units) {
        const [now, then] = [await answer(who, 'reads_everything_under', unit), await answer(who, 'reads_everything_under_before', unit)];
        if (now !== then) differ.push(`${who} @ ${unit}: ${now} ≠ ${then}`);
        if (now && unit !== nowhere) readsAll++;
      }
    }
    expect(differ).toEqual([]);
    // Both answers occur: the supervisor, admins, viewers and the all-area clerk read everything
    // under their units; one-area clerks, the inactive admin and strangers do not.
    expect(readsAll).toBeGreaterThan(0);
    expect(await answer(user.supervisor, 'reads_everything_under', org.communityB1)).toBe(true);
    expect(await answer(user.clerkB, 'reads_everything_under', org.streetB)).toBe(true);
    expect(await answer(user.viewerA, 'reads_everything_under', org.communityA1)).toBe(true);
    expect(await answer(user.viewerA, 'reads_everything_under', org.district)).toBe(false);
    expect(await answer(clerkA(workAreas[0]!.id), 'reads_everything_under', org.communityA1)).toBe(false);
    expect(await answer(inactiveAdmin, 'reads_everything_under', org.streetA)).toBe(false);
  });

  it('no longer walks the caller’s readable subtree (no private.org_subtree call), which grew with every unit of a city', async () => {
    const subtreeCalls = (fn: string) =>
      db.transaction(async (tx) => {
        await tx.exec(`set local track_functions = 'all'`);
        await tx.query(`select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`, [JSON.stringify({ sub: user.supervisor, role: 'authenticated' })]);
        // The counter holds calls not yet flushed to the statistics, earlier transactions' too: a difference.
        const calls = async () => Number((await tx.query<{ n: string }>(`select coalesce(pg_stat_get_xact_function_calls('private.org_subtree(uuid[])'::regprocedure), 0)::text as n`)).rows[0]!.n);
        const n0 = await calls();
        await tx.query(`select private.${fn}($1)`, [org.streetA]);
        return (await calls()) - n0;
      });
    expect(await subtreeCalls('reads_everything_under_before')).toBeGreaterThan(0);
    expect(await subtreeCalls('reads_everything_under')).toBe(0);
  });
});
