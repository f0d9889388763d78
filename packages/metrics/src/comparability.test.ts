import { addDays, periodRange, spanCoverage, type LedgerSpan, type Period } from '@fazhi/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparisonBasis, comparisonNote } from './comparability.js';

const year = (y: number): Period => ({ kind: 'year', year: y });
const from = (d: string, to: string | null = null): LedgerSpan => ({ from: d, to });
const afterEverything = '2100-01-01';

describe('comparisonBasis', () => {
  it('compares whole years inside the ledger span', () => {
    const b = comparisonBasis(year(2024), from('2023-01-01'), '2026-12-04');
    expect(b).toEqual({ comparable: true, current: { start: '2024-01-01', end: '2025-01-01' }, previous: { start: '2023-01-01', end: '2024-01-01' }, asOf: null, span: from('2023-01-01') });
    expect(comparisonNote(b)).toBeNull();
  });

  it('has no previous data when the ledgers begin with the period (上年无数据)', () => {
    const b = comparisonBasis(year(2023), from('2023-01-01'), '2026-12-04');
    expect(b).toMatchObject({ comparable: false, reason: 'no_previous_data' });
    expect(comparisonNote(b)).toBe('上年无数据');
  });

  it('calls a span starting mid-year incomplete for that year and the next (数据不完整)', () => {
    expect(comparisonBasis(year(2023), from('2023-07-01'), '2026-12-04')).toMatchObject({ comparable: false, reason: 'incomplete' });
    expect(comparisonBasis(year(2024), from('2023-07-01'), '2026-12-04')).toMatchObject({ comparable: false, reason: 'incomplete' });
    expect(comparisonBasis(year(2025), from('2023-07-01'), '2026-12-04')).toMatchObject({ comparable: true });
    // the ledgers start on the period's second day: still incomplete, by one day
    expect(comparisonBasis(year(2024), from('2023-01-02'), '2026-12-04')).toMatchObject({ comparable: false, reason: 'incomplete' });
    expect(comparisonNote(comparisonBasis(year(2024), from('2023-07-01'), '2026-12-04'))).toBe('数据不完整');
  });

  it('respects the end of a closed span', () => {
    const closed = from('2020-01-01', '2024-12-31');
    expect(comparisonBasis(year(2024), closed, '2026-12-04')).toMatchObject({ comparable: true });
    expect(comparisonBasis(year(2025), closed, '2026-12-04')).toMatchObject({ comparable: false, reason: 'incomplete' });
    expect(comparisonBasis(year(2024), from('2020-01-01', '2024-12-30'), '2026-12-04')).toMatchObject({ comparable: false, reason: 'incomplete' });
  });

  it('compares every period when no span is known', () => {
    expect(comparisonBasis(year(1990), null, '2026-12-04')).toMatchObject({ comparable: true });
  });

  it('compares a running year up to yesterday with the same days of last year (截至)', () => {
    const b = comparisonBasis(year(2026), from('2023-01-01'), '2026-12-01');
    expect(b).toMatchObject({ comparable: true, current: { start: '2026-01-01', end: '2026-12-01' }, previous: { start: '2025-01-01', end: '2025-12-01' }, asOf: '2026-11-30' });
    expect(comparisonNote(b)).toBe('截至11月30日');
  });

  it('maps 29 February to 28 February and back', () => {
    // leap year running: counted to 29 February, compared with 1 January – 28 February 2023
    const leap = comparisonBasis(year(2024), null, '2024-03-01');
    expect(leap).toMatchObject({ current: { start: '2024-01-01', end: '2024-03-01' }, previous: { start: '2023-01-01', end: '2023-03-01' }, asOf: '2024-02-29' });
    expect(comparisonNote(leap)).toBe('截至2月29日');
    // counted to 28 February 2024: 29 February is not yet in, nor is it last year
    expect(comparisonBasis(year(2024), null, '2024-02-29')).toMatchObject({ current: { end: '2024-02-29' }, previous: { end: '2023-03-01' }, asOf: '2024-02-28' });
    // the year after a leap year, counted to 28 February: the same month and day, so 29 February 2024 stays out
    expect(comparisonBasis(year(2025), null, '2025-03-01')).toMatchObject({ previous: { start: '2024-01-01', end: '2024-02-29' } });
    // whole months keep their whole previous month, 29 days or 28
    expect(comparisonBasis({ kind: 'month', year: 2025, month: 2 }, null, '2026-01-01')).toMatchObject({ previous: { start: '2024-02-01', end: '2024-03-01' } });
  });

  it('treats the first day of a period as not started and the day after its last as complete', () => {
    expect(comparisonBasis(year(2026), null, '2026-01-01')).toMatchObject({ comparable: false, reason: 'not_started', current: { start: '2026-01-01', end: '2026-01-01' } });
    expect(comparisonBasis(year(2027), null, '2026-12-04')).toMatchObject({ comparable: false, reason: 'not_started' });
    expect(comparisonBasis(year(2026), null, '2026-01-02')).toMatchObject({ comparable: true, current: { end: '2026-01-02' }, previous: { start: '2025-01-01', end: '2025-01-02' }, asOf: '2026-01-01' });
    expect(comparisonBasis(year(2025), null, '2026-01-01')).toMatchObject({ comparable: true, asOf: null });
    expect(comparisonBasis(year(2025), null, '2025-12-31')).toMatchObject({ asOf: '2025-12-30' });
  });

  it('works for running quarters and months, and for a span starting the very day counted', () => {
    const q = comparisonBasis({ kind: 'quarter', year: 2026, quarter: 4 }, from('2025-10-01'), '2026-11-15');
    expect(q).toMatchObject({ comparable: true, current: { start: '2026-10-01', end: '2026-11-15' }, previous: { start: '2025-10-01', end: '2025-11-15' } });
    expect(comparisonBasis({ kind: 'quarter', year: 2026, quarter: 4 }, from('2025-10-02'), '2026-11-15')).toMatchObject({ reason: 'incomplete' });
    // the span starts after the previous days counted: entirely outside
    expect(comparisonBasis({ kind: 'quarter', year: 2026, quarter: 4 }, from('2025-11-15'), '2026-11-15')).toMatchObject({ reason: 'no_previous_data' });
  });
});

/** Any date from 2019 to 2031 as an ISO string. */
const isoDate = fc.integer({ min: 0, max: 13 * 366 }).map((n) => addDays('2019-01-01', n));
const period = fc.oneof(
  fc.integer({ min: 2019, max: 2031 }).map((y): Period => ({ kind: 'year', year: y })),
  fc.record({ year: fc.integer({ min: 2019, max: 2031 }), quarter: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const) }).map((p): Period => ({ kind: 'quarter', ...p })),
  fc.record({ year: fc.integer({ min: 2019, max: 2031 }), month: fc.integer({ min: 1, max: 12 }) }).map((p): Period => ({ kind: 'month', ...p })),
);
const span = fc.option(
  fc.tuple(isoDate, fc.option(isoDate)).map(([a, b]): LedgerSpan => (b === null ? { from: a, to: null } : a <= b ? { from: a, to: b } : { from: b, to: a })),
);

describe('comparisonBasis properties', () => {
  it('compares only days inside the span, the same days of the month a year apart, never future days', () => {
    fc.assert(
      fc.property(period, span, isoDate, (p, s, today) => {
        const b = comparisonBasis(p, s, today);
        const full = periodRange(p);
        // the current days start with the period and end at today or the period's end
        expect(b.current.start).toBe(full.start);
        expect(b.current.end <= full.end && b.current.end <= (today > full.start ? today : full.start)).toBe(true);
        if (!b.comparable) {
          // never a change without a reason, and a reason that holds
          if (b.reason === 'not_started') expect(today <= full.start).toBe(true);
          else if (b.reason === 'no_previous_data') expect(s).not.toBeNull();
          return;
        }
        expect(spanCoverage(s, b.current.start, b.current.end)).toBe('inside');
        expect(spanCoverage(s, b.previous.start, b.previous.end)).toBe('inside');
        // same month and day a year earlier, at both ends (29 February may become 28 February)
        expect(b.previous.start.slice(5)).toBe(b.current.start.slice(5));
        const lastNow = addDays(b.current.end, -1);
        const lastThen = addDays(b.previous.end, -1);
        expect(Number(lastThen.slice(0, 4))).toBe(Number(lastNow.slice(0, 4)) - 1);
        if (b.asOf) {
          expect(lastNow).toBe(b.asOf);
          expect(lastThen.slice(5) === lastNow.slice(5) || (lastNow.slice(5) === '02-29' && lastThen.slice(5) === '02-28')).toBe(true);
        } else expect(b.current.end).toBe(full.end);
      }),
      { numRuns: 10_000 },
    );
  });

  it('says 上年无数据 exactly when the previous days lie wholly outside a span that covers the current ones', () => {
    fc.assert(
      fc.property(period, span, (p, s) => {
        const b = comparisonBasis(p, s, afterEverything);
        const full = periodRange(p);
        const prev = periodRange({ ...p, year: p.year - 1 });
        const currentIn = spanCoverage(s, full.start, full.end) === 'inside';
        const previousCoverage = spanCoverage(s, prev.start, prev.end);
        expect(b.comparable).toBe(currentIn && previousCoverage === 'inside');
        if (!b.comparable) expect(b.reason).toBe(currentIn && previousCoverage === 'outside' ? 'no_previous_data' : 'incomplete');
      }),
      { numRuns: 10_000 },
    );
  });
});
