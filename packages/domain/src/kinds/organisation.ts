import { defineRecordKind } from '../record-kind.js';
import { options } from './options.js';

/**
 * Slowly changing facts of an org unit, each kept with the date it took effect, so a report for any
 * year reads the value then in force.
 */
export const orgAttributeNames = options(
  ['legal_service_hall_area', '公共法律服务工作站大厅面积', 'Public legal service hall area'],
  ['mediators_count', '专职人民调解员人数', 'Full-time mediators'],
  ['legal_counsel_count', '法律顾问人数', 'Legal advisers'],
  ['law_committee_members', '全面依法治街委员会成员人数', 'Street rule-of-law committee members'],
  ['villages_count', '村（社区）总数', 'Villages (communities)'],
  ['villages_with_counsel', '配备法律顾问的村（社区）数', 'Villages (communities) with a legal adviser'],
  ['villages_with_liaison', '配备法治联络员的村（社区）数', 'Villages (communities) with a rule-of-law liaison'],
  ['enforcement_staff_count', '从事行政执法工作人员数', 'Enforcement staff'],
  ['law_officers_fulltime', '专职法治工作人员数', 'Full-time rule-of-law staff'],
  ['law_officers_parttime', '兼职法治工作人员数', 'Part-time rule-of-law staff'],
  ['grid_cells', '网格数', 'Grid cells'],
  ['grid_workers', '专职网格员人数', 'Full-time grid workers'],
  ['law_assessment_weight', '法治建设在年度考核中的权重', 'Weight of rule of law in annual appraisal'],
  ['public_lawyers_count', '公职律师人数', 'Public-sector lawyers'],
);

export const orgAttributes = defineRecordKind({
  id: 'org_attributes',
  label: '机构属性',
  labelEn: 'Organisation attributes',
  area: 'organisation',
  measureWord: '项',
  periodField: 'effectiveOn',
  titleField: 'attribute',
  fields: [
    { key: 'attribute', label: '属性', labelEn: 'Attribute', type: 'enum', options: orgAttributeNames, required: true, listed: true },
    { key: 'value', label: '数值', labelEn: 'Value', type: 'decimal', scale: 2, min: 0, required: true, listed: true },
    { key: 'unit', label: '单位', labelEn: 'Unit', type: 'text', required: true, listed: true, maxLength: 20 },
    { key: 'effectiveOn', label: '生效日期', labelEn: 'Effective on', type: 'date', required: true, listed: true },
    { key: 'note', label: '说明', labelEn: 'Note', type: 'text' },
  ],
});
