import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coerceCell } from './coerce.js';
import type { FieldDef } from './fields.js';
import { builtInRecordKinds } from './kinds/index.js';

/** Ledger cells are text of any shape: coercion never throws, and refuses in Chinese naming the field. */
const anyField = fc.constantFrom(...builtInRecordKinds.flatMap((k): readonly FieldDef[] => k.fields));
const anyCell = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: fc.constantFrom(...'0123456789-/.年月日:T +Z,¥元xX、'), maxLength: 30 }),
  fc.constantFrom('2024-02-30', '9999-99-99 99:99', '1e309', '-0', 'NaN', '0x10', '１２３', '\u0000', ' '),
);

describe('coerceCell under arbitrary cells', () => {
  it('never throws; every refusal is Chinese and names the field (10,000 cells over every field)', () => {
    fc.assert(
      fc.property(anyField, anyCell, fc.constantFrom<'fen' | 'yuan'>('fen', 'yuan'), (f, cell, money) => {
        const res = coerceCell(f, cell, { money });
        if (!res.ok) expect(res.message).toContain(`「${f.label}」`);
      }),
      { numRuns: 10_000 },
    );
  });
});
