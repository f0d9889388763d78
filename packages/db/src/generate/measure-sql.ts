import { columnName, getField, type RecordKind, type Scalar } from '@fazhi/domain';
import type { Filter, Measure, PeriodBinding } from '@fazhi/metrics';
import { ident } from './sql-text.js';
import { compareSql, dateOperand, fieldOperand, literalOperand, type CompareOp, type Operand } from './sql-compare.js';

/** The SQL names of the generated functions' period arguments. */
export const startParam = 'p_start';
export const endParam = 'p_end';

const start = dateOperand(startParam);
const end = dateOperand(endParam);

/** A field of `kind` as a column of the table aliased `alias`. */
export function column(kind: RecordKind, key: string, alias: string): Operand {
  return fieldOperand(`${alias}.${ident(columnName(key))}`, getField(kind, key).type);
}

const notNull = (o: Operand) => `${o.sql} is not null`;

/** `field op value` with `===` semantics for eq/ne and JS ordering for the rest. */
function compareValue(op: CompareOp, col: Operand, value: Scalar): string {
  const lit = literalOperand(value, col.cls);
  if (lit) return compareSql(op, col, lit);
  // No record value can be === this literal: eq never holds, ne holds for every present value.
  if (op === 'eq') return 'false';
  if (op === 'ne') return notNull(col);
  throw new Error(`筛选值 ${JSON.stringify(value)} 不能与 ${col.sql} 比较大小`);
}

function inList(col: Operand, values: readonly Scalar[], negate: boolean): string {
  // Only literals a record value can be === to: a date never equals a date-time, in memory.
  const matching = values.map((v) => literalOperand(v, col.cls)).filter((l): l is Operand => l !== null && l.rank === col.rank);
  const lits = [...new Set(matching.map((l) => l.sql))];
  if (!lits.length) return negate ? notNull(col) : 'false';
  // `x not in (…)` is null for a null x, so `nin` also requires a present value, as in memory.
  return `${col.sql} ${negate ? 'not in' : 'in'} (${lits.join(', ')})`;
}

const fieldOps = { lt_field: 'lt', lte_field: 'lte', gt_field: 'gt', gte_field: 'gte' } as const;

/** One filter as a SQL condition on `alias`, reproducing `compileFilter` exactly. */
export function filterSql(kind: RecordKind, f: Filter, alias: string): string {
  const col = column(kind, f.field, alias);
  switch (f.op) {
    case 'eq':
    case 'ne':
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return compareValue(f.op, col, f.value);
    case 'in':
    case 'nin':
      return inList(col, f.value, f.op === 'nin');
    case 'null':
      return `${col.sql} is null`;
    case 'notnull':
      return notNull(col);
    case 'lt_field':
    case 'lte_field':
    case 'gt_field':
    case 'gte_field':
      return compareSql(fieldOps[f.op], col, column(kind, f.ref, alias));
  }
}

/**
 * Period membership as `compilePeriod` decides it, against `p_start`/`p_end` (dates). Date-time
 * columns are compared with the bounds' Shanghai midnights, so an index on the column still serves.
 */
export function periodSql(kind: RecordKind, p: PeriodBinding, alias: string): string {
  switch (p.type) {
    case 'within': {
      const v = column(kind, p.field, alias);
      return `${compareSql('gte', v, start)} and ${compareSql('lt', v, end)}`;
    }
    case 'asOfEnd':
      return compareSql('lt', column(kind, p.field, alias), end);
    case 'active': {
      const from = column(kind, p.from, alias);
      const to = column(kind, p.to, alias);
      const still = p.at === 'any' ? compareSql('gt', to, start) : compareSql('gte', to, end);
      return `${compareSql('lt', from, end)} and (${to.sql} is null or ${still})`;
    }
  }
}

/**
 * What a record must satisfy to enter the measure's aggregation: its period (unless the scan's
 * WHERE already guarantees it) and its filters; null when nothing is left to check.
 */
export function measureCondition(kind: RecordKind, m: Measure, alias: string, periodChecked = false): string | null {
  const parts = [...(periodChecked ? [] : [periodSql(kind, m.period, alias)]), ...m.filters.map((f) => filterSql(kind, f, alias))];
  return parts.length ? parts.map((c) => `(${c})`).join(' and ') : null;
}

/** Every field a measure reads (period, filters, aggregation), in a stable order. */
export function measureFields(m: Measure): string[] {
  const p = m.period;
  const a = m.aggregation;
  const keys = [
    ...(p.type === 'active' ? [p.from, p.to] : [p.field]),
    ...m.filters.flatMap((f) => ('ref' in f ? [f.field, f.ref] : [f.field])),
    ...(a.type === 'count' ? [] : a.type === 'latest' ? [a.field, a.by] : a.type === 'countGroups' ? [a.groupBy, a.sumField] : [a.field]),
  ];
  return [...new Set(keys)];
}
