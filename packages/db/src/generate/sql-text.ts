/** Small helpers for writing SQL text: identifiers, literals, and names within Postgres' limit. */

/** Postgres' reserved key words (SQL Key Words appendix): these need quoting as identifiers. */
const reserved = new Set(
  (
    'all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate collation ' +
    'column concurrently constraint create cross current_catalog current_date current_role current_schema current_time ' +
    'current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign freeze ' +
    'from full grant group having ilike in initially inner intersect into is isnull join lateral leading left like limit ' +
    'localtime localtimestamp natural not notnull null offset on only or order outer overlaps placing primary references ' +
    'returning right select session_user similar some symmetric system_user table tablesample then to trailing true union ' +
    'unique user using variadic verbose when where window with'
  ).split(' '),
);

/** An identifier, quoted only when it has to be, so the generated SQL stays readable. */
export function ident(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) && !reserved.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** A string literal (standard_conforming_strings: only the quote needs doubling). */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A literal for a scalar from a domain declaration (enum values, rule conditions). */
export function scalarLiteral(value: string | number | boolean): string {
  if (typeof value === 'string') return literal(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`无法写入 SQL 的数值：${value}`);
    return String(value);
  }
  return value ? 'true' : 'false';
}

/** Postgres truncates longer names silently (NAMEDATALEN - 1 bytes), which could make two collide. */
export const maxNameBytes = 63;

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The longest prefix of `text` within `maxBytes` UTF-8 bytes, never cutting a character in half. */
function cut(text: string, maxBytes: number): string {
  const bytes = utf8(text);
  if (bytes.length <= maxBytes) return text;
  let keep = maxBytes;
  while (keep > 0 && (bytes[keep]! & 0xc0) === 0x80) keep--;
  return new TextDecoder().decode(bytes.slice(0, keep));
}

/**
 * A name for a constraint, index or trigger: the parts joined with `_` when that fits. Otherwise
 * the first part (the table) is shortened and a hash of the full name added, keeping the rest
 * (`<column>_<rule>`) whole, since clients read the rule from the end of a constraint's name.
 */
export function pgName(...parts: string[]): string {
  const full = parts.join('_');
  if (utf8(full).length <= maxNameBytes) return full;
  const hash = fnv1a(full);
  const tail = parts.slice(1).join('_');
  const room = maxNameBytes - utf8(tail).length - hash.length - 2;
  if (parts.length > 1 && room >= 8) return `${cut(parts[0]!, room)}_${hash}_${tail}`;
  return `${cut(full, maxNameBytes - hash.length - 1)}_${hash}`;
}

/** A policy name (a sentence), kept within the length limit the same way. */
export function policyName(sentence: string): string {
  return pgName(sentence);
}

/** Joins items into lines of at most `width` characters, each line indented. */
export function wrapList(items: readonly string[], indent: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line ? `${line}, ${item}` : item;
    if (line && indent.length + next.length > width) {
      lines.push(`${line},`);
      line = item;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}
