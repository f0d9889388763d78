import { describe, expect, test } from 'vitest';
import { screenshot, signIn, consoleBrowserForSuite } from './browser.js';

// The report template editor (/reports/template): a street admin edits the unit's template as
// JSON beside a live preview built from the database's 2024 figures, sees problems in Chinese by
// their path, and saves versions that the page opens on next time. Clerks get no editor.
const cb = consoleBrowserForSuite();

describe('报告模板', () => {
  test('a street admin edits, previews and saves the unit’s template; errors are named in Chinese', async () => {
    const { page } = await cb.newPage();
    await signIn(page, cb.url, 'admin');
    await page.getByRole('menuitem', { name: /报告模板/ }).click();
    await page.waitForURL(/\/reports\/template/);
    const editor = page.getByRole('textbox', { name: '报告模板（JSON）' });
    await expect.poll(() => editor.inputValue(), { timeout: 30_000 }).toContain('"id": "street-annual"');
    await expect.poll(async () => (await page.getByTestId('template-version').textContent()) ?? '', { timeout: 30_000 }).toContain('使用内置模板');

    // The preview is the seed street's 2024 report, figures from the database (FIGURES.md #14, #18).
    const preview = page.frameLocator('[data-testid="template-preview"]');
    await preview.getByText(/成功调处矛盾纠纷242宗/).first().waitFor();
    await expect.poll(async () => (await preview.locator('body').textContent()) ?? '', { timeout: 30_000 }).toContain('受理法律援助申请456人次');

    // A misspelt indicator and a stray bracket: each problem named, nothing previewed or saved.
    const original = await editor.inputValue();
    await editor.fill(original.replace('{legal_aid.accepted_applications}', '{legal_aid.nope}').replace('[，涉及金额{legal_aid.accepted_amount}]', '[，涉及金额{legal_aid.accepted_amount}'));
    const problems = page.getByTestId('template-problems');
    await expect.poll(async () => (await problems.textContent()) ?? '', { timeout: 30_000 }).toContain('可省略部分的方括号“[”“]”不成对');
    expect(await page.getByTestId('template-save').isDisabled()).toBe(true);
    await editor.fill(original.replace('{legal_aid.accepted_applications}', '{legal_aid.nope}'));
    await expect.poll(async () => (await problems.textContent()) ?? '', { timeout: 30_000 }).toContain('引用了未知的指标“legal_aid.nope”');

    // A street's own heading and sentence: previewed live, saved as version 1, reopened from the database.
    const edited = original.replace('"heading": "优化公共法律服务"', '"heading": "优化公共法律服务，打造家门口的法律服务站"');
    await editor.fill(edited);
    await preview.getByText(/优化公共法律服务，打造家门口的法律服务站/).first().waitFor();
    await screenshot(page, 'report-template-editor');
    await page.getByTestId('template-save').click();
    await page.getByText('已保存为第1版').waitFor();
    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: '报告模板（JSON）' }).inputValue(), { timeout: 30_000 }).toContain('优化公共法律服务，打造家门口的法律服务站');
    await expect.poll(async () => (await page.getByTestId('template-version').textContent()) ?? '', { timeout: 30_000 }).toContain('本单位模板第1版');
  }, 240_000);

  test('a clerk has no template menu entry and the page says why', async () => {
    const { page } = await cb.newPage();
    await signIn(page, cb.url, 'mediation');
    expect(await page.getByRole('menuitem', { name: /报告模板/ }).count()).toBe(0);
    await page.goto(`${cb.url}reports/template`);
    await page.getByText('只有街道管理员可以编辑报告模板').waitFor();
  }, 120_000);
});
