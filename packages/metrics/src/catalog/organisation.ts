import { attributeValue, figure, rate } from './builders.js';

// Dated facts of the street or town (org_attributes): the value in force at the end of the period.
const counsel = attributeValue({ id: 'organisation.legal_counsel_count', label: '法律顾问人数', unit: '名', attribute: 'legal_counsel_count', description: '期末聘请的法律顾问人数（机构属性，按生效日期取最新值）' });
const publicLawyers = attributeValue({ id: 'organisation.public_lawyers', label: '公职律师人数', unit: '名', attribute: 'public_lawyers_count', description: '期末在岗的公职律师人数（机构属性，按生效日期取最新值）' });
const villages = attributeValue({ id: 'organisation.villages', label: '村（社区）总数', unit: '个', attribute: 'villages_count', description: '期末辖区村（社区）总数（机构属性，按生效日期取最新值）' });
const villagesWithCounsel = attributeValue({ id: 'organisation.villages_with_counsel', label: '配备法律顾问的村（社区）', unit: '个', attribute: 'villages_with_counsel', description: '期末配备法律顾问的村（社区）数（机构属性，按生效日期取最新值）' });
const villagesWithLiaison = attributeValue({ id: 'organisation.villages_with_liaison', label: '配备法治联络员的村（社区）', unit: '个', attribute: 'villages_with_liaison', description: '期末配备法治联络员的村（社区）数（机构属性，按生效日期取最新值）' });
const fulltime = attributeValue({ id: 'organisation.law_officers_fulltime', label: '专职法治工作人员', unit: '名', attribute: 'law_officers_fulltime', description: '期末专职从事法治工作的人员数（机构属性，按生效日期取最新值）' });
const parttime = attributeValue({ id: 'organisation.law_officers_parttime', label: '兼职法治工作人员', unit: '名', attribute: 'law_officers_parttime', description: '期末兼职从事法治工作的人员数（机构属性，按生效日期取最新值）' });
const gridCells = attributeValue({ id: 'organisation.grid_cells', label: '网格数', unit: '个', attribute: 'grid_cells', description: '期末划分的网格数（机构属性，按生效日期取最新值）' });
const gridWorkers = attributeValue({ id: 'organisation.grid_workers', label: '专职网格员', unit: '名', attribute: 'grid_workers', description: '期末专职网格员人数（机构属性，按生效日期取最新值）' });
const assessmentWeight = attributeValue({ id: 'organisation.law_assessment_weight', label: '法治建设在年度考核中的权重', unit: '%', attribute: 'law_assessment_weight', description: '期末法治建设在年度综合考核中所占权重（机构属性，按生效日期取最新值）' });

export const measures = [counsel, publicLawyers, villages, villagesWithCounsel, villagesWithLiaison, fulltime, parttime, gridCells, gridWorkers, assessmentWeight];

const whole = { decimals: 0 };
export const indicators = [
  figure(counsel, 'organisation', whole),
  figure(publicLawyers, 'organisation', whole),
  figure(villages, 'organisation', whole),
  rate({ id: 'organisation.village_counsel_rate', label: '村（社区）法律顾问覆盖率', area: 'organisation', numerator: villagesWithCounsel, denominator: villages, description: '配备法律顾问的村（社区） ÷ 村（社区）总数' }),
  rate({ id: 'organisation.village_liaison_rate', label: '村（社区）法治联络员覆盖率', area: 'organisation', numerator: villagesWithLiaison, denominator: villages, description: '配备法治联络员的村（社区） ÷ 村（社区）总数' }),
  figure(fulltime, 'organisation', whole),
  figure(parttime, 'organisation', whole),
  figure(gridCells, 'organisation', whole),
  figure(gridWorkers, 'organisation', whole),
  figure(assessmentWeight, 'organisation', { decimals: 1 }),
];
