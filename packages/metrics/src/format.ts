import { comparisonNote } from './comparability.js';
import type { Indicator, ValueType } from './definitions.js';
import type { IndicatorComparison } from './evaluate.js';

/**
 * Chinese rendering of figures. Exact numbers by default; hedged wording (130余名, 100多平方米)
 * only when a caller asks for it explicitly.
 */

/** Rounds half away from zero at `decimals` places, avoiding binary float surprises (1.005). */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.sign(value) * Math.round(Number((Math.abs(value) * f).toPrecision(15))) / f;
}

/** Fixed decimals, optionally without trailing zeros: 98.70 → 98.7, 100.0 → 100. */
export function formatNumber(value: number, decimals = 0, trimZeros = false): string {
  const s = roundTo(value, decimals).toFixed(decimals);
  return trimZeros && s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

export interface MoneyOptions {
  /** Decimal places of 万元; 2 by default. */
  decimals?: number;
  /** 1568.00万元 → 1568万元. Off by default. */
  trimZeros?: boolean;
}

/** Integer fen → 万元 with two decimals, rounded half up in integer arithmetic: 560218050 → 560.22万元. */
export function formatWanYuan(fen: number, opts: MoneyOptions = {}): string {
  const decimals = opts.decimals ?? 2;
  const sign = fen < 0 ? '-' : '';
  const divisor = 10 ** (6 - decimals); // fen per smallest shown unit of 万元
  const units = Math.floor((Math.abs(fen) + divisor / 2) / divisor);
  const scale = 10 ** decimals;
  let text = decimals > 0 ? `${Math.floor(units / scale)}.${String(units % scale).padStart(decimals, '0')}` : String(units);
  if (opts.trimZeros && text.includes('.')) text = text.replace(/\.?0+$/, '');
  return `${sign}${text}万元`;
}

/** Percentage with up to `decimals` places, trailing zeros dropped: 100%, 98.7%. */
export function formatPercent(value: number, decimals = 1): string {
  return `${formatNumber(value, decimals, true)}%`;
}

export type HedgeStyle = 'yu' | 'duo' | 'chao' | 'jin';

function roundingStep(n: number): number {
  if (n < 100) return 10;
  return 10 ** (Math.floor(Math.log10(n)) - 1);
}

/**
 * Hedged wording of a count: 余/多 (134 → 130余, 106 → 100多), 超 (超1700), 近 (近1800 for 1785).
 * Returns the exact number when hedging would not be true (130 stays 130) or the number is small.
 * Counts of ten thousand and more use 万: 21349 → 2.1万余.
 */
export function hedgeNumber(n: number, style: HedgeStyle): string {
  if (!Number.isFinite(n) || n < 10) return formatNumber(n);
  const step = roundingStep(n);
  const down = Math.floor(n / step) * step;
  const up = Math.ceil(n / step) * step;
  const show = (x: number) => (x >= 10000 ? `${formatNumber(x / 10000, 2, true)}万` : String(x));
  switch (style) {
    case 'yu':
      return down === n ? show(n) : `${show(down)}余`;
    case 'duo':
      return down === n ? show(n) : `${show(down)}多`;
    case 'chao':
      return down === n ? show(n) : `超${show(down)}`;
    case 'jin':
      return up === n ? show(n) : `近${show(up)}`;
  }
}

export interface FigureOptions {
  /** Hedged wording instead of the exact number; counts and quantities only. */
  hedge?: HedgeStyle;
  money?: MoneyOptions;
  /** Decimal places for percentages and quantities; defaults to the indicator's. */
  decimals?: number;
}

/** Renders a value with its unit: 242宗, 560.22万元, 100%, 106平方米. Null renders as “—”. */
export function formatValue(value: number | null, valueType: ValueType | 'percent', unit: string, decimals: number, opts: FigureOptions = {}): string {
  if (value === null) return '—';
  switch (valueType) {
    case 'money':
      return formatWanYuan(value, opts.money);
    case 'percent':
      return formatPercent(value, opts.decimals ?? decimals);
    case 'count':
    case 'quantity': {
      const text = opts.hedge ? hedgeNumber(value, opts.hedge) : formatNumber(value, opts.decimals ?? decimals, true);
      return `${text}${unit}`;
    }
  }
}

export function formatIndicator(indicator: Indicator, value: number | null, opts: FigureOptions = {}): string {
  return formatValue(value, indicator.valueType, indicator.unit, indicator.decimals, opts);
}

/** 同比 wording: 同比增长8.3%, 同比减少12宗 for small bases, 同比提高1.2个百分点 for rates, 同比持平. */
export function formatChange(c: IndicatorComparison): string {
  const i = c.current.indicator;
  if (!c.basis.comparable) return comparisonNote(c.basis)!;
  if (c.difference === null) return '无上年同期数据';
  if (roundTo(c.difference, 9) === 0) return '同比持平';
  const up = c.difference > 0;
  // A change too small to show at one decimal place reads as 基本持平, never as “提高0个百分点”.
  const shown = i.valueType === 'percent' ? c.difference : c.relativeChange;
  if (shown !== null && roundTo(Math.abs(shown), 1) === 0) return '同比基本持平';
  if (i.valueType === 'percent') return `同比${up ? '提高' : '下降'}${formatNumber(Math.abs(c.difference), 1, true)}个百分点`;
  if (c.relativeChange === null) return `同比${up ? '增加' : '减少'}${formatValue(Math.abs(c.difference), i.valueType, i.unit, i.decimals)}`;
  return `同比${up ? '增长' : '下降'}${formatPercent(Math.abs(c.relativeChange))}`;
}
