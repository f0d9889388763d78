import type { Page } from 'playwright-core';
import { todayInShanghai } from '@fazhi/domain';
import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, distDir, indicatorCard, screenshot, signIn, consoleBrowserForSuite } from './browser.js';

// The seed's 2024 figures for 南沙街道 (docs: ../shared/domain), as the dashboard must show them.
const successfulCases = 'mediation.successful_cases';
const listPath = 'mediation/mediation-cases';

const cb = consoleBrowserForSuite();

/** The number on an indicator card (its text is the formatted figure, e.g. 242宗). */
async function cardValue(page: Page, id: string): Promise<number> {
  const card = indicatorCard(page, id);
  await card.waitFor();
  return Number.parseFloat((await card.textContent())!.replace(/,/g, ''));
}

/** Picks an option of the antd Select labelled `label` inside `scope`. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  // The shown value covers the search input antd puts under it; clicking through is what a user does.
  await page.getByRole('combobox', { name: label, exact: true }).click({ force: true });
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`) }).first().click();
}

async function setDate(page: Page, label: string, value: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** The form's fields for a successfully mediated case closed in 2024 (counts in mediation.successful_cases). */
async function fillSuccessfulCase(page: Page): Promise<void> {
  await choose(page, '案件来源', '当事人申请');
  await choose(page, '纠纷类型', '邻里');
  await setDate(page, '受理日期', '2024-06-03');
  await page.getByLabel('涉及人数', { exact: true }).fill('2');
  await page.getByLabel('涉及金额', { exact: true }).fill('1200.50');
  await choose(page, '办理状态', '已结案');
  await setDate(page, '结案日期', '2024-06-20');
  await choose(page, '调解结果', '调解成功');
  await choose(page, '协议形式', '书面协议');
}

/** Opens the user menu and clicks one of its entries. */
async function userMenu(page: Page, entry: string): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: entry }).click();
}

/** The IndexedDB databases PGlite keeps data directories in, for this origin. */
const pgliteDatabases = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('/pglite/')));

/** The demo street's backup the backup test writes (242 successful cases); the rebuild test restores it at its first run. */
const backupPath = join(artifactsDir, 'e2e.fazhi-backup');

describe('console in Chromium, embedded database', () => {
  test('a street admin signs in and sees the seed figures on the dashboard', async () => {
    const { context, page } = await cb.newPage();
    await signIn(page, cb.url, 'admin');
    await expect.poll(() => page.getByTestId('home-title').textContent()).toContain('南沙街道');
    expect(await cardValue(page, successfulCases)).toBe(242);
    await expect.poll(() => page.getByText('同比').count()).toBeGreaterThan(0);
    await screenshot(page, 'home-admin');
    await page.goto(`${cb.url}${listPath}`);
    await page.getByText(/共 \d+ 条/).waitFor();
    await screenshot(page, 'mediation-list-admin');
    await context.close();
  });

  test('menus and dialogs do not slide or zoom for a user whose system asks for less motion, and do as the setting changes', async () => {
    const { context, page } = await cb.newPage();
    await signIn(page, cb.url, 'admin');
    /** The running-animation classes the user menu's popup takes while it opens and closes. */
    const popupMotion = async () => {
      await page.evaluate(() => {
        const w = window as unknown as { motionSeen: string[]; motionWatch?: MutationObserver };
        w.motionWatch?.disconnect();
        w.motionSeen = [];
        w.motionWatch = new MutationObserver((changes) => {
          for (const c of changes)
            for (const n of c.type === 'attributes' ? [c.target] : [...c.addedNodes])
              if (n instanceof Element && n.classList.contains('ant-dropdown')) w.motionSeen.push(...[...n.classList].filter((k) => /-(appear|enter|leave)-active$/.test(k)));
        });
        w.motionWatch.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
      });
      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: '退出登录' }).waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('menuitem', { name: '退出登录' }).waitFor({ state: 'hidden' });
      return page.evaluate(() => (window as unknown as { motionSeen: string[] }).motionSeen);
    };
    // The tests' browser asks for reduced motion (browser.ts): a click never lands on a moving menu.
    expect(await popupMotion()).toEqual([]);
    // The console follows the setting live: wait for its new theme (antd's style hash changes).
    const themed = await page.getByTestId('user-menu').getAttribute('class');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await expect.poll(() => page.getByTestId('user-menu').getAttribute('class')).not.toBe(themed);
    // It slides again: in CI, with the popup already mounted, only its slide out was seen, so any
    // of appearing, entering and leaving counts.
    const animated = await popupMotion();
    expect(animated.some((k) => /^ant-slide-up-(appear|enter|leave)-active$/.test(k)), animated.join()).toBe(true);
    await context.close();
  });

  test('a case created through the form changes the figure; bad input is refused in Chinese and saves nothing', async () => {
    const { context, page } = await cb.newPage();
    await signIn(page, cb.url, 'mediation');
    expect(await cardValue(page, successfulCases)).toBe(242);

    await page.goto(`${cb.url}${listPath}/create`);
    await page.getByText('受理信息').waitFor();
    // Bad input first: missing required fields, a count below 1, fen in the amount.
    await page.getByLabel('案件编号', { exact: true }).fill('南沙调〔2024〕第E2E号');
    await page.getByLabel('涉及人数', { exact: true }).fill('0');
    await page.getByLabel('涉及金额', { exact: true }).fill('12.345');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('「受理日期」为必填项').waitFor();
    await expect.poll(() => page.getByText('「涉及人数」不能小于1').count()).toBe(1);
    await expect.poll(() => page.getByText('「涉及金额」应为金额（元，最多两位小数）').count()).toBe(1);
    await screenshot(page, 'mediation-form-errors');
    expect(page.url()).toContain('/create');

    // Now a valid, successfully mediated case closed in 2024.
    await fillSuccessfulCase(page);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/show\//);
    // The notification names the record kind, never its internal id.
    await page.getByText('已新建人民调解案件').waitFor();
    await screenshot(page, 'mediation-show');

    await page.goto(cb.url);
    expect(await cardValue(page, successfulCases)).toBe(243);

    // Kept in this browser's IndexedDB: a new tab of the same profile still sees it …
    const again = await context.newPage();
    await again.goto(cb.url);
    expect(await cardValue(again, successfulCases)).toBe(243);
    await again.close();

    // A clerk may not back up, restore or reset the local database.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).waitFor();
    for (const entry of ['备份本机数据库', '从备份恢复…', '重置演示数据']) expect(await page.getByRole('menuitem', { name: entry }).count()).toBe(0);
    await page.keyboard.press('Escape');

    // … until a street admin resets the demo data, which also signs out. The new database is
    // loaded before the switch: signing in right away works, and so does a reload.
    await signIn(page, cb.url, 'admin');
    const before = await pgliteDatabases(page);
    await userMenu(page, '重置演示数据');
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.waitForURL(/\/login/);
    await page.getByLabel('邮箱').fill('mediation@demo.fazhi.example');
    await page.getByLabel('密码').fill('fazhi-demo-2024');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('user-menu').waitFor();
    expect(await cardValue(page, successfulCases)).toBe(242);
    await page.reload();
    expect(await cardValue(page, successfulCases)).toBe(242);
    // One data directory, not the one before: the old one was deleted after the switch.
    await expect.poll(() => pgliteDatabases(page)).toHaveLength(1);
    expect(before).not.toContain((await pgliteDatabases(page))[0]);
    await context.close();
  }, 120_000);

  test('a 受理日期 after today is refused in Chinese under its field, and the form is not sent', async () => {
    const { context, page } = await cb.newPage();
    await signIn(page, cb.url, 'mediation');
    await page.goto(`${cb.url}${listPath}/create`);
    await page.getByText('受理信息').waitFor();
    const today = todayInShanghai();
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('案件编号', { exact: true }).fill('南沙调〔2024〕第E2E-未来号');
    await choose(page, '案件来源', '当事人申请');
    await choose(page, '纠纷类型', '邻里');
    await page.getByLabel('涉及人数', { exact: true }).fill('1');
    await setDate(page, '受理日期', tomorrow);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.ant-form-item').filter({ has: page.getByLabel('受理日期', { exact: true }) }).getByText(`「受理日期」不能晚于今天（${today}）`).waitFor();
    await screenshot(page, 'mediation-future-date');
    expect(page.url()).toContain('/create');
    await context.close();
  });

  test('wrong password is refused in Chinese; a clerk of another area cannot reach the create form', async () => {
    const { context, page } = await cb.newPage();
    await page.goto(`${cb.url}login`);
    // English is one click away, and back.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('E-mail').waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByLabel('邮箱').fill('legal-aid@demo.fazhi.example');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('alert').filter({ hasText: '邮箱或密码不正确' }).waitFor();
    await signIn(page, cb.url, 'legal-aid');
    await page.goto(`${cb.url}${listPath}/create`);
    await page.getByText('您没有在「人民调解」新建或修改记录的权限').waitFor();
    expect(await page.getByText('受理信息').count()).toBe(0);
    await context.close();
  });

  test('an attachment (调解协议书) uploaded on a case is listed and survives a reload', async () => {
    const { context, page } = await cb.newPage();
    await signIn(page, cb.url, 'admin');
    await page.goto(`${cb.url}${listPath}`);
    await page.getByText(/共 \d+ 条/).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('button', { name: /查\s*看/ }).click();
    await page.waitForURL(/\/show\//);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /上\s*传/ }).first().click();
    await (await chooser).setFiles({ name: '调解协议书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% fazhi e2e\n') });
    await page.getByText('调解协议书.pdf', { exact: true }).waitFor();
    await screenshot(page, 'mediation-show-attachment');
    await page.reload();
    await page.getByText('调解协议书.pdf', { exact: true }).waitFor();
    await context.close();
  });

  test('a workflow step is taken through the database and listed in 办理记录; the street admin undoes it with a reason', async () => {
    const { context, page } = await cb.newPage();
    await signIn(page, cb.url, 'admin');
    await page.goto(`${cb.url}${listPath}`);
    await page.getByText(/共 \d+ 条/).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '已受理' }).first().getByRole('button', { name: /查\s*看/ }).click();
    await page.waitForURL(/\/show\//);
    await page.getByText('当前状态：已受理').waitFor();
    // Loaded as history: no steps yet.
    await page.getByText('暂无流程记录').waitFor();
    await page.getByRole('button', { name: '开始调解' }).click();
    await page.getByText('当前状态：调解中').waitFor();
    await page.getByRole('cell', { name: '已受理 → 调解中', exact: true }).waitFor();
    // The step is in the 操作日志 too, as the change of 办理状态.
    await page.locator('[data-history-field="status"]').filter({ hasText: '已受理 → 调解中' }).first().waitFor();
    await page.getByRole('button', { name: '撤销“开始调解”' }).click();
    await page.getByLabel('撤销理由（必填，将记入办理记录）').fill('误点了开始调解');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('当前状态：已受理').waitFor();
    await page.getByText(/撤销：误点了开始调解/).waitFor();
    await screenshot(page, 'mediation-step-history');
    await context.close();
  });

  test('a clerk of another area finds mediation read-only', async () => {
    const { context, page } = await cb.newPage();
    await signIn(page, cb.url, 'legal-aid');
    await page.goto(`${cb.url}${listPath}`);
    await page.getByText(/共 \d+ 条/).waitFor();
    expect(await page.getByRole('button', { name: /新\s*建/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /编\s*辑/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /删\s*除/ }).count()).toBe(0);
    // Not the clerk's area: the case opens read-only, without workflow or upload buttons.
    await page.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('button', { name: /查\s*看/ }).click();
    await page.waitForURL(/\/show\//);
    await page.getByText('办理流程').waitFor();
    expect(await page.getByRole('button', { name: /上\s*传/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /编\s*辑/ }).count()).toBe(0);
    await page.goBack();
    await screenshot(page, 'mediation-list-read-only');
    await context.close();
  });

  test('a district supervisor switches between streets and the district', async () => {
    const { context, page } = await cb.newPage();
    await signIn(page, cb.url, 'supervisor');
    const switcher = page.getByTestId('org-switcher');
    await expect.poll(() => page.getByTestId('home-title').textContent()).toContain('南沙区');
    const district = await cardValue(page, successfulCases);

    await switcher.click();
    await page.locator('.ant-select-item-option').filter({ hasText: '南沙街道' }).click();
    await expect.poll(() => page.getByTestId('home-title').textContent()).toContain('南沙街道');
    await expect.poll(() => cardValue(page, successfulCases)).toBe(242);

    await switcher.click();
    await page.locator('.ant-select-item-option').filter({ hasText: '示范街道' }).click();
    await expect.poll(() => page.getByTestId('home-title').textContent()).toContain('示范街道');
    const other = await cardValue(page, successfulCases);
    // The fictional street keeps about 40% of the seed street's cases; the district adds its own
    // units' cases (the seed has a few at the district bureau) to its streets'.
    expect(other).toBeGreaterThan(0);
    expect(other).toBeLessThan(242);
    expect(district).toBeGreaterThanOrEqual(242 + other);
    await screenshot(page, 'home-supervisor');

    // The chosen street also limits the record lists.
    await page.goto(`${cb.url}${listPath}`);
    const total = async () => Number((await page.getByText(/共 \d+ 条/).textContent())!.match(/\d+/)![0]);
    const demoStreetCases = await total();
    await switcher.click();
    await page.locator('.ant-select-item-option').filter({ hasText: '南沙街道' }).click();
    await expect.poll(total).not.toBe(demoStreetCases);
    expect(await page.locator('.ant-table-tbody').textContent()).not.toContain('示范街道');
    await context.close();
  });

  test('a street admin backs up, changes a case, restores: the change is gone and the figure is back', async () => {
    const { context, page } = await cb.newPage();
    await signIn(page, cb.url, 'admin');
    expect(await cardValue(page, successfulCases)).toBe(242);
    const download = page.waitForEvent('download');
    await userMenu(page, '备份本机数据库');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^fazhi-南沙街道-\d{4}-\d{2}-\d{2}\.fazhi-backup$/);
    await file.saveAs(backupPath);
    await page.getByText(/已下载备份文件/).waitFor();

    await page.goto(`${cb.url}${listPath}/create`);
    await page.getByLabel('案件编号', { exact: true }).fill('南沙调〔2024〕第备份号');
    await fillSuccessfulCase(page);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/show\//);
    await page.goto(cb.url);
    expect(await cardValue(page, successfulCases)).toBe(243);

    // A file that is not a backup is refused in Chinese and changes nothing.
    await page.getByTestId('restore-file').setInputFiles({ name: 'x.fazhi-backup', mimeType: 'application/octet-stream', buffer: Buffer.from('not a backup') });
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText(/不是工作台的备份文件/).waitFor();
    await expect.poll(() => page.locator('.ant-modal-confirm').count()).toBe(0);
    expect(await cardValue(page, successfulCases)).toBe(243);

    await page.getByTestId('restore-file').setInputFiles(backupPath);
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.waitForURL(/\/login\?restored=1/);
    await signIn(page, cb.url, 'admin');
    expect(await cardValue(page, successfulCases)).toBe(242);
    await page.reload();
    expect(await cardValue(page, successfulCases)).toBe(242);
    await context.close();
  }, 150_000);

  test('a profile whose local database does not open offers its raw files, then 重建本地数据库 leads to the first-run choice, never to the demo data', async () => {
    const { context, page } = await cb.newPage();
    // What an interrupted reset used to leave: the data directory's IndexedDB database exists but
    // is empty, so PGlite makes an empty cluster without our schema. Made before the console runs.
    await page.goto(`${cb.url}demo/manifest.json`);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('/pglite/fazhi', 1);
          req.onsuccess = () => (req.result.close(), resolve());
          req.onerror = () => reject(req.error);
        }),
    );
    await page.goto(`${cb.url}login`);
    const alert = page.getByTestId('local-open-failed');
    await alert.getByText(/本机数据库无法打开：本机数据库不完整/).waitFor({ timeout: 60_000 });
    await screenshot(page, 'login-local-open-failed');
    await alert.getByRole('button', { name: '重建本地数据库' }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.getByText(/不会换成演示数据/).waitFor();
    // Before anything is deleted: the files that are left, read from IndexedDB without PostgreSQL.
    const [download] = await Promise.all([page.waitForEvent('download'), confirm.getByTestId('stored-files').click()]);
    expect(download.suggestedFilename()).toMatch(/^本机数据库原始文件-\d{4}-\d{2}-\d{2}\.zip$/);
    const { default: JSZip } = await import('jszip');
    const raw = await JSZip.loadAsync(readFileSync(await download.path()));
    expect((await raw.file('fazhi/PG_VERSION')?.async('string'))?.trim()).toMatch(/^\d+$/);
    await screenshot(page, 'login-rebuild-confirm');
    await confirm.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已删除无法打开的本地数据库，请选择使用演示数据、建立本单位或从备份恢复').waitFor({ timeout: 60_000 });
    expect(await alert.count()).toBe(0);
    // Nothing was put in its place: no database at all until the choice is made.
    const firstRun = page.getByTestId('first-run');
    for (const choice of ['使用演示数据', '建立本单位', '从备份恢复']) await firstRun.getByRole('button', { name: choice }).waitFor();
    await expect.poll(() => pgliteDatabases(page)).toEqual([]);
    await screenshot(page, 'login-first-run-after-rebuild');

    // 从备份恢复 at the first run: the backup is this browser's database now.
    await page.getByTestId('first-run-restore-file').setInputFiles(backupPath);
    await page.getByText('已从备份恢复，请重新登录').waitFor({ timeout: 60_000 });
    expect(await firstRun.count()).toBe(0);
    await signIn(page, cb.url, 'admin');
    expect(await cardValue(page, successfulCases)).toBe(242);
    await page.reload();
    expect(await cardValue(page, successfulCases)).toBe(242);
    await context.close();
  }, 150_000);

  test('a profile made by the previous release keeps every record when this build opens it, and gains the new schema', async () => {
    // The snapshot the previous release shipped: the same seed with only the migrations before
    // this release's (built once, then reused). A first visit with it is what such a profile holds.
    const oldDir = join(artifactsDir, 'old-demo');
    execFileSync('node', ['--conditions=fazhi-source', '--import', 'tsx', 'scripts/build-demo-db.ts'], {
      cwd: join(distDir, '..'),
      env: { ...process.env, FAZHI_DEMO_BEFORE: '20261204000000', FAZHI_DEMO_OUT: oldDir },
      stdio: 'ignore',
    });
    const old = JSON.parse(readFileSync(join(oldDir, 'manifest.json'), 'utf8')) as { snapshot: string; migrations: string[] };
    expect(old.migrations.every((m) => m < '20261204000000')).toBe(true);
    const served = join(distDir, 'demo', old.snapshot);
    copyFileSync(join(oldDir, old.snapshot), served);
    const listTotal = async (page: Page) => {
      await page.goto(`${cb.url}${listPath}`);
      return Number((await page.getByText(/共 \d+ 条/).textContent())!.match(/\d+/)![0]);
    };
    try {
      const fresh = await cb.newPage();
      await signIn(fresh.page, cb.url, 'admin');
      const expected = await listTotal(fresh.page);
      await fresh.context.close();

      const { context, page } = await cb.newPage();
      await context.route('**/demo/manifest.json', async (route) => {
        const current = (await (await route.fetch()).json()) as Record<string, unknown>;
        await route.fulfill({ json: { ...current, snapshot: old.snapshot } });
      });
      const requested: string[] = [];
      context.on('request', (r) => requested.push(r.url()));
      await signIn(page, cb.url, 'admin');
      // The database really started from the old snapshot.
      expect(requested.filter((u) => u.includes('/demo/fazhi-demo-'))).toEqual([`${cb.url}demo/${old.snapshot}`]);
      expect(await cardValue(page, successfulCases)).toBe(242);
      expect(await listTotal(page)).toBe(expected);
      // The new migration was applied on opening: the backup's audit RPC exists.
      const download = page.waitForEvent('download');
      await userMenu(page, '备份本机数据库');
      await download;
      await context.close();
    } finally {
      rmSync(served, { force: true });
    }
  }, 180_000);

  test('a stale save is explained: the database’s conflict (PT409) crosses the worker with its code', async () => {
    const { context, page } = await cb.newPage();
    await signIn(page, cb.url, 'admin');
    await page.goto(`${cb.url}${listPath}`);
    await page.getByText(/共 \d+ 条/).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('button', { name: /编\s*辑/ }).click();
    await page.waitForURL(/\/edit\//);
    const summary = (p: Page) => p.getByLabel('纠纷简要情况', { exact: true });
    await summary(page).waitFor();
    // Somebody else saves the same record in another tab meanwhile.
    const other = await context.newPage();
    await other.goto(page.url());
    await summary(other).fill('另一个标签页先保存的内容');
    await other.getByRole('button', { name: /保\s*存/ }).click();
    await other.waitForURL(/\/show\//);
    await other.getByText('已保存人民调解案件').waitFor();
    // This tab still holds the old version: the database refuses it, and the form says why.
    await summary(page).fill('本标签页后保存的内容');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('保存失败：记录已被他人修改').waitFor();
    await page.getByText(/^记录已被他人修改（当前版本 \d+），请刷新后重试$/).first().waitFor();
    expect(await page.getByText(/数据服务出错/).count()).toBe(0);
    await screenshot(page, 'mediation-edit-conflict');
    await context.close();
  }, 150_000);
});
