import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { SentFile } from '../scripts/static-server.mjs';
import { anyIndicatorCard, chromiumArgs, chromiumPath, demoPassword, indicatorCard, type ConsoleBrowser } from '../test/browser.js';

/**
 * The visit targets: a first visit with an empty profile (everything downloaded, the database
 * loaded into IndexedDB, sign-in) and a later one (same profile, reload) up to the dashboard's
 * figures on screen; the bytes a first visit transfers, counted by the server as sent (compressed
 * where the browser accepted a precompressed copy); and a first visit on a throttled link.
 */

/** Counts the bytes the static server sends; `take()` returns and resets the count. */
export function transferCounter() {
  let sent: SentFile[] = [];
  return {
    onResponse: (f: SentFile) => void sent.push(f),
    take() {
      const files = sent;
      sent = [];
      return { bytes: files.reduce((n, f) => n + f.bytes, 0), files };
    },
  };
}

/** The dashboard's figures in the live console, known current (not remembered ones marked 正在更新). */
export async function dashboardShown(page: Page): Promise<void> {
  await indicatorCard(page, 'mediation.successful_cases').waitFor({ timeout: 120_000 });
}

/** The dashboard's figures on screen, remembered from the last visit (current or 正在更新) or the database's. */
async function figuresShown(page: Page): Promise<void> {
  await anyIndicatorCard(page, 'mediation.successful_cases').waitFor({ timeout: 120_000 });
}

async function signInAsAdmin(page: Page): Promise<void> {
  await page.getByLabel('邮箱').fill('admin@demo.fazhi.example');
  await page.getByLabel('密码').fill(demoPassword);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/**
 * Times are to the figures painted, as the browser reports them (Element Timing of the home page's
 * title, which says in its `elementtiming` whether the figures under it are remembered or the
 * database's: home-page.tsx), from the navigation the visit starts with. The `…DetectedMs` beside
 * them are when this script saw them in the page, which waits for the page's thread: 250–350 ms
 * later after the console's first render, whose effects run before the page answers.
 */
export interface VisitTimes {
  firstMs: number;
  /** Reload to figures painted: those remembered from the last visit when there are. */
  laterMs: number;
  /**
   * Reload to figures known current painted (正在更新 gone): remembered ones whose stamp says nothing
   * was stored since they were computed, or the database's answer.
   */
  laterConfirmedMs: number;
  /**
   * The same once the profile has settled (the visit before stored nothing after its figures: its
   * start stored, its figures shown, the demo data's deferred indexes stored by an earlier visit):
   * a returning user's usual case. The figures remembered then are current, so they count as the
   * database's as soon as they are painted.
   */
  settledMs: number;
  settledConfirmedMs: number;
  /** …and to the database's own answer for them (computed anew) committed on the page. */
  settledComputedMs: number;
  firstDetectedMs: number;
  laterDetectedMs: number;
  laterConfirmedDetectedMs: number;
  firstBytes: number;
  files: SentFile[];
  /** The first visit's steps (`fazhi:db:…` marks: ms since navigation), where its time goes. */
  firstSteps: Record<string, number>;
  /** The later visit's steps (`fazhi:db:…` marks: ms since navigation), where its time goes. */
  laterSteps: Record<string, number>;
}

/**
 * When the home page's figures were first painted, in each state (`remembered`, `confirmed`), in ms
 * since the script's `since` (Date.now() as the visit began): the page's time origin is on the same clock.
 */
async function paintedSince(page: Page, since: number): Promise<Partial<Record<'remembered' | 'confirmed', number>>> {
  const { origin, painted } = await page.evaluate(
    () =>
      new Promise<{ origin: number; painted: Record<string, number> }>((resolve) => {
        const painted: Record<string, number> = {};
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[]) {
            const at = e.renderTime || e.startTime;
            if (e.identifier.startsWith('fazhi-home-') && !(painted[e.identifier]! <= at)) painted[e.identifier] = at;
          }
        });
        observer.observe({ type: 'element', buffered: true });
        // Buffered entries arrive in the observer's first callback.
        setTimeout(() => {
          observer.disconnect();
          resolve({ origin: performance.timeOrigin, painted });
        }, 50);
      }),
  );
  const at = (state: string) => (painted[`fazhi-home-${state}`] === undefined ? undefined : Math.round(origin - since + painted[`fazhi-home-${state}`]!));
  return { remembered: at('remembered'), confirmed: at('confirmed') };
}

const stepMarks = (page: Page) =>
  page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('fazhi:')).map((m) => [m.name.replace('fazhi:', ''), Math.round(m.startTime)])));

/**
 * A new browser profile kept on disk, as a real user's is. Chromium keeps the machine code of the
 * database's wasm (compiled from its response) in such a profile's code cache and reuses it on the
 * next visit; an in-memory profile (Playwright's `newContext`, like an incognito window) keeps no
 * code cache, so each visit compiles and warms PostgreSQL's code anew. BENCH_PROFILE=memory measures that.
 */
async function diskProfile(cb: ConsoleBrowser): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  if (process.env.BENCH_PROFILE === 'memory') {
    const { context, page } = await cb.newPage();
    return { context, page, close: () => context.close() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30_000);
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One first visit (new profile on disk), a later visit (reload in the same tab) and, once that finished, another. */
export async function firstAndLaterVisit(cb: ConsoleBrowser, counter: ReturnType<typeof transferCounter>): Promise<VisitTimes> {
  const { page, close } = await diskProfile(cb);
  try {
    counter.take();
    const started = Date.now();
    await page.goto(`${cb.url}login`);
    await signInAsAdmin(page);
    await dashboardShown(page);
    const firstDetectedMs = Date.now() - started;
    const firstSteps = { ...(await stepMarks(page)), figures: Math.round(await page.evaluate(() => performance.now())) };
    const firstMs = (await paintedSince(page, started)).confirmed ?? firstDetectedMs;
    // Whatever the page still fetches once the figures show (lazy chunks) counts as well.
    await page.waitForLoadState('networkidle');
    const { bytes, files } = counter.take();
    const t = Date.now();
    await page.reload();
    await figuresShown(page);
    const laterDetectedMs = Date.now() - t;
    const figures = Math.round(await page.evaluate(() => performance.now()));
    await dashboardShown(page);
    const laterConfirmedDetectedMs = Date.now() - t;
    const confirmed = Math.round(await page.evaluate(() => performance.now()));
    const painted = await paintedSince(page, t);
    const laterStepMarks = await stepMarks(page);
    // A visit finished: its figures in and remembered, and the worker's quiet-time step (the
    // deferred indexes, built and stored by the first visit that stays quiet for a second) done.
    const finished = () =>
      page.waitForFunction(() => ['fazhi:home:computed', 'fazhi:db:worker:indexes'].every((m) => performance.getEntriesByName(m).length > 0), undefined, { timeout: 120_000 });
    await finished();
    // The reload above may have been the one to store the indexes, after its figures: one more
    // visit, so that the measured one follows a visit that stored nothing after its figures.
    await page.reload();
    await finished();
    const s = Date.now();
    await page.reload();
    await dashboardShown(page);
    const settled = await paintedSince(page, s);
    await page.waitForFunction(() => performance.getEntriesByName('fazhi:home:computed').length > 0, undefined, { timeout: 120_000 });
    const computedAt = await page.evaluate(() => performance.timeOrigin + performance.getEntriesByName('fazhi:home:computed')[0]!.startTime);
    return {
      firstMs,
      laterMs: painted.remembered ?? painted.confirmed ?? laterDetectedMs,
      laterConfirmedMs: painted.confirmed ?? laterConfirmedDetectedMs,
      settledMs: settled.remembered ?? settled.confirmed ?? Date.now() - s,
      settledConfirmedMs: settled.confirmed ?? Date.now() - s,
      settledComputedMs: Math.round(computedAt - s),
      firstDetectedMs,
      laterDetectedMs,
      laterConfirmedDetectedMs,
      firstBytes: bytes,
      files,
      firstSteps,
      laterSteps: { ...laterStepMarks, figures, confirmed },
    };
  } finally {
    await close();
  }
}

/**
 * A first visit with the console's query log on (`fazhi.debug`): each statement's time and each
 * step of the start, in order, as ms since navigation; with `trace`, a Chromium performance trace.
 */
export async function firstVisitProfile(cb: ConsoleBrowser, trace: boolean): Promise<{ lines: string[]; trace?: string }> {
  const { context, page, close } = await diskProfile(cb);
  try {
    await context.addInitScript(() => localStorage.setItem('fazhi.debug', '1'));
    const logged: { at: number; text: string }[] = [];
    let origin = 0;
    page.on('console', (m) => {
      if (m.text().startsWith('[fazhi:sql]')) logged.push({ at: Date.now() - origin, text: m.text() });
    });
    const browser = context.browser();
    if (trace && browser) await browser.startTracing(page, { screenshots: false });
    origin = Date.now();
    await page.goto(`${cb.url}login`);
    await signInAsAdmin(page);
    await dashboardShown(page);
    const figures = Date.now() - origin;
    const traced = trace && browser ? (await browser.stopTracing()).toString() : undefined;
    const steps = Object.entries(await stepMarks(page)).map(([k, v]) => ({ at: v, text: `— ${k}` }));
    const lines = [...steps, ...logged, { at: figures, text: '— figures shown' }].sort((a, b) => a.at - b.at).map((l) => `${String(l.at).padStart(6)} ${l.text}`);
    return { lines, ...(traced ? { trace: traced } : {}) };
  } finally {
    await close();
  }
}

export interface ThrottledVisit {
  /** Megabits per second the link was limited to. */
  mbit: number;
  /** From navigation to a sign-in form that takes input. */
  formUsableMs: number;
  /** How long the user spent on the form before signing in (0: as soon as it took input). */
  typingMs: number;
  /**
   * From navigation to the first figures painted as current: a demo sign-in's shipped figures,
   * shown while the database still downloads (Element Timing, as `firstMs`).
   */
  figuresPaintedMs: number;
  /** From the click on 登录 to those figures. */
  signInToFiguresMs: number;
  /** From navigation to the dashboard's figures in the live console (the database open). */
  dashboardMs: number;
  /** From the click on 登录 to the dashboard's figures: what the user waits for. */
  signInToDashboardMs: number;
  /** Distinct texts the progress indicator showed while the database arrived. */
  progressTexts: string[];
  /** Samples (every 250 ms) at which the page showed neither a usable form nor progress. */
  blankSamples: number;
  /**
   * What those samples showed instead: the sign-in button spinning, a page spinner (code loading),
   * the console's layout before the figures, or none of these.
   */
  blankShowing: { signingIn: number; spinner: number; console: number; nothing: number };
  bytes: number;
}

/** Limits the page's (and its workers') network with the DevTools protocol. */
async function throttle(context: BrowserContext, page: Page, mbit: number): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: (mbit * 1e6) / 8, uploadThroughput: (mbit * 1e6) / 8 });
}

/**
 * A first visit on a slow office line. While the database arrives the page is sampled: the form
 * (before signing in) or the progress indicator (after) must be on screen at every sample. With
 * `typingMs`, the user spends that long on the form first, as a person typing does (the page
 * fetches PostgreSQL's own files meanwhile); without, signs in as soon as it takes input.
 */
export async function throttledFirstVisit(cb: ConsoleBrowser, counter: ReturnType<typeof transferCounter>, mbit: number, typingMs = 0): Promise<ThrottledVisit> {
  const { context, page } = await cb.newPage();
  page.setDefaultTimeout(180_000);
  try {
    await throttle(context, page, mbit);
    counter.take();
    const started = Date.now();
    await page.goto(`${cb.url}login`);
    await page.getByLabel('邮箱').waitFor();
    const formUsableMs = Date.now() - started;
    const progressTexts = new Set<string>();
    let blankSamples = 0;
    const blankShowing = { signingIn: 0, spinner: 0, console: 0, nothing: 0 };
    let done = false;
    const sampling = (async () => {
      while (!done) {
        const state = await page
          .evaluate(() => {
            const email = document.querySelector<HTMLInputElement>('input#email, input[autocomplete="username"]');
            const progress = document.querySelector('[data-testid="db-progress"]');
            return {
              form: !!email && !email.disabled,
              progress: progress?.textContent ?? null,
              dashboard: !!document.querySelector('[data-indicator]'),
              signingIn: !!document.querySelector('button[type="submit"].ant-btn-loading'),
              spinner: !!document.querySelector('.ant-spin-spinning'),
              console: !!document.querySelector('.ant-layout'),
            };
          })
          .catch(() => ({ form: false, progress: null, dashboard: false, signingIn: false, spinner: false, console: false })); // mid-navigation
        if (state.progress) progressTexts.add(state.progress);
        if (!state.form && !state.progress && !state.dashboard) {
          blankSamples++;
          blankShowing[state.signingIn ? 'signingIn' : state.console ? 'console' : state.spinner ? 'spinner' : 'nothing']++;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    if (typingMs) await page.waitForTimeout(typingMs);
    const signingIn = Date.now();
    await signInAsAdmin(page);
    await dashboardShown(page);
    const dashboardMs = Date.now() - started;
    const signInToDashboardMs = Date.now() - signingIn;
    done = true;
    await sampling;
    const figuresPaintedMs = (await paintedSince(page, started)).confirmed ?? dashboardMs;
    await page.waitForLoadState('networkidle');
    return {
      mbit,
      formUsableMs,
      typingMs,
      figuresPaintedMs,
      signInToFiguresMs: figuresPaintedMs - (signingIn - started),
      dashboardMs,
      signInToDashboardMs,
      progressTexts: [...progressTexts],
      blankSamples,
      blankShowing,
      bytes: counter.take().bytes,
    };
  } finally {
    await context.close();
  }
}
