/**
 * "Today" for rules about dates that cannot be in the future. Records are kept in China Standard
 * Time (UTC+8, no daylight saving), so today is the Shanghai calendar date, whatever the machine's
 * time zone. Validation takes the date as a parameter so tests (and imports dated elsewhere) can
 * set it; `todayInShanghai()` is the default clock.
 */
export function todayInShanghai(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
