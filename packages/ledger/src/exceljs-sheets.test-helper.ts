import ExcelJS from 'exceljs';
import type { CellInput } from './cells.js';
import type { SheetCells } from './xlsx-reader.js';

/**
 * The sheets of an .xlsx as the ledger reader took them from exceljs before it read workbooks
 * itself (whole workbook loaded, `eachRow` without empty rows, values made plain): the reference the
 * streaming reader is proven equal to.
 */
export async function exceljsSheets(bytes: Uint8Array): Promise<SheetCells[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets
    .filter((ws) => ws.state === 'visible')
    .map((ws) => {
      const rows: CellInput[][] = [];
      ws.eachRow({ includeEmpty: false }, (row, n) => {
        const values = row.values as ExcelJS.CellValue[];
        const cells: CellInput[] = [];
        for (let c = 1; c < values.length; c++) cells.push(plainCell(values[c]));
        rows[n - 1] = cells;
      });
      for (let i = 0; i < rows.length; i++) rows[i] ??= [];
      return { name: ws.name, rows };
    });
}

/** An exceljs value as a plain cell: rich text joined, formulas by their cached result, links by text. */
function plainCell(v: ExcelJS.CellValue | undefined): CellInput {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return plainCell((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ('hyperlink' in v) return plainCell((v as { text: ExcelJS.CellValue }).text);
  if ('error' in v) return String(v.error);
  return null;
}
