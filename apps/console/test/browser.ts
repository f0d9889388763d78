import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { startStaticServer, type SentFile } from '../scripts/static-server.mjs';

/**
 * Browser tests drive Debian's Chromium through playwright-core (which never downloads a browser)
 * against the production build in dist/, served as `pnpm start` serves it. Every test gets a new
 * browser context: an empty profile, so IndexedDB starts empty like a first visit.
 */
const here = dirname(fileURLToPath(import.meta.url));
export const distDir = resolve(here, '../dist');
export const artifactsDir = resolve(here, '../test-artifacts');

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface ConsoleBrowser {
  url: string;
  browser: Browser;
  /** A fresh profile (empty IndexedDB and localStorage); the device in Shanghai unless `timezoneId` says otherwise. */
  newPage(opts?: PageOptions): Promise<{ context: BrowserContext; page: Page }>;
  /**
   * Runs `fn` on a page of a fresh profile and closes the profile afterwards, also when `fn` fails;
   * with `failureShot`, a failing page is saved first as test-artifacts/<failureShot>.png.
   */
  withPage<T>(fn: (page: Page, context: BrowserContext) => Promise<T>, opts?: PageOptions & { failureShot?: string }): Promise<T>;
  close(): Promise<void>;
}

export interface PageOptions {
  timezoneId?: string;
}

/**
 * Serves `root` (the production build in dist/ by default) and launches Chromium; `onResponse` hears
 * of every file sent. Its pages ask for reduced motion unless `reducedMotion` says otherwise: antd's
 * menus and dialogs then open without sliding or zooming. With motion, a click aimed at the tail of
 * an opening animation can press on one item and release on another, and the browser sends no click
 * at all (a sign-out that never happened, on a loaded machine). Benchmarks keep the animations, as
 * most users see them; console.e2e tests the console's motion itself.
 */
export async function openConsoleBrowser(
  root: string = distDir,
  opts: { onResponse?: (sent: SentFile) => void; reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<ConsoleBrowser> {
  const server = await startStaticServer({ root, ...(opts.onResponse ? { onResponse: opts.onResponse } : {}) });
  const reducedMotion = opts.reducedMotion ?? 'reduce';
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  const newPage = async (opts: PageOptions = {}) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: opts.timezoneId ?? 'Asia/Shanghai', acceptDownloads: true, reducedMotion });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    heedTrouble(page);
    return { context, page };
  };
  return {
    url: server.url,
    browser,
    newPage,
    async withPage(fn, opts = {}) {
      const { context, page } = await newPage(opts);
      try {
        return await fn(page, context);
      } catch (e) {
        if (opts.failureShot) await screenshot(page, opts.failureShot, { fullPage: false }).catch(() => undefined);
        throw e;
      } finally {
        await context.close();
      }
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The console in Chromium for the tests of this file (or of the describe block it is called in):
 * opened before them by `open` (the production build in dist/ by default), closed after them.
 * The handle it returns is usable inside the tests.
 */
export function consoleBrowserForSuite(open: () => Promise<ConsoleBrowser> = () => openConsoleBrowser(), timeoutMs = 120_000): ConsoleBrowser {
  let cb: ConsoleBrowser | undefined;
  beforeAll(async () => {
    cb = await open();
  }, timeoutMs);
  afterAll(async () => {
    await cb?.close();
  });
  const opened = () => {
    if (!cb) throw new Error('浏览器还没有打开：consoleBrowserForSuite() 返回的对象只能在测试中使用');
    return cb;
  };
  return {
    get url() {
      return opened().url;
    },
    get browser() {
      return opened().browser;
    },
    newPage: (opts) => opened().newPage(opts),
    withPage: (fn, opts) => opened().withPage(fn, opts),
    close: () => opened().close(),
  };
}

export const demoPassword = 'fazhi-demo-2024';

/** Signs in through the sign-in page, as a user would, and waits for the console's menu. `who` is a demo account's e-mail name (admin, enforcement …). */
export async function signIn(page: Page, baseUrl: string, who: string): Promise<void> {
  await page.goto(`${baseUrl}login`);
  await submitSignIn(page, `${who}@demo.fazhi.example`);
  await page.getByTestId('user-menu').waitFor().catch(async (e: unknown) => {
    throw new Error(`登录后没有出现控制台（${who}）\n${await describePage(page)}`, { cause: e });
  });
}

/** Fills the sign-in form on `page` and presses 登录, as a user would (the demo password unless given). */
export async function submitSignIn(page: Page, email: string, password: string = demoPassword): Promise<void> {
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** What a page reported going wrong (errors thrown, console errors, a crash), kept for `describePage`. */
const pageTrouble = new WeakMap<Page, string[]>();

function heedTrouble(page: Page): void {
  const trouble: string[] = [];
  pageTrouble.set(page, trouble);
  const opened = Date.now();
  const at = () => `${((Date.now() - opened) / 1000).toFixed(1)} s`;
  page.on('pageerror', (e) => trouble.push(`${at()} pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && trouble.push(`${at()} console.error: ${m.text()}`));
  page.on('crash', () => trouble.push(`${at()} the page crashed`));
}

/**
 * A page as a failed wait found it, for the test's error: a CI run keeps only the message. Its
 * address, the console's own timing marks (performance.mark 'fazhi:*', ms since navigation), the
 * text it shows, and what it reported going wrong.
 */
export async function describePage(page: Page): Promise<string> {
  const seen = await page
    .evaluate(() => ({
      marks: performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('fazhi:'))
        .map((m) => `${m.name.slice(6)}@${Math.round(m.startTime)}`)
        .join(' '),
      now: Math.round(performance.now()),
      text: document.body.innerText.replace(/\s+/g, ' ').slice(0, 400),
    }))
    .catch((e: unknown) => ({ marks: '', now: -1, text: `（读不到页面：${String(e)}）` }));
  return [`地址：${page.url()}`, `标记（此刻 ${seen.now} ms）：${seen.marks}`, `页面文字：${seen.text}`, ...(pageTrouble.get(page) ?? []).slice(-12)].join('\n');
}

/** Signs out through the user menu and waits for the sign-in page (the profile and its data stay). */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByText('退出登录').click();
  await page.waitForURL(/\/login/);
}

/** Saves a screenshot, of the full page unless told otherwise, under test-artifacts/ (kept by CI). */
export async function screenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage });
}

/**
 * The value shown on an indicator card of the console, as the database gave it or remembered from
 * the last visit and known current (nothing stored since): not one marked 正在更新 until the
 * database answers.
 */
export function indicatorCard(page: Page, indicatorId: string) {
  return page.locator(`main:not(:has([data-testid="figures-refreshing"])) [data-indicator="${indicatorId}"] .ant-statistic-content-value`);
}

/** The value on a home page card, remembered (正在更新 or current) or the database's: whichever the page shows first. */
export function anyIndicatorCard(page: Page, indicatorId: string) {
  return page.locator(`[data-indicator="${indicatorId}"] .ant-statistic-content-value`);
}
