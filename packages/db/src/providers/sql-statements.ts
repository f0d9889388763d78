import type { CrudFilter, CrudSort, Pagination } from '@refinedev/core';
import { col, qualified, selectList, SqlParams } from './sql-params.js';
import { filterSql } from './sql-filters.js';
import type { KindTable } from './kind-table.js';
import { pageOf, sortsOf, type FazhiMeta } from './types.js';
import type { WriteValue } from './write-values.js';

/** The SQL text and parameters of each provider call; running them is sql-data-provider's job. */
export interface Statement {
  sql: string;
  params: SqlParams;
}

export interface ListStatements {
  /** Rows of the page; with the total of all matching rows as `__total` when paged. */
  rows: Statement;
  /** Only needed when the page came back empty (the window count then has no row to ride on). */
  count: Statement;
  paged: boolean;
}

export function listStatements(
  t: KindTable,
  args: { filters?: CrudFilter[]; sorters?: CrudSort[]; pagination?: Pagination; meta: FazhiMeta },
): ListStatements {
  const p = new SqlParams();
  const where = filterSql(t, args.filters, p);
  if (args.meta.onlyDeleted) where.unshift('deleted_at is not null');
  else if (!args.meta.withDeleted) where.unshift('deleted_at is null');
  const whereSql = where.length ? ` where ${where.join(' and ')}` : '';
  const order = sortsOf(t, args.sorters)
    .map((s) => `${col(s.column.column)} ${s.descending ? 'desc' : 'asc'} nulls last`)
    .join(', ');
  const page = pageOf(args.pagination);
  const from = `from ${qualified(t.view)}${whereSql}`;
  const countSql = `select count(*)::int as total ${from}`;
  if (!page) return { rows: { sql: `select ${selectList(t)} ${from} order by ${order}`, params: p }, count: { sql: countSql, params: p }, paged: false };
  // Two phases in one statement: find the page's ids (and the total, from the same scan) reading
  // only the filter and sort columns, then read those rows in full. Reading full rows while
  // sorting would mask personal fields of every matching row, not just the page's (seconds, not
  // milliseconds, for a reader without the personal-data right on the seed's 41k tickets).
  const rowsP = new SqlParams();
  rowsP.values.push(...p.values);
  rowsP.keys.push(...p.keys);
  const limit = rowsP.add(page.limit, 'integer');
  const offset = rowsP.add(page.offset, 'integer');
  const pageSql = `select id, count(*) over () as total ${from} order by ${order} limit ${limit} offset ${offset}`;
  const sql =
    `with page as materialized (${pageSql}) ` +
    `select ${selectList(t)}, (select total from page limit 1) as "__total" from ${qualified(t.view)} ` +
    `where id = any (array(select id from page)) order by ${order}`;
  return { rows: { sql, params: rowsP }, count: { sql: countSql, params: p }, paged: true };
}

export function selectByIds(t: KindTable, ids: readonly unknown[]): Statement {
  const p = new SqlParams();
  return { sql: `select ${selectList(t)} from ${qualified(t.view)} where id = any (${p.add(ids, 'uuid[]', 'id')})`, params: p };
}

export function insertStatement(t: KindTable, values: readonly WriteValue[]): Statement {
  const p = new SqlParams();
  const cols = values.map((v) => col(v.column.column));
  const params = values.map((v) => p.add(v.value, v.column.sqlType, v.column.key));
  // RETURNING only the id: the base table hides personal columns; the row is re-read from the view.
  const sql = values.length
    ? `insert into ${qualified(t.table)} (${cols.join(', ')}) values (${params.join(', ')}) returning id`
    : `insert into ${qualified(t.table)} default values returning id`;
  return { sql, params: p };
}

export interface UpdateArgs {
  id: string;
  values: readonly WriteValue[];
  /** Sent back as `version`; the trigger refuses it with PT409 when stale. Absent: unchecked. */
  version?: number;
  deletedAt?: 'now' | 'null';
  /** Only rows in this deleted state (soft delete and restore are no-ops otherwise). */
  whenDeleted?: boolean;
}

export function updateStatement(t: KindTable, a: UpdateArgs): Statement {
  const p = new SqlParams();
  const sets = a.values.map((v) => `${col(v.column.column)} = ${p.add(v.value, v.column.sqlType, v.column.key)}`);
  if (a.version !== undefined) sets.push(`version = ${p.add(a.version, 'integer', 'version')}`);
  if (a.deletedAt === 'now') sets.push('deleted_at = now()');
  if (a.deletedAt === 'null') sets.push('deleted_at = null');
  // Nothing to set still runs (version = version) so that staleness and rights are checked.
  if (!sets.length) sets.push('version = version');
  let where = `id = ${p.add(a.id, 'uuid', 'id')}`;
  if (a.whenDeleted !== undefined) where += ` and deleted_at is ${a.whenDeleted ? 'not null' : 'null'}`;
  return { sql: `update ${qualified(t.table)} set ${sets.join(', ')} where ${where} returning id`, params: p };
}
