import type { RecordKind } from '@fazhi/domain';
import type { Measure } from '@fazhi/metrics';
import { column, measureCondition, measureFields, periodSql } from './measure-sql.js';
import { ident, literal } from './sql-text.js';

/** The CTE holding the requested org unit's subtree as one uuid[] (computed once per call). */
export const scopeCte = 'scope';

export const indent = (text: string, by = '  ') => text.replace(/^(?=.)/gm, by);

const and = (...conds: (string | null)[]) => conds.filter((c): c is string => c !== null).join(' and ') || null;

/** latest and countGroups need their own (sub)query; the rest are aggregates of the one scan. */
const inScan = (m: Measure) => m.aggregation.type !== 'latest' && m.aggregation.type !== 'countGroups';

/** The aggregate over the scanned rows (alias `t`). */
function aggregateSql(kind: RecordKind, m: Measure, cond: string | null): string {
  const filter = cond ? ` filter (where ${cond})` : '';
  const a = m.aggregation;
  switch (a.type) {
    case 'count':
      return `count(*)${filter}`;
    case 'sum':
      // sum() is null over no rows; the in-memory sum starts at 0.
      return `coalesce(sum(${column(kind, a.field, 't').sql})${filter}, 0)`;
    case 'countDistinct': {
      const col = column(kind, a.field, 't');
      // In memory a Set holds arrays by reference, so every record would count: refuse, not guess.
      if (col.cls === 'array') throw new Error(`指标口径“${m.id}”对多选字段去重计数，内存与 SQL 无法一致`);
      return `count(distinct ${col.sql})${filter}`;
    }
    default:
      throw new Error(`聚合方式 ${a.type} 需要子查询`);
  }
}

/** latest / countGroups over the kind's already scanned rows (the CTE `rows`, alias `r`). */
function subquerySql(kind: RecordKind, m: Measure, rows: string, cond: string | null): string {
  const a = m.aggregation;
  if (a.type === 'latest') {
    const by = column(kind, a.by, 'r').sql;
    const value = column(kind, a.field, 'r').sql;
    // Greatest `by`, ties broken by the greatest id (uuid order is the order of its lowercase text).
    const where = and(cond, `${by} is not null`, `${value} is not null`);
    return `(select ${value} from ${rows} r\n  where ${where}\n  order by ${by} desc, r.id desc limit 1)`;
  }
  if (a.type === 'countGroups') {
    if (column(kind, a.groupBy, 'r').cls === 'array') throw new Error(`指标口径“${m.id}”按多选字段分组，内存与 SQL 无法一致`);
    const group = column(kind, a.groupBy, 'r').sql;
    const sum = column(kind, a.sumField, 'r').sql;
    const where = and(cond, `${group} is not null`);
    return `(select count(*) from (\n  select ${group} from ${rows} r\n  where ${where}\n  group by ${group} having coalesce(sum(${sum}), 0) >= ${a.atLeast}\n) g)`;
  }
  throw new Error(`聚合方式 ${a.type} 不需要子查询`);
}

export interface KindScan {
  /** A CTE definition (`name as (…)`) when latest/countGroups read the scanned rows again. */
  cte?: string;
  /** A query returning (measure_id text, value numeric), one row per measure of the kind. */
  query: string;
}

/**
 * All measures of one record kind in one pass over its table: plain aggregates with FILTER, the
 * rest as subqueries over the same rows (a CTE, which PostgreSQL materialises once when it is read
 * more than once). The WHERE keeps rows in scope, not deleted and in some measure's period, so the
 * (org_id, period column) indexes can serve it.
 */
export function kindScanSql(kind: RecordKind, measures: readonly Measure[]): KindScan {
  const periods = [...new Set(measures.map((m) => periodSql(kind, m.period, 't')))];
  // With one period for the whole kind the WHERE checks it; the FILTERs need not repeat it.
  const periodChecked = periods.length === 1;
  const where = [
    `where t.org_id = any ((select org_ids from ${scopeCte})::uuid[]) and t.deleted_at is null`,
    `  and (${periods.length === 1 ? periods[0] : periods.map((p) => `(${p})`).join('\n   or ')})`,
  ].join('\n');

  const rows = ident(`${kind.id}_rows`);
  const needsCte = measures.some((m) => !inScan(m));
  const columns = measures.map((m, i) => {
    const expr = inScan(m)
      ? aggregateSql(kind, m, measureCondition(kind, m, 't', periodChecked))
      : subquerySql(kind, m, rows, measureCondition(kind, m, 'r', periodChecked));
    return `${expr} as m${i + 1}`;
  });
  // Subqueries alone need no FROM: one row of initPlans.
  const from = !needsCte ? `\nfrom public.${ident(kind.id)} t\n${where}` : measures.some(inScan) ? `\nfrom ${rows} t` : '';
  const values = measures.map((m, i) => `(${literal(m.id)}, a.m${i + 1}::numeric)`).join(',\n');
  const query = [
    `-- ${kind.id}`,
    `select v.measure_id, v.value`,
    `from (`,
    indent(`select\n${indent(columns.join(',\n'))}${from}`),
    `) a`,
    `cross join lateral (values\n${indent(values)}\n) v (measure_id, value)`,
  ].join('\n');
  if (!needsCte) return { query };
  // Only the columns the measures read: authenticated may not select personal columns at all.
  const used = [...new Set(measures.flatMap(measureFields))].map((key) => column(kind, key, 't').sql);
  return { cte: `${rows} as (\n  select ${['t.id', ...used].join(', ')}\n  from public.${ident(kind.id)} t\n${indent(where)}\n)`, query };
}
