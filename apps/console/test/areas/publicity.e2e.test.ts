import { describeAreaScenario } from '../area-scenario.js';

// An event of 宪法宣传周 recorded through the form (no workflow: it is entered once held); the
// 2024 events, audience and materials move by exactly what it adds.
describeAreaScenario('普法宣传', {
  clerk: 'publicity',
  otherClerk: 'leadership',
  dashboard: 'publicity',
  list: 'publicity/publicity-events',
  create: {
    活动名称: '宪法宣传周法治集市（E2E）',
    活动日期: { date: '2024-12-04' },
    活动地点: '南沙街文化广场',
    活动形式: { option: '宣传摊位' },
    主办部门: '街道司法所',
    宣传法律法规: { options: ['宪法', '民法典'] },
    参与人数: 260,
    发放资料份数: 480,
  },
  indicators: { 'publicity.events': 1, 'publicity.audience': 260, 'publicity.materials_distributed': 480 },
});
