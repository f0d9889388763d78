import { formatYuan, type AnyRecord, type FieldDef, type OrgUnit, type RecordKind } from '@fazhi/domain';
import { deletedColumnLabel, fieldHeader, unitColumnLabel } from './columns.js';
import { csvCell } from './decode.js';
import { maskPersonal } from './mask.js';
import type { References } from './references.js';
import { sheetName } from './template.js';
import { writeXlsx, type SheetCell } from './xlsx-writer.js';

export interface ExportOptions {
  kind: RecordKind;
  /** The org tree, to name each record's unit. */
  orgs: readonly OrgUnit[];
  /** Unit and period the list covers, for the title row (南沙街道, 2024年). */
  unit: string;
  period: string;
  /** Default: `<unit><period><kind label>台账`. */
  title?: string;
  /** Mask personal fields (for a role without the personal-data right). */
  masked: boolean;
  format?: 'xlsx' | 'csv';
  /** Reference fields shown by the target record's business key or title (raw ids without). */
  references?: References;
  /** Soft-deleted records are among `records`: a last column 删除时间 says when (whole-database copies). */
  withDeleted?: boolean;
}

/** Whether a column's 合计 makes sense: money always, counts and quantities with a declared unit. */
export function summedField(f: FieldDef): boolean {
  return f.type === 'money' || ((f.type === 'integer' || f.type === 'decimal') && f.unit !== undefined);
}

/** A value as a ledger shows it: labels for options, 是/否, yuan for money, dates as written in China. */
function shownValue(f: FieldDef, v: unknown, masked: boolean, references?: References): string | number | null {
  if (v === null || v === undefined) return null;
  switch (f.type) {
    case 'ref':
      return references?.get(f.target)?.shown.get(String(v)) ?? String(v);
    case 'enum':
      return f.options.find((o) => o.value === v)?.label ?? String(v);
    case 'enum-set':
      return (v as string[]).map((x) => f.options.find((o) => o.value === x)?.label ?? x).join('、');
    case 'boolean':
      return v ? '是' : '否';
    case 'money':
      return Number(formatYuan(v as number));
    case 'integer':
    case 'decimal':
      return v as number;
    case 'datetime':
      return String(v).slice(0, 19).replace('T', ' ');
    default:
      return masked && f.personal ? maskPersonal(String(v)) : String(v);
  }
}

/** Exact sum of a money column in fen, shown as yuan; other columns summed as numbers. */
function total(f: FieldDef, records: readonly AnyRecord[]): number {
  if (f.type === 'money') return Number(formatYuan(records.reduce((s, r) => s + ((r[f.key] as number | null) ?? 0), 0)));
  const sum = records.reduce((s, r) => s + ((r[f.key] as number | null) ?? 0), 0);
  return f.type === 'decimal' ? Number(sum.toFixed(f.scale)) : sum;
}

/**
 * Records of one kind as a ledger: .xlsx with a title row naming unit and period, Chinese headers
 * with units, one row per record and a 合计 row (the count, and sums where they make sense), or
 * CSV (UTF-8 with BOM, which Excel and WPS open as Chinese) with the same header and rows.
 */
export async function exportLedger(records: readonly AnyRecord[], opts: ExportOptions): Promise<Uint8Array> {
  const { kind } = opts;
  const orgName = new Map(opts.orgs.map((u) => [u.id, u.name]));
  const headers = [unitColumnLabel, ...kind.fields.map(fieldHeader), ...(opts.withDeleted ? [deletedColumnLabel] : [])];
  const deletedAt = (r: AnyRecord) => (r.deletedAt ? [shownValue({ key: 'deletedAt', label: deletedColumnLabel, type: 'datetime' }, r.deletedAt, false)] : [null]);
  const rowOf = (r: AnyRecord) => [orgName.get(r.orgId) ?? r.orgId, ...kind.fields.map((f) => shownValue(f, r[f.key], opts.masked, opts.references)), ...(opts.withDeleted ? deletedAt(r) : [])];

  if (opts.format === 'csv') {
    const lines = [headers, ...records.map(rowOf)].map((cells) => cells.map((c) => csvCell(c === null ? '' : String(c))).join(','));
    return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
  }

  const money = kind.fields.map((f) => f.type === 'money');
  const dataRow = (r: AnyRecord): SheetCell[] => rowOf(r).map((value, i) => ({ value, ...(money[i - 1] ? { style: 'money' as const } : {}) }));
  const sums = kind.fields.map((f) => (summedField(f) ? total(f, records) : null));
  const totalRow: SheetCell[] = [`合计（${records.length}${kind.measureWord}）`, ...sums].map((value, i) => ({ value, style: money[i - 1] ? 'boldMoney' : 'bold' }));
  return writeXlsx({
    name: sheetName(kind.label),
    rows: [
      [{ value: opts.title ?? `${opts.unit}${opts.period}${kind.label}台账`, style: 'title' }],
      headers.map((value) => ({ value, style: 'bold' as const })),
      ...records.map(dataRow),
      totalRow,
    ],
    widths: [20, ...kind.fields.map((f) => Math.min(40, Math.max(10, fieldHeader(f).length * 2 + 2))), ...(opts.withDeleted ? [20] : [])],
    mergeTitle: headers.length,
    frozenRows: 2,
    printTitleRow: 2,
  });
}
