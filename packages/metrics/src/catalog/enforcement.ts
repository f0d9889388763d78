import { activeAtEnd, activeDuring, attributeValue, eq, ne, figure, measure, rate, sum, within } from './builders.js';

const actionsOfKind = (kind: string, name: string, label: string) =>
  measure({ id: `enforcement.${name}`, label, unit: '次', kind: 'enforcement_actions', period: within('actedOn'), filters: [eq('kind', kind)], description: `年内开展${label}的次数` });

const actions = measure({ id: 'enforcement.actions', label: '行政执法行为', unit: '次', kind: 'enforcement_actions', period: within('actedOn'), description: '年内各类行政执法行为总次数' });
const guidance = actionsOfKind('guidance', 'guidance', '行政辅导');
const interviews = actionsOfKind('interview', 'interviews', '行政约谈');
const warnings = actionsOfKind('warning', 'warnings', '行政告诫');
const penalties = actionsOfKind('penalty', 'penalties', '行政处罚');
const inspections = actionsOfKind('inspection', 'inspections', '执法检查');
const penaltyAmount = measure({ ...penalties, id: 'enforcement.penalty_amount', label: '罚没金额', unit: '元', aggregation: sum('penaltyAmount'), valueType: 'money', description: '年内行政处罚决定的罚款金额合计' });
const penaltiesReviewed = measure({ ...penalties, id: 'enforcement.penalties_legally_reviewed', label: '经法制审核的行政处罚决定', filters: [eq('kind', 'penalty'), eq('legalReviewDone', true)], description: '年内行政处罚决定中经法制审核的' });
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
// Pre-service training (岗前培训) comes before the certificate, so its trainee may not yet be an
// officer in post: counting it would put people in the numerator who are not in the denominator.
const officersTrainedAny = measure({
  ...officersTrained,
  id: 'enforcement.officers_trained',
  label: '参加在岗培训的执法人员',
  filters: [ne('format', 'pre_service')],
  aggregation: { type: 'countGroups', groupBy: 'officerId', sumField: 'hours', atLeast: 1 },
  description: '年内参加过岗前培训以外培训（任意学时，须填写培训形式）的执法人员',
});
const trainingSessions = measure({ id: 'enforcement.training_sessions', label: '执法人员专题培训', unit: '场次', kind: 'officer_trainings', period: within('trainedOn'), aggregation: { type: 'countDistinct', field: 'sessionNo' }, description: '年内执法人员培训的场次（同一培训班次只计一次；未填班次的培训记录不计）' });
// 持证上岗率 compares the officers in post on the last day with the staff count then in force.
const officersAtEnd = measure({ ...officers, id: 'enforcement.officers_at_end', label: '期末在岗持证执法人员', period: activeAtEnd('since', 'until'), description: '期末在岗（持证且未离岗）的行政执法人员' });
const enforcementStaff = attributeValue({ id: 'enforcement.enforcement_staff', label: '从事行政执法工作人员', unit: '名', attribute: 'enforcement_staff_count', description: '期末从事行政执法工作的人员数（机构属性，按生效日期取最新值）' });
const certificateCandidates = measure({ id: 'enforcement.certificate_candidates', label: '执法资格考试参考人数', unit: '人', kind: 'certificate_exams', period: within('heldOn'), aggregation: sum('candidates'), description: '年内执法资格考试参考人数合计' });
const certificatePassed = measure({ ...certificateCandidates, id: 'enforcement.certificate_passed', label: '执法资格考试通过人数', aggregation: sum('passed'), description: '年内执法资格考试通过人数合计' });
const campaigns = measure({ id: 'enforcement.special_campaigns', label: '开展专项整治行动', unit: '次', kind: 'special_campaigns', period: within('startedOn'), description: '年内启动的专项整治、专项行动' });
const campaignFindings = measure({ ...campaigns, id: 'enforcement.campaign_findings', label: '专项整治发现问题', unit: '个', aggregation: sum('findings'), description: '年内启动的专项整治行动发现的问题数合计' });
const licencesGranted = measure({ id: 'enforcement.licences_granted', label: '办理行政许可', unit: '件', kind: 'licences', period: within('decidedOn'), filters: [eq('result', 'granted')], description: '年内作出准予许可决定的行政许可件数' });
const licenceApplications = measure({ id: 'enforcement.licence_applications', label: '受理行政许可申请', unit: '件', kind: 'licences', period: within('appliedOn'), description: '年内受理的行政许可申请件数' });
const trainingHours = measure({ id: 'enforcement.training_hours', label: '执法人员培训学时', unit: '学时', kind: 'officer_trainings', period: within('trainedOn'), aggregation: { type: 'sum', field: 'hours' }, valueType: 'quantity', description: '年内执法人员培训学时合计' });
const auxRecruited = measure({ id: 'enforcement.aux_staff_recruited', label: '招录执法辅助人员', unit: '名', kind: 'auxiliary_staff', period: within('hiredOn'), description: '年内招录的执法辅助人员' });

export const measures = [
  actions,
  guidance,
  interviews,
  warnings,
  penalties,
  inspections,
  penaltyAmount,
  penaltiesReviewed,
  jointInspections,
  officers,
  officersTrained,
  officersTrainedAny,
  trainingSessions,
  officersAtEnd,
  enforcementStaff,
  certificateCandidates,
  certificatePassed,
  campaigns,
  campaignFindings,
  licencesGranted,
  licenceApplications,
  trainingHours,
  auxRecruited,
];

export const indicators = [
  figure(actions, 'enforcement'),
  figure(guidance, 'enforcement'),
  figure(interviews, 'enforcement'),
  figure(warnings, 'enforcement'),
  figure(penalties, 'enforcement'),
  figure(inspections, 'enforcement'),
  figure(penaltyAmount, 'enforcement'),
  figure(penaltiesReviewed, 'enforcement'),
  rate({ id: 'enforcement.penalty_legal_review_rate', label: '行政处罚决定法制审核率', area: 'enforcement', numerator: penaltiesReviewed, denominator: penalties, description: '经法制审核的行政处罚决定 ÷ 行政处罚决定' }),
  figure(jointInspections, 'enforcement'),
  figure(officers, 'enforcement'),
  figure(trainingHours, 'enforcement', { decimals: 0 }),
  figure(trainingSessions, 'enforcement'),
  rate({ id: 'enforcement.training_coverage_rate', label: '执法人员培训覆盖率', area: 'enforcement', numerator: officersTrainedAny, denominator: officers, description: '年内参加过培训的执法人员 ÷ 在岗执法人员' }),
  rate({ id: 'enforcement.certified_rate', label: '执法人员持证上岗率', area: 'enforcement', numerator: officersAtEnd, denominator: enforcementStaff, description: '期末在岗持证执法人员 ÷ 期末从事行政执法工作的人员数' }),
  rate({ id: 'enforcement.certificate_exam_pass_rate', label: '执法资格考试通过率', area: 'enforcement', numerator: certificatePassed, denominator: certificateCandidates, description: '执法资格考试通过人数 ÷ 参考人数' }),
  figure(campaigns, 'enforcement'),
  figure(campaignFindings, 'enforcement'),
  figure(licencesGranted, 'enforcement'),
  figure(licenceApplications, 'enforcement'),
  rate({ id: 'enforcement.training_compliance_rate', label: '执法人员培训达标率', area: 'enforcement', numerator: officersTrained, denominator: officers, description: '年度培训不少于60学时的执法人员 ÷ 在岗执法人员' }),
  figure(auxRecruited, 'enforcement'),
];
