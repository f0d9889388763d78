import { columnName, createRegistry } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.js';
import { testDatabases } from '../testing/index.js';
import { as, clerkA, insertSamples, outcome, seedFixture, user } from './fixture.test-helper.js';
import { sampleValue } from './sample-records.test-helper.js';

/** Personal fields: readable only through `<kind>_view`, masked there unless the reader holds the right. */
const kinds = createRegistry().list();
const kindMap = new Map(kinds.map((k) => [k.id, k]));
const personalKinds = kinds.filter((k) => k.fields.some((f) => f.personal));

/** What private.mask makes of the sample values (see sample-records.test-helper). */
const masked: Record<string, string> = {
  张三丰: '张**',
  '13812345678': '138****5678',
  '440115199001011231': '440115********1231',
};

describe.each(testDatabases())('personal data on $name', (backend) => {
  let db: Database;
  let rows: Map<string, { A: string; B: string }>;

  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
    rows = await insertSamples(db, personalKinds);
  }, 120_000);
  afterAll(() => db?.close());

  it('covers the kinds that hold personal data', () => {
    expect(personalKinds.map((k) => k.id)).toEqual(expect.arrayContaining(['mediation_cases', 'legal_aid_applications', 'hotline_tickets', 'enforcement_officers']));
  });

  it('masks names, phones and ID numbers piece by piece', async () => {
    const r = await db.query<Record<string, string | null>>(
      `select private.mask('张三') a, private.mask('张三丰、李四') b, private.mask('13812345678，13987654321') c,
              private.mask('44011519900101123X') d, private.mask('020-84681234') e, private.mask('王') f, private.mask(null) g`,
    );
    expect(r.rows[0]).toEqual({ a: '张*', b: '张**、李*', c: '138****5678，139****4321', d: '440115********123X', e: '020*****1234', f: '*', g: null });
  });

  it.each(personalKinds.map((k) => [k.id, k] as const))('%s: base table refuses personal columns, view masks them', async (_, kind) => {
    const { A, B } = rows.get(kind.id)!;
    const personal = kind.fields.filter((f) => f.personal).map((f) => ({ col: columnName(f.key), value: sampleValue(f, () => '') as string }));
    const selectList = personal.map((p) => `"${p.col}"`).join(', ');
    const viewRows = (who: string) =>
      as(db, who, async (tx) => (await tx.query<Record<string, unknown>>(`select id, ${selectList} from public.${kind.id}_view where id = any ($1::uuid[]) order by id`, [[A, B]])).rows);
    const clear = Object.fromEntries(personal.map((p) => [p.col, p.value]));
    const hidden = Object.fromEntries(personal.map((p) => [p.col, masked[p.value]]));

    // Even the admin with the personal-data right cannot read them from the base table.
    for (const p of personal) {
      expect(await as(db, user.adminA, (tx) => outcome(() => tx.query(`select "${p.col}" from public.${kind.id}`))), p.col).toBe('42501');
    }
    expect(await viewRows(user.adminA)).toEqual([{ id: A, ...clear }]);
    expect(await viewRows(user.viewerAPersonal)).toEqual([{ id: A, ...clear }]);
    expect(await viewRows(user.viewerA)).toEqual([{ id: A, ...hidden }]);
    expect(await viewRows(clerkA(kind.area))).toEqual([{ id: A, ...hidden }]);
    const both = [{ id: A, ...hidden }, { id: B, ...hidden }].sort((x, y) => x.id.localeCompare(y.id));
    expect(await viewRows(user.supervisor)).toEqual(both);
    // The other street's admin holds the right for B only, and never sees A.
    expect(await viewRows(user.adminB)).toEqual([{ id: B, ...clear }]);
    expect(await viewRows(user.stranger)).toEqual([]);
  });

  it('non-personal columns read the same through the view as from the table', async () => {
    const kind = kindMap.get('mediation_cases')!;
    const cols = ['id', 'org_id', ...kind.fields.filter((f) => !f.personal).map((f) => columnName(f.key)), 'version', 'created_at', 'deleted_at'];
    const [fromTable, fromView] = await as(db, user.viewerA, async (tx) => [
      (await tx.query(`select ${cols.join(', ')} from public.mediation_cases order by id`)).rows,
      (await tx.query(`select ${cols.join(', ')} from public.mediation_cases_view order by id`)).rows,
    ]);
    expect(fromView).toEqual(fromTable);
    expect(fromTable).toHaveLength(1);
  });
});
