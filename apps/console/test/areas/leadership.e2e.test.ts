import { describeAreaScenario } from '../area-scenario.js';

// A leader's law lecture recorded through the form (the kind requires its 主讲人 for this form; no
// workflow: a session is entered once held); the 2024 sessions and attendees move by what it adds.
describeAreaScenario('党政主要负责人履职', {
  clerk: 'leadership',
  otherClerk: 'publicity',
  dashboard: 'leadership',
  list: 'leadership/study-sessions',
  create: {
    学习形式: { option: '领导干部讲法治课' },
    学习内容: '行政复议法修订要点与街道依法行政（E2E）',
    日期: { date: '2024-12-03' },
    主持人: '何家华',
    参加人数: 36,
    主讲人: '罗萍霞（街道办事处主任）',
  },
  indicators: { 'leadership.study_sessions': 1, 'leadership.study_attendees': 36 },
});
