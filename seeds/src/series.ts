import { datesInYear, type DateProfile } from './calendar.js';
import type { Rng } from './random.js';

/**
 * `n` dates in `year`, including the given boundary dates (e.g. the year's first and last
 * working day, so the inclusive bounds of the period rule are exercised), sorted.
 */
export function countedDates(rng: Rng, year: number, n: number, profile: DateProfile = {}, bounds: readonly string[] = []): string[] {
  for (const b of bounds) if (!b.startsWith(String(year))) throw new Error(`${b} is not in ${year}`);
  return [...bounds, ...datesInYear(rng, year, n - bounds.length, profile)].sort();
}

/** Numbers 1…n in date order, for document numbers such as 〔2024〕第0012号. */
export function numbered<T>(items: readonly T[]): [T, number][] {
  return items.map((t, i) => [t, i + 1]);
}

/** Sorts by an ISO date/time field in code-unit order (never locale-dependent). */
export function byField<K extends string>(key: K) {
  return (a: Record<K, string>, b: Record<K, string>) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);
}
