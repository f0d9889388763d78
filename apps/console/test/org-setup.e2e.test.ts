import { describe, expect, test } from 'vitest';
import { indicatorCard, screenshot, consoleBrowserForSuite } from './browser.js';
import { setUpStreet, signInWith } from './first-run.js';

// 建立本单位 on the embedded default: from an empty profile, a street with two communities and a
// 调委会 in an empty database, its first admin signs in to a dashboard without demo figures or
// demo-only actions, and adds a community on the 机构管理 page (refused first without a name).
const cb = consoleBrowserForSuite();

const admin = { email: 'chief@shifan.example', password: 'shifan-admin-2026' };

describe('建立本单位', () => {
  test('a street of its own: set up, sign in, no demo data, add a community', async () => {
    const { page } = await cb.newPage();
    await page.goto(`${cb.url}login`);
    await page.getByTestId('first-run').waitFor();
    // The first visit offers both ways, and the demo accounts (signing in with one loads the demo data).
    expect(await page.getByRole('button', { name: '使用演示数据' }).isVisible()).toBe(true);
    expect(await page.getByText('演示账号（点击填入）').isVisible()).toBe(true);
    await screenshot(page, 'first-run-choice');

    // The database refuses a bad span with words (nothing is kept); the form's own checks come first.
    await page.getByRole('button', { name: '建立本单位' }).click();
    await page.getByTestId('setup-page').waitFor();
    await page.getByRole('button', { name: /建立本单位/ }).last().click();
    await page.getByText('请填写本单位名称').waitFor();
    // Each field's error says what is wrong, not the field's name again.
    await page.getByText('请填写首位管理员邮箱').waitFor();
    await page.getByLabel('首位管理员邮箱').fill('chief.example.test');
    // The first admin's password pair (the fields 修改密码 uses): too short, and not repeated alike.
    await page.getByLabel('首位管理员密码（至少 8 位）').fill('short');
    await page.getByLabel('再次输入密码').fill('shorter');
    await page.getByRole('button', { name: /建立本单位/ }).last().click();
    await page.getByText('密码至少 8 位').waitFor();
    await page.getByText('两次输入的密码不一致').waitFor();
    await page.getByText('邮箱格式不对，应如 name@example.com').waitFor();
    await screenshot(page, 'first-run-setup-form');

    await setUpStreet(page, cb.url, {
      district: '示范区',
      street: '示范街道办事处',
      communities: ['东风社区', '西湖社区'],
      committees: ['示范街道人民调解委员会'],
      ledgerFrom: '2026-01-01',
      adminEmail: admin.email,
      adminPassword: admin.password,
    });
    // No demo accounts and no first-run choice any more: this browser holds the street's own database.
    await page.getByText('本机数据库（浏览器内').waitFor();
    expect(await page.getByText('演示账号（点击填入）').count()).toBe(0);
    expect(await page.getByTestId('first-run').count()).toBe(0);

    await signInWith(page, cb.url, admin.email, admin.password);
    // The overview opens on the current year, and the mediation dashboard counts nothing: no demo records.
    await page.getByText(`示范街道办事处 · ${new Date().getFullYear()}年法治政府建设概览`, { exact: false }).or(page.getByText(`${new Date().getFullYear()}年法治政府建设概览`, { exact: false })).first().waitFor();
    await screenshot(page, 'first-run-home');
    await page.goto(`${cb.url}mediation`);
    await expect.poll(() => indicatorCard(page, 'mediation.successful_cases').first().textContent(), { timeout: 60_000 }).toBe('0宗');
    expect(await page.getByText('本机演示数据库').count()).toBe(0);
    expect(await page.getByText(/南沙/).count()).toBe(0);
    // No demo-only action in the user menu.
    await page.getByTestId('user-menu').click();
    await page.getByText('备份本机数据库').waitFor();
    expect(await page.getByText('重置演示数据').count()).toBe(0);
    await page.keyboard.press('Escape');
    await screenshot(page, 'first-run-dashboard');

    // 机构管理: the tree as set up, then a third community added under the street.
    await page.getByRole('menuitem', { name: /机构管理/ }).click();
    await page.waitForURL(/\/orgs/);
    const tree = page.getByTestId('org-admin');
    for (const name of ['示范街道办事处', '东风社区', '西湖社区', '示范街道人民调解委员会']) await tree.locator(`[data-org="${name}"]`).waitFor();
    expect(await tree.locator('[data-org="示范区"]').count()).toBe(0);
    const streetRow = page.locator('tr', { has: page.locator('[data-org="示范街道办事处"]') });
    await streetRow.getByRole('button', { name: '新增下级机构' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称', { exact: true }).fill('南岸社区');
    await dialog.getByLabel('机构编号').fill('NA');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已保存').waitFor();
    await tree.locator('[data-org="南岸社区"]').waitFor();
    // The same code twice: the database's words, naming the unit that holds it.
    await streetRow.getByRole('button', { name: '新增下级机构' }).click();
    await dialog.getByLabel('名称', { exact: true }).fill('北岸社区');
    await dialog.getByLabel('机构编号').fill('NA');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await dialog.getByText('操作失败：新增机构失败', { exact: false }).or(dialog.getByText('机构编号“NA”已被机构“南岸社区”使用', { exact: false })).first().waitFor();
    expect(await dialog.getByRole('alert').textContent()).toContain('机构编号“NA”已被机构“南岸社区”使用');
    await screenshot(page, 'org-admin-page');
  }, 300_000);
});
