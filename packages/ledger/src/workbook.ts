import type { CellInput } from './cells.js';
import { decodeText, encodingProblem } from '@fazhi/domain';
import { parseCsv } from './decode.js';
import { readXlsxSheets, type SheetCells } from './xlsx-reader.js';

export type { SheetCells };

export type LedgerFormat = 'xlsx' | 'csv';

/** .xlsx starts with a zip header; anything else is read as CSV text. */
export function formatOf(bytes: Uint8Array, fileName?: string): LedgerFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  if (fileName && /\.xlsx?$/i.test(fileName) && bytes.length > 0) return 'xlsx';
  return 'csv';
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
  return readXlsxSheets(bytes);
}

/** Column letters as Excel shows them: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
