import { formatIndicator, formatNumber, roundTo, type Indicator, type IndicatorComparison } from '@fazhi/metrics';
import { hedgedFigure, type FigureWording } from './hedged-wording.js';

/**
 * One rendering per figure: the sentence, the 附表 and the 同比 beside them all print a value
 * through `figureText`, so a report never shows 1568万元 in the text and 1568.00万元 in the table.
 */
export interface FigureStyle {
  /** 560.20万元 → 560.2万元, 1568.00万元 → 1568万元 (the default). */
  moneyTrimZeros: boolean;
}

/** Amounts below 1万元 read in 元 (3500元), never as 0.35万元 or 0.00万元. */
const WAN_FEN = 1_000_000;

export function figureText(indicator: Indicator, value: number | null, style: FigureStyle, wording: FigureWording = 'exact'): string {
  const hedged = wording === 'hedged' ? hedgedFigure(indicator, value) : null;
  if (hedged !== null) return hedged;
  if (indicator.valueType === 'money' && value !== null && Math.abs(value) < WAN_FEN) return `${formatNumber(value / 100, 2, true)}元`;
  return formatIndicator(indicator, value, { money: { trimZeros: style.moneyTrimZeros } });
}

/** The value a reader sees: rounded as printed (万元 to 0.01, rates to their decimals). */
function printedValue(indicator: Indicator, value: number | null): number | null {
  if (value === null) return null;
  switch (indicator.valueType) {
    case 'money':
      return Math.abs(value) < WAN_FEN ? roundTo(value, 0) : roundTo(value / 10_000, 0) * 10_000;
    case 'percent':
    case 'quantity':
      return roundTo(value, indicator.decimals);
    case 'count':
      return value;
  }
}

/**
 * The comparison recomputed from the two values as printed, so the 同比 can be checked against them:
 * 98.8% against 97.6% reads 提高1.2个百分点, never the 1.1 of the unrounded rates.
 */
export function asPrinted(c: IndicatorComparison): IndicatorComparison {
  if (!c.previous) return c;
  const indicator = c.current.indicator;
  const cur = printedValue(indicator, c.current.value);
  const prev = printedValue(indicator, c.previous.value);
  const difference = cur === null || prev === null ? null : cur - prev;
  const relativeChange = difference === null || !prev ? null : (difference / prev) * 100;
  return { ...c, difference, relativeChange };
}
