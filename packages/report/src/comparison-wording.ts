import { monthDayLabel, spanCoverage } from '@fazhi/domain';
import { comparisonNote, formatChange, type IndicatorComparison } from '@fazhi/metrics';
import { asPrinted } from './figure-text.js';

/** 2023年 when the ledgers begin on 1 January, else 2023年7月1日. */
function ledgerStart(from: string): string {
  const [y, m, d] = from.split('-');
  return m === '01' && d === '01' ? `${Number(y)}年` : `${Number(y)}年${Number(m)}月${Number(d)}日`;
}

/**
 * The 同比 clause of running text, written to stand inside the report's parentheses: 同比增长8.3%,
 * 截至11月30日，同比增长8.3%, or — when the years do not compare — why, as a sentence with a subject
 * (台账自2023年起建立，暂无上年同期数据可比), never a change.
 */
export function changeClause(c: IndicatorComparison): string {
  const b = c.basis;
  if (b.comparable) return b.asOf ? `截至${monthDayLabel(b.asOf)}，${formatChange(asPrinted(c))}` : formatChange(asPrinted(c));
  const since = b.span ? `台账自${ledgerStart(b.span.from)}起建立，` : '';
  switch (b.reason) {
    case 'no_previous_data':
      return `${since}暂无上年同期数据可比`;
    case 'incomplete':
      // Either the current days run outside the ledgers, or (with them inside) the previous ones do.
      return spanCoverage(b.span, b.current.start, b.current.end) === 'inside' ? `${since}上年同期数据不完整，未作同比` : '本期部分时段未纳入台账，未作同比';
    case 'not_started':
      return '本期尚未开始，未作同比';
  }
}

/** The 同比 cell of a figures table: the change, or the short reason (上年无数据, 数据不完整). */
export function changeCell(c: IndicatorComparison): string {
  return c.basis.comparable ? formatChange(asPrinted(c)) : comparisonNote(c.basis)!;
}
