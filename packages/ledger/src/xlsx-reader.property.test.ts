import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { exceljsSheets } from './exceljs-sheets.test-helper.js';
import { readXlsxSheets } from './xlsx-reader.js';

/**
 * The streaming reader gives the cells exceljs gives, for any workbook exceljs writes: several
 * sheets (some hidden), rows with gaps, columns beyond Z, every kind of value, merged ranges, the
 * 1900 and 1904 date systems, shared strings or not.
 */

/**
 * Text an .xlsx can hold (XML 1.0 has no control characters but tab and line breaks), without what
 * exceljs itself reads back wrong: entity-like text in `t="str"` cells (it decodes them twice) and
 * `_xHHHH_` escapes (decoded in shared strings only).
 */
const text = fc
  .string({ maxLength: 14, unit: fc.oneof(fc.constantFrom('金', '沙', '社', '区', '调', '解', ' ', '\t', '\n', '\r\n', '&', '<', '>', '"', "'", '_'), fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' })) })
  .map((s) => [...s].filter((ch) => ch.charCodeAt(0) >= 32 || '\t\n\r'.includes(ch)).join(''))
  .filter((s) => !/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/i.test(s) && !/_x[0-9A-F]{4}_/.test(s));
const date = fc.date({ min: new Date(Date.UTC(1904, 0, 2)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true });
const number = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }));

type Written = { value: ExcelJS.CellValue; numFmt?: string };
const value: fc.Arbitrary<Written> = fc.oneof(
  text.map((v) => ({ value: v })),
  number.map((v) => ({ value: v })),
  number.map((v) => ({ value: v, numFmt: '0.00%' })),
  fc.boolean().map((v) => ({ value: v })),
  date.map((v) => ({ value: v })),
  date.map((v) => ({ value: v, numFmt: 'yyyy"年"m"月"d"日" hh:mm' })),
  fc.array(text, { minLength: 1, maxLength: 3 }).map((parts) => ({ value: { richText: parts.map((t, i) => ({ text: t, font: { bold: i % 2 === 0 } })) } })),
  // Cached results exceljs keeps: it drops falsy ones (FALSE, 0, empty text) when reading, which the
  // reader does not (tested on its own below).
  fc.oneof(number.filter((n) => n !== 0), text.filter((t) => t !== ''), fc.constant(true), fc.constant(undefined)).map((result) => ({ value: { formula: 'SUM(A1:B1)', result } as ExcelJS.CellValue })),
  date.map((result) => ({ value: { formula: 'TODAY()', result } as ExcelJS.CellValue, numFmt: 'yyyy-mm-dd' })),
  fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!').map((error) => ({ value: { error } as ExcelJS.CellValue })),
  text.map((t) => ({ value: { text: t, hyperlink: 'https://example.org/a?b=1&c=2' } })),
  fc.constant({ value: null }),
);

const sheet = fc.record({
  hidden: fc.boolean(),
  rows: fc.array(fc.record({ gap: fc.nat(2), cells: fc.array(fc.record({ gap: fc.nat(3), cell: value }), { maxLength: 12 }) }), { maxLength: 12 }),
  merges: fc.array(fc.record({ top: fc.integer({ min: 1, max: 12 }), left: fc.integer({ min: 1, max: 30 }), height: fc.nat(2), width: fc.nat(4) }), { maxLength: 3 }),
});

type Sheet = typeof sheet extends fc.Arbitrary<infer T> ? T : never;

async function written(sheets: Sheet[], date1904: boolean, useSharedStrings: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(`台账${i + 1}`, { state: s.hidden ? 'hidden' : 'visible' });
    let r = 0;
    for (const row of s.rows) {
      r += row.gap + 1;
      let c = 0;
      for (const { gap, cell } of row.cells) {
        c += gap + 1;
        const target = ws.getCell(r, c);
        target.value = cell.value;
        if (cell.numFmt) target.numFmt = cell.numFmt;
      }
    }
    for (const m of s.merges) {
      try {
        ws.mergeCells(m.top, m.left, m.top + m.height, m.left + m.width);
      } catch {
        // Overlapping an earlier range: exceljs refuses, and the workbook goes without it.
      }
    }
  });
  return new Uint8Array(await wb.xlsx.writeBuffer({ useSharedStrings } as Partial<ExcelJS.XlsxWriteOptions>));
}

describe('the streaming .xlsx reader', () => {
  test('reads 150 random workbooks exactly as exceljs does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sheet, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.boolean(), async (sheets, date1904, shared) => {
        const bytes = await written(sheets, date1904, shared);
        expect(readXlsxSheets(bytes)).toEqual(await exceljsSheets(bytes));
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  test('keeps what exceljs lost or misread: falsy cached results, entity-like text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow([{ formula: 'A2=1', result: false }, { formula: 'A2-1', result: 0 }, { formula: 'T(A2)', result: '' }, { formula: 'B2', result: 'a&lt;b' }]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(readXlsxSheets(bytes)[0]!.rows).toEqual([[false, 0, null, 'a&lt;b']]);
    // exceljs read them as no value, and the text as "a<b".
    expect((await exceljsSheets(bytes))[0]!.rows).toEqual([[null, null, null, 'a<b']]);
  });
});
