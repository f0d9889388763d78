import { mediationCases, type AnyRecord } from '@fazhi/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportLedger } from './export.js';
import { readLedger } from './read-ledger.js';
import { testOrgs, today } from './test-orgs.test-helper.js';

/**
 * The .xlsx export is written directly as SpreadsheetML (xlsx-writer.ts); these checks open it with
 * exceljs, an independent reader, and hold the layout the ledger promises: a merged bold title, bold
 * headers repeated on every printed page, A4 landscape one page wide, frozen header rows, money as
 * yuan with thousands separators, and a 合计 row.
 */
const base = (n: number, extra: Partial<AnyRecord> = {}): AnyRecord => ({
  id: `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`,
  orgId: 'jinsha',
  deletedAt: null,
  ...Object.fromEntries(mediationCases.fields.map((f) => [f.key, null])),
  caseNo: `南调〔2024〕${n}号`,
  source: 'proactive',
  disputeType: 'neighbourhood',
  partiesCount: 2,
  acceptedOn: '2024-03-05',
  status: 'accepted',
  ...extra,
});

async function open(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('exportLedger as .xlsx', () => {
  const records = [
    base(1, { amount: 123_456_78 }),
    base(2, { amount: 50, summary: '邻里<漏水>纠纷 & "噪音"\u0007' }),
    base(3, { orgId: 'tangkeng', status: 'closed', closedOn: '2024-03-20', result: 'failure', amount: null }),
  ];

  it('holds the ledger layout when read by another reader', async () => {
    const bytes = await exportLedger(records, { kind: mediationCases, orgs: testOrgs, unit: '南沙街道', period: '2024年', masked: false });
    const wb = await open(bytes);
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('人民调解案件');
    const columns = mediationCases.fields.length + 1;
    expect(ws.getCell(1, 1).value).toBe('南沙街道2024年人民调解案件台账');
    expect(ws.getCell(1, 1).font?.bold).toBe(true);
    expect(ws.getCell(1, 1).font?.size).toBe(14);
    expect(ws.getCell(1, 1).alignment?.horizontal).toBe('center');
    expect(ws.getCell(1, columns).isMerged).toBe(true);
    expect(ws.getCell(2, 1).value).toBe('所属单位');
    expect(ws.getCell(2, 2).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    // Row 2 (the header) repeats at the top of every printed page.
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' });

    const amountColumn = mediationCases.fields.findIndex((f) => f.key === 'amount') + 2;
    expect(ws.getCell(3, amountColumn).value).toBe(123_456.78);
    expect(ws.getCell(3, amountColumn).numFmt).toBe('#,##0.00');
    const summaryColumn = mediationCases.fields.findIndex((f) => f.key === 'summary') + 2;
    // Markup characters survive; a control character XML cannot hold is left out, not a broken file.
    expect(ws.getCell(4, summaryColumn).value).toBe('邻里<漏水>纠纷 & "噪音"');
    expect(ws.getCell(5, 1).value).toBe('塘坑社区居民委员会');
    expect(ws.getCell(6, 1).value).toBe('合计（3宗）');
    expect(ws.getCell(6, 1).font?.bold).toBe(true);
    expect(ws.getCell(6, amountColumn).value).toBe(123_457.28);
    expect(ws.getCell(6, amountColumn).numFmt).toBe('#,##0.00');
    expect(ws.rowCount).toBe(6);
  });

  it('reads back into the same records', async () => {
    const bytes = await exportLedger(records, { kind: mediationCases, orgs: testOrgs, unit: '南沙街道', period: '2024年', masked: false });
    const read = await readLedger(bytes, { kind: mediationCases, orgs: testOrgs, today });
    expect(read.errors).toEqual([]);
    expect(read.rows.map((r) => [r.row, r.record.caseNo, r.record.orgId, r.record.amount, r.record.summary])).toEqual([
      [3, '南调〔2024〕1号', 'jinsha', 123_456_78, null],
      [4, '南调〔2024〕2号', 'jinsha', 50, '邻里<漏水>纠纷 & "噪音"'],
      [5, '南调〔2024〕3号', 'tangkeng', null, null],
    ]);
  });

  it('an empty list is a title, a header and a 合计 of none', async () => {
    const ws = (await open(await exportLedger([], { kind: mediationCases, orgs: testOrgs, unit: '金沙社区', period: '', masked: false }))).worksheets[0]!;
    expect([ws.getCell(1, 1).value, ws.getCell(2, 1).value, ws.getCell(3, 1).value, ws.rowCount]).toEqual(['金沙社区人民调解案件台账', '所属单位', '合计（0宗）', 3]);
  });
});
