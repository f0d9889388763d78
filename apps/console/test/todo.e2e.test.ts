import { describe, expect, test } from 'vitest';
import { screenshot, signIn, consoleBrowserForSuite } from './browser.js';

/**
 * 待办 in Chromium, on the production build and the embedded database with the demo street's
 * seed: a ticket past its 办理时限 is listed and counted in the header; closing it (办结) through
 * its page removes it from both, the count dropping by exactly one.
 */
describe('待办 in Chromium', () => {
  const cb = consoleBrowserForSuite();

  test('the public-service clerk closes a ticket past its deadline from 待办: it leaves the page and the header count drops by one', async () => {
    await cb.withPage(async (page) => {
      await signIn(page, cb.url, 'public-service');
      const headerCount = page.getByTestId('todo-count');
      const count = async () => Number(await headerCount.getAttribute('data-todo-count'));
      await expect.poll(() => headerCount.getAttribute('data-todo-count'), { timeout: 60_000 }).toMatch(/^\d+$/);
      const before = await count();
      expect(before).toBeGreaterThan(0);
      // The menu's first entry is 待办.
      expect((await page.locator('.ant-menu-item').first().textContent())?.trim()).toBe('待办');

      await headerCount.click();
      await page.waitForURL(/\/todo$/);
      const group = page.locator('[data-todo="public-service.hotline_tickets.due"]');
      await expect.poll(() => group.getAttribute('data-todo-total'), { timeout: 60_000 }).toMatch(/^\d+$/);
      const groupBefore = Number(await group.getAttribute('data-todo-total'));
      expect(groupBefore).toBeGreaterThan(0);
      expect(groupBefore).toBeLessThanOrEqual(before);
      // Earliest due first: the first row is past its deadline.
      const first = group.locator('.ant-table-tbody tr.ant-table-row').first();
      await expect.poll(() => first.textContent()).toMatch(/逾期 \d+ 天/);
      const ticketNo = (await first.locator('a').textContent())!.trim();
      await screenshot(page, 'todo-page');

      await first.locator('a').click();
      await page.waitForURL(/\/public-service\/hotline-tickets\/show\//);
      await page.getByRole('button', { name: /^办\s*结$/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: /确\s*定/ }).click({ trial: true });
      const closedAt = dialog.getByLabel('办结时间', { exact: true });
      await closedAt.click();
      // Yesterday noon in Shanghai: after any seed ticket was received, never in the future.
      const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
      await closedAt.fill(`${yesterday} 12:00`);
      await closedAt.press('Tab');
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await page.getByText('当前状态：已办结').waitFor();

      // The write invalidated the header's queries: one fewer, without a reload.
      await expect.poll(count, { timeout: 30_000 }).toBe(before - 1);
      await headerCount.click();
      await page.waitForURL(/\/todo$/);
      await expect.poll(() => group.getAttribute('data-todo-total'), { timeout: 30_000 }).toBe(String(groupBefore - 1));
      expect(await group.getByText(ticketNo, { exact: true }).count()).toBe(0);
      await screenshot(page, 'todo-after-close');
    });
  }, 240_000);

  test('a viewer, who writes in no area, has no header count and an empty 待办 page', async () => {
    await cb.withPage(async (page) => {
      await signIn(page, cb.url, 'viewer');
      expect(await page.getByTestId('todo-count').count()).toBe(0);
      await page.goto(`${cb.url}todo`);
      await page.getByText('您没有可办理的领域，没有待办').waitFor();
    });
  }, 120_000);
});
