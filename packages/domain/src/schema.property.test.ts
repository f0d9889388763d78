import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldDef } from './fields.js';
import { idNumberCheckChar } from './id-number.js';
import { builtInRecordKinds } from './kinds/index.js';
import { validateRecord } from './schema.js';

/**
 * Every built-in kind's generated schema, fed malformed values: it never throws, and every refusal
 * is a Chinese message naming the field it is about.
 */
const today = () => '2026-12-04';
const baseLabels: Record<string, string> = { id: '编号', orgId: '所属机构', deletedAt: '删除时间' };

const controlChars = fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), maxLength: 10 });
const hugeString = fc.integer({ min: 190, max: 6000 }).chain((n) => fc.constantFrom('字', 'a', ' ', '\u0000', '𠀀').map((c) => c.repeat(n)));
const badDate = fc.constantFrom('2024-02-30', '2024-13-01', '0000-00-00', '2024-3-5', '2024/03/05', '2999-01-01', '2026-12-05', '', ' ', '2024-03-05T25:00:00+08:00', '2024-03-05T09:30:00Z');
const idBody = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 17, maxLength: 17 });
const badIdNumber = fc.oneof(
  idBody.map((b) => b + idNumberCheckChar(b)), // random region and birth date: mostly invalid
  idBody.map((b) => `${b}${idNumberCheckChar(b) === '0' ? '1' : '0'}`),
  idBody.map((b) => `44011519900307123${b.slice(0, 1)}`),
  fc.string({ unit: fc.constantFrom(...'0123456789X、'), maxLength: 60 }),
);
const wrongType = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));

/** A plausible value of the field's type, valid or not. */
function typedValue(f: FieldDef): fc.Arbitrary<unknown> {
  switch (f.type) {
    case 'text':
    case 'longtext':
      return fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }), controlChars, hugeString, badIdNumber);
    case 'integer':
    case 'decimal':
    case 'money':
      return fc.oneof(fc.integer({ min: -10, max: 10_000 }), fc.double(), fc.constantFrom(Number.NaN, Infinity, -0, 2 ** 60, 0.001));
    case 'date':
      return fc.oneof(badDate, fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.string({ maxLength: 12 }));
    case 'datetime':
      return fc.oneof(badDate, fc.date({ noInvalidDate: true }).map((d) => `${d.toISOString().slice(0, 19)}+08:00`));
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', '是', 0, 1));
    case 'enum':
      return fc.oneof(fc.constantFrom(...f.options.map((o) => o.value)), fc.string({ maxLength: 10 }));
    case 'enum-set':
      return fc.oneof(fc.subarray(f.options.map((o) => o.value)), fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }));
    case 'ref':
      return fc.oneof(fc.uuid(), fc.constant(''));
  }
}

const anyRecord = fc.constantFrom(...builtInRecordKinds).chain((kind) =>
  fc
    .record({
      fields: fc.tuple(...kind.fields.map((f) => fc.option(fc.oneof({ arbitrary: typedValue(f), weight: 4 }, { arbitrary: wrongType, weight: 1 }), { nil: undefined }))),
      id: fc.oneof(fc.uuid(), wrongType),
      orgId: fc.oneof(fc.uuid(), wrongType),
      deletedAt: fc.oneof(fc.constant(null), badDate, wrongType),
      extra: fc.option(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string(), { maxKeys: 2 }), { nil: undefined }),
    })
    .map(({ fields, id, orgId, deletedAt, extra }) => {
      const record: Record<string, unknown> = { ...extra, id, orgId, deletedAt };
      kind.fields.forEach((f, i) => {
        if (fields[i] !== undefined) record[f.key] = fields[i];
      });
      return { kind, record };
    }),
);

const chinese = /[\u4e00-\u9fff]/;

describe('generated record schemas under malformed input', () => {
  it('never throw, and name the field in Chinese in every refusal (10,000 records over every kind)', () => {
    let refused = 0;
    fc.assert(
      fc.property(anyRecord, ({ kind, record }) => {
        const res = validateRecord(kind, record, { today });
        if (res.ok) return;
        refused++;
        expect(res.issues.length).toBeGreaterThan(0);
        for (const issue of res.issues) {
          expect(issue.message, JSON.stringify(issue)).toMatch(chinese);
          if (issue.field === '') {
            expect(issue.message).toMatch(/^(存在未定义的字段：|记录)/);
            continue;
          }
          const label = baseLabels[issue.field] ?? kind.fields.find((f) => f.key === issue.field)?.label;
          expect(label, `${kind.id}.${issue.field}`).toBeDefined();
          expect(issue.label).toBe(label);
          expect(issue.message, `${kind.id}.${issue.field}`).toContain(`「${label}」`);
        }
      }),
      { numRuns: 10_000 },
    );
    expect(refused).toBeGreaterThan(5000);
  });

  it('refuse a record that is not an object, in Chinese', () => {
    fc.assert(
      fc.property(fc.constantFrom(...builtInRecordKinds), fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.anything(), { maxLength: 2 })), (kind, input) => {
        const res = validateRecord(kind, input, { today });
        expect(res.ok).toBe(false);
        if (!res.ok) for (const issue of res.issues) expect(issue.message).toMatch(chinese);
      }),
      { numRuns: 1_000 },
    );
  });
});
