import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldDef } from './fields.js';
import { idNumberCheckChar } from './id-number.js';
import { builtInRecordKinds } from './kinds/index.js';
import type { RecordKind } from './record-kind.js';
import { recordKeys, recordSchema, validateRecord, validateRecordValues } from './schema.js';

/**
 * validateRecord answers a valid record with plain checks before the zod schema: whatever those
 * accept, the schema must accept too and yield the very same record (values and key order).
 */
const today = () => '2026-12-04';
const idNumber = fc.tuple(fc.constantFrom('440115', '110101'), fc.date({ min: new Date('1940-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }), fc.integer({ min: 100, max: 999 })).map(([region, birth, seq]) => {
  const body = `${region}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${seq}`;
  return body + idNumberCheckChar(body);
});
const phone = fc.integer({ min: 0, max: 99_999_999 }).map((n) => `139${String(n).padStart(8, '0')}`);
const isoDate = fc.date({ min: new Date('1990-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** A value the field may well accept: the path the plain checks are for. */
function likelyValue(f: FieldDef): fc.Arbitrary<unknown> {
  switch (f.type) {
    case 'text':
      if (f.format) {
        const one = f.format === 'phone' ? phone : idNumber;
        return f.multiple ? fc.array(one, { minLength: 1, maxLength: 3 }).map((a) => a.join('、')) : one;
      }
      return fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(' 张三 ', '', 'A-1', '第1号'));
    case 'longtext':
      return fc.string({ maxLength: 40 });
    case 'integer':
      return fc.integer({ min: (f.min ?? 0) - 1, max: (f.max ?? Math.max(f.min ?? 0, 0) + 500) + 1 });
    case 'decimal':
      return fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(0.5, 1.25, 3.333, -1));
    case 'money':
      return fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(-1, 0.5));
    case 'date':
      return isoDate;
    case 'datetime':
      return fc.tuple(isoDate, fc.integer({ min: 0, max: 23 })).map(([d, h]) => `${d}T${String(h).padStart(2, '0')}:30:00+08:00`);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...f.options.map((o) => o.value));
    case 'enum-set':
      return fc.subarray(f.options.map((o) => o.value));
    case 'ref':
      return fc.uuid();
  }
}
const wild = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(''), fc.constantFrom('2024-02-30', '2024-13-01', ' x ', Number.NaN, Infinity, 2 ** 60), fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }));

const record = fc.constantFrom(...builtInRecordKinds).chain((kind) =>
  fc
    .record({
      fields: fc.tuple(...kind.fields.map((f) => fc.option(fc.oneof({ arbitrary: likelyValue(f), weight: 12 }, { arbitrary: wild, weight: 1 }), { nil: null, freq: 3 }))),
      id: fc.oneof({ arbitrary: fc.uuid(), weight: 20 }, { arbitrary: wild, weight: 1 }),
      orgId: fc.oneof({ arbitrary: fc.uuid(), weight: 20 }, { arbitrary: wild, weight: 1 }),
      deletedAt: fc.oneof({ arbitrary: fc.constant(null), weight: 10 }, { arbitrary: fc.constantFrom(undefined, '2024-03-05T09:30:00+08:00', '2024-03-05', 5), weight: 1 }),
      extra: fc.option(fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.string(), { maxKeys: 1 }), { nil: undefined, freq: 20 }),
      omit: fc.option(fc.nat(), { nil: undefined, freq: 10 }),
    })
    .map(({ fields, id, orgId, deletedAt, extra, omit }) => {
      const r: Record<string, unknown> = { ...extra, id, orgId, deletedAt };
      kind.fields.forEach((f, i) => (r[f.key] = fields[i]));
      if (omit !== undefined) delete r[kind.fields[omit % kind.fields.length]!.key];
      return { kind, r };
    }),
);

/** A schema with its own clock is not cached by recordSchema: one per kind for the whole run. */
const schemas = new Map<RecordKind, ReturnType<typeof recordSchema>>();
const schemaOf = (kind: RecordKind) => schemas.get(kind) ?? schemas.set(kind, recordSchema(kind, { today })).get(kind)!;

describe('validateRecord’s plain checks', () => {
  it('accept only what the zod schema accepts, yielding the same record (every built-in kind)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(record, ({ kind, r }) => {
        const res = validateRecord(kind, r, { today });
        const bySchema = schemaOf(kind).safeParse(r);
        expect(res.ok, JSON.stringify(r)).toBe(bySchema.success);
        if (res.ok && bySchema.success) {
          accepted++;
          expect(res.value).toStrictEqual(bySchema.data);
          expect(Object.keys(res.value)).toEqual(Object.keys(bySchema.data));
        }
      }),
      { numRuns: 5_000 },
    );
    // Not vacuous: a good share of the records are valid and take the quick path.
    expect(accepted).toBeGreaterThan(60);
  });

  it('give the same result, record and Chinese messages, when the record comes as its values in key order (a loader’s row)', () => {
    fc.assert(
      fc.property(record, ({ kind, r }) => {
        // A loader's row has every key and no other: the object it stands for.
        const full: Record<string, unknown> = {};
        for (const key of recordKeys(kind)) full[key] = r[key] ?? null;
        const byValues = validateRecordValues(kind, recordKeys(kind).map((key) => full[key]), { today });
        const byObject = validateRecord(kind, full, { today });
        expect(byValues).toStrictEqual(byObject);
        if (byValues.ok && byObject.ok) expect(Object.keys(byValues.value)).toEqual(Object.keys(byObject.value));
      }),
      { numRuns: 3_000 },
    );
  });
});
