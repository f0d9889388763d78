import { attributeValue, eq, figure, measure, rate, sum, within } from './builders.js';

// 人民调解 mediation
const successFilter = [eq('result', 'success')];
const successfulCases = measure({ id: 'mediation.successful_cases', label: '成功调处矛盾纠纷', unit: '宗', kind: 'mediation_cases', period: within('closedOn'), filters: successFilter, description: '年内结案且调解成功的案件' });
const successfulParties = measure({ ...successfulCases, id: 'mediation.successful_parties', label: '成功调处案件涉及人数', unit: '人', aggregation: sum('partiesCount'), description: '年内调解成功案件的涉及人数合计' });
const successfulAmount = measure({ ...successfulCases, id: 'mediation.successful_amount', label: '成功调处案件涉及金额', unit: '元', aggregation: sum('amount'), valueType: 'money', description: '年内调解成功案件的涉及金额合计' });
const accepted = measure({ id: 'mediation.accepted_cases', label: '受理矛盾纠纷', unit: '宗', kind: 'mediation_cases', period: within('acceptedOn'), description: '年内受理的调解案件' });
const acceptedSucceeded = measure({ ...accepted, id: 'mediation.accepted_succeeded', label: '年内受理且调解成功的案件', filters: successFilter, description: '年内受理的案件中已调解成功的' });
const counselInvolved = measure({ ...accepted, id: 'mediation.counsel_involved_cases', label: '法律顾问参与调解', filters: [eq('counselInvolved', true)], description: '年内受理的案件中法律顾问参与调解的' });
const preventedCriminal = measure({ ...successfulCases, id: 'mediation.prevented_criminal', label: '防止民转刑', unit: '宗', filters: [eq('preventedCriminal', true)], period: within('closedOn'), description: '年内结案案件中防止民间纠纷转化为刑事案件的' });

// 法律援助 legal aid
const acceptedApplications = measure({ id: 'legal_aid.accepted_applications', label: '受理法律援助申请', unit: '人次', kind: 'legal_aid_applications', period: within('decidedOn'), filters: [eq('decision', 'accepted')], description: '年内审查准予受理的法律援助申请' });
const acceptedAmount = measure({ ...acceptedApplications, id: 'legal_aid.accepted_amount', label: '法律援助案件涉及金额', unit: '元', aggregation: sum('amount'), valueType: 'money', description: '年内准予受理的法律援助申请涉及金额合计' });
const applications = measure({ id: 'legal_aid.applications', label: '法律援助申请', unit: '人次', kind: 'legal_aid_applications', period: within('appliedOn'), description: '年内提出的法律援助申请' });
const applicationsDecided = measure({ id: 'legal_aid.applications_decided', label: '已审查的法律援助申请', unit: '人次', kind: 'legal_aid_applications', period: within('decidedOn'), filters: [{ field: 'decision', op: 'in', value: ['accepted', 'rejected'] }], description: '年内作出受理或不予受理决定的申请' });
const lossRecovered = measure({ ...acceptedApplications, id: 'legal_aid.loss_recovered', label: '法律援助挽回损失', unit: '元', period: within('closedOn'), aggregation: sum('lossRecovered'), valueType: 'money', description: '年内结案的法律援助案件挽回损失合计' });

// 公共法律服务 public legal service
const hallArea = attributeValue({ id: 'public_legal_service.hall_area', label: '公共法律服务工作站大厅面积', unit: '平方米', attribute: 'legal_service_hall_area', description: '期末有效的大厅面积（机构属性，按生效日期取最新值）' });
const residentConsultations = measure({ id: 'public_legal_service.consultations', label: '接待群众法律咨询', unit: '人次', kind: 'resident_consultations', period: within('consultedOn'), aggregation: sum('persons'), description: '年内公共法律服务站点和村（居）法律顾问接待群众、企业法律咨询的人次' });
const enterpriseConsultations = measure({ ...residentConsultations, id: 'public_legal_service.enterprise_consultations', label: '接待企业法律咨询', filters: [eq('requesterType', 'enterprise')], description: '其中企业咨询的人次' });
const villageDutyConsultations = measure({ ...residentConsultations, id: 'public_legal_service.village_duty_consultations', label: '村（居）法律顾问值班接待咨询', filters: [eq('channel', 'village_duty')], description: '其中村（居）法律顾问值班时接待的人次' });


export const measures = [
  successfulCases,
  successfulParties,
  successfulAmount,
  accepted,
  acceptedSucceeded,
  counselInvolved,
  preventedCriminal,
  acceptedApplications,
  acceptedAmount,
  applications,
  applicationsDecided,
  lossRecovered,
  hallArea,
  residentConsultations,
  enterpriseConsultations,
  villageDutyConsultations,
];

export const indicators = [
  figure(successfulCases, 'mediation'),
  figure(successfulParties, 'mediation'),
  figure(successfulAmount, 'mediation'),
  figure(accepted, 'mediation'),
  rate({ id: 'mediation.success_rate', label: '调解成功率', area: 'mediation', numerator: acceptedSucceeded, denominator: accepted, description: '年内受理案件中调解成功的 ÷ 年内受理案件' }),
  figure(counselInvolved, 'mediation'),
  figure(preventedCriminal, 'mediation'),
  figure(acceptedApplications, 'legal_aid'),
  figure(acceptedAmount, 'legal_aid'),
  figure(applications, 'legal_aid'),
  rate({ id: 'legal_aid.acceptance_rate', label: '法律援助申请受理率', area: 'legal_aid', numerator: acceptedApplications, denominator: applicationsDecided, description: '准予受理的申请 ÷ 已审查的申请' }),
  figure(lossRecovered, 'legal_aid'),
  figure(hallArea, 'legal_aid', { decimals: 0 }),
  figure(residentConsultations, 'legal_aid'),
  figure(enterpriseConsultations, 'legal_aid'),
  figure(villageDutyConsultations, 'legal_aid'),
];
