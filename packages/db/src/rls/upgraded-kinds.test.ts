import { columnName, createRegistry, workAreas, type RecordKind } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.js';
import { migrateModel } from '../migrate-model.js';
import { testDatabases } from '../testing/index.js';
import { correctionCases, extendedMediationCases, upgradedModel } from '../testing/upgrade-model.js';
import { as, clerkA, insertSamples, org, otherAreaClerkA, outcome, seedFixture, user } from './fixture.test-helper.js';
import { insertSql, sampleColumns, sampleValue } from './sample-records.test-helper.js';

/**
 * Kinds that reach a database through a generated model migration behave exactly as the released
 * built-in ones: the same outcome for every role of the rls fixture (rows seen, personal columns
 * clear / masked / refused, writes allowed or denied, masked values refused on save), compared
 * with a built-in kind the upgrade did not touch.
 */
const untouched = createRegistry().get('legal_aid_applications');
const pluginArea = correctionCases.area;
/** The plugin area's clerk in street A (the fixture has one clerk per built-in area). */
const pluginClerk = '00000000-0000-4000-9000-000000000999';

function roles(kind: RecordKind): Record<string, string> {
  return {
    anon: 'anon',
    supervisor: user.supervisor,
    'street admin': user.adminA,
    viewer: user.viewerA,
    'viewer with the personal-data right': user.viewerAPersonal,
    "clerk of the kind's area": kind.area === pluginArea ? pluginClerk : clerkA(kind.area),
    'clerk of another area': kind.area === pluginArea ? clerkA(workAreas[0]!.id) : otherAreaClerkA(kind.area),
    'admin of another street': user.adminB,
    'clerk of another street': user.clerkB,
    'user without membership': user.stranger,
  };
}

describe.each(testDatabases())('kinds added or changed by a model upgrade on $name', (backend) => {
  let db: Database;
  let rows: Map<string, { A: string; B: string }>;

  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
    await migrateModel(db, upgradedModel());
    await db.exec(`
      insert into auth.users (id, email) values ('${pluginClerk}', 'plugin-clerk@example.test');
      insert into public.memberships (user_id, org_id, role, areas, personal_data) values ('${pluginClerk}', '${org.streetA}', 'clerk', '{${pluginArea}}', false);
      update public.memberships set areas = areas || '{${pluginArea}}' where user_id = '${user.clerkB}';
    `);
    rows = await insertSamples(db, [untouched, extendedMediationCases, correctionCases]);
  }, 120_000);
  afterAll(() => db?.close());

  /** What each role gets from one kind's table and view; street A's record and B's, by name. */
  async function behaviour(kind: RecordKind): Promise<Record<string, unknown>> {
    const { A, B } = rows.get(kind.id)!;
    const name = (id: string) => (id === A ? 'A' : id === B ? 'B' : id);
    const personal = kind.fields.find((f) => f.personal && f.type === 'text')!;
    const col = columnName(personal.key);
    const sample = sampleValue(personal, () => '') as string;
    const shown = (v: unknown) => (v === sample ? 'clear' : v === null ? 'null' : typeof v === 'string' && v.includes('*') ? 'masked' : `other: ${String(v)}`);
    const out: Record<string, unknown> = {};
    for (const [role, who] of Object.entries(roles(kind))) {
      const read = await as(db, who, async (tx) => {
        const r = await tx.query<{ id: string }>(`select id from public.${kind.id} where id = any ($1::uuid[]) order by id`, [[A, B]]).catch((e: { code: string }) => e.code);
        return typeof r === 'string' ? r : r.rows.map((x) => name(x.id)).sort();
      });
      const view = await as(db, who, async (tx) => {
        const r = await tx.query<{ id: string; v: unknown }>(`select id, "${col}" as v from public.${kind.id}_view where id = any ($1::uuid[])`, [[A, B]]).catch((e: { code: string }) => e.code);
        return typeof r === 'string' ? r : Object.fromEntries(r.rows.map((x) => [name(x.id), shown(x.v)]));
      });
      const personalFromTable = await as(db, who, (tx) => outcome(() => tx.query(`select "${col}" from public.${kind.id} limit 1`)));
      const { columns, values } = sampleColumns(kind, () => '');
      const { sql, extraValues } = insertSql(kind.id, columns, { org_id: org.communityA1 });
      const insert = await as(db, who, (tx) => outcome(() => tx.query(sql, [...extraValues, ...values])));
      const update = await as(db, who, async (tx) => {
        const r = await tx.query(`update public.${kind.id} set deleted_at = null where id = $1`, [A]).catch((e: { code: string }) => e.code);
        return typeof r === 'string' ? r : r.affectedRows;
      });
      const remove = await as(db, who, async (tx) => {
        const r = await tx.query(`delete from public.${kind.id} where id = $1`, [A]).catch((e: { code: string }) => e.code);
        return typeof r === 'string' ? r : r.affectedRows;
      });
      const maskedSave = await as(db, who, async (tx) => {
        const masked = await tx.query<{ v: string }>(`select private.mask($1) as v`, [sample]).catch(() => ({ rows: [{ v: '*' }] }));
        return outcome(() => tx.query(`update public.${kind.id} set "${col}" = $2 where id = $1`, [A, masked.rows[0]!.v]));
      });
      out[role] = { read, view, personalFromTable, insert, update, remove, maskedSave };
    }
    return out;
  }

  it('RLS, masking and the masked-write guard on the new kind are exactly those of a built-in kind', async () => {
    const builtIn = await behaviour(untouched);
    // Not vacuous: the built-in matrix is the role model of docs/database.md.
    expect(builtIn['street admin']).toMatchObject({ read: ['A'], view: { A: 'clear' }, personalFromTable: '42501', insert: 'ok', update: 1, remove: 0, maskedSave: 'PT422' });
    expect(builtIn.supervisor).toMatchObject({ read: ['A', 'B'], view: { A: 'masked', B: 'masked' }, update: 0 });
    expect(builtIn["clerk of the kind's area"]).toMatchObject({ read: ['A'], insert: 'ok', update: 1 });
    expect(builtIn['clerk of another area']).toMatchObject({ read: [], insert: '42501', update: 0 });
    expect(builtIn.viewer).toMatchObject({ read: ['A'], view: { A: 'masked' }, insert: '42501' });
    expect(builtIn.anon).toMatchObject({ read: '42501', insert: '42501' });
    expect(await behaviour(correctionCases)).toEqual(builtIn);
  });

  it('and so are those of the built-in kind the upgrade changed', async () => {
    expect(await behaviour(extendedMediationCases)).toEqual(await behaviour(untouched));
  });
});
