import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { anyIndicatorCard, demoPassword, indicatorCard, screenshot, signIn, signOut, submitSignIn, consoleBrowserForSuite } from './browser.js';

/**
 * A later visit paints the home page's figures of the last visit at once, while the database
 * opens, and then the database's own. They are shown as current when nothing was stored since
 * they were computed (the figure stamp read as the page loads), else marked 正在更新. Nothing
 * remembered survives a write: here the street admin revokes a clerk's grant, and the next reload
 * waits for the database.
 */
const cb = consoleBrowserForSuite();

const successfulCases = 'mediation.successful_cases';
const figure = async (page: Page, card: ReturnType<typeof indicatorCard>) => {
  await card.waitFor({ timeout: 60_000 });
  return (await card.textContent())!;
};

/** Every page of the context notes whether 正在更新 was ever on screen (it may be there for a moment only). */
async function watchRefreshing(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { sawRefreshing?: boolean; sawRemembered?: string };
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="figures-refreshing"]')) w.sawRefreshing = true;
      const remembered = document.querySelector('[data-testid="remembered-home"] [data-indicator="mediation.successful_cases"] .ant-statistic-content-value');
      if (remembered && w.sawRemembered === undefined) w.sawRemembered = remembered.textContent ?? '';
    }).observe(document, { childList: true, subtree: true });
  });
}
const sawRefreshing = (page: Page) => page.evaluate(() => (window as unknown as { sawRefreshing?: boolean }).sawRefreshing === true);
const sawRemembered = (page: Page) => page.evaluate(() => (window as unknown as { sawRemembered?: string }).sawRemembered);

/** The demo database's figure stamp token in IndexedDB (figure-stamp.ts); `renew` replaces it, as any store would. */
const stampToken = (page: Page, renew = false) =>
  page.evaluate(
    (renew) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('fazhi.figure-stamps', 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('stamps', 'readwrite');
          const store = tx.objectStore('stamps');
          const dir = localStorage.getItem('fazhi.embedded.dataDir') || 'fazhi';
          if (renew) store.put('renewed-by-the-test', dir);
          const get = store.get(dir);
          tx.oncomplete = () => resolve(get.result);
          tx.onerror = () => reject(tx.error);
        };
      }),
    renew,
  );

describe('a later visit', () => {
  test('shows the last figures at once, current when nothing was stored since, else marked 正在更新; a write leaves nothing to show', async () => {
    await cb.withPage(async (page, context) => {
      await watchRefreshing(context);
      await signIn(page, cb.url, 'admin');
      const confirmed = await figure(page, indicatorCard(page, successfulCases));
      expect(await sawRefreshing(page)).toBe(false);
      // The first visit's own stores done (its demo data, then the indexes it left for later).
      const marks = () => page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
      await expect.poll(marks, { timeout: 60_000 }).toEqual(expect.arrayContaining(['fazhi:db:worker:stored', 'fazhi:db:worker:indexes']));

      // Reload: the remembered home comes first (no menu, no links), then the live console. The
      // first visit stored its demo data and indexes after its figures: whether those are still
      // current depends on the order, so either state will do here.
      await page.reload();
      await expect.poll(() => sawRemembered(page), { timeout: 60_000 }).toBe(confirmed);
      expect(await figure(page, indicatorCard(page, successfulCases))).toBe(confirmed);
      const seenStamp = await stampToken(page);
      expect(typeof seenStamp).toBe('string');

      // Reload again: nothing was stored since this visit computed its figures, so the remembered
      // ones are the database's and are never marked 正在更新.
      await page.reload();
      await expect.poll(() => sawRemembered(page), { timeout: 60_000 }).toBe(confirmed);
      if (await page.getByTestId('remembered-home').count()) await screenshot(page, 'later-visit-current-figures');
      expect(await figure(page, indicatorCard(page, successfulCases))).toBe(confirmed);
      expect(await sawRefreshing(page)).toBe(false);
      // A visit that only reads stores nothing, its database's start included: the stamp is as it was.
      expect(await stampToken(page)).toBe(seenStamp);

      // Something stored since (as another tab's save would): the same figures, marked 正在更新
      // until the database's own replace them.
      await stampToken(page, true);
      await page.reload();
      const remembered = page.getByTestId('remembered-home');
      await page.getByTestId('figures-refreshing').waitFor({ timeout: 60_000 });
      await expect.poll(() => sawRemembered(page), { timeout: 60_000 }).toBe(confirmed);
      if (await remembered.count()) await screenshot(page, 'later-visit-remembered-figures');
      expect(await figure(page, indicatorCard(page, successfulCases))).toBe(confirmed);
      expect(await page.getByTestId('figures-refreshing').count()).toBe(0);
      // The title names the unit and year the figures are of, before and after.
      expect(await page.getByTestId('home-title').textContent()).toMatch(/2024年法治政府建设概览/);
      await screenshot(page, 'later-visit-confirmed');

      // A write: the admin revokes the mediation clerk's grant (成员与权限).
      await page.locator('.ant-menu-item').filter({ hasText: '成员与权限' }).click();
      const clerkRow = page.getByTestId('members-table').locator('tr.ant-table-row').filter({ hasText: 'mediation@demo.fazhi.example' }).first();
      await clerkRow.waitFor({ timeout: 60_000 });
      expect(await page.evaluate(() => localStorage.getItem('fazhi.lastHome'))).not.toBeNull();
      await clerkRow.getByRole('button', { name: /撤\s*销/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('原因', { exact: true }).fill('调离调解岗位');
      const beforeWrite = await stampToken(page);
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await expect.poll(() => page.evaluate(() => localStorage.getItem('fazhi.lastHome')), { timeout: 30_000 }).toBeNull();
      // The write was stored, and the stamp renewed before it.
      expect(await stampToken(page)).not.toBe(beforeWrite);

      // The next visit has nothing remembered: it waits for the database, and shows its figures.
      await page.goto(cb.url);
      expect(await figure(page, indicatorCard(page, successfulCases))).toBe(confirmed);
      expect(await sawRefreshing(page)).toBe(false);
      expect(await sawRemembered(page)).toBeUndefined();
      // Seen once more, the home is remembered again.
      expect(await figure(page, anyIndicatorCard(page, successfulCases))).toBe(confirmed);
      await expect.poll(() => page.evaluate(() => localStorage.getItem('fazhi.lastHome'))).not.toBeNull();
    });
  }, 300_000);
});

/** Every card value of the home page under `root` (`data-indicator` → the figure as shown). */
const cardValues = (page: Page, root: string) =>
  page.evaluate(
    (root) => Object.fromEntries([...document.querySelectorAll(`${root} [data-indicator]`)].map((c) => [c.getAttribute('data-indicator'), c.querySelector('.ant-statistic-content-value')?.textContent ?? ''])),
    root,
  );

describe('a first visit', () => {
  test("shows the demo data's own figures, computed with it, as current at once on a demo sign-in, before the database has started; the database then confirms the sign-in and they are its answer; a database written since gets none", async () => {
    await cb.withPage(async (page, context) => {
      await watchRefreshing(context);
      // Every card the remembered home (shown until the console connects) draws, and what had
      // happened when it first drew one.
      await context.addInitScript(() => {
        const w = window as unknown as { shippedCards?: Record<string, string>; firstDrawn?: { connected: boolean; started: boolean; stored: boolean } };
        new MutationObserver(() => {
          const cards = document.querySelectorAll('[data-testid="remembered-home"] [data-indicator]');
          if (!cards.length) return;
          w.firstDrawn ??= {
            connected: performance.getEntriesByName('fazhi:connected').length > 0,
            started: performance.getEntriesByName('fazhi:db:started').length > 0,
            stored: localStorage.getItem('fazhi.embedded.session') !== null,
          };
          w.shippedCards = { ...w.shippedCards, ...Object.fromEntries([...cards].map((c) => [c.getAttribute('data-indicator'), c.querySelector('.ant-statistic-content-value')?.textContent ?? ''])) };
        }).observe(document, { childList: true, subtree: true });
      });
      await signIn(page, cb.url, 'admin');
      await page.waitForFunction(() => performance.getEntriesByName('fazhi:home:computed').length > 0, undefined, { timeout: 60_000 });
      const shipped = await page.evaluate(() => (window as unknown as { shippedCards?: Record<string, string> }).shippedCards);
      // Drawn before PostgreSQL had started on the snapshot, and before the session was kept: the
      // database had not checked the password yet. It has since, and the session is kept.
      expect(await page.evaluate(() => (window as unknown as { firstDrawn?: unknown }).firstDrawn)).toEqual({ connected: false, started: false, stored: false });
      expect(await page.evaluate(() => performance.getEntriesByName('fazhi:signed-in:confirmed').length)).toBe(1);
      expect(await page.evaluate(() => JSON.parse(localStorage.getItem('fazhi.embedded.session') ?? 'null')?.email)).toBe('admin@demo.fazhi.example');
      expect(await sawRefreshing(page)).toBe(false);
      // Every card of every area, and each the same as the database computed it on this visit.
      // The areas past the first four are drawn a frame after the page (HomeView): wait for them.
      await expect.poll(async () => Object.keys(await cardValues(page, 'main')).length).toBeGreaterThan(40);
      const computed = await cardValues(page, 'main');
      expect(shipped).toEqual(computed);
      expect(computed[successfulCases]).toBe('242宗');

      // Once the database has written anything (here the indexes the download left for the
      // browser to build), it is no longer the data the figures were computed on.
      await page.waitForFunction(() => performance.getEntriesByName('fazhi:db:worker:indexes').length > 0, undefined, { timeout: 60_000 });
      await signOut(page);
      await page.evaluate(() => delete (window as unknown as { shippedCards?: unknown }).shippedCards);
      await submitSignIn(page, 'admin@demo.fazhi.example');
      expect(await figure(page, indicatorCard(page, successfulCases))).toBe('242宗');
      expect(await page.evaluate(() => (window as unknown as { shippedCards?: unknown }).shippedCards)).toBeUndefined();
    });
  }, 300_000);

  test('a wrong password, or an account the demo data does not ship, is answered by the database, not by the shipped file', async () => {
    for (const [email, password] of [
      ['admin@demo.fazhi.example', `${demoPassword}x`],
      ['nobody@demo.fazhi.example', demoPassword],
    ]) {
      await cb.withPage(async (page) => {
        await page.goto(`${cb.url}login`);
        await submitSignIn(page, email!, password!);
        await page.getByRole('alert').filter({ hasText: '邮箱或密码不正确' }).waitFor({ timeout: 60_000 });
        // Refused once the database had opened and checked it; nothing of the console was shown.
        expect(await page.evaluate(() => performance.getEntriesByName('fazhi:db:started').length)).toBe(1);
        expect(await page.evaluate(() => performance.getEntriesByName('fazhi:remembered:render').length)).toBe(0);
        expect(await page.evaluate(() => localStorage.getItem('fazhi.embedded.session'))).toBeNull();
      });
    }
  }, 300_000);

  test('a sign-in answered from the shipped file that the database then refuses never connects, is not kept, and 重试 does not let it through', async () => {
    await cb.withPage(async (page, context) => {
      // A manifest whose demo password is not the database's (as if the file and the snapshot
      // disagreed): the shipped file answers a sign-in with it, the database refuses it.
      await context.route('**/demo/manifest.json', async (route) => {
        const response = await route.fetch();
        const manifest = (await response.json()) as { password: string };
        manifest.password = 'not-the-database-password';
        await route.fulfill({ response, json: manifest });
      });
      await page.goto(`${cb.url}login`);
      await submitSignIn(page, 'admin@demo.fazhi.example', 'not-the-database-password');
      await page.getByText('邮箱或密码不正确').waitFor({ timeout: 60_000 });
      expect(await page.evaluate(() => performance.getEntriesByName('fazhi:remembered:render').length)).toBeGreaterThan(0);
      expect(await page.evaluate(() => performance.getEntriesByName('fazhi:connected').length)).toBe(0);
      expect(await page.evaluate(() => localStorage.getItem('fazhi.embedded.session'))).toBeNull();
      expect(await page.evaluate(() => localStorage.getItem('fazhi.lastHome'))).toBeNull();
      await page.getByRole('button', { name: /重\s*试/ }).click();
      await page.getByText('邮箱或密码不正确').waitFor();
      expect(await page.evaluate(() => performance.getEntriesByName('fazhi:connected').length)).toBe(0);
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.getByLabel('邮箱').waitFor();
    });
  }, 300_000);

  test('a sign-in answered from the shipped file whose database did not open connects on 重试, once the database opens', async () => {
    await cb.withPage(async (page, context) => {
      // The demo data's first download (the worker's, begun as the form is focused) fails once the
      // sign-in was answered from the file: a server busy for a moment. (Failing earlier, the form's
      // next focus would simply load it again, before any sign-in.)
      const snapshotRequests: string[] = [];
      let signedIn!: () => void;
      const clicked = new Promise<void>((resolve) => (signedIn = resolve));
      await context.route('**/demo/fazhi-demo-*', async (route) => {
        snapshotRequests.push(route.request().url());
        if (snapshotRequests.length > 1) return route.fallback();
        await clicked;
        await route.fulfill({ status: 503, body: '' });
      });
      await page.goto(`${cb.url}login`);
      await submitSignIn(page, 'admin@demo.fazhi.example');
      await page.getByTestId('remembered-home').waitFor();
      signedIn();
      await page.getByRole('button', { name: /重\s*试/ }).waitFor({ timeout: 60_000 });
      await page.getByText(/HTTP 503/).waitFor();
      // Answered from the file (its figures drawn), but never confirmed: nothing connected, nothing kept.
      expect(await page.evaluate(() => performance.getEntriesByName('fazhi:remembered:render').length)).toBeGreaterThan(0);
      expect(await page.evaluate(() => performance.getEntriesByName('fazhi:connected').length)).toBe(0);
      expect(await page.evaluate(() => localStorage.getItem('fazhi.embedded.session'))).toBeNull();
      // 重试 asks the database again: it downloads, opens, confirms the sign-in, and the console connects.
      await page.getByRole('button', { name: /重\s*试/ }).click();
      await page.getByTestId('user-menu').waitFor({ timeout: 60_000 });
      expect(snapshotRequests).toHaveLength(2);
      expect(JSON.parse((await page.evaluate(() => localStorage.getItem('fazhi.embedded.session')))!)).toMatchObject({ email: 'admin@demo.fazhi.example' });
      expect(await figure(page, indicatorCard(page, successfulCases))).toMatch(/\d/);
    });
  }, 300_000);

  test('figures shipped for another state of the database are marked 正在更新 once the database tells, and replaced by its answer', async () => {
    await cb.withPage(async (page, context) => {
      await watchRefreshing(context);
      // A manifest whose figures were computed on another cluster (as if another tab had written
      // to the demo data before this one opened it): the sign-in is answered at once, its figures
      // are not proven.
      await context.route('**/demo/manifest.json', async (route) => {
        const response = await route.fetch();
        const manifest = (await response.json()) as { shippedHomes: { identity: string } };
        manifest.shippedHomes.identity = '0:0';
        await route.fulfill({ response, json: manifest });
      });
      await signIn(page, cb.url, 'admin');
      expect(await figure(page, indicatorCard(page, successfulCases))).toBe('242宗');
      expect(await sawRemembered(page)).toBe('242宗');
      expect(await sawRefreshing(page)).toBe(true);
      await page.waitForFunction(() => performance.getEntriesByName('fazhi:home:computed').length > 0, undefined, { timeout: 60_000 });
      expect(await page.getByTestId('figures-refreshing').count()).toBe(0);
    });
  }, 300_000);
});
