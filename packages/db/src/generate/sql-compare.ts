import { literal } from './sql-text.js';
import { isoDateTimePattern, isRealDate, type FieldType, type Scalar } from '@fazhi/domain';

/**
 * Comparisons in SQL that reproduce the in-memory evaluator's JavaScript semantics exactly:
 * `===` for equality, `<`/`>` on the values records hold (numbers, booleans, and strings: ISO
 * dates, `+08:00` date-times, uuids, text), and "null never satisfies a comparison".
 *
 * Dates and date-times are both strings in memory, so a date `D` compares with a date-time `T` as
 * strings do: `D` sorts just before every date-time of its own day. On a timeline that is the pair
 * (instant, rank) with the date at its Shanghai midnight and rank 0, a date-time at rank 1.
 */
export type CompareOp = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte';

export type OperandClass = 'number' | 'text' | 'uuid' | 'temporal' | 'boolean' | 'array';

export interface Operand {
  /** SQL expression of the value (a column, a parameter or a literal). */
  sql: string;
  cls: OperandClass;
  /** Temporal operands: 0 for dates, 1 for date-times. */
  rank?: 0 | 1;
}

export const shanghai = `'Asia/Shanghai'`;

const classOfField: Record<FieldType, OperandClass> = {
  text: 'text',
  longtext: 'text',
  enum: 'text',
  ref: 'uuid',
  integer: 'number',
  decimal: 'number',
  money: 'number',
  date: 'temporal',
  datetime: 'temporal',
  boolean: 'boolean',
  'enum-set': 'array',
};

export function fieldOperand(sql: string, type: FieldType): Operand {
  const cls = classOfField[type];
  return cls === 'temporal' ? { sql, cls, rank: type === 'date' ? 0 : 1 } : { sql, cls };
}

/** A `date` parameter or expression (period bounds). */
export const dateOperand = (sql: string): Operand => ({ sql, cls: 'temporal', rank: 0 });

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The SQL literal for a filter value compared with a column of class `cls`, or null when no value
 * of that column can ever equal it in memory (a number against text, `2024-1-5` against a date…).
 */
export function literalOperand(value: Scalar, cls: OperandClass): Operand | null {
  switch (cls) {
    case 'number':
      if (typeof value !== 'number') return null;
      if (!Number.isFinite(value)) throw new Error(`筛选值 ${value} 不是有限数`);
      return { sql: String(value), cls };
    case 'boolean':
      return typeof value === 'boolean' ? { sql: String(value), cls } : null;
    case 'text':
      return typeof value === 'string' ? { sql: literal(value), cls } : null;
    case 'uuid':
      return typeof value === 'string' && uuidPattern.test(value) ? { sql: `${literal(value)}::uuid`, cls } : null;
    case 'temporal':
      if (typeof value !== 'string') return null;
      if (isRealDate(value)) return { sql: `${literal(value)}::date`, cls, rank: 0 };
      if (isoDateTimePattern.test(value)) return { sql: `${literal(value)}::timestamptz`, cls, rank: 1 };
      return null;
    case 'array':
      return null;
  }
}

const sqlOp = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/** A date as the instant of its midnight in China Standard Time (the records' offset). */
const instant = (o: Operand) => (o.rank === 0 ? `(${o.sql}::timestamp at time zone ${shanghai})` : o.sql);

/**
 * `a op b`, true only when both sides are non-null, as `present(a) && present(b) && a op b` in
 * memory. SQL's three-valued logic gives the null part for free inside FILTER/WHERE.
 */
export function compareSql(op: CompareOp, a: Operand, b: Operand): string {
  if (a.cls !== b.cls || a.cls === 'array') throw new Error(`无法比较 ${a.sql}（${a.cls}）与 ${b.sql}（${b.cls}）`);
  if (a.cls === 'temporal' && a.rank !== b.rank) {
    // Mixed date / date-time: never equal; otherwise order by (instant, rank).
    if (op === 'eq') return 'false';
    if (op === 'ne') return `(${a.sql} is not null and ${b.sql} is not null)`;
    const less = op === 'lt' || op === 'lte';
    const inclusive = less ? a.rank! < b.rank! : a.rank! > b.rank!;
    return `${instant(a)} ${less ? (inclusive ? '<=' : '<') : inclusive ? '>=' : '>'} ${instant(b)}`;
  }
  // JavaScript orders strings by UTF-16 code units; the "C" collation orders by code point, the same
  // outside astral characters. Equality needs no collation (deterministic collations compare bytes).
  const left = a.cls === 'text' && op !== 'eq' && op !== 'ne' ? `${a.sql} collate "C"` : a.sql;
  return `${left} ${sqlOp[op]} ${b.sql}`;
}
