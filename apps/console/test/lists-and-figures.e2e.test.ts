import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { indicatorCard, openConsoleBrowser, screenshot, signIn, type ConsoleBrowser } from './browser.js';

// What every work area's pages get from the SDK, in the built console in Chromium: a dashboard
// figure opens exactly the records behind it, and a list keeps filters and page in its URL.

let cb: ConsoleBrowser;
beforeAll(async () => {
  cb = await openConsoleBrowser();
}, 120_000);
afterAll(async () => {
  await cb?.close();
});

const total = async (page: Page) => Number((await page.getByText(/共 \d+ 条/).textContent())!.match(/\d+/)![0]);
const digits = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));

describe('figures and lists in Chromium', () => {
  test('clicking a dashboard figure opens its records: the list’s total is the figure, with its conditions', async () => {
    const { context, page } = await cb.newPage();
    try {
      await signIn(page, cb.url, 'mediation');
      await page.goto(`${cb.url}mediation`);
      const figure = digits(await indicatorCard(page, 'mediation.successful_cases').textContent());
      expect(figure).toBeGreaterThan(0);
      await page.locator('[data-drill-link="mediation.successful_cases"]').click();
      await page.getByText(/^来自指标：/).waitFor();
      expect(page.url()).toContain('drill=mediation.successful_cases');
      await expect.poll(() => total(page)).toBe(figure);
      expect(await page.locator('[data-drill] .ant-tag').allTextContents()).toContainEqual(expect.stringMatching(/在 \d{4}-01-01 至 \d{4}-12-31 之间$/));
      await screenshot(page, 'drill-successful-cases');
    } finally {
      await context.close();
    }
  }, 180_000);

  test('a list’s filter, sort and page live in the URL: reload keeps them, back undoes them one by one', async () => {
    const { context, page } = await cb.newPage();
    try {
      await signIn(page, cb.url, 'mediation');
      await page.goto(`${cb.url}mediation/mediation-cases`);
      // No period chosen: the list follows the header's year and says so.
      await page.getByText(/^按页头所选年份（\d{4}年）显示/).waitFor();
      const year = await total(page);
      await page.getByRole('combobox', { name: '纠纷类型' }).click();
      await page.locator('.ant-select-item-option').filter({ hasText: /^邻里$/ }).click();
      // A multiple select keeps its dropdown open over the buttons.
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /查\s*询/ }).click();
      await expect.poll(() => page.url()).toContain('f=');
      await expect.poll(() => total(page)).toBeLessThan(year);
      const neighbours = await total(page);
      expect(neighbours).toBeGreaterThan(20);

      await page.reload();
      await expect.poll(() => total(page)).toBe(neighbours);
      expect(await page.locator('.ant-form').getByText('邻里', { exact: true }).count()).toBeGreaterThan(0);

      await page.locator('.ant-pagination-item-2').click();
      await expect.poll(() => page.url()).toContain('page=2');
      await page.goBack();
      await expect.poll(() => page.url()).not.toContain('page=2');
      await expect.poll(() => total(page)).toBe(neighbours);
      await page.goBack();
      await expect.poll(() => page.url()).not.toContain('f=');
      await expect.poll(() => total(page)).toBe(year);
      await screenshot(page, 'list-url-state');
    } finally {
      await context.close();
    }
  }, 180_000);
});
