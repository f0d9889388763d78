// Where a later visit's time goes, step by step: node --conditions=fazhi-source --import tsx
// bench/trace-later-visit.ts [DIST]. Signs in on a new on-disk profile, reloads with
// localStorage['fazhi.debug'] set (every statement logged with its time), and prints the
// `fazhi:` marks and each statement (its end, in ms since the reload's navigation) in order,
// then the confirmed figures. PROFILE=1 adds the page's JavaScript self time by function (top 25)
// from the reload to the confirmed figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath, demoPassword, distDir, openConsoleBrowser } from '../test/browser.js';
import { dashboardShown } from './visits.js';

const cb = await openConsoleBrowser(process.argv[2] ?? distDir, { reducedMotion: 'no-preference' });
const dir = mkdtempSync(join(tmpdir(), 'fazhi-trace-profile-'));
const context = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath, args: chromiumArgs, headless: true, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(120_000);
  await page.goto(`${cb.url}login`);
  await page.getByLabel('邮箱').fill('admin@demo.fazhi.example');
  await page.getByLabel('密码').fill(demoPassword);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await dashboardShown(page);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => localStorage.setItem('fazhi.debug', '1'));
  const lines: { at: number; text: string }[] = [];
  page.on('console', (m) => {
    if (m.text().startsWith('[fazhi')) lines.push({ at: 0, text: m.text() });
  });
  // Each logged statement carries its end time (performance.now()) through a mark; read afterwards.
  const cdp = process.env.PROFILE ? await context.newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  // The page's long tasks (over 50 ms: the main thread answers nothing meanwhile, not even the database's replies).
  await context.addInitScript(() => {
    const w = window as unknown as { longTasks: { at: number; ms: number }[] };
    w.longTasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.longTasks.push({ at: Math.round(e.startTime), ms: Math.round(e.duration) }))).observe({ type: 'longtask', buffered: true });
  });
  await page.reload();
  await dashboardShown(page);
  const confirmed = Math.round(await page.evaluate(() => performance.now()));
  if (cdp) printProfile((await cdp.send('Profiler.stop')).profile as CpuProfile);
  await page.waitForTimeout(1500);
  const marks = await page.evaluate(() =>
    performance.getEntriesByType('mark').filter((m) => m.name.startsWith('fazhi')).map((m) => ({ at: Math.round(m.startTime), text: m.name })),
  );
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: { at: number; ms: number }[] }).longTasks.map((t) => ({ at: t.at, text: `long task ${t.ms} ms` })));
  const res = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => ({ at: Math.round(r.startTime), text: `fetch ${Math.round(r.duration)} ms ${r.name.split('/').pop()}` })));
  for (const l of [...marks, ...res, ...longTasks].sort((a, b) => a.at - b.at)) console.log(String(l.at).padStart(6), l.text);
  console.log('confirmed figures at', confirmed, 'ms');
  for (const l of lines) console.log(l.text);
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
  await cb.close();
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (ms), largest first, and per script; total time per function; then the callers of the top five (three levels up). */
function printProfile(p: CpuProfile): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
  const parentOf = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const name = (id: number) => {
    const f = byId.get(id)!;
    return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() || ''}:${f.lineNumber}:${f.columnNumber}`;
  };
  const chains = new Map<string, Map<string, number>>();
  const total = new Map<string, number>();
  const self = new Map<string, number>();
  const perScript = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const f = byId.get(id)!;
    const ms = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const script = f.url.split('/').pop() || f.functionName;
    const key = `${f.functionName || '(anonymous)'} ${script}:${f.lineNumber}:${f.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    const up: string[] = [];
    for (let at = parentOf.get(id); at !== undefined && up.length < 3; at = parentOf.get(at)) up.push(name(at));
    // Inclusive: each function on the sample's stack once (recursion counted once).
    const onStack = new Set<string>([key]);
    for (let at = parentOf.get(id); at !== undefined; at = parentOf.get(at)) onStack.add(name(at));
    for (const k of onStack) total.set(k, (total.get(k) ?? 0) + ms);
    const byChain = chains.get(key) ?? new Map<string, number>();
    byChain.set(up.join(' ← '), (byChain.get(up.join(' ← ')) ?? 0) + ms);
    chains.set(key, byChain);
    perScript.set(script, (perScript.get(script) ?? 0) + ms);
  });
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log('-- self time by script (ms)');
  for (const [k, ms] of top(perScript, 12)) console.log(String(Math.round(ms)).padStart(6), k);
  console.log('-- self time by function (ms)');
  for (const [k, ms] of top(self, 25)) console.log(String(Math.round(ms)).padStart(6), k);
  console.log('-- total time by function, callees included (ms)');
  for (const [k, ms] of top(total, 40)) if (!k.startsWith('(')) console.log(String(Math.round(ms)).padStart(6), k);
  console.log('-- callers of the top five (ms)');
  for (const [k] of top(self, 8).filter(([k]) => !k.startsWith('('))) {
    console.log('  ', k);
    for (const [chain, ms] of top(chains.get(k)!, 4)) console.log(String(Math.round(ms)).padStart(9), '←', chain);
  }
}
