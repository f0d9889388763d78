import { activeDuring, eq, figure, measure, rate, within } from './builders.js';

const actionsOfKind = (kind: string, name: string, label: string) =>
  measure({ id: `enforcement.${name}`, label, unit: '次', kind: 'enforcement_actions', period: within('actedOn'), filters: [eq('kind', kind)], description: `年内开展${label}的次数` });

const actions = measure({ id: 'enforcement.actions', label: '行政执法行为', unit: '次', kind: 'enforcement_actions', period: within('actedOn'), description: '年内各类行政执法行为总次数' });
const guidance = actionsOfKind('guidance', 'guidance', '行政辅导');
const interviews = actionsOfKind('interview', 'interviews', '行政约谈');
const warnings = actionsOfKind('warning', 'warnings', '行政告诫');
const penalties = actionsOfKind('penalty', 'penalties', '行政处罚');
const jointInspections = measure({ ...actions, id: 'enforcement.joint_inspections', label: '“综合查一次”联合检查', filters: [eq('kind', 'inspection'), eq('jointInspection', true)], description: '年内开展的多部门联合检查次数' });

const officers = measure({ id: 'enforcement.officers', label: '在岗执法人员', unit: '名', kind: 'enforcement_officers', period: activeDuring('since', 'until'), description: '年内在岗（持证且未离岗）的行政执法人员' });
const officersTrained = measure({
  id: 'enforcement.officers_trained_60h',
  label: '培训达到60学时的执法人员',
  unit: '名',
  kind: 'officer_trainings',
  period: within('trainedOn'),
  aggregation: { type: 'countGroups', groupBy: 'officerId', sumField: 'hours', atLeast: 60 },
  description: '年内培训学时合计不低于60学时的执法人员',
});
const trainingHours = measure({ id: 'enforcement.training_hours', label: '执法人员培训学时', unit: '学时', kind: 'officer_trainings', period: within('trainedOn'), aggregation: { type: 'sum', field: 'hours' }, valueType: 'quantity', description: '年内执法人员培训学时合计' });
const auxRecruited = measure({ id: 'enforcement.aux_staff_recruited', label: '招录执法辅助人员', unit: '名', kind: 'auxiliary_staff', period: within('hiredOn'), description: '年内招录的执法辅助人员' });

export const measures = [actions, guidance, interviews, warnings, penalties, jointInspections, officers, officersTrained, trainingHours, auxRecruited];

export const indicators = [
  figure(actions, 'enforcement'),
  figure(guidance, 'enforcement'),
  figure(interviews, 'enforcement'),
  figure(warnings, 'enforcement'),
  figure(penalties, 'enforcement'),
  figure(jointInspections, 'enforcement'),
  figure(officers, 'enforcement'),
  figure(trainingHours, 'enforcement', { decimals: 0 }),
  rate({ id: 'enforcement.training_compliance_rate', label: '执法人员培训达标率', area: 'enforcement', numerator: officersTrained, denominator: officers, description: '年度培训不少于60学时的执法人员 ÷ 在岗执法人员' }),
  figure(auxRecruited, 'enforcement'),
];
