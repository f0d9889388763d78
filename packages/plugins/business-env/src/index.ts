import { businessEnvProjects, foreignNationalServices } from '@fazhi/domain';
import { definePlugin, documentFiles, pluginApiVersion } from '@fazhi/plugin-sdk';

/**
 * 法治化营商环境 (business environment): the street's projects (商铺招牌双语化, 导视系统, 国际化社区,
 * 便民服务基地 …) with their output and investment, and the services given to foreign nationals.
 * Declarations only; lists, forms and the dashboard are the SDK's generic pages.
 */
export default definePlugin({
  id: 'business-env',
  apiVersion: pluginApiVersion,
  label: '法治化营商环境',
  labelEn: 'Business environment',
  area: 'business_env',
  order: 110,
  menuGroup: '法治建设',
  menuGroupEn: 'Rule-of-law building',
  resources: [
    {
      kind: businessEnvProjects,
      listColumns: ['title', 'category', 'location', 'output', 'outputUnit', 'startedOn', 'completedOn', 'investment'],
      listFilters: [{ type: 'period' }, { type: 'org' }, { field: 'category' }, { type: 'text', fields: ['title', 'location'] }],
      defaultSort: { field: 'completedOn', order: 'desc' },
      formSections: [
        { title: '项目', titleEn: 'Project', fields: ['title', 'category', 'location'] },
        { title: '进度与成效', titleEn: 'Progress and results', fields: ['startedOn', 'completedOn', 'output', 'outputUnit', 'investment'] },
      ],
      // A project under way has no 完成日期 yet: it counts toward no year's figures until it does.
      attention: [{ id: 'unfinished', label: '未完成', labelEn: 'Unfinished', when: [{ field: 'completedOn', empty: true }] }],
      attachments: [
        { id: 'photos', label: '项目照片', labelEn: 'Project photos', accept: documentFiles },
        { id: 'acceptance', label: '验收材料', labelEn: 'Acceptance documents', accept: documentFiles },
      ],
    },
    {
      kind: foreignNationalServices,
      listColumns: ['servedOn', 'serviceType', 'nationality', 'place'],
      listFilters: [{ type: 'period' }, { type: 'org' }, { field: 'serviceType' }, { type: 'text', fields: ['nationality', 'place'] }],
      defaultSort: { field: 'servedOn', order: 'desc' },
      formSections: [
        { title: '服务', titleEn: 'Service', fields: ['servedOn', 'serviceType', 'nationality', 'place'] },
        { title: '服务对象', titleEn: 'Client', fields: ['personName'], personal: true },
      ],
    },
  ],
  dashboard: [
    { type: 'indicator-card', indicator: 'business_env.bilingual_signs', compare: true },
    { type: 'indicator-card', indicator: 'business_env.foreign_services', compare: true },
    { type: 'monthly-trend', indicator: 'business_env.foreign_services', title: '每月为境外人士提供服务', titleEn: 'Services to foreigners by month', chart: 'bar' },
  ],
  indicatorGroups: [{ id: 'business-env', label: '法治化营商环境', labelEn: 'Business environment', indicators: ['business_env.bilingual_signs', 'business_env.foreign_services'] }],
});
