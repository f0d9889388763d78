/**
 * Typed reads of one column of a row that SQL (PGlite, PostgreSQL) or PostgREST returned. A value
 * of the wrong shape means the database is behind the code: said so in Chinese, naming the column.
 */

export type Row = Record<string, unknown>;

export const broken = (what: string, column: string, expected: string) => new Error(`${what}返回的“${column}”不是${expected}，请检查数据库迁移`);

export function text(row: Row, column: string, what: string): string {
  const v = row[column];
  if (typeof v !== 'string') throw broken(what, column, '文本');
  return v;
}

export const textOrNull = (row: Row, column: string, what: string): string | null => (row[column] == null ? null : text(row, column, what));

export function integer(row: Row, column: string, what: string): number {
  const v = typeof row[column] === 'string' ? Number(row[column]) : row[column];
  if (typeof v !== 'number' || !Number.isInteger(v)) throw broken(what, column, '整数');
  return v;
}

export function boolean(row: Row, column: string, what: string): boolean {
  const v = row[column];
  if (typeof v !== 'boolean') throw broken(what, column, '是或否');
  return v;
}

export function textList(row: Row, column: string, what: string): string[] {
  const v = row[column];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw broken(what, column, '文本列表');
  return v as string[];
}

/** timestamptz: ISO text from both drivers and PostgREST; a Date from a driver without our parsers. */
export function timestamp(row: Row, column: string, what: string): string {
  const v = row[column];
  if (v instanceof Date) return v.toISOString();
  return text(row, column, what);
}

export const timestampOrNull = (row: Row, column: string, what: string): string | null => (row[column] == null ? null : timestamp(row, column, what));
