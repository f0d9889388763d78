import { orgAttributes } from '@fazhi/domain';
import { definePlugin, documentFiles, pluginApiVersion } from '@fazhi/plugin-sdk';

/**
 * 机构概况 (organisation): the dated facts of each unit (法律顾问人数, 网格数, 村（社区）法律顾问覆盖 …),
 * one record per change with the date it took effect, so a year's figures read the value then in
 * force. Declarations only; the dashboard shows the figures these records feed.
 */
export default definePlugin({
  id: 'organisation',
  apiVersion: pluginApiVersion,
  label: '机构概况',
  labelEn: 'Organisation',
  area: 'organisation',
  order: 120,
  menuGroup: '法治建设',
  menuGroupEn: 'Rule-of-law building',
  resources: [
    {
      kind: orgAttributes,
      listColumns: ['attribute', 'value', 'unit', 'effectiveOn', 'note'],
      listFilters: [{ type: 'period' }, { type: 'org' }, { field: 'attribute' }, { type: 'text', fields: ['note'] }],
      defaultSort: { field: 'effectiveOn', order: 'desc' },
      formSections: [{ title: '机构属性', titleEn: 'Unit attributes', fields: ['attribute', 'value', 'unit', 'effectiveOn', 'note'] }],
      attachments: [{ id: 'basis', label: '依据文件', labelEn: 'Basis documents', accept: documentFiles }],
    },
  ],
  dashboard: [
    { type: 'indicator-card', indicator: 'organisation.legal_counsel_count', compare: true },
    { type: 'indicator-card', indicator: 'organisation.public_lawyers', compare: true },
    { type: 'indicator-card', indicator: 'organisation.village_counsel_rate', compare: true },
    { type: 'indicator-card', indicator: 'organisation.village_liaison_rate', compare: true },
    { type: 'indicator-card', indicator: 'organisation.law_officers_fulltime', compare: true },
    { type: 'indicator-card', indicator: 'organisation.grid_cells', compare: true },
    { type: 'monthly-trend', indicator: 'organisation.grid_cells', title: '各月末网格数', titleEn: 'Grid cells at month end', chart: 'line' },
  ],
  indicatorGroups: [
    {
      id: 'organisation',
      label: '机构概况',
      labelEn: 'Organisation',
      indicators: [
        'organisation.legal_counsel_count',
        'organisation.public_lawyers',
        'organisation.villages',
        'organisation.village_counsel_rate',
        'organisation.village_liaison_rate',
        'organisation.law_officers_fulltime',
        'organisation.law_officers_parttime',
        'organisation.grid_cells',
        'organisation.grid_workers',
        'organisation.law_assessment_weight',
      ],
    },
  ],
});
