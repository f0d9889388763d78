import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { screenshot, signIn, signOut, consoleBrowserForSuite } from './browser.js';

// The 操作日志 and a list's URL in the built console in Chromium, as issue 11's proof asks: an edit
// made through the form shows its old and new value (personal ones masked for a clerk without the
// grant, as they were for the admin), and a list's filter, sort and page come back on reload, go
// back one by one, and open the same way from the link in another browser profile.

const cb = consoleBrowserForSuite();

const listPath = 'mediation/mediation-cases';
const total = async (page: Page) => Number((await page.getByText(/共 \d+ 条/).textContent())!.match(/\d+/)![0]);
const firstRowKey = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row').first().getAttribute('data-row-key');
const historyOf = (page: Page, field: string) => page.locator(`[data-history-field="${field}"]`).first();

describe('操作日志 and list links in Chromium', () => {
  test('an edit shows old and new value in the 操作日志: personal values as they were for the admin, masked for the clerk', async () => {
    await cb.withPage(async (page) => {
      await signIn(page, cb.url, 'admin');
      await page.goto(`${cb.url}${listPath}`);
      await page.getByText(/共 \d+ 条/).waitFor();
      const id = await firstRowKey(page);
      await page.goto(`${cb.url}${listPath}/edit/${id}`);
      const names = page.getByLabel('当事人姓名', { exact: true });
      await expect.poll(() => names.inputValue()).not.toBe('');
      const before = await names.inputValue();
      const summary = `浏览器核对操作日志 ${Date.now()}`;
      await names.fill('欧阳明、李四');
      await page.getByLabel('纠纷简要情况', { exact: true }).fill(summary);
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.waitForURL(/\/show\//);

      await expect.poll(() => historyOf(page, 'partyNames').textContent()).toBe(`当事人姓名：${before} → 欧阳明、李四`);
      expect(await historyOf(page, 'summary').textContent()).toMatch(new RegExp(`^纠纷简要情况：.* → ${summary}$`));
      await screenshot(page, 'history-edit-admin');

      // The mediation clerk holds no personal-data grant: the same change, the names masked.
      await signOut(page);
      await signIn(page, cb.url, 'mediation');
      await page.goto(`${cb.url}${listPath}/show/${id}`);
      await expect.poll(() => historyOf(page, 'summary').textContent()).toMatch(new RegExp(`→ ${summary}$`));
      const masked = (await historyOf(page, 'partyNames').textContent())!;
      expect(masked).toMatch(/^当事人姓名：.+ → 欧\*+、李\*$/);
      expect(masked).not.toContain(before);
      expect(await page.locator('body').textContent()).not.toContain('欧阳明');
      await screenshot(page, 'history-edit-clerk-masked');
    });
  }, 240_000);

  test('filter, sort and page are one link: reload restores them, back undoes them one by one, another profile opens the same page', async () => {
    await cb.withPage(async (page) => {
      await signIn(page, cb.url, 'mediation');
      await page.goto(`${cb.url}${listPath}`);
      // No period chosen: the list follows the header's year and says so.
      await page.getByText(/^按页头所选年份（\d{4}年）显示/).waitFor();
      const year = await total(page);
      await page.getByRole('combobox', { name: '纠纷类型' }).click();
      await page.locator('.ant-select-item-option').filter({ hasText: /^邻里$/ }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /查\s*询/ }).click();
      await expect.poll(() => page.url()).toContain('f=');
      await expect.poll(() => total(page)).toBeLessThan(year);
      const neighbours = await total(page);
      // Sort by 案件编号 (unique, so every profile gets the same rows in the same order).
      await page.locator('.ant-table-thead th').filter({ hasText: '案件编号' }).click();
      await expect.poll(() => page.url()).toMatch(/sort=caseNo\.asc/);
      // The rows, not the pager or the URL (both move at the click), say when a page has come: the
      // sorted first page is in order, and page 2 starts after its last number.
      const caseNos = () => page.locator('.ant-table-tbody tr.ant-table-row td:first-child').allTextContents();
      await expect.poll(async () => { const n = await caseNos(); return n.length > 1 && n.every((x, i) => i === 0 || n[i - 1]! < x); }).toBe(true);
      const lastOnFirstPage = (await caseNos()).at(-1)!;
      await page.locator('.ant-pagination-item-2').click();
      await expect.poll(() => page.url()).toContain('page=2');
      await expect.poll(() => page.locator('.ant-pagination-item-active').textContent()).toBe('2');
      await expect.poll(async () => (await caseNos())[0]! > lastOnFirstPage).toBe(true);
      const shared = page.url();
      const row = await firstRowKey(page);

      await page.reload();
      await expect.poll(() => firstRowKey(page)).toBe(row);
      expect(await total(page)).toBe(neighbours);
      expect(await page.locator('.ant-pagination-item-active').textContent()).toBe('2');
      expect(await page.locator('.ant-table-thead th[aria-sort="ascending"]').textContent()).toContain('案件编号');
      expect(await page.locator('.ant-form').getByText('邻里', { exact: true }).count()).toBeGreaterThan(0);

      await page.goBack();
      await expect.poll(() => page.url()).not.toContain('page=2');
      await page.goBack();
      await expect.poll(() => page.url()).not.toContain('sort=');
      await expect.poll(() => total(page)).toBe(neighbours);
      await page.goBack();
      await expect.poll(() => page.url()).not.toContain('f=');
      await expect.poll(() => total(page)).toBe(year);

      // The link in another profile (the street admin, a first visit): the same records, the same page.
      const other = await cb.newPage();
      try {
        await signIn(other.page, cb.url, 'admin');
        await other.page.goto(shared);
        await expect.poll(() => firstRowKey(other.page)).toBe(row);
        expect(await total(other.page)).toBe(neighbours);
        expect(await other.page.locator('.ant-pagination-item-active').textContent()).toBe('2');
        await screenshot(other.page, 'list-shared-link');
      } finally {
        await other.context.close();
      }
    });
  }, 240_000);
});
