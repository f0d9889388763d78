import { honours, hotlineTickets, mediationCases } from '@fazhi/domain';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { markErrors } from './mark-errors.js';
import { readLedger } from './read-ledger.js';
import { testOrgs, today } from './test-orgs.test-helper.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

describe('a GBK CSV written by hand (Excel on Chinese Windows)', () => {
  test('title rows, synonyms, 万元, dates as text, close enum labels, blank and 合计 rows', async () => {
    const res = await readLedger(fixture('mediation-gbk.csv'), { kind: mediationCases, orgs: testOrgs, fileName: '调解台账.csv', today });
    expect(res.rowsRead).toBe(3);
    expect(res.rows.map((r) => r.row)).toEqual([4, 5]);
    const [first, second] = res.rows.map((r) => r.record);
    expect(first).toMatchObject({
      caseNo: '南沙调〔2024〕第0001号',
      orgId: 'jinsha',
      source: 'party_application',
      disputeType: 'neighbourhood',
      partyNames: '张三、李四',
      partiesCount: 2,
      amount: 1_500_000, // 1.5 万元 in fen
      acceptedOn: '2024-03-05',
      closedOn: '2024-03-20',
      status: 'closed',
      result: 'success',
      agreementForm: 'written',
    });
    expect(second).toMatchObject({ orgId: 'committee', amount: 1_200_500_000 /* 1,200.5 万元 */, acceptedOn: '2024-03-06', status: 'mediating' });
    // Row 6: an unknown unit and 2 月 30 日, each named by sheet, row, column and value.
    expect(res.errors.map((e) => e.text)).toEqual([
      '工作表“调解台账”第 6 行 C 列（调委会）：单位“不存在社区”不在机构列表中，请写机构全称或简称',
      '工作表“调解台账”第 6 行 I 列（受理时间）：「受理日期」应为日期，格式如 2024-03-05（收到“2024-02-30”）',
    ]);
    expect(res.rowsWithErrors).toBe(1);
    // The unknown column is a warning, never silently dropped; 序号 is a row number, not data.
    expect(res.warnings.map((w) => w.text)).toEqual(['工作表“调解台账”第 3 行 N 列（备注）：“备注”不对应人民调解案件的任何字段，该列未导入（可手工对应：表头=字段）']);
  });

  test('a manual mapping takes an unknown column into a field', async () => {
    const res = await readLedger(fixture('mediation-gbk.csv'), { kind: mediationCases, orgs: testOrgs, fileName: '调解台账.csv', today, map: { 备注: '纠纷简要情况' } });
    expect(res.warnings).toEqual([]);
    expect(res.rows[0]!.record.summary).toBe('漏水');
  });

  test('a mapping to a field that does not exist is an error naming the fields there are', async () => {
    const res = await readLedger(fixture('mediation-gbk.csv'), { kind: mediationCases, orgs: testOrgs, fileName: '调解台账.csv', map: { 备注: '没有的字段' } });
    expect(res.rows).toEqual([]);
    expect(res.errors[0]!.text).toContain('“没有的字段”不是该类记录的字段');
  });
});

/** A workbook as offices keep it: merged title rows, one sheet per month, cells of every kind. */
async function monthlyWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [month, rows] of [
    ['1月', [['金沙社区', 'RX2024-0001', '电话', '投诉', '市容环境', new Date(Date.UTC(2024, 0, 5, 9, 30)), '2024-01-10 18:00', '是']]],
    ['2月', [['塘坑', 'RX2024-0002', '微信公众号', '咨询', '住房物业', 45330, 45337.75, '']]],
  ] as const) {
    const ws = wb.addWorksheet(month);
    ws.mergeCells('A1:H1');
    ws.getCell('A1').value = `南沙街道2024年${month}12345热线工单台账`;
    ws.mergeCells('A2:H2');
    ws.getCell('A2').value = '说明：本表由承办部门每月填报';
    ws.addRow(['所属社区', '工单号', '来源渠道', '诉求类型', '诉求分类', '派单时间', '办理时限', '是否回访']);
    for (const r of rows) ws.addRow([...r]);
    ws.addRow([]);
    ws.addRow([`合计：${rows.length}件`]);
  }
  return bytesOf(wb);
}

describe('an .xlsx written by exceljs', () => {
  test('several sheets below merged titles; date cells, serials with a time, short unit names', async () => {
    const res = await readLedger(await monthlyWorkbook(), { kind: hotlineTickets, orgs: testOrgs, today });
    expect(res.errors).toEqual([]);
    expect(res.rows.map((r) => [r.sheet, r.row])).toEqual([['1月', 4], ['2月', 4]]);
    expect(res.rows[0]!.record).toMatchObject({ orgId: 'jinsha', ticketNo: 'RX2024-0001', channel: 'phone', receivedAt: '2024-01-05T09:30:00+08:00', dueAt: '2024-01-10T18:00:00+08:00' });
    // 45330 is 2024-02-08; 45337.75 is 2024-02-15 18:00; 微信公众号 is the 微信 channel.
    expect(res.rows[1]!.record).toMatchObject({ orgId: 'tangkeng', channel: 'wechat', receivedAt: '2024-02-08T00:00:00+08:00', dueAt: '2024-02-15T18:00:00+08:00' });
    expect(res.warnings.map((w) => `${w.sheet}:${w.header}`)).toEqual(['1月:是否回访', '2月:是否回访']);
  });

  test('a missing required column stops that sheet with one error, not one per row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['所属单位', '工单编号', '来源渠道', '诉求类型']);
    ws.addRow(['金沙社区', 'RX1', '电话', '咨询']);
    const res = await readLedger(await bytesOf(wb), { kind: hotlineTickets, orgs: testOrgs, today });
    expect(res.rows).toEqual([]);
    expect(res.rowsWithErrors).toBe(1);
    expect(res.errors.map((e) => e.text)).toEqual(['工作表“台账”第 1 行：缺少必填列「诉求分类」、「派单时间」、「办理时限」，该工作表未导入']);
  });

  test('a file that is neither xlsx nor a ledger is explained, not thrown', async () => {
    const res = await readLedger(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]), { kind: hotlineTickets, orgs: testOrgs, fileName: '坏文件.xlsx' });
    expect(res.errors[0]!.text).toMatch(/^工作表“坏文件.xlsx”：无法读取文件/);
    const csv = await readLedger(new TextEncoder().encode('a,b\n1,2\n'), { kind: hotlineTickets, orgs: testOrgs, fileName: 'x.csv' });
    expect(csv.errors[0]!.message).toContain('文件中没有12345热线工单的表头');
  });

  test('rules across fields are checked per row: 结案日期 before 受理日期', async () => {
    const csv = '所属单位,案件编号,案件来源,纠纷类型,涉及人数,受理日期,办理状态,结案日期,调解结果\r\n金沙社区,A1,主动调解,邻里,2,2024-03-05,已结案,2024-03-01,调解不成功\r\n';
    const res = await readLedger(new TextEncoder().encode(`\uFEFF${csv}`), { kind: mediationCases, orgs: testOrgs, fileName: 'a.csv', today });
    expect(res.errors.map((e) => e.text)).toEqual(['工作表“a”第 2 行 H 列（结案日期），值“2024-03-01”：「结案日期」不能早于「受理日期」']);
  });
});

describe('markErrors', () => {
  test('fills and comments the bad cells of a copy; the rest of the file is unchanged', async () => {
    const bytes = fixture('mediation-gbk.csv');
    const res = await readLedger(bytes, { kind: mediationCases, orgs: testOrgs, fileName: '调解台账.csv', today });
    const marked = new ExcelJS.Workbook();
    await marked.xlsx.load((await markErrors(bytes, res.errors, { fileName: '调解台账.csv' })) as never);
    const ws = marked.worksheets[0]!;
    expect(ws.name).toBe('调解台账');
    const unit = ws.getCell('C6');
    expect(unit.value).toBe('不存在社区');
    expect((unit.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(JSON.stringify(unit.note)).toContain('不在机构列表中');
    expect(JSON.stringify(ws.getCell('I6').note)).toContain('应为日期');
    expect(ws.getCell('C4').note).toBeUndefined();
    expect(ws.getCell('B4').value).toBe('南沙调〔2024〕第0001号');
  });
});

describe('headers whose label ends in brackets', () => {
  // The round trip of `fazhi export --all` lost 荣誉及创新案例's 获评村（社区）: the bracket was taken for a unit.
  test('获评村（社区） is its field, not 获评村 with the unit 社区', async () => {
    const csv = `\uFEFF所属单位,名称,类别,级别,获评日期,获评村（社区）\r\n金沙社区,广州市民主法治示范社区,民主法治示范村（社区）,市级,2024-12-10,金洲社区\r\n`;
    const res = await readLedger(new TextEncoder().encode(csv), { kind: honours, orgs: testOrgs, fileName: '荣誉.csv', today });
    expect(res.errors.map((e) => e.text)).toEqual([]);
    expect(res.rows[0]!.record).toMatchObject({ category: 'democracy_rule_village', village: '金洲社区' });
  });
});
