import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { anyIndicatorCard, indicatorCard, screenshot, signIn, consoleBrowserForSuite } from './browser.js';

/**
 * A later visit paints the home page's figures of the last visit at once, marked 正在更新, while
 * the database opens, and replaces them with the database's own. Nothing remembered survives a
 * write: here the street admin revokes a clerk's grant, and the next reload waits for the database.
 */
const cb = consoleBrowserForSuite();

const successfulCases = 'mediation.successful_cases';
const figure = async (page: Page, card: ReturnType<typeof indicatorCard>) => {
  await card.waitFor({ timeout: 60_000 });
  return (await card.textContent())!;
};

/** Every page of the context notes whether 正在更新 was ever on screen (it may be there for a moment only). */
async function watchRefreshing(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { sawRefreshing?: boolean; sawRemembered?: string };
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="figures-refreshing"]')) w.sawRefreshing = true;
      const remembered = document.querySelector('[data-testid="remembered-home"] [data-indicator="mediation.successful_cases"] .ant-statistic-content-value');
      if (remembered && w.sawRemembered === undefined) w.sawRemembered = remembered.textContent ?? '';
    }).observe(document, { childList: true, subtree: true });
  });
}
const sawRefreshing = (page: Page) => page.evaluate(() => (window as unknown as { sawRefreshing?: boolean }).sawRefreshing === true);

describe('a later visit', () => {
  test('shows the last figures at once, marked 正在更新, then the database’s; a write leaves nothing to show', async () => {
    await cb.withPage(async (page, context) => {
      await watchRefreshing(context);
      await signIn(page, cb.url, 'admin');
      const confirmed = await figure(page, indicatorCard(page, successfulCases));
      expect(await sawRefreshing(page)).toBe(false);

      // Reload: the remembered home comes first (no menu, no links), then the live console.
      await page.reload();
      const remembered = page.getByTestId('remembered-home');
      await page.getByTestId('figures-refreshing').waitFor({ timeout: 60_000 });
      await expect.poll(() => page.evaluate(() => (window as unknown as { sawRemembered?: string }).sawRemembered), { timeout: 60_000 }).toBe(confirmed);
      if (await remembered.count()) await screenshot(page, 'later-visit-remembered-figures');
      expect(await figure(page, indicatorCard(page, successfulCases))).toBe(confirmed);
      expect(await page.getByTestId('figures-refreshing').count()).toBe(0);
      // The title names the unit and year the figures are of, before and after.
      expect(await page.getByTestId('home-title').textContent()).toMatch(/2024年法治政府建设概览/);
      await screenshot(page, 'later-visit-confirmed');

      // A write: the admin revokes the mediation clerk's grant (成员与权限).
      await page.locator('.ant-menu-item').filter({ hasText: '成员与权限' }).click();
      const clerkRow = page.getByTestId('members-table').locator('tr.ant-table-row').filter({ hasText: 'mediation@demo.fazhi.example' }).first();
      await clerkRow.waitFor({ timeout: 60_000 });
      expect(await page.evaluate(() => localStorage.getItem('fazhi.lastHome'))).not.toBeNull();
      await clerkRow.getByRole('button', { name: /撤\s*销/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('原因', { exact: true }).fill('调离调解岗位');
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await expect.poll(() => page.evaluate(() => localStorage.getItem('fazhi.lastHome')), { timeout: 30_000 }).toBeNull();

      // The next visit has nothing remembered: it waits for the database, and shows its figures.
      await page.goto(cb.url);
      expect(await figure(page, indicatorCard(page, successfulCases))).toBe(confirmed);
      expect(await sawRefreshing(page)).toBe(false);
      expect(await page.evaluate(() => (window as unknown as { sawRemembered?: string }).sawRemembered)).toBeUndefined();
      // Seen once more, the home is remembered again.
      expect(await figure(page, anyIndicatorCard(page, successfulCases))).toBe(confirmed);
      await expect.poll(() => page.evaluate(() => localStorage.getItem('fazhi.lastHome'))).not.toBeNull();
    });
  }, 240_000);
});
