import { columnName, createRegistry, type FieldDef } from '@fazhi/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, SqlExecutor } from '../client.js';
import { testDatabases } from '../testing/index.js';
import { as, clerkA, insertSamples, seedFixture, switchTo, user } from './fixture.test-helper.js';
import { sampleValue } from './sample-records.test-helper.js';

/**
 * A reader without the personal-data right sees 张** where 张三丰 is stored. Saving what they saw
 * (or a value still holding a masked piece of it) must never replace the real value: the
 * `<kind>_refuse_masked_write` triggers answer PT422, for every personal field of every kind.
 */
const kinds = createRegistry().list();
const personalKinds = kinds.filter((k) => k.fields.some((f) => f.personal));
const cases = personalKinds.flatMap((k) => k.fields.filter((f) => f.personal).map((f) => [`${k.id}.${columnName(f.key)}`, k, f] as const));

/** What private.mask makes of the sample values, and a value retyped in full for each. */
const masked: Record<string, string> = { 张三丰: '张**', '13812345678': '138****5678', '440115199001011231': '440115********1231' };
const retyped: Record<string, string> = { 张三丰: '王五六', '13812345678': '13900001111', '440115199001011231': '440115199202025672' };

const refusal = (label: string, shown: string) => `“${label}”显示为遮蔽值（${shown}），不能原样保存；请点“重新填写”后输入完整内容`;

/** `{ code, message }` of a failing statement, or `ok`. */
async function attempt(run: () => Promise<unknown>): Promise<'ok' | { code: string; message: string }> {
  try {
    await run();
    return 'ok';
  } catch (e) {
    const { code, message } = e as { code?: string; message: string };
    if (typeof code !== 'string') throw e;
    return { code, message };
  }
}

describe.each(testDatabases())('masked values are never written back on $name', (backend) => {
  let db: Database;
  let rows: Map<string, { A: string; B: string }>;

  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
    rows = await insertSamples(db, personalKinds);
  }, 120_000);
  afterAll(() => db?.close());

  it('covers every personal field of every kind', () => {
    expect(cases.map(([name]) => name)).toEqual(expect.arrayContaining(['mediation_cases.party_names', 'hotline_tickets.caller_phone', 'legal_aid_applications.applicant_id_number']));
    // Pinned so that a personal field added to any kind is noticed here (and its guard reviewed).
    expect(cases.length).toBe(18);
  });

  it.each(cases)('%s: the mask, or a value holding a masked piece, is refused; a value retyped in full is saved', async (_, kind, f: FieldDef) => {
    const id = rows.get(kind.id)!.A;
    const col = `"${columnName(f.key)}"`;
    const real = sampleValue(f, () => '') as string;
    const set = (tx: SqlExecutor, value: string) => tx.query(`update public.${kind.id} set ${col} = $1 where id = $2 returning id`, [value, id]);
    const stored = async () => (await as(db, user.adminA, (tx) => tx.query<Record<string, string>>(`select ${col} as v from public.${kind.id}_view where id = $1`, [id]))).rows[0]!.v;
    const refused = { code: 'PT422', message: refusal(f.label, masked[real]!) };

    const writer = clerkA(kind.area);
    expect(await as(db, writer, (tx) => attempt(() => set(tx, masked[real]!)))).toEqual(refused);
    expect(await as(db, writer, (tx) => attempt(() => set(tx, `${masked[real]}、李四`)))).toEqual(refused);
    expect(await as(db, writer, (tx) => attempt(() => set(tx, ` ${masked[real]} `)))).toEqual(refused);
    // The rule is about the value, not the writer: whoever saves a mask would destroy the real value.
    expect(await as(db, user.adminA, (tx) => attempt(() => set(tx, masked[real]!)))).toEqual(refused);
    expect(await stored()).toBe(real);

    // Retyped in full (no masked piece): saved, and read back as typed by someone with the right.
    const saved = await as(db, writer, async (tx) => {
      await set(tx, retyped[real]!);
      await switchTo(tx, user.adminA);
      return (await tx.query<{ v: string }>(`select ${col} as v from public.${kind.id}_view where id = $1`, [id])).rows[0]!.v;
    });
    expect(saved).toBe(retyped[real]);
    // Changing other columns is no masked write.
    expect(await as(db, writer, (tx) => attempt(() => tx.query(`update public.${kind.id} set deleted_at = deleted_at, version = version where id = $1`, [id])))).toBe('ok');
  });

  it('the exact scenario: 徐**、严** plus a new name is refused, and the message names the field', async () => {
    const id = rows.get('mediation_cases')!.A;
    await as(db, 'owner', async (tx) => {
      await tx.query(`update public.mediation_cases set party_names = '徐志明、严秀英' where id = $1`, [id]);
      const shown = await tx.query<{ v: string }>(`select private.mask(party_names) as v from public.mediation_cases where id = $1`, [id]);
      expect(shown.rows[0]!.v).toBe('徐**、严**');
      await switchTo(tx, clerkA('mediation'));
      const failed = await attempt(() => tx.query(`update public.mediation_cases set party_names = '徐**、严**、张三' where id = $1`, [id]));
      expect(failed).toEqual({ code: 'PT422', message: refusal('当事人姓名', '徐**、严**') });
    });
  });

  it('an insert may hold asterisks (there is no real value to lose), and so may a value stored that way', async () => {
    const id = rows.get('hotline_tickets')!.A;
    await as(db, 'service_role', async (tx) => {
      await tx.query(`update public.hotline_tickets set caller_name = '徐**' where id = $1`, [id]);
      // 徐** is already what is stored, so appending to it hides nothing real.
      expect(await attempt(() => tx.query(`update public.hotline_tickets set caller_name = '徐**、李四' where id = $1`, [id]))).toBe('ok');
    });
  });

  it('private.is_masked_copy: true exactly when the new value holds a masked piece of the real one (fast-check, 10,000 cases)', async () => {
    const piece = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'张王李赵徐严秀英志明华abcXY'), minLength: 1, maxLength: 4 }),
      fc.stringMatching(/^1[3-9]\d{9}$/),
      fc.stringMatching(/^\d{17}[\dX]$/),
      fc.stringMatching(/^0\d{2,3}-\d{7,8}$/),
    );
    const separator = fc.constantFrom('、', '，', ',', '；', ' ', '/');
    const realValue = fc.tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), separator).map(([ps, sep]) => ps.join(sep));
    const plainText = fc.string({ unit: fc.constantFrom(...'张王李徐 、,0123456789ab'), maxLength: 12 });
    const sample = fc.sample(fc.tuple(realValue, plainText, plainText, fc.nat(3)), { numRuns: 10_000, seed: 20261204 });
    // The new value's shape: 0 the mask itself, 1 the mask inside other text, 2 text without
    // asterisks (the real value retyped with more), 3 the real value unchanged.
    const shapes = sample.map(([old, before, after, shape]) => ({ old, before, after, shape }));
    const got = await as(db, user.viewerA, async (tx) =>
      (
        await tx.query<{ copy: boolean; masked: string }>(
          `select private.is_masked_copy(o, case s when 0 then private.mask(o) when 1 then b || private.mask(o) || a when 2 then b || a || o || 'x' else o end) as copy,
                  private.mask(o) as masked
           from unnest($1::text[], $2::text[], $3::text[], $4::int[]) with ordinality as x (o, b, a, s, n) order by n`,
          [shapes.map((s) => s.old), shapes.map((s) => s.before), shapes.map((s) => s.after), shapes.map((s) => s.shape)],
        )
      ).rows,
    );
    expect(got).toHaveLength(10_000);
    const wrong = got.flatMap((r, i) => (r.copy === shapes[i]!.shape <= 1 ? [] : [{ ...shapes[i], masked: r.masked, copy: r.copy }]));
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
