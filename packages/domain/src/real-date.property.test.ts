import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fieldValueSchema, hasRealDatePart, isoDateTimePattern, isRealDate } from './schema.js';

/** The definition `isRealDate` replaced: what `Date` itself accepts and prints back unchanged. */
function realDateByDate(text: string): boolean {
  if (!/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

describe('isRealDate', () => {
  it('agrees with Date on every date-shaped text, leap years and century years included', () => {
    const shaped = fc.tuple(digits(4), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const centuries = fc.tuple(fc.constantFrom('1600', '1700', '1900', '2000', '2100', '2400', '0000', '9999', '2024', '2023'), fc.constantFrom('02', '04', '12'), fc.constantFrom('28', '29', '30', '31')).map(([y, m, d]) => `${y}-${m}-${d}`);
    fc.assert(fc.property(fc.oneof(shaped, centuries, fc.string({ maxLength: 12 })), (text) => isRealDate(text) === realDateByDate(text)), { numRuns: 20_000 });
  });
});

describe('hasRealDatePart', () => {
  it('says what isRealDate says of the first ten characters, for every text of the stored date-time form', () => {
    const stored = fc.tuple(digits(4), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), digits(2), digits(2), digits(2)).map(
      ([y, m, d, h, min, s]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T${h}:${min}:${s}+08:00`,
    );
    const edges = fc.tuple(fc.constantFrom('1900', '2000', '2023', '2024', '2100'), fc.constantFrom('00', '01', '02', '12', '13'), fc.constantFrom('00', '01', '28', '29', '30', '31', '32')).map(([y, m, d]) => `${y}-${m}-${d}T09:30:00+08:00`);
    fc.assert(
      fc.property(fc.oneof(stored, edges), (text) => {
        expect(isoDateTimePattern.test(text)).toBe(true);
        expect(hasRealDatePart(text)).toBe(isRealDate(text.slice(0, 10)));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('the default clock of notFuture dates', () => {
  afterEach(() => vi.useRealTimers());

  it('moves to the next Shanghai day at its midnight, and back when the clock is set back', () => {
    const schema = fieldValueSchema({ key: 'heldOn', label: '日期', type: 'date', notFuture: true });
    const accepts = (date: string) => schema.safeParse(date).success;
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-01T15:59:59.900Z')); // 23:59:59.9 in Shanghai
    expect(accepts('2026-03-01')).toBe(true);
    expect(accepts('2026-03-02')).toBe(false);
    vi.setSystemTime(new Date('2026-03-01T16:00:00.000Z')); // midnight in Shanghai
    expect(accepts('2026-03-02')).toBe(true);
    vi.setSystemTime(new Date('2026-02-20T00:00:00.000Z'));
    expect(accepts('2026-03-02')).toBe(false);
    expect(accepts('2026-02-20')).toBe(true);
  });
});
