import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mediationCases } from '@fazhi/domain';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { artifactsDir, screenshot, signIn, consoleBrowserForSuite } from './browser.js';

// Ledgers in the console (issue 13): the mediation clerk downloads the import template, fills it
// with exceljs, imports it through the wizard (a bad row first: the error named, the marked file
// downloadable; then fixed), finds the records in the list, exports the filtered list and checks
// the .xlsx against it, prints the list (title, 合计, header repeated on every page) and one case
// as its 人民调解登记表. Against the production build, on the embedded database. The wizard reads
// files in a Web Worker (the page stays responsive, 取消 ends the reading); a print of a quarter's
// 12345 tickets (about 5,000 rows) is timed.

const list = 'mediation/mediation-cases';
const prefix = '南沙调〔2024〕E2E导入';

async function bytesOf(download: Promise<Download>): Promise<{ name: string; bytes: Uint8Array }> {
  const d = await download;
  return { name: d.suggestedFilename(), bytes: new Uint8Array(readFileSync((await d.path())!)) };
}

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((x) => x.text).join('') : String(v));

/** Rows under the template's header, by header (the required ones marked *). */
async function fill(template: Uint8Array, rows: Record<string, string | number>[]): Promise<Buffer> {
  const wb = await workbook(template);
  const ws = wb.worksheets[0]!;
  const headers = (ws.getRow(2).values as ExcelJS.CellValue[]).slice(1).map((h) => text(h).replace(/^\*/, ''));
  rows.forEach((r, i) => {
    for (const [header, value] of Object.entries(r)) {
      const col = headers.indexOf(header);
      if (col < 0) throw new Error(`模板没有“${header}”列：${headers.join('、')}`);
      ws.getCell(4 + i, col + 1).value = value;
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(page: Page, file: Buffer) {
  await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '调解台账.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
  await page.getByRole('button', { name: '下一步' }).waitFor();
}

describe('ledgers in Chromium', () => {
  const cb = consoleBrowserForSuite();

  test('template → import with a bad row, then fixed → the list → export and print of the filtered list → a case’s printed form', async () => {
    await cb.withPage(async (page) => {
      await signIn(page, cb.url, 'mediation');
      await page.goto(`${cb.url}${list}`);
      await page.getByText(/^共 \d+ 条$/).waitFor();

      const template = await bytesOf(Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载导入模板' }).click()]).then(([d]) => d));
      expect(template.name).toBe('人民调解案件导入模板.xlsx');
      // The example row names a unit the clerk may write.
      const example = text((await workbook(template.bytes)).worksheets[0]!.getCell(3, 1).value);
      expect(example).toMatch(/^（示例）./);
      const unit = example.replace('（示例）', '');
      const row = (n: number, acceptedOn: string) => ({ 所属单位: unit, 案件编号: `${prefix}${n}号`, 案件来源: '当事人申请', 纠纷类型: '邻里', 当事人姓名: `张${n}、李${n}`, '涉及人数（人）': n + 1, '涉及金额（元）': `${n},000.50`, 受理日期: acceptedOn, 办理状态: '已受理' });

      // A bad date first: named with sheet, row, column and value; nothing can be written. The
      // file is read in a worker of its own, not on the page's thread.
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(w.url()));
      await page.locator('button', { hasText: /^\s*导\s*入\s*$/ }).click();
      await upload(page, await fill(template.bytes, [row(1, '2024-06-03'), row(2, '2024-02-30')]));
      await page.getByRole('button', { name: '下一步' }).click();
      const errors = page.locator('[data-testid=ledger-errors]');
      await errors.waitFor();
      expect(await errors.textContent()).toContain('2024-02-30');
      await page.getByText('有误 1 行').waitFor();
      expect(workers.filter((u) => /ledger-read/.test(u)).length).toBeGreaterThanOrEqual(2);
      expect(await page.getByRole('button', { name: /确认导入/ }).isDisabled()).toBe(true);
      await screenshot(page, 'ledger-import-errors');
      const marked = await bytesOf(Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载标注错误的文件' }).click()]).then(([d]) => d));
      const markedSheet = (await workbook(marked.bytes)).worksheets[0]!;
      const badCell = markedSheet.getRow(5).values as ExcelJS.CellValue[];
      const badColumn = badCell.findIndex((v) => text(v) === '2024-02-30');
      expect(badColumn).toBeGreaterThan(0);
      expect(JSON.stringify(markedSheet.getCell(5, badColumn).note)).toContain('日期');

      // Fixed and uploaded again: both go in, in one transaction.
      await page.getByRole('button', { name: '上一步' }).click();
      await page.getByRole('button', { name: '上一步' }).click();
      await upload(page, await fill(template.bytes, [row(1, '2024-06-03'), row(2, '2024-06-04')]));
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByRole('button', { name: '确认导入 2 条' }).click();
      await page.getByText('读取 2 行，新增 2 条，更新 0 条，跳过 0 条').waitFor();
      await screenshot(page, 'ledger-import-done');
      await page.locator('.ant-modal-footer button', { hasText: /关\s*闭/ }).click();

      // The list shows them, filtered by their number.
      await page.getByLabel('关键词').fill('E2E导入');
      await page.getByRole('button', { name: /查\s*询/ }).click();
      await page.getByText('共 2 条').waitFor();
      const listed = await page.locator('.ant-table-tbody tr').allTextContents();
      expect(listed.join()).toContain(`${prefix}1号`);
      expect(listed.join()).toContain('1,000.50 元');

      // 导出Excel: the filtered list, its 合计 against what the list shows.
      const exported = await bytesOf(Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Excel' }).click()]).then(([d]) => d));
      const ws = (await workbook(exported.bytes)).worksheets[0]!;
      const title = text(ws.getCell(1, 1).value);
      expect(title).toMatch(/2024年人民调解案件台账$/);
      expect(exported.name).toBe(`${title}.xlsx`);
      const header = (ws.getRow(2).values as ExcelJS.CellValue[]).slice(1).map(text);
      const col = (h: string) => header.indexOf(h) + 1;
      expect(ws.rowCount).toBe(2 + 2 + 1);
      expect([3, 4].map((r) => text(ws.getCell(r, col('案件编号')).value)).sort()).toEqual([`${prefix}1号`, `${prefix}2号`]);
      expect(text(ws.getCell(5, 1).value)).toBe(`合计（2${mediationCases.measureWord}）`);
      expect(ws.getCell(5, col('涉及金额（元）')).value).toBe(3000.5 + 0.5);
      expect(ws.getCell(5, col('涉及人数（人）')).value).toBe(2 + 3);
      // The clerk has no personal-data right: names come masked, as the list shows them.
      expect(text(ws.getCell(3, col('当事人姓名')).value)).toMatch(/^张\*、李\*$/);
      expect(listed.join()).toContain('张*、李*');

      // 打印: title, unit, period, 合计; the table header repeats on every printed page.
      await page.locator('button', { hasText: /^\s*打\s*印\s*$/ }).click();
      const sheet = page.locator('.fazhi-print-sheet');
      await sheet.waitFor();
      expect(await sheet.locator('h1').textContent()).toBe(title);
      expect(await sheet.locator('.fazhi-print-total').textContent()).toContain(`合计（2${mediationCases.measureWord}）`);
      expect(await sheet.locator('.fazhi-print-total').textContent()).toContain('3,001.00 元');
      expect(await sheet.locator('thead').evaluate((el) => getComputedStyle(el).display)).toBe('table-header-group');
      await screenshot(page, 'ledger-print-list');
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('#root').evaluate((el) => getComputedStyle(el).display)).toBe('none');
      expect(await sheet.evaluate((el) => getComputedStyle(el).position)).toBe('static');
      const pdf = await page.pdf({ preferCSSPageSize: true });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
      await page.emulateMedia({ media: 'screen' });
      await sheet.locator('button', { hasText: /关\s*闭/ }).click();
      await sheet.waitFor({ state: 'detached' });

      // One case prints as its 人民调解登记表.
      await page.getByRole('link', { name: `${prefix}1号` }).click();
      await page.waitForURL(/\/show\//);
      await page.getByRole('button', { name: '打印登记表' }).click();
      await sheet.waitFor();
      expect(await sheet.locator('h1').textContent()).toBe('人民调解登记表');
      expect(await sheet.locator('td[data-field=caseNo]').textContent()).toBe(`${prefix}1号`);
      expect(await sheet.locator('td[data-field=disputeType]').textContent()).toBe('邻里');
      expect(await sheet.locator('td[data-field=amount]').textContent()).toBe('1,000.50 元');
      await screenshot(page, 'ledger-print-form');
    }, { failureShot: 'ledger-failure' });
  }, 300_000);

  // The print view of a long list (issue 13: 5,000 rows took 15 s): plain table markup rendered once.
  test('打印 of a quarter’s 12345 tickets: every row, numbered, with its 合计, timed', async () => {
    await cb.withPage(async (page, context) => {
      await signIn(page, cb.url, 'public-service');
      await page.goto(`${cb.url}public-service/hotline-tickets`);
      await page.getByText(/^共 \d+ 条$/).waitFor();
      // The antd select's shown value covers its input: the click goes through it.
      await page.getByRole('combobox', { name: '期间', exact: true }).click({ force: true });
      await page.locator('.ant-select-item-option').filter({ hasText: /^2024$/ }).click();
      await page.getByRole('combobox', { name: '期间类型' }).click({ force: true });
      await page.locator('.ant-select-item-option').filter({ hasText: /^第2季度$/ }).click();
      await page.getByRole('button', { name: /查\s*询/ }).click();
      await expect.poll(() => page.url()).toContain('f=');
      const counted = async () => Number((await page.getByText(/^共 \d+ 条$/).textContent())!.replace(/\D/g, ''));
      await expect.poll(counted).toBeLessThan(21_349);
      const rows = await counted();
      expect(rows).toBeGreaterThan(4_000);

      // Main-thread work during the print (long tasks: fetching happens in the database's worker).
      await page.evaluate(() => {
        const w = window as unknown as { fazhiLongTasks: number };
        w.fazhiLongTasks = 0;
        new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.fazhiLongTasks += e.duration))).observe({ type: 'longtask' });
      });
      // Chromium's own accounting of the page's script, style and layout time, before and after.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      const before = await metrics();
      const started = Date.now();
      await page.locator('button', { hasText: /^\s*打\s*印\s*$/ }).click();
      const sheet = page.locator('.fazhi-print-sheet');
      await sheet.locator('.fazhi-print-total').waitFor({ timeout: 120_000 });
      // Rendered and laid out: the last row's number is on the page.
      await expect.poll(() => sheet.locator('tbody tr').nth(rows - 1).locator('td').first().textContent(), { timeout: 60_000 }).toBe(String(rows));
      const ms = Date.now() - started;
      const mainThreadMs = Math.round(await page.evaluate(() => (window as unknown as { fazhiLongTasks: number }).fazhiLongTasks));
      const after = await metrics();
      const spent = (name: string) => Math.round(((after[name] ?? 0) - (before[name] ?? 0)) * 1000);
      const page_ = { scriptMs: spent('ScriptDuration'), styleMs: spent('RecalcStyleDuration'), layoutMs: spent('LayoutDuration'), taskMs: spent('TaskDuration') };
      expect(await sheet.locator('tbody tr').count()).toBe(rows + 1);
      expect(await sheet.locator('.fazhi-print-total').textContent()).toContain(`合计（${rows}件）`);
      mkdirSync(artifactsDir, { recursive: true });
      writeFileSync(join(artifactsDir, 'ledger-print-timing.json'), `${JSON.stringify({ rows, ms, mainThreadMs, ...page_, at: new Date().toISOString() }, null, 2)}\n`);
      console.log(`打印 ${rows} 行：${ms} ms（页面主线程长任务 ${mainThreadMs} ms：${JSON.stringify(page_)}）`);
      // The visible part only: a full-page image of 5,000 rows is too tall to take.
      await screenshot(page, 'ledger-print-5000', { fullPage: false });
      await sheet.locator('button', { hasText: /关\s*闭/ }).click();
      await sheet.waitFor({ state: 'detached' });
    }, { failureShot: 'ledger-print-5000-failure' });
  }, 300_000);
});
