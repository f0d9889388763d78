import { describe, expect, it } from 'vitest';
import { compareResults } from './evaluate.js';
import { formatChange, formatNumber, formatPercent, formatValue, formatWanYuan, hedgeNumber } from './format.js';

const comparison = (current: number | null, previous: number | null, valueType: 'count' | 'percent') => {
  const indicator = { id: 'x', label: 'X', area: 'a', numerator: 'n', factor: 1, unit: valueType === 'percent' ? '%' : '宗', valueType, decimals: 1, description: '' };
  const range = (year: number) => ({ start: `${year}-01-01`, end: `${year + 1}-01-01` });
  const result = (year: number, value: number | null) => ({ indicator, orgId: 'o', period: { kind: 'year' as const, year }, range: range(year), value, numerator: { measureId: 'n', value } });
  const basis = { comparable: true as const, current: range(2024), previous: range(2023), asOf: null, span: null };
  return compareResults(basis, result(2024, current), result(2023, previous));
};

describe('year-on-year wording', () => {
  it('words growth, decline, percentage points and near-equality', () => {
    expect(formatChange(comparison(242, 221, 'count'))).toBe('同比增长9.5%');
    expect(formatChange(comparison(1, 2, 'count'))).toBe('同比下降50%');
    expect(formatChange(comparison(5, 0, 'count'))).toBe('同比增加5宗');
    expect(formatChange(comparison(100, 75, 'percent'))).toBe('同比提高25个百分点');
    expect(formatChange(comparison(100, 99.98, 'percent'))).toBe('同比基本持平');
    expect(formatChange(comparison(3, 3, 'count'))).toBe('同比持平');
    expect(formatChange(comparison(3, null, 'count'))).toBe('无上年同期数据');
  });

  it('gives the reason, never a change, when the periods do not compare', () => {
    const c = comparison(46, 0, 'count');
    expect(formatChange({ ...c, previous: null, difference: null, relativeChange: null, basis: { comparable: false, reason: 'no_previous_data', current: c.basis.current, asOf: null, span: { from: '2024-01-01', to: null } } })).toBe('上年无数据');
    expect(formatChange({ ...c, previous: null, difference: null, relativeChange: null, basis: { comparable: false, reason: 'incomplete', current: c.basis.current, asOf: null, span: { from: '2023-07-01', to: null } } })).toBe('数据不完整');
  });
});

describe('Chinese figure rendering', () => {
  it('renders fen as 万元 with two decimals, rounding half up in integers', () => {
    expect(formatWanYuan(560_218_050)).toBe('560.22万元');
    expect(formatWanYuan(560_215_000)).toBe('560.22万元');
    expect(formatWanYuan(560_214_999)).toBe('560.21万元');
    expect(formatWanYuan(1_567_996_400)).toBe('1568.00万元');
    expect(formatWanYuan(1_567_996_400, { trimZeros: true })).toBe('1568万元');
    expect(formatWanYuan(0)).toBe('0.00万元');
  });

  it('renders percentages without trailing zeros', () => {
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(98.7333)).toBe('98.7%');
    expect(formatPercent(2 / 3 * 100, 2)).toBe('66.67%');
    expect(formatNumber(1.005, 2)).toBe('1.01');
  });

  it('hedges only on request and only when true', () => {
    expect(hedgeNumber(134, 'yu')).toBe('130余');
    expect(hedgeNumber(106, 'duo')).toBe('100多');
    expect(hedgeNumber(130, 'yu')).toBe('130');
    expect(hedgeNumber(1715, 'chao')).toBe('超1700');
    expect(hedgeNumber(1785, 'jin')).toBe('近1800');
    expect(hedgeNumber(21349, 'yu')).toBe('2.1万余');
    expect(hedgeNumber(7, 'yu')).toBe('7');
    expect(formatValue(134, 'count', '名', 0)).toBe('134名');
    expect(formatValue(134, 'count', '名', 0, { hedge: 'yu' })).toBe('130余名');
    expect(formatValue(null, 'count', '名', 0)).toBe('—');
  });
});
