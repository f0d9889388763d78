/**
 * One shape for values read back, whichever driver returned them, so code above @fazhi/db never
 * branches on the backend and never meets a JS `Date` (which would lose the calendar date to the
 * process time zone):
 * - `int8` (counts, money in fen, identities) → number: our bigints are far below 2^53.
 * - `numeric` → string, exact (both drivers already do this).
 * - `date` → `YYYY-MM-DD`; `timestamp` → `YYYY-MM-DDTHH:mm:ss[.ffffff]`, as stored.
 * - `timestamptz` → ISO 8601 in China Standard Time, `YYYY-MM-DDTHH:mm:ss[.ffffff]+08:00`, the form
 *   @fazhi/domain uses for date-times, whatever the session's TimeZone.
 * Arrays of these types get the same element parsers.
 */
export const oids = {
  int8: 20,
  numeric: 1700,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
} as const;

const cstOffsetMs = 8 * 3600_000;

const pgTimestamp = /^(\d{4,})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?)?( BC)?$/;

/** `2024-03-05 01:30:00.5+00` (any offset) → `2024-03-05T09:30:00.5+08:00`. */
export function timestamptzToCst(text: string): string {
  const m = pgTimestamp.exec(text);
  // infinity, BC dates and anything unexpected pass through untouched rather than being guessed at.
  if (!m || m[12] || !m[8]) return text;
  const offsetMs = (m[8] === '-' ? -1 : 1) * ((Number(m[9]) * 60 + Number(m[10] ?? 0)) * 60 + Number(m[11] ?? 0)) * 1000;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) - offsetMs;
  const cst = new Date(utc + cstOffsetMs).toISOString().slice(0, 19);
  return `${cst}${m[7] ?? ''}+08:00`;
}

function int8ToNumber(text: string): number {
  return Number(text);
}

const keep = (text: string) => text;

/** Text-format parsers by type oid; arrays are handled by each driver with the element parser. */
export const textParsers: Record<number, (text: string) => unknown> = {
  [oids.int8]: int8ToNumber,
  [oids.numeric]: keep,
  [oids.date]: keep,
  [oids.timestamp]: (text) => text.replace(' ', 'T'),
  [oids.timestamptz]: timestamptzToCst,
};

/** Array type oid → element type oid, for drivers that want array parsers spelled out. */
export const arrayOids: Record<number, number> = {
  1016: oids.int8,
  1231: oids.numeric,
  1182: oids.date,
  1115: oids.timestamp,
  1185: oids.timestamptz,
};

/**
 * Parses a one-dimensional array literal of simple elements (`{1,2}`, `{"2024-03-05 01:30:00+00",NULL}`),
 * which is all the array types above ever hold; node-postgres' own array parsers would ignore our
 * element parsers.
 */
export function parseArrayLiteral<T>(text: string, element: (text: string) => T): (T | null)[] {
  const body = text.replace(/^(\[[^\]]*\]=)?\{/, '').replace(/\}$/, '');
  if (body === '') return [];
  const out: (T | null)[] = [];
  let i = 0;
  while (i <= body.length) {
    if (body[i] === '"') {
      let value = '';
      i++;
      while (i < body.length && body[i] !== '"') {
        if (body[i] === '\\') i++;
        value += body[i++];
      }
      out.push(element(value));
      i += 2; // closing quote and comma
    } else {
      const end = body.indexOf(',', i);
      const raw = body.slice(i, end === -1 ? body.length : end);
      out.push(raw === 'NULL' ? null : element(raw));
      i = end === -1 ? body.length + 1 : end + 1;
    }
  }
  return out;
}
