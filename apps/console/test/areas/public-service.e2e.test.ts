import { describeAreaScenario } from '../area-scenario.js';

// A 12345 ticket received in June 2024, 办结 within its 办理时限, then 回访 with a satisfaction
// rating, each step through the database: the year's tickets grow by one. (One ticket among the
// year's 21,349 does not move the rates at the one decimal the cards show.)
describeAreaScenario('政务服务', {
  clerk: 'public-service',
  otherClerk: 'mediation',
  dashboard: 'public-service',
  list: 'public-service/hotline-tickets',
  create: {
    工单编号: 'GZ24E2E0001',
    来源渠道: { option: '电话' },
    诉求类型: { option: '投诉' },
    诉求分类: { option: '市容环境' },
    诉求内容: '小区门口占道经营，影响通行',
    派单时间: { date: '2024-06-03 09:30' },
    办理时限: { date: '2024-06-10 09:30' },
    来电人: '李先生',
    来电号码: '13800138000',
    承办部门: '综合行政执法队',
  },
  steps: [
    { button: '办结', fill: { 办结时间: { date: '2024-06-07 16:00' } }, state: '已办结' },
    { button: '回访', fill: { 满意度评价: { option: '满意' } }, state: '已回访' },
  ],
  indicators: { 'public_service.tickets_received': 1 },
});
