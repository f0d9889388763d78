import { defineRecordKind } from '../record-kind.js';
import { options } from './options.js';

export const businessEnvProjects = defineRecordKind({
  id: 'business_env_projects',
  label: '营商环境项目',
  labelEn: 'Business-environment projects',
  area: 'business_env',
  measureWord: '个',
  periodField: 'completedOn',
  titleField: 'title',
  fields: [
    { key: 'title', label: '项目名称', labelEn: 'Project name', type: 'text', required: true, listed: true },
    {
      key: 'category',
      label: '项目类别',
      labelEn: 'Project category',
      type: 'enum',
      required: true,
      listed: true,
      options: options(['bilingual_signs', '商铺招牌双语化', 'Bilingual shop signs'], ['wayfinding', '导视系统', 'Signage'], ['international_community', '国际化社区建设', 'International community'], ['service_base', '便民服务基地', 'Service base'], ['law_venue', '法治文化阵地', 'Rule-of-law culture site'], ['other', '其他', 'Other']),
    },
    { key: 'location', label: '实施地点', labelEn: 'Location', type: 'text' },
    { key: 'output', label: '完成数量', labelEn: 'Quantity completed', type: 'integer', min: 0, listed: true },
    { key: 'outputUnit', label: '数量单位', labelEn: 'Quantity unit', type: 'enum', options: options(['shops', '家', 'shops'], ['items', '个', 'items'], ['sites', '处', 'sites'], ['sets', '套', 'sets']) },
    { key: 'startedOn', label: '开工日期', labelEn: 'Started on', type: 'date', notFuture: true },
    { key: 'completedOn', label: '完成日期', labelEn: 'Completed on', type: 'date', notFuture: true, listed: true },
    { key: 'investment', label: '投入金额', labelEn: 'Investment', type: 'money', unit: '元' },
  ],
  rules: [
    { type: 'order', earlier: 'startedOn', later: 'completedOn' },
    { type: 'required-when', field: 'outputUnit', when: { field: 'category', in: ['bilingual_signs'] } },
  ],
});

export const foreignNationalServices = defineRecordKind({
  id: 'foreign_national_services',
  label: '境外人士服务',
  labelEn: 'Services to foreign nationals',
  area: 'business_env',
  measureWord: '人次',
  periodField: 'servedOn',
  titleField: 'serviceType',
  fields: [
    { key: 'servedOn', label: '服务日期', labelEn: 'Service date', type: 'date', notFuture: true, required: true, listed: true },
    {
      key: 'serviceType',
      label: '服务类型',
      labelEn: 'Service type',
      type: 'enum',
      required: true,
      listed: true,
      options: options(['residence', '居留证件', 'Residence permit'], ['policy', '政策咨询', 'Policy enquiry'], ['legal', '法律咨询', 'Legal enquiry'], ['daily_life', '生活服务', 'Daily life'], ['employment', '就业创业', 'Jobs and start-ups'], ['other', '其他', 'Other']),
    },
    { key: 'nationality', label: '国籍/地区', labelEn: 'Nationality or region', type: 'text', listed: true },
    { key: 'personName', label: '服务对象', labelEn: 'Client', type: 'text', personal: true },
    { key: 'place', label: '服务载体', labelEn: 'Service channel', type: 'text', listed: true },
  ],
});
