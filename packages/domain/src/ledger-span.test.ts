import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, checkLedgerSpan, intersectSpans, isIsoDate, ledgerSpanLabel, shiftYears, spanCoverage } from './ledger-span.js';
import { todayInShanghai } from './today.js';
import { OrgTree, type OrgUnit } from './org.js';

describe('calendar dates', () => {
  it('knows real dates, leap years included', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
  });

  it('moves by days and by years, 29 February to 28 February', () => {
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(shiftYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(shiftYears('2024-11-30', -1)).toBe('2023-11-30');
    expect(() => addDays('2023-02-29', 1)).toThrow('日期“2023-02-29”无效');
  });

  it('takes today in Asia/Shanghai, which is ahead of UTC by eight hours', () => {
    expect(todayInShanghai(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
    expect(todayInShanghai(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
  });
});

describe('ledger spans', () => {
  it('checks dates and order, naming where', () => {
    expect(() => checkLedgerSpan({ from: '2023-02-30', to: null }, 'dataset.json「建账起止」')).toThrow('dataset.json「建账起止」：建账起始日“2023-02-30”无效');
    expect(() => checkLedgerSpan({ from: '2023-01-01', to: '2022-12-31' }, 'x')).toThrow('x：建账截止日 2022-12-31 早于起始日 2023-01-01');
    expect(ledgerSpanLabel({ from: '2023-01-01', to: null })).toBe('2023年1月1日起');
    expect(ledgerSpanLabel({ from: '2023-07-01', to: '2024-12-31' })).toBe('2023年7月1日至2024年12月31日');
  });

  it('intersects spans and measures coverage of [start, end)', () => {
    expect(intersectSpans([null, null])).toBeNull();
    expect(intersectSpans([{ from: '2023-01-01', to: null }, null, { from: '2022-01-01', to: '2024-06-30' }])).toEqual({ from: '2023-01-01', to: '2024-06-30' });
    const span = { from: '2023-01-01', to: '2024-06-30' };
    expect(spanCoverage(span, '2023-01-01', '2024-01-01')).toBe('inside');
    expect(spanCoverage(span, '2024-01-01', '2025-01-01')).toBe('partial');
    expect(spanCoverage(span, '2022-01-01', '2023-01-01')).toBe('outside');
    expect(spanCoverage(span, '2024-06-30', '2024-07-01')).toBe('inside');
    expect(spanCoverage(null, '1900-01-01', '2100-01-01')).toBe('inside');
  });

  it('lets units inherit their parent’s span and a subtree cover only the days all its units cover', () => {
    const units: OrgUnit[] = [
      { id: 'd', parentId: null, kind: 'district', name: '区' },
      { id: 's1', parentId: 'd', kind: 'street', name: '甲街道', ledgerSpan: { from: '2023-01-01', to: null } },
      { id: 'c1', parentId: 's1', kind: 'community', name: '一社区' },
      { id: 'c2', parentId: 's1', kind: 'community', name: '二社区', ledgerSpan: { from: '2024-03-01', to: null } },
      { id: 's2', parentId: 'd', kind: 'street', name: '乙街道', ledgerSpan: { from: '2021-01-01', to: '2025-12-31' } },
      { id: 's3', parentId: 'd', kind: 'street', name: '丙街道' },
    ];
    const tree = new OrgTree(units);
    expect(tree.ledgerSpan('c1')).toEqual({ from: '2023-01-01', to: null }); // inherited
    expect(tree.ledgerSpan('c2')).toEqual({ from: '2024-03-01', to: null }); // its own
    expect(tree.ledgerSpan('s1')).toEqual({ from: '2024-03-01', to: null }); // complete once every community is
    expect(tree.ledgerSpan('d')).toEqual({ from: '2024-03-01', to: '2025-12-31' });
    expect(tree.ledgerSpan('s3')).toBeNull(); // nobody above or below declares one
  });
});

describe('spanCoverage against counting the days one by one', () => {
  const day = fc.integer({ min: 0, max: 800 }).map((n) => addDays('2023-01-01', n));
  it('is inside when every day is covered, outside when none is, partial otherwise', () => {
    fc.assert(
      fc.property(day, fc.option(day), day, fc.integer({ min: 1, max: 60 }), (a, b, start, length) => {
        const span = b === null ? { from: a, to: null } : a <= b ? { from: a, to: b } : { from: b, to: a };
        const end = addDays(start, length);
        let covered = 0;
        for (let d = start; d < end; d = addDays(d, 1)) if (d >= span.from && (span.to === null || d <= span.to)) covered++;
        expect(spanCoverage(span, start, end)).toBe(covered === length ? 'inside' : covered === 0 ? 'outside' : 'partial');
      }),
      { numRuns: 10_000 },
    );
  });
});
