import { describeAreaScenario } from '../area-scenario.js';

// 立案 → 开始审理 → 结案 (撤诉, with its date), each step through the database; the 2024 诉讼 count moves by one.
describeAreaScenario('行政争议', {
  clerk: 'admin-disputes',
  otherClerk: 'mediation',
  dashboard: 'admin-disputes',
  list: 'admin-disputes/admin-disputes',
  create: {
    案号: '（2024）粤7101行初E2E号',
    案件类型: { option: '行政诉讼' },
    案由: '不服责令限期拆除违法建设决定',
    街道身份: { option: '被申请人/被告' },
    '立案/受理日期': { date: '2024-06-03' },
  },
  steps: [
    { button: '开始审理', state: '审理中' },
    { upload: { decision: '准予撤诉裁定书.pdf' }, button: '结案', fill: { 结果: { option: '撤回/撤诉' }, '决定/判决日期': { date: '2024-09-20' } }, state: '已结案' },
  ],
  indicators: { 'admin_disputes.litigations': 1 },
});
