import { describe, expect, test } from 'vitest';
import { describeAreaScenario } from '../area-scenario.js';
import { screenshot, signIn, consoleBrowserForSuite } from '../browser.js';

// 分派 → 开始整改 → 完成整改 (with the written report's date) → 销号 once the evidence is uploaded,
// each step through the database; the 2024 task and completion figures move by one.
describeAreaScenario('问题整改', {
  clerk: 'rectification',
  otherClerk: 'legal-aid',
  dashboard: 'rectification',
  list: 'rectification/rectification-tasks',
  create: {
    问题描述: '行政执法公示栏信息未按月更新',
    问题来源: { option: '法治南沙建设考评' },
    问题所属年度: 2023,
    责任部门: '综合行政执法队',
    任务分派日期: { date: '2024-06-03' },
    整改期限: { date: '2024-08-30' },
    分管领导联络人: '黄某荣',
    部门负责人联络人: '刘某建',
    具体联络人: '梁某婉',
  },
  steps: [
    { button: '开始整改', fill: { 整改措施: '更新公示栏，建立每月核对制度' }, state: '整改中' },
    { button: '完成整改', fill: { 完成日期: { date: '2024-07-20' }, 书面报告日期: { date: '2024-07-22' } }, state: '已完成' },
    { upload: { evidence: '整改前后对照.pdf' }, button: '销号', fill: { 销号日期: { date: '2024-08-05' } }, state: '已销号' },
  ],
  indicators: { 'rectification.tasks': 1, 'rectification.completed': 1 },
});

// The 看板 in the built console: a column per 整改状态, the overdue tasks (past 整改期限, not yet
// completed) highlighted, none among the completed or closed-out ones.
describe('问题整改 看板 in Chromium', () => {
  const cb = consoleBrowserForSuite();

  test('the clerk’s board groups the tasks by status and highlights the overdue ones', async () => {
    await cb.withPage(async (page) => {
      await signIn(page, cb.url, 'rectification');
      await page.goto(`${cb.url}rectification/rectification-tasks`);
      await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
      await page.getByText('看板', { exact: true }).click();
      const column = (label: string) => page.getByRole('region', { name: label });
      await column('已销号').locator('.ant-card').first().waitFor();
      const overdue = async (label: string) => column(label).locator('.fazhi-card-attention').count();
      expect((await overdue('未开始')) + (await overdue('整改中'))).toBeGreaterThan(0);
      expect(await overdue('已完成')).toBe(0);
      expect(await overdue('已销号')).toBe(0);
      await expect.poll(() => column('整改中').locator('.ant-card').first().textContent()).toMatch(/责任部门：.+整改期限：\d{4}-\d{2}-\d{2}/);
      await screenshot(page, 'area-rectification-board');
    });
  }, 120_000);
});
