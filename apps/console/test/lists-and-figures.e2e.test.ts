import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { indicatorCard, screenshot, signIn, consoleBrowserForSuite } from './browser.js';

// What every work area's pages get from the SDK, in the built console in Chromium: a dashboard
// figure opens exactly the records behind it, by a click on its card. Every figure of every
// dashboard is checked in drill-every-figure.e2e.test.ts; a list's URL in history-and-links.e2e.test.ts.

const cb = consoleBrowserForSuite();

const total = async (page: Page) => Number((await page.getByText(/共 \d+ 条/).textContent())!.match(/\d+/)![0]);
const digits = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));

describe('figures and lists in Chromium', () => {
  test('clicking a dashboard figure opens its records: the list’s total is the figure, with its conditions', async () => {
    await cb.withPage(async (page) => {
      await signIn(page, cb.url, 'mediation');
      await page.goto(`${cb.url}mediation`);
      const figure = digits(await indicatorCard(page, 'mediation.successful_cases').textContent());
      expect(figure).toBeGreaterThan(0);
      await page.locator('[data-indicator="mediation.successful_cases"] [data-drill-link]').click();
      await page.getByText(/^来自指标：/).waitFor();
      expect(page.url()).toContain('drill=mediation.successful_cases');
      await expect.poll(() => total(page)).toBe(figure);
      expect(await page.locator('[data-drill] .ant-tag').allTextContents()).toContainEqual(expect.stringMatching(/在 \d{4}-01-01 至 \d{4}-12-31 之间$/));
      await screenshot(page, 'drill-successful-cases');
    });
  }, 180_000);

});
