import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot, signIn, consoleBrowserForSuite } from './browser.js';

// 街道对比 (/reports/district) in the built console in Chromium, as the demo district supervisor:
// a row per street, 区直 and 合计 under them adding up, a figure opening its records, sorting, and
// the .xlsx export carrying the same figures; the supervisor's own report workspace drafts the
// district's report with the 合计 figures and links back to the comparison. The mediation clerk has
// no such page.

const cb = consoleBrowserForSuite();

const digits = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));
const total = async (page: Page) => Number((await page.getByText(/共 \d+ 条/).textContent())!.match(/\d+/)![0]);
/** The figure of `indicator` in the summary row labelled `label` (区直 or 合计). */
const summaryCell = (page: Page, label: string, column: number) => page.locator('.ant-table-summary tr').filter({ hasText: label }).locator('td').nth(column);

describe('district comparison in Chromium', () => {
  test('streets, 区直 and 合计 add up; a figure opens its records; sorted; exported to .xlsx', async () => {
    await cb.withPage(async (page) => {
      await signIn(page, cb.url, 'supervisor');
      await page.getByRole('menuitem', { name: '街道对比' }).click();
      await page.waitForURL(/\/reports\/district$/);
      await page.getByTestId('district-title').filter({ hasText: '各街道指标对比' }).waitFor();
      // The whole comparison is one database call; on a loaded CI machine it can take a while.
      await page.locator('[data-testid="district-area"] .ant-select').click({ timeout: 120_000 });
      await page.locator('.ant-select-item-option').filter({ hasText: /^人民调解$/ }).click();
      const header = page.locator('.ant-table-thead [data-indicator="mediation.accepted_cases"]').first();
      await header.waitFor();
      const column = await page.locator('.ant-table-thead th').evaluateAll((ths) => ths.findIndex((th) => th.querySelector('[data-indicator="mediation.accepted_cases"]')));
      expect(column).toBeGreaterThan(0);

      const streetLinks = page.locator('[data-drill$="|mediation.accepted_cases"]');
      const streets = (await streetLinks.count()) - 1; // the 合计 row links too
      expect(streets).toBeGreaterThanOrEqual(1);
      const streetSum = (await streetLinks.allTextContents()).slice(0, streets).reduce((s, t) => s + digits(t), 0);
      const direct = digits(await summaryCell(page, '区直', column).textContent());
      const sum = digits(await summaryCell(page, '合计', column).textContent());
      expect(sum).toBeGreaterThan(0);
      expect(streetSum + direct).toBe(sum);
      await screenshot(page, 'district-comparison');

      // Sorting by the column keeps 区直 and 合计 below the streets.
      await header.click();
      await expect.poll(() => page.locator('.ant-table-column-sort').count()).toBeGreaterThan(0);
      expect(await page.locator('.ant-table-summary tr').allTextContents()).toEqual([expect.stringMatching(/^区直/), expect.stringMatching(/^合计/)]);

      // The export carries every indicator, the same figures.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('district-export').click()]);
      expect(download.suggestedFilename()).toMatch(/^南沙区\d{4}年各街道指标对比\.xlsx$/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(await download.path());
      const sheet = book.worksheets[0]!;
      const labels = sheet.getRow(3).values as unknown[];
      const col = labels.findIndex((v) => typeof v === 'string' && v.startsWith('受理矛盾纠纷'));
      expect(col).toBeGreaterThan(1);
      const rowOf = (name: string) => sheet.getRows(4, sheet.rowCount - 3)!.find((r) => r.getCell(1).value === name)!;
      expect([rowOf('区直').getCell(col).value, rowOf('合计').getCell(col).value]).toEqual([direct, sum]);
      expect(labels.length - 2).toBeGreaterThan(100);

      // A street's figure opens the list of its records.
      const first = streetLinks.first();
      const figure = digits(await first.textContent());
      await first.click();
      await page.getByText(/^来自指标：/).waitFor();
      expect(page.url()).toContain('drill=mediation.accepted_cases');
      await expect.poll(() => total(page)).toBe(figure);

      // The supervisor's own workspace drafts the district's report: its figures are the 合计 row's,
      // its readiness checks run over the district, and it links to the comparison.
      await page.getByRole('menuitem', { name: /年度报告/ }).click();
      await page.waitForURL(/\/reports$/);
      const accepted = page.locator('[data-testid="report-document"] [data-figure="mediation.accepted_cases"]').first();
      await accepted.waitFor({ timeout: 120_000 });
      expect(await page.getByTestId('report-document').locator('h1').textContent()).toMatch(/^南沙区\d{4}年法治政府建设情况报告$/);
      expect(digits(await accepted.textContent())).toBe(sum);
      await page.getByTestId('readiness').getByText(/项待处理|全部通过/).waitFor({ timeout: 120_000 });
      await screenshot(page, 'district-report-workspace');
      await page.getByTestId('district-comparison-link').click();
      await page.waitForURL(/\/reports\/district$/);
      await page.getByTestId('district-title').filter({ hasText: '各街道指标对比' }).waitFor();
    });
  }, 300_000);

  test('is not offered to a street clerk', async () => {
    await cb.withPage(async (page) => {
      await signIn(page, cb.url, 'mediation');
      expect(await page.getByRole('menuitem', { name: '街道对比' }).count()).toBe(0);
      await page.goto(`${cb.url}reports/district`);
      await page.getByText('所选单位下没有街道，无法对比').waitFor();
    });
  }, 120_000);
});
