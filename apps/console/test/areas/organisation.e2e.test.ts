import { describeAreaScenario } from '../area-scenario.js';

// Three more legal counsel from mid-2024: the year-end 法律顾问人数 the dashboard shows moves by three.
describeAreaScenario('机构概况', {
  clerk: 'organisation',
  otherClerk: 'mediation',
  dashboard: 'organisation',
  list: 'organisation/org-attributes',
  create: {
    属性: { option: '法律顾问人数' },
    数值: '5',
    单位: '名',
    生效日期: { date: '2024-06-01' },
    说明: '新聘三名社区法律顾问',
  },
  indicators: { 'organisation.legal_counsel_count': 3 },
});
