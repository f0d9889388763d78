import { formatYuan } from '@fazhi/domain';
import { formatNumber, formatPercent, roundTo, type IndicatorComparison, type ValueType } from '@fazhi/metrics';
import { unitsEn } from '../../english.js';
import { groupYuan } from '../fields/format-value.js';

/** A number and its unit in English: `12 cases`, `106 m²`, a unit English does without dropped. */
export function withUnitEn(number: string, unit: string): string {
  const en = unitsEn[unit] ?? unit;
  return en === '%' ? `${number}%` : en ? `${number} ${en}` : number;
}

/**
 * A figure as English mode shows it (the Chinese twin is `formatValue` of @fazhi/metrics): money
 * in yuan with thousands separators (English has no 万), counts with their unit's English word.
 */
export function formatValueEn(value: number | null, valueType: ValueType | 'percent', unit: string, decimals: number): string {
  if (value === null) return '—';
  switch (valueType) {
    case 'money':
      return `¥${groupYuan(formatYuan(value))}`;
    case 'percent':
      return formatPercent(value, decimals);
    case 'count':
    case 'quantity':
      return withUnitEn(formatNumber(value, decimals, true), unit);
  }
}

/** 同比 in English, by the same rules as `formatChange`: points for rates, the difference for small bases. */
export function formatChangeEn(c: IndicatorComparison): string {
  const i = c.current.indicator;
  if (c.difference === null) return 'No figure for last year';
  if (roundTo(c.difference, 9) === 0) return 'Same as last year';
  const sign = c.difference > 0 ? '+' : '−';
  const shown = i.valueType === 'percent' ? c.difference : c.relativeChange;
  if (shown !== null && roundTo(Math.abs(shown), 1) === 0) return 'About the same as last year';
  if (i.valueType === 'percent') return `${sign}${formatNumber(Math.abs(c.difference), 1, true)} points on last year`;
  if (c.relativeChange === null) return `${sign}${formatValueEn(Math.abs(c.difference), i.valueType, i.unit, i.decimals)} on last year`;
  return `${sign}${formatPercent(Math.abs(c.relativeChange))} on last year`;
}
