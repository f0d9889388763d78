import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellReader, cellValue, coerceCell, normalizeDate, normalizeDateTime, refusedCell } from './coerce.js';
import type { FieldDef } from './fields.js';
import { builtInRecordKinds } from './kinds/index.js';

/**
 * The quick paths of coercion (text already in the stored form; an option looked up in a map)
 * give what the general path gives. A leading space keeps a cell off the quick path (its length
 * no longer fits) while the general path trims it away, so the two can be compared directly.
 */
const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));
/** Stored-form text with any digits: real and impossible dates and times (2024-02-30, 24:00). */
const storedLike = fc
  .tuple(digits(4), digits(2), digits(2), digits(2), digits(2), digits(2), fc.constantFrom('+08:00', '+09:00', 'Z', '+08:0'))
  .map(([y, mo, d, h, mi, s, zone]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`);
const plausibleStored = fc
  .tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }))
  .map(([y, mo, d, h, mi, s]) => `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}+08:00`);

describe('coercion quick paths equal the general path', () => {
  it('date-times in the stored form (20,000 texts)', () => {
    fc.assert(
      fc.property(fc.oneof(storedLike, plausibleStored), (text) => {
        expect(normalizeDateTime(text)).toBe(normalizeDateTime(` ${text}`));
      }),
      { numRuns: 20_000 },
    );
  });

  it('dates in ISO form (20,000 texts)', () => {
    fc.assert(
      fc.property(fc.oneof(plausibleStored, storedLike).map((t) => t.slice(0, 10)), (text) => {
        expect(normalizeDate(text)).toBe(normalizeDate(` ${text}`));
      }),
      { numRuns: 20_000 },
    );
  });

  it('an enum cell is the first option whose code or label it is, as a search in order finds (every built-in enum field)', () => {
    const enumFields = builtInRecordKinds.flatMap((k): readonly FieldDef[] => k.fields).filter((f): f is Extract<FieldDef, { type: 'enum' }> => f.type === 'enum');
    const cells = (f: (typeof enumFields)[number]) => fc.oneof(fc.constantFrom(...f.options.flatMap((o) => [o.value, o.label, ` ${o.label} `, o.value.toUpperCase()])), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(
        fc.constantFrom(...enumFields).chain((f) => fc.tuple(fc.constant(f), cells(f))),
        ([f, cell]) => {
          const t = cell.trim();
          const expected = t === '' ? null : (f.options.find((o) => o.value === t || o.label === t)?.value ?? undefined);
          const res = coerceCell(f, cell);
          if (expected === undefined) expect(res.ok).toBe(false);
          else expect(res).toEqual({ ok: true, value: expected });
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it("a money field's reader follows the way money is written, whichever was asked for first (readers are kept per field and per way)", () => {
    const money = builtInRecordKinds.flatMap((k): readonly FieldDef[] => k.fields).find((f) => f.type === 'money')!;
    expect(cellReader(money, { money: 'yuan' })('12.50')).toBe(1250);
    expect(cellReader(money)('12.50')).toBe(refusedCell);
    expect(cellReader(money)('1250')).toBe(1250);
    expect(cellReader(money, { money: 'yuan' })('1,250')).toBe(125000);
    expect(cellReader(money)).toBe(cellReader(money, { money: 'fen' }));
    expect(cellValue(money, ' ', { money: 'yuan' })).toBeNull();
  });
});
