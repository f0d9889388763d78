import ExcelJS from 'exceljs';
import type { CellInput } from './cells.js';
import { decodeText, encodingProblem } from '@fazhi/domain';
import { parseCsv } from './decode.js';

/** One sheet as rows of cells; `rows[i]` is sheet row `i + 1`, `rows[i][j]` column `j + 1`. */
export interface SheetCells {
  name: string;
  rows: CellInput[][];
}

export type LedgerFormat = 'xlsx' | 'csv';

/** .xlsx starts with a zip header; anything else is read as CSV text. */
export function formatOf(bytes: Uint8Array, fileName?: string): LedgerFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  if (fileName && /\.xlsx?$/i.test(fileName) && bytes.length > 0) return 'xlsx';
  return 'csv';
}

type ExcelValue = ExcelJS.CellValue;

/** An exceljs value as a plain cell: rich text joined, formulas by their cached result, links by text. */
export function plainCell(v: ExcelValue | undefined): CellInput {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return plainCell((v as { result?: ExcelValue }).result ?? null);
  if ('hyperlink' in v) return plainCell((v as { text: ExcelValue }).text);
  if ('error' in v) return String(v.error);
  return null;
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs's types ask for a Node Buffer; it reads any ArrayBuffer view through JSZip.
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The sheets of a workbook or a CSV file (one sheet, named after the file). */
export async function readSheets(bytes: Uint8Array, format: LedgerFormat, fileName = '导入文件'): Promise<SheetCells[]> {
  if (format === 'csv') {
    // The decoder datasets use (UTF-8, UTF-16 with a BOM, else GBK/GB18030).
    const decoded = decodeText(bytes);
    // Garbled text is refused whole: importing it would store mojibake without a trace.
    if (decoded.invalid) throw new Error(`含有无法按 ${decoded.encoding === 'GB18030' ? 'GBK/GB18030' : decoded.encoding} 解码的字节，请用 UTF-8 或 GBK 重新保存`);
    const mixed = encodingProblem(decoded);
    if (mixed) throw new Error(mixed);
    const rows = parseCsv(decoded.text).map((r) => r.map((c): CellInput => c));
    return [{ name: fileName.replace(/\.[^.]+$/, ''), rows }];
  }
  const wb = await loadWorkbook(bytes);
  return wb.worksheets
    .filter((ws) => ws.state === 'visible')
    .map((ws) => {
      const rows: CellInput[][] = [];
      ws.eachRow({ includeEmpty: false }, (row, n) => {
        const values = row.values as ExcelValue[];
        const cells: CellInput[] = [];
        for (let c = 1; c < values.length; c++) cells.push(plainCell(values[c]));
        rows[n - 1] = cells;
      });
      for (let i = 0; i < rows.length; i++) rows[i] ??= [];
      return { name: ws.name, rows };
    });
}

/** Column letters as Excel shows them: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
