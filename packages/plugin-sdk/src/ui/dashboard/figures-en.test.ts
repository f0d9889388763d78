import { builtInCatalog, formatChange, type IndicatorComparison } from '@fazhi/metrics';
import { expect, test } from 'vitest';
import { formatChangeEn, formatValueEn, withUnitEn } from './figures-en.js';

const indicator = (id: string) => builtInCatalog.indicators.find((i) => i.id === id)!;

function comparison(id: string, current: number, previous: number): IndicatorComparison {
  const i = indicator(id);
  const difference = current - previous;
  return {
    current: { indicator: i, value: current },
    previous: { indicator: i, value: previous },
    difference,
    relativeChange: previous === 0 ? null : (difference / previous) * 100,
    basis: { comparable: true },
  } as unknown as IndicatorComparison;
}

test('figures in English: money in yuan, counts with their English unit or none, rates as percentages', () => {
  expect(formatValueEn(560218050, 'money', '元', 2)).toBe('¥5,602,180.50');
  expect(formatValueEn(242, 'count', '宗', 0)).toBe('242 cases');
  expect(formatValueEn(12, 'count', '件', 0)).toBe('12');
  expect(formatValueEn(106, 'quantity', '平方米', 2)).toBe('106 m²');
  expect(formatValueEn(98.66, 'percent', '%', 1)).toBe('98.7%');
  expect(formatValueEn(null, 'count', '宗', 0)).toBe('—');
  expect(withUnitEn('3', '未知单位')).toBe('3 未知单位');
});

test('同比 in English follows the Chinese rules: relative change, points for rates, the difference when last year was 0', () => {
  const cases = comparison('mediation.successful_cases', 260, 240);
  expect(formatChange(cases)).toBe('同比增长8.3%');
  expect(formatChangeEn(cases)).toBe('+8.3% on last year');
  const rate = comparison('mediation.success_rate', 97.5, 98.7);
  expect(formatChange(rate)).toBe('同比下降1.2个百分点');
  expect(formatChangeEn(rate)).toBe('−1.2 points on last year');
  expect(formatChangeEn(comparison('mediation.successful_cases', 5, 0))).toBe('+5 cases on last year');
  expect(formatChangeEn(comparison('mediation.successful_cases', 5, 5))).toBe('Same as last year');
});
