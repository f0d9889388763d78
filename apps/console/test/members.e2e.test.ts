import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { fillForm } from './area-scenario.js';
import { screenshot, signIn, signOut, consoleBrowserForSuite } from './browser.js';
import { setUpStreet, signInWith } from './first-run.js';

/**
 * 成员与权限 in Chromium, on the production build and the embedded database: from an empty profile
 * a street of its own is set up with 建立本单位 (no demo data), its first admin signs in and adds
 * a clerk as a local account (one area), the clerk signs in, must change the initial password, can
 * write only that area; the admin revokes the grant while the clerk's form is open, and the
 * clerk's save is refused by the database. The UI offers what the admin holds; the database's
 * own refusals are shown as they are.
 */
const street = '临江街道办事处';
const chief = { email: 'chief@linjiang.example', password: 'linjiang-admin-2026' };
const clerkEmail = 'li.tiaojie@linjiang.example';
const initialPassword = 'chushi-mima-2024';
const ownPassword = 'wode-xin-mima-2024';
const saveButton = /保\s*存/;
const okButton = /确\s*定/;

const mediationCase = (no: string) => ({
  案件编号: no,
  案件来源: { option: '当事人申请' },
  纠纷类型: { option: '邻里' },
  受理日期: { date: '2024-06-03' },
  纠纷简要情况: '相邻通行纠纷',
  当事人姓名: '张某、李某',
  涉及人数: 2,
});

async function signInAs(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}login`);
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** Opens the dialog of `button`, waits until it has settled (selects are clicked with force), and returns it. */
async function openDialog(page: Page, button: RegExp | string) {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: okButton }).click({ trial: true });
  return dialog;
}

const memberRow = (page: Page, email: string) => page.getByTestId('members-table').locator('tr.ant-table-row').filter({ hasText: email });

describe('成员与权限 in Chromium', () => {
  const cb = consoleBrowserForSuite();

  test('建立本单位, then its admin adds a local clerk of one area, who changes the initial password, writes only that area, and is refused once revoked', async () => {
    await cb.withPage(async (page, context) => {
      // An empty profile: 建立本单位, then the first admin signs in (no demo account is ever used).
      await setUpStreet(page, cb.url, {
        street,
        communities: ['滨江社区'],
        committees: ['临江街道人民调解委员会'],
        ledgerFrom: '2024-01-01',
        adminEmail: chief.email,
        adminPassword: chief.password,
      });
      await signInWith(page, cb.url, chief.email, chief.password);
      await page.locator('.ant-menu-item').filter({ hasText: '成员与权限' }).click();
      await page.waitForURL(/\/members$/, { timeout: 60_000 });
      // The new street has one member, its admin, whose own row offers nothing: nobody changes their own grants.
      await expect.poll(() => memberRow(page, chief.email).textContent(), { timeout: 60_000 }).toContain('本人');
      expect(await page.getByTestId('members-table').locator('tr.ant-table-row').count()).toBe(1);
      expect(await page.getByText(/南沙|demo\.fazhi/).count()).toBe(0);
      await screenshot(page, 'members-page');

      // The database refuses an e-mail that already has an account (the admin's own), and the dialog says why.
      const dialog = await openDialog(page, '新建本地账号');
      await fillForm(page, dialog, { 邮箱: chief.email, 姓名: '李调解', 初始密码: initialPassword, 角色: { option: '经办人' }, 业务领域: { options: ['人民调解'] }, 原因: '新到岗的人民调解员' });
      await dialog.getByRole('button', { name: okButton }).click();
      await dialog.getByRole('alert').filter({ hasText: `邮箱“${chief.email}”已有账号` }).waitFor();
      await dialog.getByLabel('邮箱', { exact: true }).fill(clerkEmail);
      await dialog.getByRole('button', { name: okButton }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = memberRow(page, clerkEmail);
      await expect.poll(() => row.textContent()).toContain('待改初始密码');
      expect(await row.textContent()).toMatch(/李调解.*经办人.*人民调解/);
      await screenshot(page, 'members-new-local-account');
      await signOut(page);

      // First sign-in: the initial password must be replaced before anything else.
      await signInAs(page, cb.url, clerkEmail, initialPassword);
      const change = page.getByTestId('change-password');
      await change.waitFor();
      await change.getByLabel('当前（初始）密码').fill('not-the-password');
      await change.getByLabel('新密码', { exact: true }).fill(ownPassword);
      await change.getByLabel('再次输入新密码').fill(ownPassword);
      await change.getByRole('button', { name: '修改密码并进入' }).click();
      await change.getByRole('alert').filter({ hasText: '当前密码不正确' }).waitFor();
      await screenshot(page, 'members-change-password');
      await change.getByLabel('当前（初始）密码').fill(initialPassword);
      await change.getByRole('button', { name: '修改密码并进入' }).click();
      await page.getByTestId('user-menu').waitFor();
      expect(await page.locator('.ant-menu-item').filter({ hasText: '成员与权限' }).count()).toBe(0);

      // Its own area: a case saved through the form.
      await page.goto(`${cb.url}mediation/mediation-cases/create`);
      await page.getByRole('button', { name: saveButton }).waitFor();
      await fillForm(page, page.locator('form'), mediationCase('临江调〔2024〕本地账号1号'));
      await page.getByRole('button', { name: saveButton }).click();
      await page.waitForURL(/\/show\//, { timeout: 60_000 });
      // Later changes of the own password are in the user menu.
      await page.getByTestId('user-menu').click();
      await page.getByText('修改密码', { exact: true }).click();
      const own = page.getByRole('dialog');
      await own.getByLabel('当前密码').fill(ownPassword);
      await own.getByLabel('新密码', { exact: true }).fill(`${ownPassword}-2`);
      await own.getByLabel('再次输入新密码').fill(`${ownPassword}-2`);
      await own.getByRole('button', { name: '修改密码' }).click();
      await page.getByText('密码已修改，下次登录请用新密码').waitFor();
      // Another area: nothing to write with.
      await page.goto(`${cb.url}legal-aid/legal-aid-applications/create`);
      await page.getByText(/您没有在「.+」新建或修改记录的权限/).waitFor();

      // The clerk starts the next case while, in another tab of this office computer, the admin revokes the grant.
      await page.goto(`${cb.url}mediation/mediation-cases/create`);
      await page.getByRole('button', { name: saveButton }).waitFor();
      await fillForm(page, page.locator('form'), mediationCase('临江调〔2024〕本地账号2号'));
      const admin = await context.newPage();
      await signInWith(admin, cb.url, chief.email, chief.password);
      // Through the menu: a reload would open the database anew in this second tab.
      await admin.locator('.ant-menu-item').filter({ hasText: '成员与权限' }).click();
      const clerkRow = memberRow(admin, clerkEmail);
      await clerkRow.waitFor({ timeout: 60_000 });
      expect(await clerkRow.textContent()).not.toContain('待改初始密码');
      await clerkRow.getByRole('button', { name: /撤\s*销/ }).click();
      const revoke = admin.getByRole('dialog');
      await revoke.getByLabel('原因', { exact: true }).fill('调离调解岗位');
      await revoke.getByRole('button', { name: okButton }).click();
      await clerkRow.waitFor({ state: 'detached' });
      await screenshot(admin, 'members-after-revoke');
      await admin.close();

      await page.getByRole('button', { name: saveButton }).click();
      await page.getByText(/没有权限/).first().waitFor();
      expect(page.url()).toMatch(/\/create$/);
      await screenshot(page, 'members-revoked-write-refused');
    });
  }, 300_000);

  test('a district supervisor (demo): a street added on 机构管理 is in the header’s unit picker at once, and 成员与权限 follows the unit picked', async () => {
    await cb.withPage(async (page) => {
      await signIn(page, cb.url, 'supervisor');
      const switcher = page.getByTestId('org-switcher');
      const pick = async (name: string) => {
        await switcher.click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).click();
      };
      // A street under the district, added without leaving the page.
      await page.getByRole('menuitem', { name: /机构管理/ }).click();
      await page.waitForURL(/\/orgs/);
      const districtRow = page.locator('tr', { has: page.locator('[data-org="广州市南沙区"]') });
      await districtRow.getByRole('button', { name: '新增下级机构' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('名称', { exact: true }).fill('广州市南沙区新港街道办事处');
      await dialog.getByLabel('简称').fill('新港街道');
      await dialog.getByRole('button', { name: okButton }).click();
      await page.getByText('已保存').waitFor();
      await page.getByTestId('org-admin').locator('[data-org="广州市南沙区新港街道办事处"]').waitFor();
      // No reload: the header offers it, and 成员与权限 shows that street (nobody yet).
      await pick('新港街道');
      await page.getByRole('menuitem', { name: /成员与权限/ }).click();
      await page.waitForURL(/\/members/);
      await page.getByTestId('members-title').filter({ hasText: '新港街道 · 成员与权限' }).waitFor();
      const rows = page.getByTestId('members-table').locator('tr.ant-table-row');
      await page.getByTestId('members-table').locator('.ant-empty').waitFor();
      expect(await rows.count()).toBe(0);
      // The district: the members of its streets (its supervisors are set by the database owner, not listed here).
      await pick('南沙区');
      await page.getByTestId('members-title').filter({ hasText: '南沙区 · 成员与权限' }).waitFor();
      await rows.filter({ hasText: '管理员' }).first().waitFor();
      expect(await rows.count()).toBeGreaterThan(1);
      await screenshot(page, 'members-follow-header-unit');
    });
  }, 300_000);
});
