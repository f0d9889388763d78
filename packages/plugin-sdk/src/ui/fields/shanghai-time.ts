import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * Date-times are China Standard Time (UTC+8, no daylight saving since 1991) whatever the device's
 * zone: the database stores timestamptz and hands out `…+08:00`, and forms show and edit the
 * Shanghai wall clock. Parsing such a value with the device's zone (plain `dayjs(text)`) and
 * formatting it back with `+08:00` shifted it by the device's offset on every unchanged save.
 *
 * So a picker gets the wall clock as a UTC-mode dayjs: its fields are the Shanghai hour and
 * minute, with no device zone (and no daylight-saving gap) in between, and saving formats the
 * same fields and appends `+08:00`.
 */
export const shanghaiOffset = '+08:00';
const offsetMs = 8 * 3600_000;

const isoDateTime = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * `YYYY-MM-DDTHH:mm:ss` on a Shanghai clock, from an ISO date-time with any offset (`Z`,
 * `+00:00`, `-05:00` …); one without an offset is taken as Shanghai time already. Null for text
 * that is not a date-time.
 */
export function shanghaiWallClock(text: string): string | null {
  const m = isoDateTime.exec(text.trim());
  if (!m) return null;
  const [, day, time, zone] = m as unknown as [string, string, string, string | undefined];
  const hms = time.length === 5 ? `${time}:00` : time.slice(0, 8);
  if (!zone) return `${day}T${hms}`;
  const normalizedZone = zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 3 ? `${zone}:00` : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const ms = Date.parse(`${day}T${hms}${normalizedZone}`);
  if (Number.isNaN(ms)) return null;
  return new Date(ms + offsetMs).toISOString().slice(0, 19);
}

/** A date-time for lists and detail pages: `YYYY-MM-DD HH:mm`, Shanghai time. */
export function formatShanghaiDateTime(text: string): string {
  return (shanghaiWallClock(text) ?? text).slice(0, 16).replace('T', ' ');
}

/** The picker value of a stored date-time: the Shanghai wall clock (see above). */
export function dateTimeToPicker(text: string): Dayjs {
  const wall = shanghaiWallClock(text);
  return wall ? dayjs.utc(wall) : dayjs(Number.NaN);
}

/** The picker value of a stored date (`YYYY-MM-DD`): that calendar day, in no zone at all. */
export function dateToPicker(text: string): Dayjs {
  return dayjs.utc(String(text).slice(0, 10));
}

/** A picker's wall clock as stored: `YYYY-MM-DDTHH:mm:ss+08:00`. */
export const pickerToDateTime = (d: Dayjs): string => `${d.format('YYYY-MM-DDTHH:mm:ss')}${shanghaiOffset}`;

/** A picker's calendar day as stored: `YYYY-MM-DD`. */
export const pickerToDate = (d: Dayjs): string => d.format('YYYY-MM-DD');
