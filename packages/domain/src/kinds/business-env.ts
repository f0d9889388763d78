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
    { key: 'title', label: '项目名称', type: 'text', required: true, listed: true },
    {
      key: 'category',
      label: '项目类别',
      type: 'enum',
      required: true,
      listed: true,
      options: options(['bilingual_signs', '商铺招牌双语化'], ['wayfinding', '导视系统'], ['international_community', '国际化社区建设'], ['service_base', '便民服务基地'], ['law_venue', '法治文化阵地'], ['other', '其他']),
    },
    { key: 'location', label: '实施地点', type: 'text' },
    { key: 'output', label: '完成数量', type: 'integer', min: 0, listed: true },
    { key: 'outputUnit', label: '数量单位', type: 'enum', options: options(['shops', '家'], ['items', '个'], ['sites', '处'], ['sets', '套']) },
    { key: 'startedOn', label: '开工日期', type: 'date', notFuture: true },
    { key: 'completedOn', label: '完成日期', type: 'date', notFuture: true, listed: true },
    { key: 'investment', label: '投入金额', type: 'money', unit: '元' },
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
    { key: 'servedOn', label: '服务日期', type: 'date', notFuture: true, required: true, listed: true },
    {
      key: 'serviceType',
      label: '服务类型',
      type: 'enum',
      required: true,
      listed: true,
      options: options(['residence', '居留证件'], ['policy', '政策咨询'], ['legal', '法律咨询'], ['daily_life', '生活服务'], ['employment', '就业创业'], ['other', '其他']),
    },
    { key: 'nationality', label: '国籍/地区', type: 'text', listed: true },
    { key: 'personName', label: '服务对象', type: 'text', personal: true },
    { key: 'place', label: '服务载体', type: 'text', listed: true },
  ],
});
