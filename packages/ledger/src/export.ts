import { formatYuan, type AnyRecord, type FieldDef, type OrgUnit, type RecordKind } from '@fazhi/domain';
import ExcelJS from 'exceljs';
import { fieldHeader, unitColumnLabel } from './columns.js';
import { csvCell } from './decode.js';
import { maskPersonal } from './mask.js';
import { sheetName } from './template.js';

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
}

/** Whether a column's 合计 makes sense: money always, counts and quantities with a declared unit. */
export function summedField(f: FieldDef): boolean {
  return f.type === 'money' || ((f.type === 'integer' || f.type === 'decimal') && f.unit !== undefined);
}

/** A value as a ledger shows it: labels for options, 是/否, yuan for money, dates as written in China. */
function shownValue(f: FieldDef, v: unknown, masked: boolean): string | number | null {
  if (v === null || v === undefined) return null;
  switch (f.type) {
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
  const headers = [unitColumnLabel, ...kind.fields.map(fieldHeader)];
  const rowOf = (r: AnyRecord) => [orgName.get(r.orgId) ?? r.orgId, ...kind.fields.map((f) => shownValue(f, r[f.key], opts.masked))];

  if (opts.format === 'csv') {
    const lines = [headers, ...records.map(rowOf)].map((cells) => cells.map((c) => csvCell(c === null ? '' : String(c))).join(','));
    return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
  }

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName(kind.label), {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
  });
  ws.mergeCells(1, 1, 1, headers.length);
  const title = ws.getCell(1, 1);
  title.value = opts.title ?? `${opts.unit}${opts.period}${kind.label}台账`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const header = ws.getRow(2);
  header.values = headers;
  header.font = { bold: true };
  kind.fields.forEach((f, i) => {
    const col = ws.getColumn(i + 2);
    col.width = Math.min(40, Math.max(10, fieldHeader(f).length * 2 + 2));
    if (f.type === 'money') col.numFmt = '#,##0.00';
  });
  ws.getColumn(1).width = 20;
  for (const r of records) ws.addRow(rowOf(r));
  const sums = kind.fields.map((f) => (summedField(f) ? total(f, records) : null));
  const totalRow = ws.addRow([`合计（${records.length}${kind.measureWord}）`, ...sums]);
  totalRow.font = { bold: true };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
