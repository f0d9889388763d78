import { formatIndicator, indicatorValue, type Indicator, type Measure } from '@fazhi/metrics';
import type { WorkAreaPlugin } from '@fazhi/plugin-sdk';
import { composeConsole } from '@fazhi/plugin-sdk/host';
import type { Page } from 'playwright-core';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { screenshot, signIn, consoleBrowserForSuite } from './browser.js';

// Figure drill-down in Chromium, for every indicator shown on every dashboard of the configured
// console (cards and indicator tables of each plugin's dashboard, the home overview's cards, one
// month of each trend): the list a figure opens must make that figure. A count is the list's
// total; a sum is the list's 合计 row; `latest`, distinct and grouped measures are the banner's
// value over the listed records; a rate's numerator and denominator are both one click away in
// the banner, each list's total matching the count shown beside its link. The expected figure is
// recomputed from what the lists show (indicatorValue, formatIndicator) and must read exactly as
// the dashboard shows it. One browser, one signed-in page; moving between pages is client-side
// (the embedded database boots once).

const configFile = resolve(import.meta.dirname, '../../../fazhi.config.ts');

const cb = consoleBrowserForSuite();
let plugins: WorkAreaPlugin[];
let indicators: Map<string, Indicator>;
let measures: Map<string, Measure>;
beforeAll(async () => {
  const config = (await import(pathToFileURL(configFile).href)) as { default: { plugins: readonly unknown[] } };
  const entries = await Promise.all(config.default.plugins.map(async (e) => (typeof e === 'string' ? ((await import(e)) as { default: unknown }).default : e)));
  const composed = composeConsole(entries);
  plugins = [...composed.plugins];
  indicators = new Map(composed.model.catalog.indicators.map((i) => [i.id, i]));
  measures = new Map(composed.model.catalog.measures.map((m) => [m.id, m]));
}, 300_000);

/** Client-side navigation to a path of the console, as a router link does (no reload). */
async function visit(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, path);
}

const digits = (text: string) => Number(text.replace(/[^\d]/g, ''));

/** The total of the list on screen once it has loaded: 共 N 条, or 0 for an empty table. */
async function listTotal(page: Page): Promise<number> {
  let total: number | undefined;
  await expect
    .poll(async () => {
      if (await page.locator('.ant-table-wrapper .ant-spin-spinning').count()) return undefined;
      const text = page.locator('.ant-pagination-total-text');
      if (await text.count()) return (total = digits((await text.first().textContent()) ?? ''));
      if (await page.locator('.ant-table-placeholder .ant-empty').count()) return (total = 0);
      return undefined;
    }, { timeout: 30_000 })
    .toBeDefined();
  return total!;
}

/** How many records the banner says one side of a rate selects (the number beside its link). */
async function partCount(page: Page, part: 'numerator' | 'denominator'): Promise<number> {
  const locator = page.locator(`[data-drill-part="${part}"]`);
  await expect.poll(async () => (await locator.textContent()) ?? '…', { timeout: 30_000 }).not.toContain('…');
  return digits(((await locator.textContent()) ?? '').replace(/^.*（/, ''));
}

/**
 * The value of the measure the list on screen is drilled to: a count is the total, a sum its 合计
 * row, anything else the banner's value over the listed rows.
 */
async function listedValue(page: Page, m: Measure, total: number): Promise<number | null> {
  if (m.aggregation.type === 'count') return total;
  const attr = m.aggregation.type === 'sum' ? 'data-drill-total' : 'data-drill-summary';
  const cell = page.locator(`[${attr}]`).first();
  if (m.aggregation.type === 'sum' && total === 0) return 0;
  await expect.poll(async () => (await cell.count()) && !((await cell.textContent()) ?? '').includes('正在汇总'), { timeout: 30_000 }).toBe(true);
  const raw = await cell.getAttribute(attr);
  return raw === '' || raw === null ? null : Number(raw);
}

interface Shown {
  id: string;
  href: string;
  figure: string;
}

/** What one plugin's dashboard shows: every card and indicator-table figure with its link. */
async function dashboardFigures(page: Page, plugin: WorkAreaPlugin): Promise<Shown[]> {
  const cards = (plugin.dashboard ?? []).flatMap((w) => (w.type === 'indicator-card' ? [w.indicator] : []));
  const grouped = (plugin.indicatorGroups ?? []).flatMap((g) => g.indicators);
  const shown: Shown[] = [];
  // The page before stays up until the dashboard is ready (the home overview has the same cards).
  await page.getByRole('heading', { name: `${plugin.label} · 工作看板` }).waitFor();
  for (const id of new Set([...cards, ...grouped])) {
    const link = page.locator(`[data-drill-link="${id}"]`);
    await link.first().waitFor();
    // A figure on a card and in a table links to the same records and reads the same.
    const hrefs = new Set(await link.evaluateAll((as) => as.map((a) => a.getAttribute('href'))));
    expect([...hrefs], id).toHaveLength(1);
    const figure = cards.includes(id)
      ? ((await page.locator(`[data-indicator="${id}"] .ant-statistic-content-value`).textContent()) ?? '')
      : ((await link.first().textContent()) ?? '');
    shown.push({ id, href: [...hrefs][0]!, figure });
  }
  return shown;
}

/**
 * The banner of the drilled list the URL names, once it is on screen: a navigation keeps the old
 * page up until the new one is ready, so the indicator alone could still be the page before.
 */
async function drilledBanner(page: Page, i: Indicator, part: 'numerator' | 'denominator'): Promise<void> {
  const q = new URL(page.url()).searchParams;
  expect(q.get('drill')).toBe(i.id);
  await page.locator(`[data-drill="${i.id}"][data-drill-shows="${part} ${q.get('from')} ${q.get('to')}"]`).waitFor();
}

/** Opens a figure's list and recomputes the figure from it (and, for a rate, from its denominator's list one click away). */
async function figureFromLists(page: Page, i: Indicator, href: string): Promise<{ text: string; listed: string }> {
  await visit(page, href);
  await drilledBanner(page, i, 'numerator');
  const numerator = measures.get(i.numerator)!;
  const total = await listTotal(page);
  const num = await listedValue(page, numerator, total);
  const details = [`分子 ${num}（${total} 条）`];
  // A measure that reads records (latest, groups) shows the records it read.
  if (num !== null && num !== 0) expect(total, `${i.id}: 有值 ${num} 却没有列出记录`).toBeGreaterThan(0);
  let den: number | null | undefined;
  if (i.denominator) {
    expect(await partCount(page, 'numerator'), `${i.id}（分子条数）`).toBe(total);
    const count = await partCount(page, 'denominator');
    const link = page.locator('[data-drill-part="denominator"] a');
    expect(await link.count(), `${i.id}: 分母的记录应一键可达`).toBe(1);
    await link.click();
    await expect.poll(() => page.url()).toContain('part=denominator');
    await drilledBanner(page, i, 'denominator');
    const denTotal = await listTotal(page);
    expect(denTotal, `${i.id}（分母条数）`).toBe(count);
    den = await listedValue(page, measures.get(i.denominator)!, denTotal);
    details.push(`分母 ${den}（${denTotal} 条）`);
  }
  return { text: formatIndicator(i, indicatorValue(i, num, den)), listed: details.join('，') };
}

describe('every dashboard figure drills down in Chromium', () => {
  test('each figure’s list makes the figure: count the total, sum the 合计 row, rates both sides one click away, latest and groups their rows', async () => {
    const started = performance.now();
    await cb.withPage(async (page) => {
      await signIn(page, cb.url, 'admin');
      await page.getByTestId('home-title').waitFor();
      // The home overview's cards open the same lists as the dashboards' (checked below).
      const home = new Map<string, string>();
      for (const p of plugins) {
        for (const w of p.dashboard ?? []) {
          if (w.type !== 'indicator-card') continue;
          const link = page.locator(`[data-plugin="${p.id}"] [data-drill-link="${w.indicator}"]`);
          await link.waitFor();
          home.set(w.indicator, (await link.getAttribute('href'))!);
        }
      }
      await screenshot(page, 'drill-home-overview');

      const wrong: string[] = [];
      let checked = 0;
      let trends = 0;
      for (const p of plugins) {
        await visit(page, `/${p.id}`);
        const shown = await dashboardFigures(page, p);
        // One month of each trend: the last month with records, as the chart shows it.
        const months = await page.locator('svg[role="img"]').evaluateAll((svgs) =>
          svgs.map((svg) => ({ label: svg.getAttribute('aria-label') ?? '', links: [...svg.querySelectorAll('a[data-drill-point]')].map((a) => ({ month: Number(a.getAttribute('data-drill-point')), href: a.getAttribute('href') ?? '' })) })),
        );
        if (p.id === plugins[0]!.id) await screenshot(page, `drill-dashboard-${p.id}`);
        for (const s of shown) {
          if (home.has(s.id)) expect(home.get(s.id), `${s.id}（首页）`).toBe(s.href);
          const i = indicators.get(s.id)!;
          const { text, listed } = await figureFromLists(page, i, s.href);
          if (text !== s.figure) wrong.push(`${s.id}: 看板 ${s.figure}，列表得 ${text}（${listed}）`);
          checked++;
        }
        const trendWidgets = (p.dashboard ?? []).flatMap((w) => (w.type === 'monthly-trend' ? [w] : []));
        expect(months.length, p.id).toBe(trendWidgets.length);
        for (const [k, w] of trendWidgets.entries()) {
          const { label, links } = months[k]!;
          expect(links, `${w.indicator}: 每个月都可点开`).toHaveLength(12);
          // The chart's text alternative: 标题：1月 3，2月 5，… (— for no value).
          const values = label.replace(/^.*?：/, '').split('，').map((part) => part.replace(/^\d+月 /, ''));
          const month = values.findLastIndex((v) => v !== '—' && digits(v) > 0);
          if (month < 0) continue;
          const { text, listed } = await figureFromLists(page, indicators.get(w.indicator)!, links[month]!.href);
          if (text !== values[month]) wrong.push(`${w.indicator}（${month + 1}月）: 趋势图 ${values[month]}，列表得 ${text}（${listed}）`);
          trends++;
        }
      }
      expect(wrong).toEqual([]);
      expect(checked).toBe(new Set(plugins.flatMap((p) => [...(p.dashboard ?? []).flatMap((w) => (w.type === 'indicator-card' ? [w.indicator] : [])), ...(p.indicatorGroups ?? []).flatMap((g) => g.indicators)])).size);
      expect(trends).toBeGreaterThanOrEqual(plugins.length - 1);
      console.info(`drill-down: ${checked} figures and ${trends} trend months checked in ${Math.round((performance.now() - started) / 1000)} s`);
    });
  }, 900_000);
});
