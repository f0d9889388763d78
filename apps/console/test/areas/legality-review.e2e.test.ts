import { describeAreaScenario } from '../area-scenario.js';

// 拟订 (no 决策日期: counts nowhere) → 法制审核通过 with the 合法性审查意见书 uploaded → 集体讨论决定;
// only the decision moves the 2024 figure, by one.
describeAreaScenario('合法性审查', {
  clerk: 'legality-review',
  otherClerk: 'mediation',
  dashboard: 'legality-review',
  list: 'legality-review/major-decisions',
  create: {
    决策事项: '南沙街道2024年背街小巷环境提升实施方案',
    承办部门: '规划建设办公室',
  },
  steps: [
    {
      upload: { 'legality-opinion': '合法性审查意见书.pdf' },
      button: '法制审核通过',
      fill: { 审核日期: { date: '2024-06-03' }, 审核方: { option: '司法所与法律顾问共同' }, 审核意见: '决策程序完备，内容不违反法律法规规定，同意提交集体讨论' },
      state: '法制审核通过',
    },
    { button: '集体讨论决定', fill: { 决策日期: { date: '2024-06-20' } }, state: '已决定' },
  ],
  indicators: { 'legality_review.major_decisions': 1 },
});
