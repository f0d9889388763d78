import { describeAreaScenario } from '../area-scenario.js';

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
