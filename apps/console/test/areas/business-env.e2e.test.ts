import { describeAreaScenario } from '../area-scenario.js';

// A batch of bilingual shop signs completed in 2024: the 双语化改造 figure moves by its shops.
describeAreaScenario('法治化营商环境', {
  clerk: 'business-env',
  otherClerk: 'mediation',
  dashboard: 'business-env',
  list: 'business-env/business-env-projects',
  create: {
    项目名称: '第一网格商铺招牌双语化改造（E2E批）',
    项目类别: { option: '商铺招牌双语化' },
    实施地点: '蕉门河国际化社区第一网格',
    开工日期: { date: '2024-05-06' },
    完成日期: { date: '2024-07-01' },
    完成数量: '12',
    数量单位: { option: '家' },
  },
  indicators: { 'business_env.bilingual_signs': 12 },
});
