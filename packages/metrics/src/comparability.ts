import { addDays, monthDayLabel, periodRange, previousYear, shiftYears, spanCoverage, type LedgerSpan, type Period, type PeriodRange } from '@fazhi/domain';

/** Why a period has no year-on-year change. */
export type IncomparableReason =
  /** The same period a year earlier lies wholly before (or after) the ledgers: 上年无数据. */
  | 'no_previous_data'
  /** Either period lies partly outside the ledgers (a span starting mid-year): 数据不完整. */
  | 'incomplete'
  /** The period has not begun (today is on or before its first day): nothing to compare. */
  | 'not_started';

/**
 * Which days the current figure covers and which days of the previous year it is compared with —
 * or why it is compared with nothing. `asOf` is the last day counted when the period is still
 * running, else null.
 */
export type ComparisonBasis =
  | { comparable: true; current: PeriodRange; previous: PeriodRange; asOf: string | null; span: LedgerSpan | null }
  | { comparable: false; reason: IncomparableReason; current: PeriodRange; asOf: string | null; span: LedgerSpan | null };

/**
 * The one rule for 同比 that compares like with like.
 *
 * - A period still running on `today` is counted up to the last complete day (yesterday: today's
 *   records are still being entered, so today's count would understate) and compared with the same
 *   days of the previous year, 1 January (the period's first day) to the same month and day; 29
 *   February becomes 28 February in a common year.
 * - A current period not wholly inside the ledger span, or a previous one partly outside, has no
 *   comparison (数据不完整); a previous one wholly outside has none either (上年无数据).
 * - No span (null) means nothing is known about gaps, and every period compares.
 *
 * `today` is the calendar date in the office's time zone (see `todayInShanghai`).
 */
export function comparisonBasis(period: Period, span: LedgerSpan | null, today: string): ComparisonBasis {
  const full = periodRange(period);
  if (today <= full.start) return { comparable: false, reason: 'not_started', current: { start: full.start, end: full.start }, asOf: null, span };
  const running = today < full.end;
  const current = running ? { start: full.start, end: today } : full;
  const asOf = running ? addDays(today, -1) : null;
  if (spanCoverage(span, current.start, current.end) !== 'inside') return { comparable: false, reason: 'incomplete', current, asOf, span };
  const previous = asOf ? { start: shiftYears(current.start, -1), end: addDays(shiftYears(asOf, -1), 1) } : periodRange(previousYear(period));
  const coverage = spanCoverage(span, previous.start, previous.end);
  if (coverage === 'outside') return { comparable: false, reason: 'no_previous_data', current, asOf, span };
  if (coverage === 'partial') return { comparable: false, reason: 'incomplete', current, asOf, span };
  return { comparable: true, current, previous, asOf, span };
}

const reasonNotes: Record<IncomparableReason, string> = {
  no_previous_data: '上年无数据',
  incomplete: '数据不完整',
  not_started: '本期尚未开始',
};

/** The short note for a basis: 上年无数据, 数据不完整, 截至11月30日, or null for a whole period. */
export function comparisonNote(basis: ComparisonBasis): string | null {
  if (!basis.comparable) return reasonNotes[basis.reason];
  return basis.asOf ? `截至${monthDayLabel(basis.asOf)}` : null;
}
