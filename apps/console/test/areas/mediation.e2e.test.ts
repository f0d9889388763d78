import { describeAreaScenario } from '../area-scenario.js';

// 受理 → 开始调解 → 结案（调解成功）→ 回访, each step through the database: the 2024 successful
// cases and their parties move; the street admin then undoes the 回访 (no figure counts it).
describeAreaScenario('人民调解', {
  clerk: 'mediation',
  otherClerk: 'enforcement',
  dashboard: 'mediation',
  list: 'mediation/mediation-cases',
  create: {
    案件编号: '南沙调〔2024〕E2E号',
    案件来源: { option: '当事人申请' },
    纠纷类型: { option: '邻里' },
    受理日期: { date: '2024-06-03' },
    纠纷简要情况: '相邻通行纠纷',
    当事人姓名: '张某、李某',
    涉及人数: 2,
    涉及金额: '1200',
  },
  steps: [
    { button: '开始调解', state: '调解中' },
    { button: '结案', fill: { 调解结果: { option: '调解成功' }, 结案日期: { date: '2024-06-20' }, 协议形式: { option: '书面协议' } }, state: '已结案' },
    { button: '回访', fill: { 回访日期: { date: '2024-07-01' }, 回访满意度: { option: '满意' } }, state: '已回访' },
  ],
  indicators: { 'mediation.successful_cases': 1, 'mediation.successful_parties': 2 },
  undoLast: { by: 'admin', state: '已结案', indicators: { 'mediation.successful_cases': 0 } },
});
