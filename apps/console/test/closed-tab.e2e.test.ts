import { describe, expect, test } from 'vitest';
import { consoleBrowserForSuite, signIn } from './browser.js';

/**
 * A tab closed while its query waits for the database: the other tabs go on.
 *
 * Tabs share one PGlite (the leader tab's worker, see architecture.md). Another tab's query
 * first asks the leader for PGlite's query lock and releases it when done; when a tab closes,
 * the leader releases the locks that tab held. A tab that closed while its request was still
 * waiting behind another query used to be granted the lock afterwards, and nobody released it:
 * every later query of every tab hung until the 30 s bound stopped the worker (a clerk's save
 * then failed with 查询超时). It happened when a tab was closed while its page was loading.
 *
 * The other tabs are played here by a page of the same origin speaking PGlite's own tab protocol
 * (BroadcastChannel and Web Locks), so the order of events is exact, not left to timing: one tab
 * holds the lock, a second asks for it and closes while waiting, the first releases it.
 */

/** PGlite's two locks: one per query, one per transaction (a tab's transaction holds both in turn). */
type Lock = 'Query' | 'Transaction';

/** What the page reports: whether the lock could be taken again once the closed tab's turn came. */
type Outcome = { electionLocks: number; lockTakenAgain: boolean };

/** Runs in a same-origin page: two tabs of PGlite's protocol, the second closed while it waits for `lock`. */
async function closeTabWhileItWaits(lock: Lock): Promise<Outcome> {
  const held = await navigator.locks.query();
  const election = (held.held ?? []).map((l) => l.name ?? '').filter((n) => n.startsWith('pglite-election-lock:'));
  const id = election[0]!.slice('pglite-election-lock:'.length);
  const broadcast = new BroadcastChannel(`pglite-broadcast:${id}`);
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  /** A tab as PGliteWorker is one: its close lock held while it lives, its channel connected to the leader. */
  async function openTab() {
    const tabId = crypto.randomUUID();
    let close!: () => void;
    await new Promise<void>((locked) => {
      void navigator.locks.request(`pglite-tab-close:${tabId}`, () => {
        locked();
        return new Promise<void>((r) => (close = r));
      });
    });
    const channel = new BroadcastChannel(`pglite-tab:${tabId}`);
    const connected = new Promise<void>((r) => channel.addEventListener('message', (e) => e.data.type === 'connected' && r()));
    broadcast.postMessage({ type: 'tab-here', id: tabId });
    await connected;
    const call = (method: string, timeoutMs = 60_000) =>
      new Promise<boolean>((resolve) => {
        const callId = crypto.randomUUID();
        const timer = setTimeout(() => resolve(false), timeoutMs);
        channel.addEventListener('message', (e) => {
          if (e.data.callId === callId) {
            clearTimeout(timer);
            resolve(true);
          }
        });
        channel.postMessage({ type: 'rpc-call', callId, method, args: [] });
      });
    return {
      call,
      close: () => {
        channel.close();
        close();
      },
    };
  }

  const first = await openTab();
  const second = await openTab();
  await first.call(`_acquire${lock}Lock`);
  // The second tab's request waits behind the first's lock; the tab closes meanwhile.
  void second.call(`_acquire${lock}Lock`);
  await sleep(300);
  second.close();
  await sleep(300);
  await first.call(`_release${lock}Lock`);
  // The closed tab's turn has come: the lock must be free again.
  const lockTakenAgain = await first.call(`_acquire${lock}Lock`, 5_000);
  if (lockTakenAgain) await first.call(`_release${lock}Lock`);
  first.close();
  broadcast.close();
  return { electionLocks: election.length, lockTakenAgain };
}

describe('tabs in Chromium', () => {
  const cb = consoleBrowserForSuite();

  test('a tab closed while it waited for a lock (a query’s, a transaction’s) leaves the database usable to the others', async () => {
    await cb.withPage(async (page, context) => {
      await signIn(page, cb.url, 'admin');
      // This tab's worker leads; the other "tabs" live in a page of the same origin.
      const other = await context.newPage();
      await other.goto(`${cb.url}demo/manifest.json`);
      for (const lock of ['Query', 'Transaction'] as const) {
        expect(await other.evaluate(closeTabWhileItWaits, lock), lock).toEqual({ electionLocks: 1, lockTakenAgain: true });
      }
      await other.close();
      // The leader's own page still reads: a list opened through the menu (a reload would start a new worker).
      await page.locator('.ant-menu-item').filter({ hasText: '成员与权限' }).click();
      await page.getByTestId('members-table').locator('tr.ant-table-row').first().waitFor({ timeout: 10_000 });
    });
  }, 120_000);
});
