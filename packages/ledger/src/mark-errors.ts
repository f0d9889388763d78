import ExcelJS from 'exceljs';
import type { LedgerIssue } from './read-ledger.js';
import { formatOf, readSheets } from './workbook.js';

const errorFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs's types ask for a Node Buffer; it reads any ArrayBuffer view through JSZip.
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/**
 * A copy of the ledger with every bad cell filled red and commented with its errors (a row-level
 * error marks the row's first cell), as .xlsx: a CSV file comes back as a workbook of one sheet,
 * since CSV cannot carry marks. Sheets, values and formats of the original are kept.
 */
export async function markErrors(bytes: Uint8Array, errors: readonly LedgerIssue[], opts: { fileName?: string } = {}): Promise<Uint8Array> {
  const format = formatOf(bytes, opts.fileName);
  let wb: ExcelJS.Workbook;
  if (format === 'xlsx') wb = await loadWorkbook(bytes);
  else {
    wb = new ExcelJS.Workbook();
    for (const sheet of await readSheets(bytes, format, opts.fileName)) {
      const ws = wb.addWorksheet(sheet.name.slice(0, 31) || 'Sheet1');
      for (const row of sheet.rows) ws.addRow(row);
    }
  }
  const notes = new Map<string, { ws: ExcelJS.Worksheet; row: number; column: number; messages: string[] }>();
  for (const e of errors) {
    const ws = wb.getWorksheet(e.sheet) ?? (format === 'csv' ? wb.worksheets[0] : undefined);
    if (!ws || e.row === 0) continue;
    const column = e.column ?? 1;
    const key = `${ws.name}\u0000${e.row}\u0000${column}`;
    const note = notes.get(key) ?? { ws, row: e.row, column, messages: [] };
    note.messages.push(e.column ? e.message : `本行：${e.message}`);
    notes.set(key, note);
  }
  for (const n of notes.values()) {
    const cell = n.ws.getCell(n.row, n.column);
    cell.fill = errorFill;
    cell.note = { texts: [{ text: n.messages.join('\n') }] };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
