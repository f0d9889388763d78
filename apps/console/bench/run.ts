// `pnpm --filter @fazhi/console bench`: the console's size and speed targets, measured on the
// production build in headless Chromium with the embedded database. Prints a table and writes
// bench-results.json. Medians of several runs; each first visit uses an empty browser profile.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { distDir, indicatorCard, openConsoleBrowser, signIn } from '../test/browser.js';
import { chunkSizes, initialChunks, kb } from './bundle-size.js';
import { reportTimings } from './report-bench.js';

const resultsFile = fileURLToPath(new URL('../bench-results.json', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (n: number) => Math.round(n);

// 1. What the sign-in route downloads before it can be used, from a real page load: the entry and
//    its static imports (initial), then what its warm-up fetches lazily (database client, worker).
const sizes = new Map(chunkSizes(distDir).map((c) => [c.file, c]));
const cb = await openConsoleBrowser();

async function jsRequested(page: Page, action: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const onRequest = (r: { url(): string }) => {
    const path = new URL(r.url()).pathname.replace(/^\//, '');
    if (path.endsWith('.js')) seen.push(path);
  };
  page.on('request', onRequest);
  await action();
  page.off('request', onRequest);
  return seen;
}

const initial = initialChunks(distDir);
const probe = await cb.newPage();
const requested = await jsRequested(probe.page, async () => {
  await probe.page.goto(`${cb.url}login`);
  await probe.page.getByLabel('邮箱').waitFor();
  await probe.page.waitForLoadState('networkidle');
});
await probe.context.close();
const missing = initial.filter((f) => !requested.includes(f));
if (missing.length) throw new Error(`登录页没有请求这些首屏文件：${missing.join('、')}`);
const sum = (files: string[]) => files.reduce((n, f) => n + (sizes.get(f)?.gzip ?? 0), 0);
const initialGzip = sum(initial);
// Fetched by the page's warm-up (database client and worker) while the user types.
const warmUpGzip = sum(requested.filter((f) => !initial.includes(f)));

// 2. First visit (empty profile: snapshot download, IndexedDB fill, sign-in) to a rendered dashboard.
async function dashboardShown(page: Page) {
  await indicatorCard(page, 'mediation.successful_cases').waitFor();
}
const firstVisits: number[] = [];
const laterVisits: number[] = [];
for (let i = 0; i < runs; i++) {
  const { context, page } = await cb.newPage();
  const started = Date.now();
  await signIn(page, cb.url, 'admin');
  await dashboardShown(page);
  firstVisits.push(Date.now() - started);
  // 3. A later visit: same profile (database in IndexedDB, session kept), a new tab.
  await page.close();
  const again = await context.newPage();
  const t = Date.now();
  await again.goto(cb.url);
  await dashboardShown(again);
  laterVisits.push(Date.now() - t);
  await context.close();
}

// 4. The mediation list re-rendered after changing a filter, then a sort (browser time from the
//    click to the new rows on screen, measured inside the page).
const { context, page } = await cb.newPage();
await signIn(page, cb.url, 'admin');
await page.goto(`${cb.url}mediation/mediation-cases`);
await page.getByText(/共 \d+ 条/).waitFor();
const filterRuns: number[] = [];
const sortRuns: number[] = [];
// Done when the table body shows other rows than before and no spinner is left.
const rowsText = () => page.locator('.ant-table-tbody').textContent();
const timed = async (act: () => Promise<void>) => {
  const before = await rowsText();
  const t = Date.now();
  await act();
  await page.waitForFunction((prev) => {
    const body = document.querySelector('.ant-table-tbody');
    return body && body.textContent !== prev && !document.querySelector('.ant-table .ant-spin-spinning');
  }, before);
  return Date.now() - t;
};
for (let i = 0; i < runs + 2; i++) {
  const type = i % 2 === 0 ? '婚姻家庭' : '邻里';
  filterRuns.push(
    await timed(async () => {
      await page.getByRole('combobox', { name: '纠纷类型', exact: true }).click({ force: true });
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: new RegExp(`^${type}$`) }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /查\s*询/ }).click();
    }),
  );
  // Clear for the next round.
  await page.getByRole('button', { name: /重\s*置/ }).click();
  await page.getByText(/共 \d+ 条/).waitFor();
  sortRuns.push(await timed(() => page.locator('.ant-table-thead th').filter({ hasText: '涉及金额' }).click()));
}
await context.close();

// 5. The annual report: the draft after choosing a year, and the DOCX download.
const report = await reportTimings(cb, runs);
await cb.close();

const results = {
  date: new Date().toISOString(),
  signInRoute: { initialJsGzipKB: kb(initialGzip), targetKB: 350, initialFiles: initial, warmUpJsGzipKB: kb(warmUpGzip) },
  firstVisitMs: { median: median(firstVisits), runs: firstVisits, target: 3000 },
  laterVisitMs: { median: median(laterVisits), runs: laterVisits, target: 1500 },
  listFilterMs: { median: median(filterRuns), runs: filterRuns, target: 300 },
  listSortMs: { median: median(sortRuns), runs: sortRuns, target: 300 },
  reportDraftMs: { median: median(report.draftMs), runs: report.draftMs, target: 1000 },
  reportDocxMs: { median: median(report.docxMs), runs: report.docxMs, target: 1000 },
  chunks: [...sizes.values()].map((c) => ({ file: c.file, kB: kb(c.bytes), gzipKB: kb(c.gzip) })),
};
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);

const verdict = (v: number, target: number) => (v <= target ? '达标' : '未达标');
console.log('\n每个 JS 文件（gzip）：');
for (const c of results.chunks) console.log(`  ${c.file.padEnd(48)} ${String(c.kB).padStart(8)} kB  gzip ${String(c.gzipKB).padStart(7)} kB`);
console.log('\n控制台基准（Chromium 无头，内置数据库）：');
console.log(`  登录页首屏 JS（gzip）       ${kb(initialGzip)} kB（目标 ≤ 350 kB，${verdict(kb(initialGzip), 350)}）；随后预热加载 ${kb(warmUpGzip)} kB`);
console.log(`  首次访问到仪表盘            ${round(results.firstVisitMs.median)} ms（目标 ≤ 3000，${verdict(results.firstVisitMs.median, 3000)}）各次 ${firstVisits.join(' / ')}`);
console.log(`  再次访问到仪表盘            ${round(results.laterVisitMs.median)} ms（目标 ≤ 1500，${verdict(results.laterVisitMs.median, 1500)}）各次 ${laterVisits.join(' / ')}`);
console.log(`  调解列表：改筛选后重绘      ${results.listFilterMs.median} ms（目标 ≤ 300，${verdict(results.listFilterMs.median, 300)}）各次 ${filterRuns.join(' / ')}`);
console.log(`  调解列表：改排序后重绘      ${results.listSortMs.median} ms（目标 ≤ 300，${verdict(results.listSortMs.median, 300)}）各次 ${sortRuns.join(' / ')}`);
console.log(`  年度报告：选年度后草稿显示  ${results.reportDraftMs.median} ms（目标 ≤ 1000，${verdict(results.reportDraftMs.median, 1000)}）各次 ${report.draftMs.join(' / ')}`);
console.log(`  年度报告：下载 Word         ${results.reportDocxMs.median} ms（目标 ≤ 1000，${verdict(results.reportDocxMs.median, 1000)}）各次 ${report.docxMs.join(' / ')}`);
console.log(`\n结果已写入 ${resultsFile}`);
