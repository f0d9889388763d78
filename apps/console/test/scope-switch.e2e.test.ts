import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { indicatorCard, signIn, consoleBrowserForSuite } from './browser.js';

/**
 * Switching the unit or year in the header re-renders the page's figures and nothing else: the
 * header, its 待办 count and the menu stay mounted. (They used to be remounted on every switch,
 * re-running the 待办 counts and the demo-data check ahead of the page's figures in the one
 * database worker.)
 */
const cb = consoleBrowserForSuite();

const persistent = ['[data-testid="user-menu"]', '[data-testid="todo-count"]', '.ant-layout-sider .ant-menu'];

/** Tags the header's and the menu's DOM nodes, so a remount (new nodes) can be told from a re-render. */
const tag = (page: Page) =>
  page.evaluate((selectors) => selectors.forEach((s) => ((document.querySelector(s) as unknown as { fazhiTag?: string }).fazhiTag = s)), persistent);
const stillTagged = (page: Page) =>
  page.evaluate((selectors) => selectors.filter((s) => (document.querySelector(s) as unknown as { fazhiTag?: string } | null)?.fazhiTag === s), persistent);

async function chooseYear(page: Page, year: number): Promise<void> {
  await page.getByTestId('year-switcher').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: new RegExp(`^${year}年$`) }).click();
  await expect.poll(() => page.getByTestId('home-title').textContent(), { timeout: 60_000 }).toContain(`${year}年`);
}

describe('switching year in the header', () => {
  test('keeps the header, its 待办 count and the menu mounted while the figures change', async () => {
    await cb.withPage(async (page) => {
      await signIn(page, cb.url, 'admin');
      const cases2024 = await indicatorCard(page, 'mediation.successful_cases').textContent();
      await page.locator('[data-testid="todo-count"][data-todo-count]:not([data-todo-count=""])').waitFor({ timeout: 60_000 });
      await tag(page);
      expect(await stillTagged(page)).toEqual(persistent);
      await chooseYear(page, 2023);
      await indicatorCard(page, 'mediation.successful_cases').waitFor({ timeout: 60_000 });
      expect(await indicatorCard(page, 'mediation.successful_cases').textContent()).not.toBe(cases2024);
      expect(await stillTagged(page)).toEqual(persistent);
      await chooseYear(page, 2024);
      await expect.poll(() => indicatorCard(page, 'mediation.successful_cases').textContent(), { timeout: 60_000 }).toBe(cases2024);
      expect(await stillTagged(page)).toEqual(persistent);
    });
  }, 180_000);
});
