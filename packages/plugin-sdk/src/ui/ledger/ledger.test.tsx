// @vitest-environment jsdom
import { demoOrgsOf, recordRow } from '@fazhi/db';
import { formatYuan } from '@fazhi/domain';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { chooseOption, clickButton, field, createPluginDatabase, renderPlugin, type PluginDatabase } from '../../testing/index.js';
import { groupYuan } from '../fields/format-value.js';
import { fees, feesPlugin } from './ledger-kinds.test-helper.js';
import { refusalText } from './import-wizard.js';
import { printFormRows } from './print-record.js';

// The ledger buttons of the generic list (template, import wizard, export, print) and a record's
// printed form, on a kind no fazhi package ships, through the harness on the embedded database.
const plugin = feesPlugin;
const list = '/service-point-fees/service-point-fees';
const seeded = [
  { id: 'fee-1', feeNo: 'F-2024-001', paidOn: '2024-02-03', payer: '张三', amount: 123_456, persons: 2, note: '咨询费减免' },
  { id: 'fee-2', feeNo: 'F-2024-002', paidOn: '2024-05-06', payer: '李四四', amount: 100_000, persons: 1, note: null },
  { id: 'fee-3', feeNo: 'F-2024-003', paidOn: '2024-09-30', payer: '王五', amount: 50, persons: null, note: null },
  { id: 'fee-4', feeNo: 'F-2025-001', paidOn: '2025-01-02', payer: '赵六', amount: 999, persons: 4, note: null },
];
const in2024 = seeded.filter((r) => r.paidOn.startsWith('2024'));

let database: PluginDatabase;
let street: { id: string; name: string };
beforeAll(async () => {
  database = await createPluginDatabase(plugin);
  const streetId = demoOrgsOf(database.dataset.orgs, database.dataset.manifest.rootOrgId).streetId;
  const unit = database.dataset.orgs.get(streetId);
  street = { id: streetId, name: unit.shortName || unit.name };
  for (const r of seeded) {
    const row = recordRow(fees, { ...r, orgId: streetId, deletedAt: null });
    const cols = Object.keys(row);
    await database.db.query(`insert into public.${fees.id} (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row));
  }
}, 180_000);
afterAll(() => database?.close());
afterEach(() => cleanup());

const total = (n: number) => screen.findByText(`共 ${n} 条`, {}, { timeout: 20_000 });

/**
 * Files the page saves: jsdom has no object URLs, so they are kept here (the browser API the
 * page calls, filled in) and the download link's click is caught before jsdom would navigate.
 */
function downloads() {
  const saved: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = (b: Blob) => {
    const url = `blob:fazhi-test/${blobs.size + 1}`;
    blobs.set(url, b);
    return url;
  };
  URL.revokeObjectURL = () => {};
  const onClick = (e: Event) => {
    const a = e.target;
    if (a instanceof HTMLAnchorElement && a.download) {
      e.preventDefault();
      saved.push({ name: a.download, blob: blobs.get(a.href)! });
    }
  };
  document.addEventListener('click', onClick, true);
  return {
    async next(count: number) {
      await waitFor(() => expect(saved.length).toBe(count), { timeout: 20_000 });
      const file = saved[count - 1]!;
      return { name: file.name, bytes: await bytesOf(file.blob) };
    },
    stop: () => document.removeEventListener('click', onClick, true),
  };
}

function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(blob);
  });
}

async function workbook(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const cellText = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((x) => x.text).join('') : String(v));

/** Uploads a file into the open import wizard. */
async function upload(name: string, bytes: Uint8Array) {
  const input = await waitFor(() => {
    const el = document.querySelector<HTMLInputElement>('.ant-modal input[type=file]');
    if (!el) throw new Error('导入向导没有上传控件');
    return el;
  });
  fireEvent.change(input, { target: { files: [new File([bytes as BlobPart], name)] } });
}

const wizard = () => within(document.querySelector<HTMLElement>('.ant-modal')!);

describe('ledgers on every list', () => {
  test('template → a file with one bad row (errors named, the file marked) → fixed, an unknown header mapped by hand → imported in one go; duplicates stop, skip or update', async () => {
    const files = downloads();
    try {
      await renderPlugin(plugin, { user: 'admin', database, route: list });
      await total(seeded.length);
      await clickButton('下载导入模板');
      const template = await files.next(1);
      expect(template.name).toBe('服务点收费登记导入模板.xlsx');

      // Fill the template the way a clerk does: under its header row, one column per field.
      const filled = async (rows: (string | number | null)[][], renamed?: [string, string]) => {
        const wb = await workbook(template.bytes);
        const ws = wb.worksheets[0]!;
        const headers = (ws.getRow(2).values as ExcelJS.CellValue[]).slice(1).map(cellText);
        expect(headers.slice(0, 3)).toEqual(['*所属单位', '*收费编号', '*收费日期']);
        // A clerk's own words for a column: the importer cannot know them, the user maps them by hand.
        if (renamed) ws.getCell(2, headers.indexOf(renamed[0]) + 1).value = renamed[1];
        rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(4 + i, j + 1).value = v)));
        return new Uint8Array(await wb.xlsx.writeBuffer());
      };
      // 所属单位, 收费编号, 收费日期, 缴费人, 金额, 人数, and 情况说明 under the clerk's header 备注说明.
      const good = [street.name, 'IMP-001', '2024-03-05', '钱七', '1,200.50', 3, '首次缴费'];
      const bad = [street.name, 'IMP-002', '2024-13-45', '孙八', '80', 1, '月份写错'];
      const renamed: [string, string] = ['情况说明', '备注说明'];

      await clickButton('导入');
      await upload('收费台账.xlsx', await filled([good, bad], renamed));
      // The unknown header waits for a hand mapping; the required ones matched by themselves.
      await waitFor(() => expect(wizard().getByText('备注说明')).toBeTruthy(), { timeout: 20_000 });
      await chooseOption('对应字段：备注说明', '情况说明');
      // A field another header already fills is not offered twice.
      const taken = document.querySelector('.ant-select-item-option[title="收费编号 *"]')!;
      expect(taken.className).toContain('ant-select-item-option-disabled');
      await clickButton('下一步');
      const errors = await waitFor(() => {
        const t = document.querySelector<HTMLElement>('[data-testid=ledger-errors]');
        if (!t) throw new Error('还没有错误列表');
        return t;
      }, { timeout: 20_000 });
      expect(errors.textContent).toContain('收费日期');
      expect(errors.textContent).toContain('2024-13-45');
      expect(wizard().getByText('有误 1 行')).toBeTruthy();
      // Nothing can be written while a row is wrong.
      expect((wizard().getByText(/确认导入/).closest('button') as HTMLButtonElement).disabled).toBe(true);
      await clickButton('下载标注错误的文件');
      const marked = await files.next(2);
      expect(marked.name).toBe('收费台账（标注错误）.xlsx');
      const markedCell = (await workbook(marked.bytes)).worksheets[0]!.getCell(5, 3);
      expect(cellText(markedCell.value)).toBe('2024-13-45');
      expect(JSON.stringify(markedCell.note)).toContain('日期');

      // Fixed, and uploaded again: both rows go in, the hand-mapped column with them.
      await clickButton('上一步');
      await clickButton('上一步');
      bad[2] = '2024/3/6';
      const fixed = await filled([good, bad], renamed);
      await upload('收费台账.xlsx', fixed);
      // A required field left without a column blocks the way on, and says which.
      await waitFor(() => expect(wizard().getByText('备注说明')).toBeTruthy(), { timeout: 20_000 });
      fireEvent.mouseDown(field('对应字段：*收费编号').closest('.ant-select')!.querySelector('.ant-select-clear')!);
      await waitFor(() => expect(wizard().getByText('必填字段尚未对应：「收费编号」')).toBeTruthy());
      expect((wizard().getByText(/下一步/).closest('button') as HTMLButtonElement).disabled).toBe(true);
      await clickButton('上一步');
      await upload('收费台账.xlsx', fixed);
      await waitFor(() => expect(wizard().getByText('备注说明')).toBeTruthy(), { timeout: 20_000 });
      await chooseOption('对应字段：备注说明', '情况说明');
      await clickButton('下一步');
      await clickButton('确认导入 2 条');
      await waitFor(() => expect(wizard().getByText('读取 2 行，新增 2 条，更新 0 条，跳过 0 条')).toBeTruthy(), { timeout: 20_000 });
      await clickButton('关闭');
      await total(seeded.length + 2);
      const { rows } = await database.db.query<{ fee_no: string; amount: number; note: string; paid_on: string }>(`select fee_no, amount, note, paid_on::text from public.${fees.id} where fee_no like 'IMP-%' order by fee_no`);
      expect(rows).toEqual([
        { fee_no: 'IMP-001', amount: 120_050, note: '首次缴费', paid_on: '2024-03-05' },
        { fee_no: 'IMP-002', amount: 8_000, note: '月份写错', paid_on: '2024-03-06' },
      ]);

      // The same file again: 停止 writes nothing and names the numbers; 更新 rewrites both.
      await clickButton('导入');
      await upload('收费台账.xlsx', await filled([good, [...bad.slice(0, 5), 2, '改了人数']], renamed));
      await waitFor(() => expect(wizard().getByText('备注说明')).toBeTruthy(), { timeout: 20_000 });
      await chooseOption('对应字段：备注说明', '情况说明');
      await clickButton('下一步');
      fireEvent.click(await waitFor(() => wizard().getByLabelText('停止')));
      await clickButton('确认导入 2 条');
      await waitFor(() => expect(wizard().getByText(/发现重复编号，未写入任何数据：IMP-001、IMP-002/)).toBeTruthy(), { timeout: 20_000 });
      fireEvent.click(wizard().getByLabelText('更新'));
      await clickButton('确认导入 2 条');
      await waitFor(() => expect(wizard().getByText('读取 2 行，新增 0 条，更新 2 条，跳过 0 条')).toBeTruthy(), { timeout: 20_000 });
      const after = await database.db.query<{ persons: number }>(`select persons from public.${fees.id} where fee_no = 'IMP-002'`);
      expect(after.rows).toEqual([{ persons: 2 }]);
    } finally {
      files.stop();
      await database.db.query(`delete from public.${fees.id} where fee_no like 'IMP-%'`);
    }
  }, 180_000);

  test('导入 only for those who may write the area; a viewer exports and prints the filtered list, personal data masked as the list shows it', async () => {
    const files = downloads();
    try {
      await renderPlugin(plugin, { user: 'viewer', database, route: list, dashboardYear: 2024 });
      await total(in2024.length);
      await waitFor(() => expect(screen.getByText('导出Excel')).toBeTruthy());
      expect(screen.queryByText(/^导\s?入$/)).toBeNull();
      const shownPayers = [...document.querySelectorAll('.ant-table-tbody tr')].map((tr) => tr.textContent ?? '');
      expect(shownPayers.join()).toContain('张*');

      await clickButton('导出Excel');
      const exported = await files.next(1);
      const title = `${street.name}2024年服务点收费登记台账`;
      expect(exported.name).toBe(`${title}.xlsx`);
      const ws = (await workbook(exported.bytes)).worksheets[0]!;
      expect(cellText(ws.getCell(1, 1).value)).toBe(title);
      const header = (ws.getRow(2).values as ExcelJS.CellValue[]).slice(1).map(cellText);
      const col = (label: string) => header.indexOf(label) + 1;
      const body = Array.from({ length: ws.rowCount - 3 }, (_, i) => ws.getRow(3 + i));
      // Sorted as the list is (收费编号 ascending), every 2024 record, none of 2025.
      expect(body.map((r) => cellText(r.getCell(col('收费编号')).value))).toEqual(in2024.map((r) => r.feeNo));
      expect(body.map((r) => cellText(r.getCell(col('缴费人')).value))).toEqual(in2024.map((r) => [...r.payer][0] + '*'.repeat([...r.payer].length - 1)));
      const sums = ws.getRow(ws.rowCount);
      expect(cellText(sums.getCell(1).value)).toBe(`合计（${in2024.length}笔）`);
      const fen = in2024.reduce((s, r) => s + r.amount, 0);
      expect(sums.getCell(col('金额（元）')).value).toBe(Number(formatYuan(fen)));
      expect(sums.getCell(col('人数（人）')).value).toBe(in2024.reduce((s, r) => s + (r.persons ?? 0), 0));

      await clickButton('打印');
      const sheet = await waitFor(() => {
        const s = document.querySelector<HTMLElement>('.fazhi-print-sheet');
        if (!s) throw new Error('打印视图没有打开');
        return s;
      }, { timeout: 20_000 });
      expect(sheet.parentElement).toBe(document.body);
      expect(sheet.querySelector('h1')!.textContent).toBe(title);
      expect(sheet.textContent).toContain(`单位：${street.name}`);
      expect(sheet.textContent).toContain('期间：2024年');
      const css = sheet.querySelector('style')!.textContent!;
      expect(css).toContain('size: A4 landscape');
      expect(css).toMatch(/thead \{ display: table-header-group; \}/);
      expect(css).toMatch(/@media print \{\s*body > \*:not\(\.fazhi-print-sheet\) \{ display: none !important; \}/);
      expect([...sheet.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['序号', '所属机构', '收费编号', '收费日期', '缴费人', '金额', '人数']);
      expect(sheet.querySelectorAll('tbody tr:not(.fazhi-print-total)')).toHaveLength(in2024.length);
      const totalRow = sheet.querySelector('.fazhi-print-total')!;
      expect(totalRow.textContent).toContain(`合计（${in2024.length}笔）`);
      expect(totalRow.textContent).toContain(`${groupYuan(formatYuan(fen))} 元`);
      await clickButton('关闭');
      expect(document.querySelector('.fazhi-print-sheet')).toBeNull();
    } finally {
      files.stop();
    }
  }, 120_000);

  test('a record prints as its declared form; a kind without one as two columns of every field', async () => {
    const id = recordRow(fees, { ...seeded[0]!, orgId: street.id, deletedAt: null }).id;
    await renderPlugin(plugin, { user: 'viewer', database, route: `${list}/show/${String(id)}` });
    await clickButton('打印登记表');
    const sheet = await waitFor(() => document.querySelector<HTMLElement>('.fazhi-print-sheet') ?? Promise.reject(new Error('打印视图没有打开')), { timeout: 20_000 });
    expect(sheet.querySelector('h1')!.textContent).toBe('服务点收费登记表');
    expect(sheet.querySelector('style')!.textContent).toContain('size: A4 portrait');
    const value = (key: string) => sheet.querySelector(`td[data-field=${key}]`)!.textContent;
    expect(value('feeNo')).toBe('F-2024-001');
    expect(value('payer')).toBe('张*');
    expect(value('amount')).toBe('1,234.56 元');
    expect(value('note')).toBe('咨询费减免');
    expect(sheet.querySelector('td[data-field=note]')!.getAttribute('colspan')).toBe('3');
    // Fields the form leaves out are not printed.
    expect(sheet.querySelector('td[data-field=persons]')).toBeNull();
    // Without a declared form: every field, two to a row, a long text across the page.
    const generic = printFormRows({ kind: fees }).map((row) => row.map((c) => (c.span === 2 ? `${c.field.key}*2` : c.field.key)));
    expect(generic).toEqual([['feeNo', 'paidOn'], ['payer', 'amount'], ['persons'], ['note*2']]);
  }, 60_000);

  test('a row the database refuses is named by its sheet and row, not its place in the import', () => {
    const rows = [
      { sheet: '1月', row: 4, record: { id: 'a', orgId: 'o', deletedAt: null } },
      { sheet: '2月', row: 7, record: { id: 'b', orgId: 'o', deletedAt: null } },
    ];
    expect(refusalText('导入失败：第 2 条记录：您没有在「服务点收费」新建记录的权限', { rows })).toBe('工作表“2月”第 7 行：您没有在「服务点收费」新建记录的权限');
    // Anything else is shown as the database said it.
    expect(refusalText('数据服务出错，请稍后重试', { rows })).toBe('数据服务出错，请稍后重试');
    expect(refusalText('第 9 条记录：越界', { rows })).toBe('第 9 条记录：越界');
  });
});
