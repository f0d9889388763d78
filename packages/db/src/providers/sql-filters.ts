import type { CrudFilter, LogicalFilter } from '@refinedev/core';
import { q } from '@fazhi/domain';
import { badRequest, fieldError } from './http-error.js';
import type { ColumnInfo, KindTable } from './kind-table.js';
import { col, type SqlParams } from './sql-params.js';
import { toArrayParam, toListParam, toParam } from './values.js';

/**
 * Refine filters → one SQL boolean expression over the view, with every value a parameter.
 * Semantics follow PostgreSQL (and so PostgREST): a negated test (`ne`, `nin`, `ncontains` …) is
 * not true for NULL. Enum-set columns: `eq`/`ne` test one element, `in`/`nin` test overlap,
 * `ina`/`nina` test containment of every value given.
 */
export const maxFilterDepth = 8;

/** Escapes LIKE's wildcards so user text matches literally (backslash is LIKE's default escape). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (m) => `\\${m}`);

const patternOps = {
  contains: ['ilike', '%', '%', false],
  ncontains: ['ilike', '%', '%', true],
  containss: ['like', '%', '%', false],
  ncontainss: ['like', '%', '%', true],
  startswith: ['ilike', '', '%', false],
  nstartswith: ['ilike', '', '%', true],
  startswiths: ['like', '', '%', false],
  nstartswiths: ['like', '', '%', true],
  endswith: ['ilike', '%', '', false],
  nendswith: ['ilike', '%', '', true],
  endswiths: ['like', '%', '', false],
  nendswiths: ['like', '%', '', true],
} as const;

const comparisons = { lt: '<', gt: '>', lte: '<=', gte: '>=' } as const;

/** Every field operator both builders understand (a Set: `constructor` or `toString` are not operators). */
export const fieldOperators: ReadonlySet<string> = new Set([
  'eq', 'eqs', 'ne', 'nes', 'lt', 'gt', 'lte', 'gte', 'in', 'nin', 'ina', 'nina', 'between', 'nbetween', 'null', 'nnull',
  ...Object.keys(patternOps),
]);

/**
 * A comparison with another column of the same row (`{ field: 'closedAt', operator: 'lte', value:
 * { ref: 'dueAt' } }`): what an indicator's "closed on time" counts. Refine has no operator for it.
 */
export function fieldRef(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const ref = (v as { ref?: unknown }).ref;
  return typeof ref === 'string' ? ref : undefined;
}

/** Longest text a filter value may be, and most values a list filter may hold. */
export const maxFilterText = 200;
export const maxFilterItems = 500;

/** Shows a bit of what the user sent in a message, never a whole page of it. */
const echo = (text: string) => (text.length > 20 ? `${text.slice(0, 20)}…` : text);

/**
 * The checks both builders make before reading a filter: an object with a known operator (and a
 * field name for field filters), values within the limits. Everything refused is a Chinese 400.
 */
export function checkedFilter(f: unknown): CrudFilter {
  if (typeof f !== 'object' || f === null || Array.isArray(f)) throw badRequest('筛选条件格式不正确');
  const { operator, field } = f as Record<string, unknown>;
  if (typeof operator !== 'string') throw badRequest('筛选条件缺少运算符');
  if (operator === 'or' || operator === 'and') return f as CrudFilter;
  if (typeof field !== 'string') throw badRequest('筛选条件缺少字段名');
  if (!fieldOperators.has(operator)) throw badRequest(`不支持的筛选条件“${echo(operator)}”`);
  return f as CrudFilter;
}

export function checkFilterValue(c: ColumnInfo, v: unknown): void {
  const items: unknown[] = Array.isArray(v) ? v : [v];
  if (items.length > maxFilterItems) throw fieldError(c.key, `${q(c.label)}的筛选值不能超过${maxFilterItems}个`);
  if (items.some((x) => typeof x === 'string' && x.length > maxFilterText)) throw fieldError(c.key, `${q(c.label)}的筛选内容不能超过${maxFilterText}个字`);
}

/** The filter list itself: an array (or nothing). */
export function filterList(filters: unknown): readonly unknown[] {
  if (filters === undefined || filters === null) return [];
  if (!Array.isArray(filters)) throw badRequest('筛选条件应为一组条件');
  return filters;
}

const not = (sql: string) => `not (${sql})`;

/** The text a pattern operator searches in a column of any type. */
function textOf(c: ColumnInfo): string {
  if (c.sqlType === 'text') return col(c.column);
  if (c.sqlType === 'text[]') return `array_to_string(${col(c.column)}, ',')`;
  return `${col(c.column)}::text`;
}

function patternText(c: ColumnInfo, value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') throw fieldError(c.key, `${q(c.label)}的搜索内容应为文本`);
  return value;
}

function logical(t: KindTable, f: LogicalFilter, p: SqlParams): string | undefined {
  const c = t.column(f.field);
  const name = col(c.column);
  const isSet = c.sqlType === 'text[]';
  const op = f.operator as string;
  const v: unknown = f.value;
  // An emptied form filter arrives as undefined: no condition, as Refine's own providers do.
  if (v === undefined && op !== 'null' && op !== 'nnull') return undefined;
  checkFilterValue(c, v);
  const scalar = (x: unknown) => p.add(toParam(c, x, 'filter'), isSet ? 'text' : c.sqlType, c.key);
  const list = (x: unknown) =>
    p.add(toListParam(c, x, op), isSet ? 'text[]' : (`${c.sqlType}[]` as `${Exclude<typeof c.sqlType, 'text[]'>}[]`), c.key);
  const set = (x: unknown) => p.add(toArrayParam(c, x), 'text[]', c.key);
  switch (op) {
    case 'eq':
    case 'eqs':
      if (v === null) return `${name} is null`;
      if (isSet) return Array.isArray(v) ? `${name} = ${set(v)}` : `${scalar(v)} = any (${name})`;
      return `${name} = ${scalar(v)}`;
    case 'ne':
    case 'nes':
      if (v === null) return `${name} is not null`;
      if (isSet) return Array.isArray(v) ? `${name} <> ${set(v)}` : not(`${scalar(v)} = any (${name})`);
      return `${name} <> ${scalar(v)}`;
    case 'lt':
    case 'gt':
    case 'lte':
    case 'gte': {
      if (isSet) break;
      const ref = fieldRef(v);
      // Either side empty: the comparison is null, so the row is left out, as the evaluators do.
      if (ref !== undefined) return `${name} ${comparisons[op]} ${col(t.column(ref).column)}`;
      return `${name} ${comparisons[op]} ${scalar(v)}`;
    }
    case 'in':
    case 'nin': {
      if (!Array.isArray(v)) throw fieldError(c.key, `${q(c.label)}的“${op}”筛选需要一组值`);
      if (v.length === 0) return op === 'in' ? 'false' : undefined;
      const test = isSet ? `${name} && ${list(v)}` : `${name} = any (${list(v)})`;
      return op === 'in' ? test : not(test);
    }
    case 'ina':
    case 'nina': {
      if (!Array.isArray(v)) throw fieldError(c.key, `${q(c.label)}的“${op}”筛选需要一组值`);
      const test = isSet ? `${name} @> ${set(v)}` : v.length === 0 ? 'false' : `${name} = any (${list(v)})`;
      return op === 'ina' ? test : not(test);
    }
    case 'between':
    case 'nbetween': {
      if (isSet || !Array.isArray(v) || v.length !== 2) throw fieldError(c.key, `${q(c.label)}的区间筛选需要起止两个值`);
      const test = `${name} between ${scalar(v[0])} and ${scalar(v[1])}`;
      return op === 'between' ? test : not(test);
    }
    case 'null':
    case 'nnull': {
      // `{ operator: 'null', value: false }` reads as "not null", as in Refine's REST providers.
      const isNull = (op === 'null') === (v !== false);
      return `${name} ${isNull ? 'is null' : 'is not null'}`;
    }
    default: {
      const pattern = Object.hasOwn(patternOps, op) ? patternOps[op as keyof typeof patternOps] : undefined;
      if (!pattern) throw badRequest(`不支持的筛选条件“${echo(op)}”`);
      const [like, before, after, negated] = pattern;
      const param = p.add(`${before}${escapeLike(patternText(c, v))}${after}`, 'text', c.key);
      const test = `${textOf(c)} ${like} ${param}`;
      return negated ? not(test) : test;
    }
  }
  throw fieldError(c.key, `${q(c.label)}不支持“${op}”筛选`);
}

function one(t: KindTable, raw: unknown, p: SqlParams, depth: number): string | undefined {
  if (depth > maxFilterDepth) throw badRequest('筛选条件嵌套过深');
  const f = checkedFilter(raw);
  if (f.operator !== 'or' && f.operator !== 'and') return logical(t, f as LogicalFilter, p);
  if (!Array.isArray(f.value)) throw badRequest(`“${f.operator}”筛选需要一组条件`);
  const parts = f.value.map((x) => one(t, x, p, depth + 1)).filter((x): x is string => x !== undefined);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : `(${parts.join(` ${f.operator} `)})`;
}

/** The conjuncts for a filter list (Refine ANDs the top level); empty when nothing filters. */
export function filterSql(t: KindTable, filters: readonly CrudFilter[] | undefined, p: SqlParams): string[] {
  return filterList(filters).map((f) => one(t, f, p, 0)).filter((x): x is string => x !== undefined);
}
