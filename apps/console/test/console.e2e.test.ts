import type { Page } from 'playwright-core';
import { todayInShanghai } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { indicatorCard, openConsoleBrowser, screenshot, signIn, type ConsoleBrowser } from './browser.js';

// The seed's 2024 figures for 南沙街道 (docs: ../shared/domain), as the dashboard must show them.
const successfulCases = 'mediation.successful_cases';
const listPath = 'mediation/mediation-cases';

let cb: ConsoleBrowser;
beforeAll(async () => {
  cb = await openConsoleBrowser();
}, 120_000);
afterAll(async () => {
  await cb?.close();
});

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
    await choose(page, '案件来源', '当事人申请');
    await choose(page, '纠纷类型', '邻里');
    await setDate(page, '受理日期', '2024-06-03');
    await page.getByLabel('涉及人数', { exact: true }).fill('2');
    await page.getByLabel('涉及金额', { exact: true }).fill('1200.50');
    await choose(page, '办理状态', '已结案');
    await setDate(page, '结案日期', '2024-06-20');
    await choose(page, '调解结果', '调解成功');
    await choose(page, '协议形式', '书面协议');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/show\//);
    await screenshot(page, 'mediation-show');

    await page.goto(cb.url);
    expect(await cardValue(page, successfulCases)).toBe(243);

    // Kept in this browser's IndexedDB: a new tab of the same profile still sees it …
    const again = await context.newPage();
    await again.goto(cb.url);
    expect(await cardValue(again, successfulCases)).toBe(243);
    await again.close();

    // … until the demo data is reset, which also signs out.
    await page.getByTestId('user-menu').click();
    await page.getByText('重置演示数据').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.waitForURL(/\/login/);
    await signIn(page, cb.url, 'mediation');
    expect(await cardValue(page, successfulCases)).toBe(242);
    await context.close();
  });

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
});
