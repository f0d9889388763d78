import { validateRecord, type AnyRecord, type FieldDef, type OrgUnit, type RecordKind, type SchemaOptions } from '@fazhi/domain';
import { cellText, parseLedgerCell, type CellInput } from './cells.js';
import { deletedColumnKey, deletedColumnLabel, instructionsSheetName, unitColumnKey, unitColumnLabel } from './columns.js';
import { headerInWan, matchHeader, normalizeMap, targetsOf, type ColumnTarget } from './headers.js';
import { headerLabel, normalizeText } from './normalize.js';
import { matchOrg } from './orgs.js';
import { resolveReference, type References } from './references.js';
import { columnLetter, formatOf, readSheets, type SheetCells } from './workbook.js';

export interface ReadLedgerOptions extends SchemaOptions {
  /** The record kind, from the composed registry (a plugin's kind works as a built-in one). */
  kind: RecordKind;
  /** The org tree the unit column (所属单位) is matched against, by full or short name. */
  orgs: readonly OrgUnit[];
  /** Shown in messages for CSV files, and decides the format when the bytes do not. */
  fileName?: string;
  /** Manual header mapping: header text → field key or label (`{ 涉案金额: 'amount' }`). */
  map?: Readonly<Record<string, string>>;
  /** The unit for rows without a unit column or with an empty unit cell. */
  defaultOrgId?: string;
  /**
   * Reference fields' records by the value a ledger shows (business key or title), per target kind:
   * a cell naming one is stored as its id. Without a table for a target, the cell is taken as an id.
   */
  references?: References;
  /** Read a 删除时间 column into `deletedAt` (a whole-database copy written with `withDeleted`). */
  withDeleted?: boolean;
}

/** A problem with one place of the file; `text` is the full Chinese message. */
export interface LedgerIssue {
  sheet: string;
  /** Sheet row, 1-based; 0 for the file as a whole. */
  row: number;
  /** Column number, 1-based, when one cell is at fault. */
  column?: number;
  header?: string;
  value?: string;
  message: string;
  text: string;
}

export interface LedgerRow {
  sheet: string;
  row: number;
  record: AnyRecord;
}

export interface LedgerColumn {
  sheet: string;
  column: number;
  header: string;
  /** The field it fills, or null for an unknown column (reported as a warning, left out). */
  target: ColumnTarget | null;
  /** Amounts in this column are in 万元. */
  wan: boolean;
}

export interface LedgerReadResult {
  /** Rows that passed every check, ready for writing. */
  rows: LedgerRow[];
  errors: LedgerIssue[];
  warnings: LedgerIssue[];
  columns: LedgerColumn[];
  /** Data rows read (blank rows, 合计 rows, notes and the template's example row not counted). */
  rowsRead: number;
  /** Data rows with at least one error. */
  rowsWithErrors: number;
}

/** How far down a sheet the header row is looked for (titles, notes and blank rows above it). */
const headerSearchDepth = 30;
const totalRow = /^(合计|总计|小计|共计)/;
const noteRow = /^(填表人|制表人|审核人|负责人|填报人|备注|注|说明)[:：]?/;
const exampleRow = /^[(（]示例[)）]/;
/** Columns ledgers carry that are not data: row numbers. */
const ignoredHeaders = new Set(['序号', '编号序号', 'No', 'NO', 'No.']);

function issue(sheet: string, row: number, message: string, at?: { column: number; header: string; value?: string }): LedgerIssue {
  const where = `工作表“${sheet}”${row ? `第 ${row} 行` : ''}${at ? ` ${columnLetter(at.column)} 列（${at.header}）` : ''}`;
  const value = at?.value !== undefined && at.value !== '' && !message.includes(`“${at.value}”`) ? `，值“${at.value}”` : '';
  return { sheet, row, message, text: `${where}${value}：${message}`, ...(at ? { column: at.column, header: at.header, ...(at.value !== undefined ? { value: at.value } : {}) } : {}) };
}

/** The row of a sheet with the most headers matching the kind (at least two), among the first rows. */
function findHeaderRow(sheet: SheetCells, match: (header: string) => ColumnTarget | null): number | null {
  let best: { index: number; hits: number } | null = null;
  for (let i = 0; i < Math.min(sheet.rows.length, headerSearchDepth); i++) {
    const hits = new Set(sheet.rows[i]!.map((c) => (c === null ? null : match(cellText(c))?.key)).filter(Boolean)).size;
    if (hits >= 2 && (!best || hits > best.hits)) best = { index: i, hits };
  }
  return best?.index ?? null;
}

const firstText = (cells: readonly CellInput[]) => normalizeText(cellText(cells.find((c) => c !== null && cellText(c).trim() !== '') ?? null));

/**
 * Reads a ledger (.xlsx or .csv) into records of `kind`: finds each sheet's header row, maps its
 * columns by label, synonym or `map`, parses every cell and validates every row with the kind's
 * schema and rules. Nothing is thrown for bad content: every problem is an issue naming sheet,
 * row, column and value. Pure: no database, no clock except the schema's `today`.
 */
export async function readLedger(bytes: Uint8Array, opts: ReadLedgerOptions): Promise<LedgerReadResult> {
  const { kind } = opts;
  const result: LedgerReadResult = { rows: [], errors: [], warnings: [], columns: [], rowsRead: 0, rowsWithErrors: 0 };
  const targets = [...targetsOf(kind), ...(opts.withDeleted ? [{ key: deletedColumnKey, label: deletedColumnLabel }] : [])];
  const manual = normalizeMap(opts.map ?? {}, targets);
  for (const p of manual.problems) result.errors.push(issue(opts.fileName ?? '导入文件', 0, p));
  if (manual.problems.length) return result;
  const match = (header: string) => manual.byHeader.get(headerLabel(header)) ?? matchHeader(header, targets);

  let sheets: SheetCells[];
  try {
    sheets = await readSheets(bytes, formatOf(bytes, opts.fileName), opts.fileName);
  } catch (e) {
    result.errors.push(issue(opts.fileName ?? '导入文件', 0, `无法读取文件：不是有效的 .xlsx 或 .csv 文件（${(e as Error).message}）`));
    return result;
  }

  let sheetsWithHeader = 0;
  for (const sheet of sheets) {
    const headerIndex = findHeaderRow(sheet, match);
    if (headerIndex === null) {
      if (sheet.name !== instructionsSheetName && sheet.rows.some((r) => r.some((c) => c !== null && cellText(c).trim() !== ''))) {
        result.warnings.push(issue(sheet.name, 0, `没有找到${kind.label}的表头（至少两列与字段名称对应），已跳过该工作表`));
      }
      continue;
    }
    sheetsWithHeader++;
    readSheet(sheet, headerIndex, match, opts, result);
  }
  if (sheetsWithHeader === 0) {
    result.errors.push(issue(opts.fileName ?? '导入文件', 0, `文件中没有${kind.label}的表头：表头应含${targets.slice(1, 4).map((t) => `“${t.label}”`).join('、')}等字段名称，或用手工对应指定`));
  }
  return result;
}

function readSheet(sheet: SheetCells, headerIndex: number, match: (h: string) => ColumnTarget | null, opts: ReadLedgerOptions, result: LedgerReadResult): void {
  const { kind } = opts;
  const headerRowNo = headerIndex + 1;
  const columns: LedgerColumn[] = [];
  const taken = new Map<string, LedgerColumn>();
  sheet.rows[headerIndex]!.forEach((c, j) => {
    const header = cellText(c).trim();
    if (header === '') return;
    const target = match(header);
    const column: LedgerColumn = { sheet: sheet.name, column: j + 1, header, target, wan: headerInWan(header) };
    if (!target) {
      if (!ignoredHeaders.has(headerLabel(header))) result.warnings.push(issue(sheet.name, headerRowNo, `“${header}”不对应${kind.label}的任何字段，该列未导入（可手工对应：表头=字段）`, { column: j + 1, header }));
    } else if (taken.has(target.key)) {
      const first = taken.get(target.key)!;
      result.warnings.push(issue(sheet.name, headerRowNo, `“${header}”与 ${columnLetter(first.column)} 列“${first.header}”都对应「${target.label}」，该列未导入`, { column: j + 1, header }));
      column.target = null;
    } else taken.set(target.key, column);
    columns.push(column);
  });
  result.columns.push(...columns);

  const missing = kind.fields.filter((f) => f.required && !taken.has(f.key)).map((f) => `「${f.label}」`);
  if (!taken.has(unitColumnKey) && !opts.defaultOrgId) missing.unshift(`「${unitColumnLabel}」`);
  const dataRows = sheet.rows.slice(headerIndex + 1);
  if (missing.length) {
    result.errors.push(issue(sheet.name, headerRowNo, `缺少必填列${missing.join('、')}${missing.includes(`「${unitColumnLabel}」`) ? '（或指定默认单位）' : ''}，该工作表未导入`));
    const count = dataRows.filter((r) => isDataRow(r)).length;
    result.rowsRead += count;
    result.rowsWithErrors += count;
    return;
  }

  const fieldColumns = columns.filter((c) => c.target && c.target.key !== unitColumnKey && c.target.key !== deletedColumnKey).map((c) => ({ c, f: kind.fields.find((f) => f.key === c.target!.key)! }));
  const unitColumn = taken.get(unitColumnKey);
  const deletedColumn = taken.get(deletedColumnKey);
  dataRows.forEach((cells, i) => {
    if (!isDataRow(cells)) return;
    const rowNo = headerRowNo + 1 + i;
    result.rowsRead++;
    const errorsBefore = result.errors.length;
    const record = readRow(cells, rowNo, sheet.name, fieldColumns, unitColumn, deletedColumn, opts, result.errors);
    if (result.errors.length > errorsBefore) result.rowsWithErrors++;
    else result.rows.push({ sheet: sheet.name, row: rowNo, record: record! });
  });
}

/** Not blank, not a 合计 row, not a note under the table, not the template's example row. */
function isDataRow(cells: readonly CellInput[]): boolean {
  const first = firstText(cells);
  if (first === '') return false;
  if (totalRow.test(first) || exampleRow.test(first)) return false;
  const filled = cells.filter((c) => c !== null && cellText(c).trim() !== '').length;
  return !(noteRow.test(first) && filled <= 2);
}

function readRow(
  cells: readonly CellInput[],
  rowNo: number,
  sheet: string,
  fieldColumns: readonly { c: LedgerColumn; f: FieldDef }[],
  unitColumn: LedgerColumn | undefined,
  deletedColumn: LedgerColumn | undefined,
  opts: ReadLedgerOptions,
  errors: LedgerIssue[],
): AnyRecord | null {
  const { kind } = opts;
  const record: AnyRecord = { id: crypto.randomUUID(), orgId: '', deletedAt: null };
  for (const f of kind.fields) record[f.key] = f.type === 'enum-set' ? [] : null;
  const failed = new Set<string>();
  const at = (c: LedgerColumn) => ({ column: c.column, header: c.header, value: cellText(cells[c.column - 1] ?? null) });

  const unitText = unitColumn ? cellText(cells[unitColumn.column - 1] ?? null).trim() : '';
  if (unitText === '' && opts.defaultOrgId) record.orgId = opts.defaultOrgId;
  else if (unitText === '') errors.push(issue(sheet, rowNo, `「${unitColumnLabel}」为必填项`, unitColumn && at(unitColumn)));
  else {
    const org = matchOrg(opts.orgs, unitText);
    if (org.ok) record.orgId = org.unit.id;
    else errors.push(issue(sheet, rowNo, org.message, at(unitColumn!)));
  }

  for (const { c, f } of fieldColumns) {
    const cell = cells[c.column - 1] ?? null;
    const table = f.type === 'ref' ? opts.references?.get(f.target) : undefined;
    const parsed = f.type === 'ref' && table && cellText(cell).trim() !== '' ? resolveReference(f, cellText(cell), table) : parseLedgerCell(f, cell, { wan: c.wan });
    if (parsed.ok) record[f.key] = parsed.value;
    else {
      failed.add(f.key);
      errors.push(issue(sheet, rowNo, parsed.message, at(c)));
    }
  }
  let deletedAt: string | null = null;
  if (deletedColumn) {
    const parsed = parseLedgerCell({ key: deletedColumnKey, label: deletedColumnLabel, type: 'datetime' }, cells[deletedColumn.column - 1] ?? null);
    if (parsed.ok) deletedAt = (parsed.value as string | null) ?? null;
    else errors.push(issue(sheet, rowNo, parsed.message, at(deletedColumn)));
  }
  if (!record.orgId) record.orgId = '（未识别）';
  const checked = validateRecord(kind, record, opts.today ? { today: opts.today } : {});
  // The caller keeps the record only when this row added no error.
  if (checked.ok) return { ...checked.value, deletedAt };
  for (const problem of checked.issues) {
    if (failed.has(problem.field) || problem.field === 'orgId') continue;
    const column = fieldColumns.find((x) => x.f.key === problem.field)?.c;
    errors.push(issue(sheet, rowNo, problem.message, column && at(column)));
  }
  return null;
}
