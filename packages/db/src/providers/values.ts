import { messages, normalizeDate, normalizeDateTime, q } from '@fazhi/domain';
import { timestamptzToCst } from '../value-parsers.js';
import { fieldError } from './http-error.js';
import type { ColumnInfo, KindTable } from './kind-table.js';

/**
 * Values crossing the provider boundary. In: what a form or filter sends (numbers, numeric
 * strings, dates in any form `normalizeDate` accepts) is checked against the column's type and
 * turned into a driver-neutral parameter, so a bad value is a 400 naming the field instead of a
 * 22P02 from the server. Out: rows get @fazhi/domain's canonical forms whatever the driver did.
 */
export type Mode = 'write' | 'filter';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const intPattern = /^-?\d+$/;
const decimalPattern = /^-?\d+(\.\d+)?$/;
const maxInt4 = 2_147_483_647;

const fail = (c: ColumnInfo, message: string): never => {
  throw fieldError(c.key, message);
};

/** The message for a value of the wrong type, naming the field by its label. */
export function typeMessage(c: ColumnInfo): string {
  const f = c.field;
  switch (c.sqlType) {
    case 'integer':
      return f ? messages.notInteger(f) : `${q(c.label)}应为整数`;
    case 'numeric':
      return f ? messages.notNumber(f) : `${q(c.label)}应为数字`;
    case 'bigint':
      return `${q(c.label)}应为以分为单位的整数`;
    case 'date':
      return f ? messages.notDate(f) : `${q(c.label)}应为日期，格式如 2024-03-05`;
    case 'timestamptz':
      return f ? messages.notDateTime(f) : `${q(c.label)}应为日期时间，格式如 2024-03-05 09:30`;
    case 'boolean':
      return f ? messages.notBoolean(f) : `${q(c.label)}应为“是”或“否”`;
    case 'uuid':
      return f ? messages.notRef(f) : `${q(c.label)}格式不正确`;
    case 'text[]':
      return `${q(c.label)}应为选项列表`;
    default:
      return f ? messages.notText(f) : `${q(c.label)}应为文本`;
  }
}

function scalarText(c: ColumnInfo, v: unknown, mode: Mode): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return fail(c, typeMessage(c));
  // Forms trim and send blank optional text as null, as the zod schemas do; filters match as typed.
  if (mode === 'write') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  return v;
}

/** One scalar (not an array) for column `c`, as a parameter; null stays null. */
export function toParam(c: ColumnInfo, v: unknown, mode: Mode): unknown {
  if (v === null || v === undefined) return null;
  switch (c.sqlType) {
    case 'text':
      return scalarText(c, v, mode);
    case 'uuid': {
      if (typeof v !== 'string' || !uuidPattern.test(v.trim())) return fail(c, typeMessage(c));
      return v.trim().toLowerCase();
    }
    case 'integer': {
      const n = typeof v === 'string' && intPattern.test(v.trim()) ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isInteger(n)) return fail(c, typeMessage(c));
      if (Math.abs(n) > maxInt4) return fail(c, c.field ? messages.max(c.field, maxInt4) : typeMessage(c));
      return n;
    }
    case 'numeric': {
      if (typeof v === 'number' && Number.isFinite(v)) return String(v);
      if (typeof v === 'string' && decimalPattern.test(v.trim())) return v.trim();
      return fail(c, typeMessage(c));
    }
    case 'bigint': {
      // Money in fen: an exact integer, sent as text so no float ever touches it.
      if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
      if (typeof v === 'string' && intPattern.test(v.trim())) return v.trim();
      return fail(c, typeMessage(c));
    }
    case 'date': {
      const d = typeof v === 'string' ? normalizeDate(v) : null;
      return d ?? fail(c, typeMessage(c));
    }
    case 'timestamptz': {
      const text = v instanceof Date ? v.toISOString() : v;
      if (typeof text !== 'string') return fail(c, typeMessage(c));
      // A bare date in a filter means the start of that day in China Standard Time.
      const day = mode === 'filter' ? normalizeDate(text) : null;
      const dt = day ? `${day}T00:00:00+08:00` : normalizeDateTime(text);
      return dt ?? fail(c, typeMessage(c));
    }
    case 'boolean': {
      if (typeof v === 'boolean') return v;
      if (v === 'true' || v === 'false') return v === 'true';
      return fail(c, typeMessage(c));
    }
    case 'text[]':
      // An enum-set compared with one value (`eq`, `ne`): the element.
      if (typeof v === 'string') return v;
      return fail(c, typeMessage(c));
  }
}

/** An enum-set value: an array of option strings (a lone string counts as one element). */
export function toArrayParam(c: ColumnInfo, v: unknown): string[] | null {
  if (v === null || v === undefined) return null;
  const items = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(items) || items.some((x) => typeof x !== 'string')) return fail(c, typeMessage(c));
  return [...new Set(items as string[])];
}

/** A list value (`in`, `nin`, `between`): each element checked like a scalar of the column. */
export function toListParam(c: ColumnInfo, v: unknown, opName: string): unknown[] {
  if (!Array.isArray(v)) return fail(c, `${q(c.label)}的“${opName}”筛选需要一组值`);
  return v.map((x) => (c.sqlType === 'text[]' ? toParam({ ...c, sqlType: 'text' }, x, 'filter') : toParam(c, x, 'filter')));
}

/** A write value: enum-sets as arrays, everything else as a scalar. */
export function toWriteParam(c: ColumnInfo, v: unknown): unknown {
  return c.sqlType === 'text[]' ? toArrayParam(c, v) : toParam(c, v, 'write');
}

/** A value read back (from SQL or PostgREST) in @fazhi/domain's canonical form. */
export function fromDb(c: ColumnInfo, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (c.sqlType) {
    case 'bigint':
    case 'numeric':
      // pg returns int8/numeric as text; money in fen stays an integer number (< 2^53 by CHECK).
      return typeof v === 'string' ? Number(v) : typeof v === 'bigint' ? Number(v) : v;
    case 'date':
      return v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v.slice(0, 10) : v;
    case 'timestamptz':
      return v instanceof Date ? timestamptzToCst(v.toISOString()) : typeof v === 'string' ? timestamptzToCst(v) : v;
    default:
      return v;
  }
}

/** A row whose keys are already camelCase (our SQL aliases them). */
export function rowFromSql(t: KindTable, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    const c = t.columns.get(k);
    out[k] = c ? fromDb(c, v) : v;
  }
  return out;
}

/** A row from PostgREST: snake_case keys → camelCase, values canonical; unknown keys kept as they are. */
export function rowFromPostgrest(t: KindTable, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    const c = t.list.find((x) => x.column === k);
    if (c) out[c.key] = fromDb(c, v);
    else out[k] = v;
  }
  return out;
}
