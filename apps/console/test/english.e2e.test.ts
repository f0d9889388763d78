import { loadConfig } from '@fazhi/model/node';
import type { WorkAreaPlugin } from '@fazhi/plugin-sdk';
import * as sdk from '@fazhi/plugin-sdk';
import { resourcePaths } from '@fazhi/plugin-sdk/host';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { demoStreetName } from '../scripts/demo-street.js';
import { demoPassword, screenshot, consoleBrowserForSuite } from './browser.js';

// English mode, in the built console in Chromium: every page a clerk walks through shows no
// Chinese outside record data. Record data is what records and org units hold: the pages mark the
// values clerks typed with `data-record`; unit names are also taken out by value (they sit inside
// sentences such as the drill banner's conditions); the language switch names Chinese in Chinese
// (`lang="zh-CN"`).

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const cb = consoleBrowserForSuite();
let plugins: WorkAreaPlugin[];
let orgNames: string[];

beforeAll(async () => {
  plugins = (await loadConfig({ cwd: repoRoot, hostModules: { '@fazhi/plugin-sdk': sdk } })).plugins.map((p) => p.extension as WorkAreaPlugin);
  // The demo's units: the seed street's, and the fictional second street made from them.
  const rows = readFileSync(`${repoRoot}/seeds/nansha-2024/orgs.csv`, 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
  const header = rows[0]!.split(',');
  const names = rows.slice(1).flatMap((line) => ['name', 'shortName'].map((c) => line.split(',')[header.indexOf(c)]?.trim() ?? '')).filter(Boolean);
  const street = names.find((n) => n.endsWith('街道')) ?? '南沙街道';
  orgNames = [...new Set([...names, ...names.map((n) => n.replace(street, demoStreetName.shortName)), demoStreetName.name, demoStreetName.shortName])].sort((a, b) => b.length - a.length);
}, 120_000);

/** Han characters and CJK or full-width punctuation (、，：（）「」…). */
const cjk = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * The visible text of the page outside record data, one entry per text node (with placeholders
 * and the titles of open dialogs, which are text nodes too), with every unit name taken out.
 */
async function visibleUiText(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    // An element inside the page that says it is in Chinese (the language switch); the page's own lang does not count.
    const saysChinese = (el: Element) => {
      const tagged = el.closest('[lang]');
      return tagged !== null && tagged !== document.documentElement && tagged.getAttribute('lang') === 'zh-CN';
    };
    const skip = (el: Element | null) => !el || !!el.closest('[data-record], script, style, noscript') || saysChinese(el);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (!text || !el || skip(el)) continue;
      // Only what is on screen: hidden dropdowns, collapsed menus and closed dialogs do not count.
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || el.closest('[aria-hidden="true"], .ant-select-dropdown-hidden, .ant-tooltip-hidden, .ant-popover-hidden')) continue;
      out.push(text);
    }
    for (const input of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[placeholder], textarea[placeholder]')) {
      if (input.placeholder && input.getBoundingClientRect().width > 0 && !skip(input)) out.push(input.placeholder);
    }
    return out;
  });
  return texts.map((t) => orgNames.reduce((s, name) => s.split(name).join(''), t));
}

/** Fails naming the Chinese left on the page (and saves a screenshot of it). */
async function expectNoChinese(page: Page, where: string) {
  const left = (await visibleUiText(page)).filter((t) => cjk.test(t));
  if (left.length) await screenshot(page, `english-untranslated-${where.replace(/\W+/g, '-')}`);
  // Soft: one run names what is left on every page.
  expect.soft(left, `Chinese on ${where}`).toEqual([]);
}

/** The list has answered: rows, or its empty state. */
async function listLoaded(page: Page, what = 'list') {
  await page
    .getByText(/\d+ in total|No data/)
    .first()
    .waitFor({ timeout: 90_000 })
    .catch(async (e: Error) => {
      await screenshot(page, `english-not-loaded-${what.replace(/\W+/g, '-')}`);
      throw new Error(`${what} did not load: ${e.message}`);
    });
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' }).catch(() => undefined);
}

describe('English walk-through', () => {
  test('sign-in, home, every list, a dashboard with its drill-down, a create form, a record’s step dialog, steps and change log (操作日志), the annual report workspace: no Chinese outside record data', async () => {
    await cb.withPage(async (page) => {
      await page.goto(`${cb.url}login`);
      // The check sees the page's words: in Chinese it finds them.
      await page.getByLabel('邮箱').waitFor();
      expect((await visibleUiText(page)).filter((t) => cjk.test(t))).toContain('邮箱');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByLabel('E-mail').fill('admin@demo.fazhi.example');
      await expectNoChinese(page, 'sign-in');
      await screenshot(page, 'english-sign-in');
      await page.getByLabel('Password').fill(demoPassword);
      await page.getByRole('button', { name: /Sign in/ }).click();
      await page.getByTestId('user-menu').waitFor();

      // Home: every area's headline cards, figures formatted in English.
      await page.locator('[data-plugin] .ant-statistic-content-value').first().waitFor();
      await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' });
      await expectNoChinese(page, 'home');
      await screenshot(page, 'english-home');

      // The choice survives a reload.
      await page.reload();
      await page.getByTestId('language-switch').getByText('中文').waitFor();

      // Every plugin's lists, the menu open on the way.
      for (const plugin of plugins) {
        for (const resource of plugin.resources) {
          await page.goto(`${cb.url}${resourcePaths(plugin, resource).list.slice(1)}`);
          await listLoaded(page, `${plugin.id} ${resource.kind.id}`);
          await expectNoChinese(page, `${plugin.id} ${resource.kind.id} list`);
        }
      }
      await screenshot(page, 'english-list');

      // A dashboard, then the records behind a figure.
      await page.goto(`${cb.url}mediation`);
      await page.locator('[data-indicator="mediation.success_rate"] [data-drill-link]').waitFor();
      await page.locator('table .ant-table-row').first().waitFor();
      await expectNoChinese(page, 'mediation dashboard');
      await screenshot(page, 'english-dashboard');
      await page.locator('[data-indicator="mediation.success_rate"] [data-drill-link]').click();
      await page.locator('[data-drill]').waitFor();
      await page.locator('[data-drill-part="denominator"]').getByText(/\d+/).waitFor();
      await listLoaded(page);
      await expectNoChinese(page, 'drilled list');
      await screenshot(page, 'english-drill');

      // A create form with its sections, hints and pickers.
      await page.goto(`${cb.url}mediation/mediation-cases/create`);
      await page.getByText('Acceptance', { exact: true }).waitFor();
      await expectNoChinese(page, 'create form');
      await screenshot(page, 'english-create');

      // A record in its workflow: the steps it took, the buttons, a step's dialog, the 操作日志.
      await page.goto(`${cb.url}mediation/mediation-cases?f=${encodeURIComponent(JSON.stringify({ status: ['mediating'] }))}`);
      await listLoaded(page);
      await page.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('button', { name: /Show/ }).click();
      await page.waitForURL(/\/show\//);
      await page.getByRole('button', { name: 'Close', exact: true }).waitFor();
      await page.getByText('Change log').waitFor();
      await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' }).catch(() => undefined);
      await expectNoChinese(page, 'record page');
      await screenshot(page, 'english-show');
      await page.getByRole('button', { name: 'Close', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Mediation result').waitFor();
      // Saved empty, the step is refused in English by the form's own validation.
      await dialog.getByRole('button', { name: /OK/ }).click();
      await dialog.getByText('"Mediation result" is required').first().waitFor();
      await expectNoChinese(page, 'workflow dialog');
      await screenshot(page, 'english-step-dialog');
      // Taken (unsuccessful: no agreement form needed), the step shows in the steps and in the change log (old → new values) in English.
      await dialog.getByRole('combobox', { name: 'Mediation result', exact: true }).click({ force: true });
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: /^Unsuccessful$/ }).click();
      const closedOn = dialog.getByLabel('Closed on', { exact: true });
      await closedOn.click();
      await closedOn.fill(new Date().toISOString().slice(0, 10));
      await closedOn.press('Tab');
      await dialog.getByRole('button', { name: /OK/ }).click();
      await page.getByText('Current state: Closed').waitFor();
      await page.locator('[data-history-field="status"]').first().waitFor();
      await page.getByRole('cell', { name: 'Close', exact: true }).first().waitFor();
      await page.getByRole('dialog').waitFor({ state: 'detached' }).catch(() => undefined);
      await expectNoChinese(page, 'record page after a step');
      await screenshot(page, 'english-show-after-step');

      // The annual report workspace: the console around the report in English (the report itself
      // is a Chinese document, marked lang="zh-CN"), its readiness checks named in English.
      await page.goto(`${cb.url}reports`);
      await page.locator('[data-testid="report-document"] h1').waitFor({ timeout: 120_000 });
      await page.getByTestId('readiness').getByText(/to resolve|All clear/).waitFor({ timeout: 120_000 });
      expect(await page.getByRole('button', { name: 'Save as new version' }).count()).toBe(1);
      await expectNoChinese(page, 'annual report workspace');
      await screenshot(page, 'english-annual-report');
    });
  }, 600_000);
});
