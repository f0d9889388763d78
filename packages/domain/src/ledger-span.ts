/**
 * Calendar dates (ISO `YYYY-MM-DD`) and ledger spans (建账起止): the days an org unit's ledgers
 * cover. A figure for days outside the span says nothing about the work done then, so year-on-year
 * comparisons (同比) look at the span before they compare anything.
 */

/** The days a unit's ledgers cover, both ends inclusive; `to` null while the ledgers are kept. */
export interface LedgerSpan {
  /** First day recorded (YYYY-MM-DD). */
  from: string;
  /** Last day recorded (YYYY-MM-DD), or null when open-ended. */
  to: string | null;
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date in ISO form (2024-02-29 yes, 2023-02-29 no). */
export function isIsoDate(text: string): boolean {
  const m = isoDatePattern.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtc(date: string): Date {
  if (!isIsoDate(date)) throw new Error(`日期“${date}”无效，应为 YYYY-MM-DD 格式的实际日期`);
  return new Date(`${date}T00:00:00Z`);
}

/** `date` moved by `days` (negative: earlier). */
export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The same month and day `years` later (negative: earlier); 29 February becomes 28 February in a
 * common year, so 1 January – 29 February 2024 compares with 1 January – 28 February 2023.
 */
export function shiftYears(date: string, years: number): string {
  const d = toUtc(date);
  const year = d.getUTCFullYear() + years;
  const month = d.getUTCMonth() + 1;
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 11月30日: the month and day without leading zeros, as running text writes them. */
export function monthDayLabel(date: string): string {
  const d = toUtc(date);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** 2023年1月1日. */
export function dateLabel(date: string): string {
  return `${toUtc(date).getUTCFullYear()}年${monthDayLabel(date)}`;
}

/** Checks a span, naming `where` (e.g. a file and field) in the Chinese message it throws. */
export function checkLedgerSpan(span: LedgerSpan, where: string): LedgerSpan {
  if (!isIsoDate(span.from)) throw new Error(`${where}：建账起始日“${span.from}”无效，应为 YYYY-MM-DD 格式的实际日期`);
  if (span.to !== null) {
    if (!isIsoDate(span.to)) throw new Error(`${where}：建账截止日“${span.to}”无效，应为 YYYY-MM-DD 格式的实际日期`);
    if (span.to < span.from) throw new Error(`${where}：建账截止日 ${span.to} 早于起始日 ${span.from}`);
  }
  return span;
}

/**
 * The days every span covers (null spans cover everything). Empty intersections keep `to < from`,
 * which covers no day at all.
 */
export function intersectSpans(spans: readonly (LedgerSpan | null)[]): LedgerSpan | null {
  let out: LedgerSpan | null = null;
  for (const s of spans) {
    if (!s) continue;
    if (!out) out = { ...s };
    else {
      out.from = s.from > out.from ? s.from : out.from;
      out.to = out.to === null ? s.to : s.to === null ? out.to : s.to < out.to ? s.to : out.to;
    }
  }
  return out;
}

/** How the days [start, end) (end exclusive) lie against a span. */
export function spanCoverage(span: LedgerSpan | null, start: string, end: string): 'inside' | 'partial' | 'outside' {
  if (!span) return 'inside';
  const last = addDays(end, -1);
  const coveredFrom = start > span.from ? start : span.from;
  const coveredTo = span.to === null || last < span.to ? last : span.to;
  if (coveredFrom > coveredTo) return 'outside';
  return coveredFrom === start && coveredTo === last ? 'inside' : 'partial';
}

/** 2023年1月1日起 / 2023年1月1日至2024年12月31日. */
export function ledgerSpanLabel(span: LedgerSpan): string {
  return span.to === null ? `${dateLabel(span.from)}起` : `${dateLabel(span.from)}至${dateLabel(span.to)}`;
}
