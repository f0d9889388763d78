// `pnpm --filter @fazhi/console bench`: the console's size and speed targets, measured on the
// production build in headless Chromium with the embedded database. Prints a table and writes
// bench-results.json. Medians of several runs; each first visit uses an empty browser profile.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
// The writer every bench-results*.json shares (a bench script of its own, not shipped code).
import { writeResultFile } from '../../../packages/bench/src/result-file.js';
import type { SentFile } from '../scripts/static-server.mjs';
import { distDir, openConsoleBrowser } from '../test/browser.js';
import { chunkSizes, initialChunks, kb } from './bundle-size.js';
import { reportTimings } from './report-bench.js';
import { listTimings, switchTimings } from './switches.js';
import { firstAndLaterVisit, throttledFirstVisit, transferCounter, type ThrottledVisit } from './visits.js';

const resultsFile = fileURLToPath(new URL('../bench-results.json', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 5);
// A throttled first visit takes many seconds: fewer runs unless asked.
const throttledRuns = Number(process.env.BENCH_THROTTLED_RUNS ?? 1);
// BENCH_ONLY=visits,throttled,lists,switches,report measures only those parts (the others print as not
// measured, and keep their earlier numbers in bench-results.json).
const only = process.env.BENCH_ONLY?.split(',');
const measures = (part: string) => !only || only.includes(part);
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : NaN);

// 1. What the sign-in route downloads before it can be used, from a real page load: the entry and
//    its static imports (initial), then what its warm-up fetches lazily (database client, worker).
const sizes = new Map(chunkSizes(distDir).map((c) => [c.file, c]));
const counter = transferCounter();
const cb = await openConsoleBrowser(distDir, { onResponse: counter.onResponse, reducedMotion: 'no-preference' });

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

// 2. First visit (empty profile: everything downloaded, IndexedDB filled, sign-in) and a later
//    visit (same profile, reload) to the dashboard's figures, with the bytes the first one transferred.
const firstVisits: number[] = [];
const laterVisits: number[] = [];
const laterConfirmed: number[] = [];
const settled: number[] = [];
const settledConfirmed: number[] = [];
const settledComputed: number[] = [];
const detected = { first: [] as number[], later: [] as number[], laterConfirmed: [] as number[] };
const firstBytes: number[] = [];
let firstFiles: SentFile[] = [];
let firstSteps: Record<string, number> = {};
let laterSteps: Record<string, number> = {};
for (let i = 0; i < (measures('visits') ? runs : 0); i++) {
  const v = await firstAndLaterVisit(cb, counter);
  firstVisits.push(v.firstMs);
  laterVisits.push(v.laterMs);
  laterConfirmed.push(v.laterConfirmedMs);
  settled.push(v.settledMs);
  settledConfirmed.push(v.settledConfirmedMs);
  settledComputed.push(v.settledComputedMs);
  detected.first.push(v.firstDetectedMs);
  detected.later.push(v.laterDetectedMs);
  detected.laterConfirmed.push(v.laterConfirmedDetectedMs);
  firstBytes.push(v.firstBytes);
  firstFiles = v.files;
  firstSteps = v.firstSteps;
  laterSteps = v.laterSteps;
}

// 3. A first visit on a 10 Mbit/s office line: measured, and sampled for a usable page throughout;
//    signing in at once, and after 5 s on the form (a person typing an e-mail address and password).
const throttled: ThrottledVisit[] = [];
for (let i = 0; i < (measures('throttled') ? throttledRuns : 0); i++) {
  throttled.push(await throttledFirstVisit(cb, counter, 10));
  throttled.push(await throttledFirstVisit(cb, counter, 10, 5000));
}

// 4. The mediation list after a filter, sort or page change; the home page after another unit or year.
/** A part that fails is reported and left unmeasured; the others still run. */
async function part<T>(name: string, run: () => Promise<T>, none: T): Promise<T> {
  if (!measures(name)) return none;
  try {
    return await run();
  } catch (e) {
    console.error(`基准“${name}”失败：${e instanceof Error ? e.message : String(e)}`);
    return none;
  }
}
const list = await part('lists', () => listTimings(cb, runs), { filterMs: [], sortMs: [], pageMs: [] });
const switches = await part('switches', () => switchTimings(cb, runs), { yearMs: [], unitMs: [] });

// 5. The annual report: the draft after choosing a year, and the DOCX download.
const report = await part('report', () => reportTimings(cb, runs), { draftMs: [], docxMs: [] });
await cb.close();

const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
const byFile = new Map<string, number>();
for (const f of firstFiles) byFile.set(f.path, (byFile.get(f.path) ?? 0) + f.bytes);
const results = {
  date: new Date().toISOString(),
  signInRoute: { initialJsGzipKB: kb(initialGzip), targetKB: 300, initialFiles: initial, warmUpJsGzipKB: kb(warmUpGzip) },
  // To the figures painted (Element Timing); `detected*`: when the benchmark saw them (visits.ts).
  firstVisitMs: { median: median(firstVisits), runs: firstVisits, target: 2000, stepsOfLastRun: firstSteps, detectedMedian: median(detected.first), detectedRuns: detected.first },
  firstVisitTransferMB: { median: mb(median(firstBytes)), runs: firstBytes.map(mb), target: 12, largest: [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([path, bytes]) => ({ path, MB: mb(bytes) })) },
  // To figures on screen: remembered from the last visit while the database opens.
  laterVisitMs: { median: median(laterVisits), runs: laterVisits, target: 1000, stepsOfLastRun: laterSteps, detectedMedian: median(detected.later), detectedRuns: detected.later },
  // The same reload to figures known current (正在更新 gone: remembered ones whose stamp says nothing
  // was stored since, or the database's answer), measured against the same target.
  laterVisitConfirmedMs: { median: median(laterConfirmed), runs: laterConfirmed, target: 1000, detectedMedian: median(detected.laterConfirmed), detectedRuns: detected.laterConfirmed },
  // After a later visit that finished, the returning user's usual case: to figures on screen, and to
  // the database's (remembered figures with the stamp read as the page loads, or computed).
  settledVisitMs: { median: median(settled), runs: settled, target: 1000 },
  settledVisitConfirmedMs: { median: median(settledConfirmed), runs: settledConfirmed, target: 1000 },
  // …and to the database's own answer committed: the target read most strictly.
  settledVisitComputedMs: { median: median(settledComputed), runs: settledComputed, target: 1000 },
  throttledFirstVisit: throttled,
  listFilterMs: { median: median(list.filterMs), runs: list.filterMs, target: 200 },
  listSortMs: { median: median(list.sortMs), runs: list.sortMs, target: 200 },
  listPageMs: { median: median(list.pageMs), runs: list.pageMs, target: 200 },
  yearSwitchMs: { median: median(switches.yearMs), runs: switches.yearMs, target: 300 },
  unitSwitchMs: { median: median(switches.unitMs), runs: switches.unitMs, target: 300 },
  reportDraftMs: { median: median(report.draftMs), runs: report.draftMs, target: 1000 },
  reportDocxMs: { median: median(report.docxMs), runs: report.docxMs, target: 1000 },
  chunks: [...sizes.values()].map((c) => ({ file: c.file, kB: kb(c.bytes), gzipKB: kb(c.gzip) })),
};
// Merged into the file: parts this run did not measure (BENCH_ONLY, a failure) keep their earlier
// numbers, each part stamped with when and under what load it was measured.
writeResultFile(resultsFile, results);

const verdict = (v: number, target: number) => (Number.isNaN(v) ? '未测' : v <= target ? '达标' : '未达标');
const line = (label: string, r: { median: number; runs: number[]; target: number; detectedMedian?: number }, unit = 'ms') =>
  console.log(
    `  ${label.padEnd(26, '\u3000')} ${r.median} ${unit}（目标 ≤ ${r.target}，${verdict(r.median, r.target)}）各次 ${r.runs.join(' / ')}${r.detectedMedian === undefined ? '' : `；基准脚本察觉于 ${r.detectedMedian} ms`}`,
  );
console.log('\n每个 JS 文件（gzip）：');
for (const c of results.chunks) console.log(`  ${c.file.padEnd(48)} ${String(c.kB).padStart(8)} kB  gzip ${String(c.gzipKB).padStart(7)} kB`);
console.log('\n首次访问传输最多的文件：');
for (const f of results.firstVisitTransferMB.largest) console.log(`  ${f.path.padEnd(48)} ${f.MB} MB`);
console.log(`\n控制台基准（Chromium 无头，生产构建，内置数据库，${runs} 次取中位数）：`);
console.log(`  ${'登录页首屏 JS（gzip）'.padEnd(26, '\u3000')} ${kb(initialGzip)} kB（目标 ≤ 300 kB，${verdict(kb(initialGzip), 300)}）；随后预热加载 ${kb(warmUpGzip)} kB`);
line('首次访问到仪表盘（绘制）', results.firstVisitMs);
if (Object.keys(firstSteps).length) console.log(`    其中（最后一次，自导航起 ms）：${Object.entries(firstSteps).map(([k, v]) => `${k} ${v}`).join('，')}`);
line('首次访问传输量', results.firstVisitTransferMB, 'MB');
line('紧接首次访问再访问到数字（上次的，绘制）', results.laterVisitMs);
line('紧接首次访问再访问到当前数字（绘制）', results.laterVisitConfirmedMs);
line('此后再访问到数字（绘制）', results.settledVisitMs);
line('此后再访问到当前数字（绘制）', results.settledVisitConfirmedMs);
line('此后再访问到数据库重新算出数字（提交）', results.settledVisitComputedMs);
if (Object.keys(laterSteps).length) console.log(`    其中（最后一次，自导航起 ms）：${Object.entries(laterSteps).map(([k, v]) => `${k} ${v}`).join('，')}`);
for (const t of throttled) {
  console.log(`  ${t.mbit} Mbit/s 首次访问（${t.typingMs ? `在表单上用 ${t.typingMs / 1000} s 后登录` : '表单可用即登录'}）：登录表单 ${t.formUsableMs} ms 可用，首批数字 ${t.figuresPaintedMs} ms（点登录后 ${t.signInToFiguresMs} ms），控制台连上数据库后的仪表盘 ${t.dashboardMs} ms（点登录后 ${t.signInToDashboardMs} ms），传输 ${mb(t.bytes)} MB；进度显示 ${t.progressTexts.length} 种（${t.progressTexts.slice(0, 3).join(' | ')} …），无表单也无进度的采样 ${t.blankSamples} 次（其中登录按钮转圈 ${t.blankShowing.signingIn}、页面转圈 ${t.blankShowing.spinner}、控制台已显示而指标未到 ${t.blankShowing.console}、皆无 ${t.blankShowing.nothing}）`);
}
line('调解列表：改筛选后重绘', results.listFilterMs);
line('调解列表：改排序后重绘', results.listSortMs);
line('调解列表：翻页后重绘', results.listPageMs);
line('首页：切换年度', results.yearSwitchMs);
line('首页：切换单位', results.unitSwitchMs);
line('年度报告：选年度后草稿显示', results.reportDraftMs);
line('年度报告：下载 Word', results.reportDocxMs);
console.log(`\n结果已写入 ${resultsFile}${only ? `（只测了 ${only.join('、')}，其余部分保留文件中上次的数字）` : ''}`);
