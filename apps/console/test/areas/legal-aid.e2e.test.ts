import { describeAreaScenario } from '../area-scenario.js';

// 申请 → 准予援助 → 指派 → 结案, each step through the database; the 2024 figures move by one,
// and back when the street admin undoes 结案.
describeAreaScenario('法律援助', {
  clerk: 'legal-aid',
  otherClerk: 'mediation',
  dashboard: 'legal-aid',
  list: 'legal-aid/legal-aid-applications',
  create: {
    申请编号: '南沙援〔2024〕E2E号',
    申请渠道: { option: '窗口申请' },
    申请日期: { date: '2024-06-03' },
    案件类别: { option: '民事' },
    案由: '劳动报酬纠纷',
    涉及金额: '36000',
    申请人姓名: '黄某英',
    申请人类别: { option: '农民工' },
    审查结果: { option: '待审查' },
  },
  steps: [
    { button: '准予援助', fill: { 审查日期: { date: '2024-06-05' } }, state: '准予援助' },
    { button: '指派', fill: { 承办律师: '陈律师', 承办机构: '南沙区法律援助处' }, state: '已指派' },
    { upload: { closing: '结案文书.pdf' }, button: '结案', fill: { 结案日期: { date: '2024-09-20' }, 办理结果: '调解结案', 挽回损失: '30000' }, state: '已结案' },
  ],
  indicators: { 'legal_aid.applications': 1, 'legal_aid.accepted_applications': 1, 'legal_aid.loss_recovered': 30000 },
  // Undoing 结案 gives back what it wrote (结案日期, 挽回损失): the loss recovered drops again.
  undoLast: { by: 'admin', state: '已指派', indicators: { 'legal_aid.loss_recovered': -30000, 'legal_aid.accepted_applications': 0 } },
});
