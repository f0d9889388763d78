import { cellReader, coerceCell, fieldValueSchema, refusedCell, formatCell, normalizeDateTime, validateRecord, validateRecordValues, type AnyRecord, type FieldDef, type RecordKind, type ValidationIssue } from '@fazhi/domain';
import { unstorableCharProblem } from './cell-text.js';
import { cellCountProblem, csvProblems, readHeader, type ColumnSpec, type HeaderResult } from './columns.js';
import { eachCsvRow, writeCsv, type CsvRow } from './csv-text.js';
import type { DecodedText } from './text-encoding.js';
import type { FileText } from './text-file.js';
import { RowRefs } from './row-refs.js';
import { kindFile, type DatasetProblem } from './types.js';

/** Base columns every kind file starts with. */
const baseColumns: readonly ColumnSpec[] = [
  { key: 'id', label: '编号', required: true },
  { key: 'orgId', label: '所属机构', required: true },
  { key: 'deletedAt', label: '删除时间', required: false },
];

export function kindColumns(kind: RecordKind): ColumnSpec[] {
  return [...baseColumns, ...kind.fields.map((f) => ({ key: f.key, label: f.label, required: !!f.required }))];
}

/** Dataset files write money as integer fen. */
const fileCells = { money: 'fen' } as const;

export interface RecordFileResult {
  records: AnyRecord[];
  rows: RowRefs;
  problems: DatasetProblem[];
}

/**
 * Parses one `<kindId>.csv`: header, cell counts, cell coercion and record validation. Each row is
 * made a record as it is read, so the file's cells are never all held at once.
 */
export function readRecordFile(kind: RecordKind, text: string | FileText, origin?: Pick<DecodedText, 'encoding' | 'invalid'>): RecordFileResult {
  const file = kindFile(kind.id);
  const specs = kindColumns(kind);
  let reader: RowReader | null = null;
  let header: HeaderResult | undefined;
  const csvProblemsFound = eachCsvRow(
    text,
    {
      row(r) {
        if (!reader) {
          header = readHeader(file, r, specs);
          reader = rowReader(kind, file, header);
          if (header.width) return;
        }
        reader.read(r);
      },
      restart() {
        reader = null;
        header = undefined;
      },
    },
    origin,
  );
  header ??= readHeader(file, undefined, specs);
  const read = (reader as RowReader | null) ?? rowReader(kind, file, header);
  return { records: read.records, rows: read.rows, problems: [...csvProblems(file, csvProblemsFound, header, specs), ...header.problems, ...read.problems] };
}

interface RowReader extends RecordFileResult {
  read(r: CsvRow): void;
}

/** Makes each data row of a kind file under `header` a record, or says what is wrong with it. */
function rowReader(kind: RecordKind, file: string, header: HeaderResult): RowReader {
  const records: AnyRecord[] = [];
  const rows = new RowRefs();
  const problems: DatasetProblem[] = [];
  // Each ref field with its place among the row's values.
  const refFields = kind.fields.flatMap((f, k) => (f.type === 'ref' ? [[f, k + 3] as const] : []));
  const values: unknown[] = new Array(kind.fields.length + 3);

  // Cell index of each column, looked up once per file rather than once per cell.
  const idAt = header.index.get('id');
  const orgIdAt = header.index.get('orgId');
  const deletedAtAt = header.index.get('deletedAt');
  const fieldAt = kind.fields.map((f) => header.index.get(f.key));
  // Each field's way of reading its cells, worked out once per file rather than once per cell.
  const readCell = kind.fields.map((f) => cellReader(f, fileCells));
  // A file names a few units on thousands of rows: each row's unit is the one string of its
  // first row, so the records do not each keep a copy, and the check of the unit against the
  // org tree finds the string's hash already worked out.
  const units = new Map<string, string>();
  const cellAt = (cells: readonly string[], i: number | undefined): string | null => (i === undefined ? null : (cells[i] ?? null));

  function read(r: CsvRow): void {
    const bad = cellCountProblem(file, r, header.width);
    if (bad) {
      problems.push(bad);
      // Keep the id so references to this row do not report the same row again.
      rows.add(r.row, (cellAt(r.cells, idAt) ?? '').trim(), '');
      return;
    }
    // Fields whose cell failed to coerce, or whose column is missing: their schema issues would repeat.
    let silenced: Set<string> | null = header.missing.size ? new Set(header.missing) : null;
    // The row's values in record key order (id, orgId, deletedAt, fields), validated as they are:
    // no input object per row (see validateRecordValues).
    const deletedText = (cellAt(r.cells, deletedAtAt) ?? '').trim();
    const id = (cellAt(r.cells, idAt) ?? '').trim();
    const unitText = (cellAt(r.cells, orgIdAt) ?? '').trim();
    let orgId = units.get(unitText);
    if (orgId === undefined) units.set(unitText, (orgId = unitText));
    values[0] = id;
    values[1] = orgId;
    values[2] = deletedText === '' ? null : (normalizeDateTime(deletedText) ?? deletedText);
    for (let k = 0; k < kind.fields.length; k++) {
      const f = kind.fields[k]!;
      const cell = cellAt(r.cells, fieldAt[k]);
      const value = readCell[k]!(cell);
      if (value !== refusedCell) values[k + 3] = value;
      else {
        // Worded only for the few cells refused (coerceCell says why).
        const res = coerceCell(f, cell, fileCells);
        values[k + 3] = null;
        (silenced ??= new Set()).add(f.key);
        problems.push({ file, row: r.row, field: f.label, key: f.key, message: res.ok ? `「${f.label}」的值无效` : res.message });
      }
    }
    let refs: Map<string, string> | null = null;
    for (const [f, at] of refFields) {
      const target = values[at];
      if (typeof target === 'string') (refs ??= new Map()).set(f.key, target);
    }
    rows.add(r.row, id, orgId, refs);

    const checked = validateRecordValues(kind, values);
    if (checked.ok) {
      if (!silenced) records.push(checked.value);
      return;
    }
    for (const iss of checked.issues) {
      if (silenced?.has(iss.field)) continue;
      problems.push({ file, row: r.row, ...(iss.label ? { field: iss.label } : {}), ...(iss.field ? { key: iss.field } : {}), message: iss.message });
    }
  }
  return { records, rows, problems, read };
}

const valueSchemas = new WeakMap<FieldDef, ReturnType<typeof fieldValueSchema>>();
function valueSchema(f: FieldDef) {
  let s = valueSchemas.get(f);
  if (!s) valueSchemas.set(f, (s = fieldValueSchema(f)));
  return s;
}

/**
 * Validates a typed record. When it fails, bad values are checked one by one first and blanked,
 * so a cross-field rule does not also fire on a value that is already reported as malformed
 * (e.g. a garbled 派单时间 would otherwise make every later time "早于" it).
 */
function checkTyped(kind: RecordKind, rec: AnyRecord): { ok: true; value: AnyRecord } | { ok: false; issues: ValidationIssue[] } {
  const first = validateRecord(kind, rec);
  if (first.ok) return first;
  const issues: ValidationIssue[] = [];
  const cleaned: Record<string, unknown> = { ...rec };
  const silenced = new Set<string>();
  for (const f of kind.fields) {
    const v = rec[f.key];
    if (v === null || v === undefined || v === '') continue;
    const res = valueSchema(f).safeParse(v);
    if (!res.success) {
      issues.push({ field: f.key, label: f.label, message: res.error.issues[0]?.message ?? `「${f.label}」的值无效` });
      cleaned[f.key] = null;
      silenced.add(f.key);
    }
  }
  const second = validateRecord(kind, cleaned);
  if (!second.ok) issues.push(...second.issues.filter((i) => !silenced.has(i.field)));
  return { ok: false, issues };
}

export interface FormattedFile {
  text: string;
  /** Validated records (normalised), in input order. */
  records: AnyRecord[];
  rows: RowRefs;
  problems: DatasetProblem[];
}

/**
 * Validates records and renders them as CSV. Invalid records are reported with the row they
 * would have had in the file, so a write error reads like a load error.
 */
export function formatRecordFile(kind: RecordKind, input: readonly AnyRecord[]): FormattedFile {
  const file = kindFile(kind.id);
  const columns = kindColumns(kind);
  const lines: string[][] = [columns.map((c) => c.key)];
  const problems: DatasetProblem[] = [];
  const records: AnyRecord[] = [];
  const rows = new RowRefs();
  const refFields = kind.fields.filter((f) => f.type === 'ref');
  input.forEach((rec, i) => {
    const row = i + 2;
    const res = checkTyped(kind, rec);
    if (!res.ok) {
      for (const iss of res.issues) problems.push({ file, row, ...(iss.label ? { field: iss.label } : {}), ...(iss.field ? { key: iss.field } : {}), message: iss.message });
      return;
    }
    const v = res.value;
    // What the loader would refuse is refused here, so whatever is written loads back.
    const unstorable = Object.entries(v).flatMap(([key, value]) => {
      const problem = typeof value === 'string' ? unstorableCharProblem(value) : null;
      const label = kind.fields.find((f) => f.key === key)?.label ?? columns.find((c) => c.key === key)?.label;
      return problem ? [{ file, row, ...(label ? { field: label } : {}), key, message: problem }] : [];
    });
    if (unstorable.length) {
      problems.push(...unstorable);
      return;
    }
    records.push(v);
    const refs = new Map<string, string>();
    for (const f of refFields) if (typeof v[f.key] === 'string') refs.set(f.key, v[f.key] as string);
    rows.add(row, v.id, v.orgId, refs);
    lines.push([v.id, v.orgId, v.deletedAt ?? '', ...kind.fields.map((f) => formatCell(f, v[f.key]))]);
  });
  return { text: problems.length ? '' : writeCsv(lines), records, rows, problems };
}
