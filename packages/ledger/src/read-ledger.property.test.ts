import { hotlineTickets, mediationCases, type RecordKind } from '@fazhi/domain';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CellInput } from './cells.js';
import { fieldHeader } from './columns.js';
import { csvCell } from './decode.js';
import { readLedger, type LedgerReadResult } from './read-ledger.js';
import { testOrgs, today } from './test-orgs.test-helper.js';

/**
 * Whatever a ledger holds, reading it never throws and always explains: every data row is either
 * a record or has at least one error naming its sheet and row, and the counts add up.
 */
const plausible = ['', ' ', '是', '否', '√', '2024-03-05', '2024/3/5', '2024.3.5', '2024年3月5日', '2024-02-30', '45356', '1,234.50', '1.5万', '-3', 'abc',
  '金沙社区', '金沙', '塘坑社区居民委员会', '不存在', '合计', '邻里', '电话', '调解成功', '成功', '已结案', '已受理', '2024-03-05 09:30', '０１２３', '\u0000', '"', '\n', '=1+1'];
const cellText = fc.oneof(fc.constantFrom(...plausible), fc.string({ maxLength: 12 }), fc.integer({ min: -1e6, max: 1e9 }).map(String));
const cell: fc.Arbitrary<CellInput> = fc.oneof(
  cellText,
  fc.integer({ min: -100, max: 3_000_000 }),
  fc.double({ noNaN: true, min: -1e9, max: 1e9 }),
  fc.boolean(),
  fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
  fc.constant(null),
);

/** Text an .xlsx can hold: XML 1.0 has no control characters but tab and line breaks. */
const xmlText = (text: string) => [...text].filter((ch) => ch.charCodeAt(0) >= 32 || '\t\n\r'.includes(ch)).join('');

function headersOf(kind: RecordKind): string[] {
  return ['所属单位', ...kind.fields.map(fieldHeader)];
}

function checkExplained(res: LedgerReadResult): void {
  expect(res.rows.length + res.rowsWithErrors).toBe(res.rowsRead);
  const rowsWithErrors = new Set(res.errors.filter((e) => e.row > 0).map((e) => `${e.sheet}/${e.row}`));
  for (const r of res.rows) expect(rowsWithErrors.has(`${r.sheet}/${r.row}`)).toBe(false);
  for (const e of res.errors) expect(e.text).toMatch(/^工作表“[^”]*”/);
  // A sheet-level error (a missing column) covers its rows; otherwise each bad row is named.
  if (!res.errors.some((e) => e.column === undefined && /缺少必填列/.test(e.message))) expect(rowsWithErrors.size).toBe(res.rowsWithErrors);
}

describe('reading any ledger never crashes and always explains', () => {
  test('CSV: 200 files × 60 rows of random cells under the kind’s real headers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(mediationCases, hotlineTickets), fc.array(fc.array(cellText, { minLength: 0, maxLength: 25 }), { minLength: 60, maxLength: 60 }), async (kind, rows) => {
        const text = [headersOf(kind), ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n');
        checkExplained(await readLedger(new TextEncoder().encode(text), { kind, orgs: testOrgs, fileName: 'x.csv', today }));
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  test('xlsx: 25 workbooks × 40 rows of typed cells (numbers, dates, booleans, text)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(mediationCases, hotlineTickets), fc.array(fc.array(cell, { minLength: 0, maxLength: 25 }), { minLength: 40, maxLength: 40 }), async (kind, rows) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('台账');
        ws.addRow(headersOf(kind));
        for (const r of rows) ws.addRow(r.map((c) => (typeof c === 'string' ? xmlText(c) : c)));
        const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
        checkExplained(await readLedger(bytes, { kind, orgs: testOrgs, today }));
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
