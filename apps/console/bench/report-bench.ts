import type { ConsoleBrowser } from '../test/browser.js';
import { signIn } from '../test/browser.js';

/**
 * The annual report's targets: the draft shown after choosing a year in the header (every figure
 * computed by the database, the document built and rendered), and the DOCX download (the Word
 * renderer loaded and run in the page) — from the click to the file, measured in the test's clock.
 */
export async function reportTimings(cb: ConsoleBrowser, runs: number): Promise<{ draftMs: number[]; docxMs: number[] }> {
  const { context, page } = await cb.newPage();
  await signIn(page, cb.url, 'admin');
  await page.goto(`${cb.url}reports`);
  const title = page.getByTestId('report-document').locator('h1');
  await title.waitFor();
  const draftMs: number[] = [];
  const docxMs: number[] = [];
  // Timed inside the page, from the click on the year's option to the new draft's title on
  // screen, so the driver's own waits on a busy machine do not count.
  await page.evaluate(() => {
    document.addEventListener('click', (e) => {
      if ((e.target as Element).closest('.ant-select-item-option')) (window as unknown as { yearClicked: number }).yearClicked = performance.now();
    }, true);
  });
  for (let i = 0; i < runs * 2; i++) {
    const year = i % 2 === 0 ? 2023 : 2024;
    await page.getByRole('combobox', { name: '年度', exact: true }).click({ force: true });
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: new RegExp(`^${year}年$`) }).click();
    const shown = await page.waitForFunction((y) => {
      const ok = document.querySelector('[data-testid="report-document"] h1')?.textContent?.includes(`${y}年`) === true;
      return ok ? performance.now() - (window as unknown as { yearClicked: number }).yearClicked : false;
    }, year, { polling: 'raf' });
    draftMs.push(Math.round((await shown.jsonValue()) as number));
  }
  for (let i = 0; i < runs; i++) {
    const t = Date.now();
    await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
    docxMs.push(Date.now() - t);
  }
  await context.close();
  return { draftMs, docxMs };
}
