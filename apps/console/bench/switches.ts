import type { Locator, Page } from 'playwright-core';
import { signIn, type ConsoleBrowser } from '../test/browser.js';

/**
 * What a user waits for after a click: the mediation list re-rendered after a filter, sort or
 * page change, and the home page's figures after choosing another unit or year in the header.
 * Timed inside the page, from the click (a capture listener's clock) to the first animation frame
 * showing the new state, so the driver's own round trips on a busy machine do not count.
 */

/** Remembers in the page when the user last clicked something matching `selector`. */
async function stampClicks(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    document.addEventListener('pointerdown', (e) => {
      if ((e.target as Element).closest(sel)) (window as unknown as { clickedAt: number }).clickedAt = performance.now();
    }, true);
  }, selector);
}

/** Milliseconds from the stamped click until `ready(previous)` holds in a frame. */
async function sinceClick(page: Page, ready: string, previous: string | null): Promise<number> {
  const handle = await page.waitForFunction(
    ([body, prev]) => {
      // The condition is benchmark code, passed as text (a function cannot cross into the page with its argument).
      const ok = new Function('prev', body)(prev) as boolean;
      return ok ? performance.now() - (window as unknown as { clickedAt: number }).clickedAt : false;
    },
    [ready, previous] as const,
    { polling: 'raf', timeout: 60_000 },
  );
  return Math.round((await handle.jsonValue()) as number);
}

/** Opens an antd Select and clicks an option; the opening click is retried when it opened nothing (a busy machine). */
async function pick(page: Page, box: Locator, option: RegExp): Promise<void> {
  const choice = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first();
  await opened(box, choice);
  await choice.click();
}

/** Clicks `box` until `shown` is visible (at most three times). */
async function opened(box: Locator, shown: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await box.click({ force: true });
    try {
      await shown.waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

// The table shows other rows than before and nothing is loading: no spinner in the list's box
// (data-list-table) nor in antd's own table (a build before that box, for an A/B comparison).
const rowsChanged = `const body = document.querySelector('.ant-table-tbody');
  return !!body && body.textContent !== prev && !document.querySelector('[data-list-table] .ant-spin-spinning, .ant-table-wrapper .ant-spin-spinning');`;
const rowsText = (page: Page) => page.locator('.ant-table-tbody').textContent();

export async function listTimings(cb: ConsoleBrowser, runs: number): Promise<{ filterMs: number[]; sortMs: number[]; pageMs: number[] }> {
  const { context, page } = await cb.newPage();
  await signIn(page, cb.url, 'admin');
  await page.goto(`${cb.url}mediation/mediation-cases`);
  await page.getByText(/共 \d+ 条/).waitFor();
  await stampClicks(page, 'button[type="submit"], .ant-table-thead th, .ant-pagination-next, .ant-pagination-prev');
  const filterMs: number[] = [];
  const sortMs: number[] = [];
  const pageMs: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    // A filter applies with 查询, from whose click it is timed.
    const type = i % 2 === 0 ? '婚姻家庭' : '邻里';
    let before = await rowsText(page);
    await pick(page, page.getByRole('combobox', { name: '纠纷类型', exact: true }), new RegExp(`^${type}$`));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    filterMs.push(await sinceClick(page, rowsChanged, before));
    await page.getByRole('button', { name: /重\s*置/ }).click();
    await page.getByText(/共 \d+ 条/).waitFor();
    await page.waitForFunction(() => !document.querySelector('.ant-table .ant-spin-spinning'));
    before = await rowsText(page);
    await page.locator('.ant-table-thead th').filter({ hasText: '涉及金额' }).click();
    sortMs.push(await sinceClick(page, rowsChanged, before));
    before = await rowsText(page);
    // Back a page when there is one, else on.
    const back = !(await page.locator('.ant-pagination-prev').getAttribute('class'))?.includes('ant-pagination-disabled');
    await page.locator(back ? '.ant-pagination-prev' : '.ant-pagination-next').click();
    pageMs.push(await sinceClick(page, rowsChanged, before));
  }
  await context.close();
  return { filterMs, sortMs, pageMs };
}

// The home page shows another title (unit and year are in it) and every card's figure (no skeleton left).
const homeShows = `const title = document.querySelector('[data-testid="home-title"]')?.textContent ?? '';
  return title !== prev && !document.querySelector('main .ant-skeleton') && !!document.querySelector('main [data-indicator]');`;
const homeTitle = (page: Page) => page.getByTestId('home-title').textContent();

const choose = (page: Page, switcher: string, option: RegExp) => pick(page, page.getByTestId(switcher), option);

/** Signs in on a fresh profile and waits for the home page's figures, clicks stamped. */
async function homeOf(cb: ConsoleBrowser, who: string) {
  const opened = await cb.newPage();
  await signIn(opened.page, cb.url, who);
  await opened.page.getByTestId('home-title').waitFor();
  await opened.page.waitForFunction(() => !document.querySelector('main .ant-skeleton') && !!document.querySelector('main [data-indicator]'), undefined, { timeout: 60_000 });
  await stampClicks(opened.page, '.ant-select-item-option');
  return opened;
}

/** Times each `choices` option picked in `switcher`, in turn, `rounds` times. */
async function timeSwitches(page: Page, switcher: string, choices: RegExp[], rounds: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const before = await homeTitle(page);
    await choose(page, switcher, choices[i % choices.length]!);
    ms.push(await sinceClick(page, homeShows, before));
  }
  return ms;
}

/** A street admin switches 2023 ⇄ 2024; a district supervisor switches between the district and a street. */
export async function switchTimings(cb: ConsoleBrowser, runs: number): Promise<{ yearMs: number[]; unitMs: number[] }> {
  const admin = await homeOf(cb, 'admin');
  const yearMs = await timeSwitches(admin.page, 'year-switcher', [/^2023年$/, /^2024年$/], runs + 1);
  await admin.context.close();
  const supervisor = await homeOf(cb, 'supervisor');
  const { page } = supervisor;
  // The units offered, in the list's order (the district first, its streets below).
  const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
  await opened(page.getByTestId('org-switcher'), options.first());
  const units = (await options.allTextContents()).map((t) => t.trim()).filter(Boolean);
  await page.keyboard.press('Escape');
  if (units.length < 2) throw new Error(`区级监督员只能看到 ${units.length} 个单位，无法测切换单位`);
  const unitMs = await timeSwitches(page, 'org-switcher', [new RegExp(`^\\s*${units[1]}$`), new RegExp(`^\\s*${units[0]}$`)], runs + 1);
  await supervisor.context.close();
  return { yearMs, unitMs };
}
