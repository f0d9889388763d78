import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { indicatorCard, openConsoleBrowser, screenshot, signIn, consoleBrowserForSuite } from './browser.js';

/**
 * The console built from a third-party plugin's own config (FAZHI_CONFIG, the way a street builds
 * its console): examples/community-correction, whose kinds no migration file creates. The embedded
 * database must gain its tables on opening (the model migration after the shipped files), and its
 * menu, forms and SQL-computed cards must work like a built-in area's.
 */
const consoleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const exampleConfig = resolve(consoleDir, '../../examples/community-correction/fazhi.config.ts');
let outDir: string;
const cb = consoleBrowserForSuite(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'fazhi-console-example-'));
  // The demo database snapshot in public/demo comes from `pnpm --filter @fazhi/console build` (run once).
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: consoleDir, env: { ...process.env, FAZHI_CONFIG: exampleConfig }, stdio: 'pipe' });
  return openConsoleBrowser(outDir);
}, 180_000);
afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

test('a console built from the example plugin’s config serves its area: menu, form, list and a card computed in the database', async () => {
  const { context, page } = await cb.newPage();
  await signIn(page, cb.url, 'admin');
  const menu = page.locator('.ant-menu');
  await menu.getByText('社区矫正', { exact: true }).waitFor();
  // Only what the config names: no built-in plugin was configured.
  expect(await menu.getByText('人民调解').count()).toBe(0);

  await page.goto(`${cb.url}community-correction/community-correction-subjects/create`);
  await page.getByText('矫正情况').waitFor();
  await page.getByLabel('矫正编号', { exact: true }).fill('南沙矫〔2024〕E2E号');
  await page.getByLabel('姓名', { exact: true }).fill('测试对象');
  for (const [label, option] of [['矫正类别', '缓刑'], ['风险等级', '低风险']] as const) {
    await page.getByRole('combobox', { name: label, exact: true }).click({ force: true });
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`) }).first().click();
  }
  for (const [label, value] of [['入矫日期', '2024-06-03'], ['矫正期满日期', '2025-06-02']] as const) {
    const input = page.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(value);
    await input.press('Enter');
  }
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.waitForURL(/\/show\//);

  await page.goto(`${cb.url}community-correction/community-correction-subjects`);
  await page.getByText('共 1 条').waitFor();
  await page.getByText('南沙矫〔2024〕E2E号').waitFor();

  await page.goto(`${cb.url}community-correction`);
  await expect.poll(() => indicatorCard(page, 'community_correction.active_subjects').textContent(), { timeout: 30_000 }).toBe('1人');
  await screenshot(page, 'example-plugin-dashboard');
  await context.close();
});
