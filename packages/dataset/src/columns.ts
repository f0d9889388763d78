import type { CsvRow, CsvSyntaxProblem } from './csv-text.js';
import type { DatasetProblem } from './types.js';

export interface ColumnSpec {
  key: string;
  label: string;
  /** The column must be in the header (its cells may still be empty where the field allows). */
  required: boolean;
}

export interface HeaderResult {
  /** Column key → cell index. */
  index: Map<string, number>;
  width: number;
  /** Required columns the header lacks: their per-row errors would only repeat the header's. */
  missing: Set<string>;
  problems: DatasetProblem[];
}

/** Checks a header row against the expected columns: missing required, unknown, duplicate. */
export function readHeader(file: string, header: CsvRow | undefined, specs: readonly ColumnSpec[]): HeaderResult {
  const problems: DatasetProblem[] = [];
  const index = new Map<string, number>();
  const missing = new Set<string>();
  if (!header || header.row !== 1) {
    problems.push({ file, row: 1, message: '缺少表头：第1行应为列名' });
    for (const s of specs) if (s.required) missing.add(s.key);
    return { index, width: 0, missing, problems };
  }
  const known = new Map(specs.map((s) => [s.key, s]));
  header.cells.forEach((raw, i) => {
    const name = raw.trim();
    if (name === '') problems.push({ file, row: 1, message: `第${i + 1}列的列名为空` });
    else if (!known.has(name)) problems.push({ file, row: 1, key: name, message: `未知的列“${name}”，允许的列为：${specs.map((s) => s.key).join('、')}` });
    else if (index.has(name)) problems.push({ file, row: 1, field: known.get(name)!.label, key: name, message: `列“${name}”重复出现` });
    else index.set(name, i);
  });
  for (const s of specs) {
    if (s.required && !index.has(s.key)) {
      missing.add(s.key);
      problems.push({ file, row: 1, field: s.label, key: s.key, message: `缺少必需的列“${s.key}”` });
    }
  }
  return { index, width: header.cells.length, missing, problems };
}

export function cellCountProblem(file: string, row: CsvRow, width: number): DatasetProblem | null {
  if (row.cells.length === width) return null;
  return { file, row: row.row, message: `有 ${row.cells.length} 个单元格，应与表头一致为 ${width} 个` };
}

/** The reader's problems as dataset problems: a cell's problem names its column by label where the header knows it. */
export function csvProblems(file: string, problems: readonly CsvSyntaxProblem[], header: HeaderResult, specs: readonly ColumnSpec[]): DatasetProblem[] {
  const keyAt = new Map([...header.index].map(([key, i]) => [i, key]));
  return problems.map(({ row, column, message }) => {
    if (column === undefined) return { file, row, message };
    const key = row > 1 ? keyAt.get(column) : undefined;
    const label = specs.find((s) => s.key === key)?.label;
    return key && label ? { file, row, field: label, key, message } : { file, row, message: `第${column + 1}列${message}` };
  });
}
