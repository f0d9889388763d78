/**
 * Reporting periods. Bounds are ISO dates, start inclusive and end exclusive, so a record belongs
 * to a period when `start <= date < end` — the same comparison in memory and in SQL.
 */
export type Period =
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'month'; year: number; month: number };

export interface PeriodRange {
  /** First day, inclusive (YYYY-MM-DD). */
  start: string;
  /** Day after the last day, exclusive (YYYY-MM-DD). */
  end: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoDate = (y: number, m: number, d = 1) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

export function yearPeriod(year: number): Period {
  return { kind: 'year', year };
}

export function periodRange(p: Period): PeriodRange {
  switch (p.kind) {
    case 'year':
      return { start: isoDate(p.year, 1), end: isoDate(p.year + 1, 1) };
    case 'quarter': {
      const m = (p.quarter - 1) * 3 + 1;
      return { start: isoDate(p.year, m), end: m + 3 > 12 ? isoDate(p.year + 1, 1) : isoDate(p.year, m + 3) };
    }
    case 'month':
      return { start: isoDate(p.year, p.month), end: p.month === 12 ? isoDate(p.year + 1, 1) : isoDate(p.year, p.month + 1) };
  }
}

/** The same period one year earlier, for year-on-year comparison (同比). */
export function previousYear(p: Period): Period {
  return { ...p, year: p.year - 1 };
}

/** Machine form: `2024`, `2024Q1`, `2024-03`. */
export function periodKey(p: Period): string {
  switch (p.kind) {
    case 'year':
      return String(p.year);
    case 'quarter':
      return `${p.year}Q${p.quarter}`;
    case 'month':
      return `${p.year}-${pad(p.month)}`;
  }
}

const quarterNames = ['一', '二', '三', '四'] as const;

/** Chinese form: 2024年, 2024年第一季度, 2024年3月. */
export function periodLabel(p: Period): string {
  switch (p.kind) {
    case 'year':
      return `${p.year}年`;
    case 'quarter':
      return `${p.year}年第${quarterNames[p.quarter - 1]}季度`;
    case 'month':
      return `${p.year}年${p.month}月`;
  }
}

/** Parses `2024`, `2024Q3` / `2024-Q3`, `2024-03`; throws a Chinese message otherwise. */
export function parsePeriod(text: string): Period {
  const t = text.trim();
  let m = /^(\d{4})$/.exec(t);
  if (m) return { kind: 'year', year: Number(m[1]) };
  m = /^(\d{4})-?[Qq]([1-4])$/.exec(t);
  if (m) return { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
  m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { kind: 'month', year: Number(m[1]), month: Number(m[2]) };
  throw new Error(`无法识别的期间“${text}”：应为年份（如 2024）、季度（如 2024Q1）或月份（如 2024-03）`);
}

/** The twelve months of a year, for monthly trends. */
export function monthsOf(year: number): Period[] {
  return Array.from({ length: 12 }, (_, i) => ({ kind: 'month' as const, year, month: i + 1 }));
}
