import type { Rng } from './random.js';

/** ISO dates as day numbers (days since 1970-01-01, UTC) so arithmetic never touches time zones. */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

export function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(iso: string, n: number): string {
  return isoDate(dayNumber(iso) + n);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return (dayNumber(iso) + 4) % 7;
}

export const monthOf = (iso: string) => Number(iso.slice(5, 7));

// Public holidays and make-up working days (调休) of the State Council's announcements.
const holidays = new Set<string>([
  ...range('2022-12-31', '2023-01-02'),
  ...range('2023-01-21', '2023-01-27'),
  '2023-04-05',
  ...range('2023-04-29', '2023-05-03'),
  ...range('2023-06-22', '2023-06-24'),
  ...range('2023-09-29', '2023-10-06'),
  ...range('2023-12-30', '2024-01-01'),
  ...range('2024-02-10', '2024-02-17'),
  ...range('2024-04-04', '2024-04-06'),
  ...range('2024-05-01', '2024-05-05'),
  ...range('2024-06-08', '2024-06-10'),
  ...range('2024-09-15', '2024-09-17'),
  ...range('2024-10-01', '2024-10-07'),
  '2025-01-01',
  ...range('2025-01-28', '2025-02-04'),
]);
const makeUpWorkdays = new Set<string>([
  '2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08',
  '2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12',
  '2025-01-26', '2025-02-08',
]);

/** 春节 (Spring Festival) of each year: activity dips for about two weeks around it. */
const springFestival: Record<number, string> = { 2023: '2023-01-22', 2024: '2024-02-10', 2025: '2025-01-29' };

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = dayNumber(from); d <= dayNumber(to); d++) out.push(isoDate(d));
  return out;
}

export function isHoliday(iso: string): boolean {
  return holidays.has(iso);
}

export function isWorkday(iso: string): boolean {
  if (makeUpWorkdays.has(iso)) return true;
  if (holidays.has(iso)) return false;
  const w = weekday(iso);
  return w !== 0 && w !== 6;
}

/** The first working day on or after `iso`. */
export function nextWorkday(iso: string): string {
  let d = iso;
  while (!isWorkday(d)) d = addDays(d, 1);
  return d;
}

/** Adds `n` working days (n ≥ 0). */
export function addWorkdays(iso: string, n: number): string {
  let d = nextWorkday(iso);
  for (let i = 0; i < n; i++) d = nextWorkday(addDays(d, 1));
  return d;
}

export function daysOfYear(year: number): string[] {
  return range(`${year}-01-01`, `${year}-12-31`);
}

/** How far `iso` is from its year's 春节 period, as a damping factor in (0, 1]. */
export function festivalDamping(iso: string): number {
  const sf = springFestival[Number(iso.slice(0, 4))];
  if (!sf) return 1;
  const off = daysBetween(sf, iso);
  if (off >= -3 && off <= 6) return 0.35;
  if (off >= -8 && off <= 12) return 0.7;
  return 1;
}

export interface DateProfile {
  /** Relative activity per month (Jan = index 0). */
  months?: readonly number[];
  /** Weight of non-working days relative to working days; 0 keeps to working days. */
  offDays?: number;
}

/** Office work: a slow 春节 month, busier spring and year end. */
export const officeMonths = [0.9, 0.65, 1.1, 1.0, 1.0, 1.05, 0.95, 0.95, 1.0, 0.9, 1.1, 1.3] as const;

export function dayWeight(iso: string, profile: DateProfile = {}): number {
  const month = (profile.months ?? officeMonths)[monthOf(iso) - 1] ?? 1;
  const off = profile.offDays ?? 0;
  return month * festivalDamping(iso) * (isWorkday(iso) ? 1 : off);
}

/** `n` dates within [from, to] (inclusive), drawn by `profile`, sorted. */
export function pickDates(rng: Rng, n: number, from: string, to: string, profile: DateProfile = {}): string[] {
  const days = range(from, to);
  const cum: number[] = [];
  let total = 0;
  for (const d of days) cum.push((total += dayWeight(d, profile)));
  if (total === 0) throw new Error(`no eligible days between ${from} and ${to}`);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = rng.float() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    out.push(days[lo]!);
  }
  return out.sort();
}

/** `n` dates spread over a whole year by `profile`. */
export function datesInYear(rng: Rng, year: number, n: number, profile: DateProfile = {}): string[] {
  return pickDates(rng, n, `${year}-01-01`, `${year}-12-31`, profile);
}

/**
 * Splits exactly `total` over the days of [from, to] in proportion to `weight`, by largest
 * remainder: deterministic, no sampling noise, and the sum is exact.
 */
export function exactDailyCounts(total: number, from: string, to: string, weight: (iso: string) => number): Map<string, number> {
  const days = range(from, to);
  const ws = days.map(weight);
  const sum = ws.reduce((a, b) => a + b, 0);
  const raw = ws.map((w) => (total * w) / sum);
  const counts = raw.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i]! += 1;
  }
  return new Map(days.map((d, i) => [d, counts[i]!]));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DDTHH:mm:ss+08:00` from a date and minutes (may run past midnight) plus seconds. */
export function dateTime(iso: string, minutes: number, seconds = 0): string {
  const day = Math.floor(minutes / 1440);
  const m = minutes - day * 1440;
  return `${addDays(iso, day)}T${pad(Math.floor(m / 60))}:${pad(m % 60)}:${pad(seconds)}+08:00`;
}

/** Minutes since midnight of `date` to the given stored date-time (same +08:00 zone). */
export function minutesFrom(date: string, dt: string): number {
  return daysBetween(date, dt.slice(0, 10)) * 1440 + Number(dt.slice(11, 13)) * 60 + Number(dt.slice(14, 16));
}
