import { describeAreaScenario } from '../area-scenario.js';

// A penalty by two certified officers of the 综合行政执法队 (chosen in the officers' ref selects),
// reviewed before the decision; actions and penalties of 2024 move by one. The kind has no workflow.
describeAreaScenario('行政执法', {
  clerk: 'enforcement',
  otherClerk: 'mediation',
  dashboard: 'enforcement',
  list: 'enforcement/enforcement-actions',
  create: {
    执法编号: '南沙执〔2024〕E2E号',
    执法方式: { option: '行政处罚' },
    执法日期: { date: '2024-06-03' },
    执法事项: '未取得食品经营许可从事食品经营',
    对象类型: { option: '企业' },
    执法对象: '广州南沙某餐饮有限公司',
    // Officers' names are personal, shown masked (李**) to the clerk: picked by 执法证号.
    执法人员一: { ref: '440115007006' },
    执法人员二: { ref: '440115001349' },
    法律依据: '《中华人民共和国食品安全法》第一百二十二条',
    罚款金额: '50000',
    已法制审核: { switch: true },
  },
  indicators: { 'enforcement.actions': 1, 'enforcement.penalties': 1 },
});
