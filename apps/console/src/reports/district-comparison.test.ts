import type { DistrictComparison } from '@fazhi/db/browser';
import { builtInCatalog } from '@fazhi/metrics';
import { describe, expect, it } from 'vitest';
import { comparisonAreas, comparisonCell, comparisonColumns, hasStreetsBelow, isAdditive } from './district-comparison.js';

const indicator = (id: string) => builtInCatalog.indicators.find((i) => i.id === id)!;

describe('the district comparison table', () => {
  it('knows which indicators add up over streets: counts and sums do, distinct counts and latest values do not', () => {
    expect(isAdditive(indicator('mediation.accepted_cases'), builtInCatalog)).toBe(true);
    expect(isAdditive(indicator('mediation.success_rate'), builtInCatalog)).toBe(true);
    expect(isAdditive(indicator('enforcement.training_sessions'), builtInCatalog)).toBe(false);
    expect(isAdditive(indicator('public_legal_service.hall_area'), builtInCatalog)).toBe(false);
  });

  it('formats cells once, and leaves 区直 of a non-additive indicator empty', () => {
    const figures = (n: number) => [
      { indicatorId: 'mediation.accepted_cases', value: n, numerator: n, denominator: null },
      { indicatorId: 'enforcement.training_sessions', value: n, numerator: n, denominator: null },
    ];
    const c: DistrictComparison = {
      parentId: 'D',
      year: 2024,
      streets: [{ kind: 'street', orgId: 'A', name: '甲街道', figures: figures(3) }],
      direct: { kind: 'direct', orgId: 'D', name: '区直', figures: figures(1) },
      total: { kind: 'total', orgId: 'D', name: '测试区', figures: figures(4) },
    };
    const columns = comparisonColumns(c, builtInCatalog);
    // In the order the database returned them (the catalog's), each with whether it adds up.
    expect(columns.map((x) => [x.indicator.id, x.additive])).toEqual([
      ['mediation.accepted_cases', true],
      ['enforcement.training_sessions', false],
    ]);
    const accepted = columns.find((x) => x.indicator.id === 'mediation.accepted_cases')!;
    const sessions = columns.find((x) => x.indicator.id === 'enforcement.training_sessions')!;
    expect([comparisonCell(c.direct, accepted).text, comparisonCell(c.total, accepted).text]).toEqual(['1宗', '4宗']);
    expect(comparisonCell(c.direct, sessions)).toEqual({ figure: undefined, text: '—' });
    expect(comparisonCell(c.streets[0]!, sessions).text).toBe('3场次');
    expect(comparisonColumns(c, builtInCatalog, 'mediation').map((x) => x.indicator.id)).toEqual(['mediation.accepted_cases']);
    expect(comparisonAreas(c, builtInCatalog).map((a) => a.label)).toEqual(expect.arrayContaining(['行政执法', '人民调解']));
  });

  it('is for units with streets below them', () => {
    const orgs = [
      { id: 'D', parentId: null, kind: 'district' as const, name: '区' },
      { id: 'J', parentId: 'D', kind: 'department' as const, name: '区司法局' },
      { id: 'A', parentId: 'D', kind: 'street' as const, name: '甲街道' },
      { id: 'A1', parentId: 'A', kind: 'community' as const, name: '甲一社区' },
    ];
    expect(['D', 'J', 'A', 'A1', undefined].map((id) => hasStreetsBelow(orgs, id))).toEqual([true, false, false, false, false]);
  });
});
