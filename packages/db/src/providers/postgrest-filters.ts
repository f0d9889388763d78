import type { CrudFilter, LogicalFilter } from '@refinedev/core';
import { q } from '@fazhi/domain';
import { badRequest, fieldError } from './http-error.js';
import type { ColumnInfo, KindTable } from './kind-table.js';
import { checkedFilter, checkFilterValue, escapeLike, fieldRef, filterList, maxFilterDepth } from './sql-filters.js';
import { toArrayParam, toListParam, toParam } from './values.js';

/**
 * Refine filters → PostgREST query parameters, with the same semantics as sql-filters.ts.
 * Fixes what @refinedev/supabase's generateFilter gets wrong: `and` and nested `or`/`and` are
 * supported; values inside a logic tree are always double-quoted (\" and \\ escaped), so commas,
 * dots, colons and parentheses in user text cannot break the tree; `in`/`nin` lists are quoted
 * element by element; `ncontains` etc. get their wildcards; LIKE wildcards in user text are
 * escaped, and text containing `*` (PostgREST's alias for `%`, which cannot be escaped) is
 * matched with an escaped regular expression (`match`/`imatch`) instead.
 * Grammar: docs.postgrest.org, "URL Grammar" (reserved characters) and "Logical operators".
 */
type Value =
  | { kind: 'scalar'; text: string }
  /** `(a,b)` of the `in` operator: elements quoted. */
  | { kind: 'list'; items: string[] }
  /** A PostgreSQL array literal `{a,b}` (cs, ov, eq on enum-sets). */
  | { kind: 'array'; items: string[] };

export type PostgrestNode =
  | { kind: 'cond'; column: string; op: string; value: Value }
  | { kind: 'and' | 'or'; items: PostgrestNode[] };

/** A PostgREST-quoted string: "…" with backslash and double quote escaped. */
export const quote = (text: string) => `"${text.replace(/[\\"]/g, (m) => `\\${m}`)}"`;

/** A PostgreSQL array literal with every element quoted (its own escaping, same two characters). */
const arrayLiteral = (items: readonly string[]) => `{${items.map(quote).join(',')}}`;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const scalar = (text: string): Value => ({ kind: 'scalar', text });
const cond = (c: ColumnInfo, op: string, value: Value): PostgrestNode => ({ kind: 'cond', column: c.column, op, value });
const nullValue = scalar('null');

const patternOps: Record<string, { sensitive: boolean; negated: boolean; start: boolean; end: boolean }> = {
  contains: { sensitive: false, negated: false, start: false, end: false },
  ncontains: { sensitive: false, negated: true, start: false, end: false },
  containss: { sensitive: true, negated: false, start: false, end: false },
  ncontainss: { sensitive: true, negated: true, start: false, end: false },
  startswith: { sensitive: false, negated: false, start: true, end: false },
  nstartswith: { sensitive: false, negated: true, start: true, end: false },
  startswiths: { sensitive: true, negated: false, start: true, end: false },
  nstartswiths: { sensitive: true, negated: true, start: true, end: false },
  endswith: { sensitive: false, negated: false, start: false, end: true },
  nendswith: { sensitive: false, negated: true, start: false, end: true },
  endswiths: { sensitive: true, negated: false, start: false, end: true },
  nendswiths: { sensitive: true, negated: true, start: false, end: true },
};

const text = (x: unknown) => String(x);

function pattern(c: ColumnInfo, op: string, v: unknown): PostgrestNode {
  const p = Object.hasOwn(patternOps, op) ? patternOps[op] : undefined;
  if (!p) throw badRequest('不支持的筛选条件');
  if (typeof v !== 'string' && typeof v !== 'number') throw fieldError(c.key, `${q(c.label)}的搜索内容应为文本`);
  const s = String(v);
  const not = p.negated ? 'not.' : '';
  if (s.includes('*')) {
    const re = `${p.start ? '^' : ''}${escapeRegex(s)}${p.end ? '$' : ''}`;
    return cond(c, `${not}${p.sensitive ? 'match' : 'imatch'}`, scalar(re));
  }
  const like = `${p.start ? '' : '%'}${escapeLike(s)}${p.end ? '' : '%'}`;
  return cond(c, `${not}${p.sensitive ? 'like' : 'ilike'}`, scalar(like));
}

function logical(t: KindTable, f: LogicalFilter): PostgrestNode | undefined {
  const c = t.column(f.field);
  const isSet = c.sqlType === 'text[]';
  const op = f.operator as string;
  const v: unknown = f.value;
  if (v === undefined && op !== 'null' && op !== 'nnull') return undefined;
  checkFilterValue(c, v);
  const one = (x: unknown) => scalar(text(toParam(c, x, 'filter')));
  const list = (x: unknown): Value => ({ kind: 'list', items: toListParam(c, x, op).map(text) });
  const set = (x: unknown): Value => ({ kind: 'array', items: toArrayParam(c, x) ?? [] });
  switch (op) {
    case 'eq':
    case 'eqs':
      if (v === null) return cond(c, 'is', nullValue);
      if (isSet) return Array.isArray(v) ? cond(c, 'eq', set(v)) : cond(c, 'cs', set([v]));
      return cond(c, 'eq', one(v));
    case 'ne':
    case 'nes':
      if (v === null) return cond(c, 'not.is', nullValue);
      if (isSet) return Array.isArray(v) ? cond(c, 'neq', set(v)) : cond(c, 'not.cs', set([v]));
      return cond(c, 'neq', one(v));
    case 'lt':
    case 'gt':
    case 'lte':
    case 'gte': {
      if (isSet) break;
      const ref = fieldRef(v);
      // PostgREST filters compare a column with a value only, never with another column.
      if (ref !== undefined) throw fieldError(c.key, `${q(c.label)}与${q(t.column(ref).label)}的比较无法通过 Supabase 接口筛选`);
      return cond(c, op, one(v));
    }
    case 'in':
    case 'nin': {
      if (!Array.isArray(v)) throw fieldError(c.key, `${q(c.label)}的“${op}”筛选需要一组值`);
      if (v.length === 0 && op === 'nin') return undefined;
      const not = op === 'nin' ? 'not.' : '';
      return isSet ? cond(c, `${not}ov`, set(v)) : cond(c, `${not}in`, list(v));
    }
    case 'ina':
    case 'nina': {
      if (!Array.isArray(v)) throw fieldError(c.key, `${q(c.label)}的“${op}”筛选需要一组值`);
      const not = op === 'nina' ? 'not.' : '';
      return isSet ? cond(c, `${not}cs`, set(v)) : cond(c, `${not}in`, list(v));
    }
    case 'between':
    case 'nbetween': {
      if (isSet || !Array.isArray(v) || v.length !== 2) throw fieldError(c.key, `${q(c.label)}的区间筛选需要起止两个值`);
      return op === 'between'
        ? { kind: 'and', items: [cond(c, 'gte', one(v[0])), cond(c, 'lte', one(v[1]))] }
        : { kind: 'or', items: [cond(c, 'lt', one(v[0])), cond(c, 'gt', one(v[1]))] };
    }
    case 'null':
    case 'nnull':
      return cond(c, (op === 'null') === (v !== false) ? 'is' : 'not.is', nullValue);
    default:
      return pattern(c, op, v);
  }
  throw fieldError(c.key, `${q(c.label)}不支持“${op}”筛选`);
}

function node(t: KindTable, raw: unknown, depth: number): PostgrestNode | undefined {
  if (depth > maxFilterDepth) throw badRequest('筛选条件嵌套过深');
  const f = checkedFilter(raw);
  if (f.operator !== 'or' && f.operator !== 'and') return logical(t, f as LogicalFilter);
  if (!Array.isArray(f.value)) throw badRequest(`“${f.operator}”筛选需要一组条件`);
  const items = f.value.map((x) => node(t, x, depth + 1)).filter((x): x is PostgrestNode => x !== undefined);
  if (items.length === 0) return undefined;
  return items.length === 1 ? items[0] : { kind: f.operator, items };
}

/** A value inside a logic tree: always quoted (lists and arrays as one quoted literal). */
function treeValue(v: Value): string {
  if (v.kind === 'list') return `(${v.items.map(quote).join(',')})`;
  if (v.kind === 'array') return quote(arrayLiteral(v.items));
  return v === nullValue ? 'null' : quote(v.text);
}

/** A value of a top-level `column=op.value` parameter: PostgREST takes the rest literally. */
function paramValue(v: Value): string {
  if (v.kind === 'list') return `(${v.items.map(quote).join(',')})`;
  if (v.kind === 'array') return arrayLiteral(v.items);
  return v.text;
}

/** `and(...)`, `or(...)` or `column.op.value`, as written inside `or=(…)`. */
export function treeText(n: PostgrestNode): string {
  if (n.kind === 'cond') return `${n.column}.${n.op}.${treeValue(n.value)}`;
  return `${n.kind}(${n.items.map(treeText).join(',')})`;
}

export type PostgrestParam =
  /** `column=op.value` */
  | { kind: 'filter'; column: string; op: string; value: string }
  /** `or=(tree)`; `tree` is written without the outer parentheses, as supabase-js' or() takes it. */
  | { kind: 'or'; tree: string };

/**
 * The query parameters for a filter list. Top-level conditions (and the members of top-level
 * `and`s) become `column=op.value`; each `or` becomes one `or=(…)` (PostgREST ANDs them all).
 */
export function postgrestParams(t: KindTable, filters: readonly CrudFilter[] | undefined): PostgrestParam[] {
  const out: PostgrestParam[] = [];
  const add = (n: PostgrestNode) => {
    if (n.kind === 'cond') out.push({ kind: 'filter', column: n.column, op: n.op, value: paramValue(n.value) });
    else if (n.kind === 'and') n.items.forEach(add);
    else out.push({ kind: 'or', tree: n.items.map(treeText).join(',') });
  };
  for (const f of filterList(filters)) {
    const n = node(t, f, 0);
    if (n) add(n);
  }
  return out;
}
