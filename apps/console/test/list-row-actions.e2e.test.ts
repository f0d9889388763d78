import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openConsoleBrowser, screenshot, signIn, type ConsoleBrowser } from './browser.js';

// A list's row actions in the built console in Chromium: the delete asks first (its question is
// mounted on demand, no longer one per row) and is reachable from the keyboard: Enter on 删除
// asks, the question's 取消 has the focus, Tab reaches its 删除, Enter deletes. Restore asks too.

let cb: ConsoleBrowser;
beforeAll(async () => {
  cb = await openConsoleBrowser();
}, 120_000);
afterAll(async () => {
  await cb?.close();
});

const total = async (page: Page) => Number((await page.locator('.ant-pagination-total-text').textContent())!.match(/\d+/)![0]);
const activeText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.replace(/\s/g, '') ?? '');
const question = (page: Page) => page.locator('.ant-popconfirm:not(.ant-popover-hidden)');

describe('list row actions in Chromium', () => {
  test('delete asks first and is done from the keyboard; restore asks too', async () => {
    const { context, page } = await cb.newPage();
    try {
      await signIn(page, cb.url, 'mediation');
      await page.goto(`${cb.url}mediation/mediation-cases`);
      await page.getByText(/共 \d+ 条/).waitFor();
      const before = await total(page);
      const row = page.locator('.ant-table-tbody tr.ant-table-row').first();
      const id = await row.getAttribute('data-row-key');
      // No question before it is asked for.
      expect(await page.locator('.ant-popconfirm').count()).toBe(0);
      await row.getByRole('button', { name: /删\s*除/ }).focus();
      await page.keyboard.press('Enter');
      await question(page).getByText('确定删除这条记录吗？删除后可在“显示已删除”中恢复。').waitFor();
      await screenshot(page, 'list-delete-question');
      await expect.poll(() => activeText(page)).toBe('取消');
      await page.keyboard.press('Tab');
      await expect.poll(() => activeText(page)).toBe('删除');
      await page.keyboard.press('Enter');
      await expect.poll(() => total(page), { timeout: 30_000 }).toBe(before - 1);
      expect(await page.locator(`tr[data-row-key="${id}"]`).count()).toBe(0);

      // 显示已删除: the row is back, marked; its 恢复 asks, and restores.
      await page.getByRole('switch', { name: '显示已删除' }).click();
      const deleted = page.locator(`tr[data-row-key="${id}"]`);
      await deleted.getByText('已删除').waitFor();
      await deleted.getByRole('button', { name: /恢\s*复/ }).click();
      await question(page).getByRole('button', { name: /恢\s*复/ }).click();
      await expect.poll(async () => deleted.getByText('已删除').count(), { timeout: 30_000 }).toBe(0);
      await page.getByRole('switch', { name: '显示已删除' }).click();
      await expect.poll(() => total(page), { timeout: 30_000 }).toBe(before);
      await screenshot(page, 'list-after-restore');
    } finally {
      await context.close();
    }
  }, 180_000);
});
