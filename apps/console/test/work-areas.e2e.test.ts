import { expect, test } from 'vitest';
import { screenshot, signIn, consoleBrowserForSuite } from './browser.js';

// The menu groups and an area clerk's roster in the production build over the embedded demo database.
const cb = consoleBrowserForSuite();

test('the menu groups the work areas, a clerk sees only the ones it reads; the enforcement clerk opens the officers’ roster with the 60-hour line', async () => {
  await cb.withPage(async (page) => {
    await signIn(page, cb.url, 'admin');
    const menu = page.locator('.ant-menu');
    for (const group of ['依法行政', '公共法律服务', '矛盾化解']) await menu.getByText(group, { exact: true }).waitFor();
    // One click opens a group; its area is then in sight.
    await menu.getByText('依法行政', { exact: true }).click();
    await menu.getByText('行政执法', { exact: true }).waitFor();
    await screenshot(page, 'work-areas-menu');

    const signInAs = async (account: 'mediation' | 'enforcement') => {
      await page.getByTestId('user-menu').click();
      await page.getByText('退出登录').click();
      await page.waitForURL(/\/login/);
      await signIn(page, cb.url, account);
    };
    // 人民调解 sits under 矛盾化解; its clerk reads nothing else, so no other group is offered.
    await signInAs('mediation');
    await menu.getByText('矛盾化解', { exact: true }).click();
    await menu.getByText('人民调解', { exact: true }).waitFor();
    for (const group of ['依法行政', '公共法律服务']) expect(await menu.getByText(group, { exact: true }).count()).toBe(0);
    await signInAs('enforcement');
    // The clerk reads enforcement only (RLS): the menu holds its group, not the ones it cannot read.
    await menu.getByText('依法行政', { exact: true }).waitFor();
    expect(await menu.getByText('公共法律服务', { exact: true }).count()).toBe(0);
    await page.goto(`${cb.url}enforcement/enforcement-officers`);
    await page.getByText('年度培训学时（60学时线）').waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    // The sums arrive (the console's year, 2024 in the demo), read as the clerk; rows below the line carry the tag.
    await page.getByText('未达60学时').first().waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    const below = await page.locator('.ant-table-tbody tr.fazhi-row-attention').count();
    expect(below).toBeGreaterThan(0);
    expect(below).toBeLessThan(await rows.count());
    expect(await page.getByRole('button', { name: /新\s*建/ }).count()).toBe(1);
    await screenshot(page, 'enforcement-roster');
  });
}, 180_000);
