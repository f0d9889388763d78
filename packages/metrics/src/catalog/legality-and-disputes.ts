import { correctedResults } from '@fazhi/domain';
import { activeDuring, eq, figure, isIn, measure, notNull, rate, sum, within } from './builders.js';

// 合法性审查 legality review
const consultations = measure({ id: 'legality_review.consultations', label: '办理法律咨询', unit: '次', kind: 'legal_consultations', period: within('consultedOn'), description: '年内司法所和法律顾问办理的法律咨询次数' });
const contractReviews = measure({ id: 'legality_review.contract_reviews', label: '审查合同', unit: '份', kind: 'contract_reviews', period: within('reviewedOn'), description: '年内完成审查的合同份数' });
const contractsFiled = measure({ ...contractReviews, id: 'legality_review.contracts_filed', label: '报上级备案的合同', filters: [eq('filed', true)], description: '年内审查的合同中报上级备案的份数' });
const contractIssues = measure({ ...contractReviews, id: 'legality_review.contract_issues_found', label: '合同审查发现法律问题', unit: '个', aggregation: sum('issuesFound'), description: '年内合同审查中发现并提出修改意见的法律问题数合计' });
const legalOpinions = measure({ id: 'legality_review.legal_opinions', label: '出具法律意见书', unit: '份', kind: 'legal_opinions', period: within('issuedOn'), description: '年内出具的法律意见书份数' });
const meetings = measure({ id: 'legality_review.meetings', label: '参与行政事项讨论会', unit: '次', kind: 'review_meetings', period: within('heldOn'), description: '年内参与的行政事项讨论会次数' });
const majorDecisions = measure({ id: 'legality_review.major_decisions', label: '重大行政决策', unit: '项', kind: 'major_decisions', period: within('decidedOn'), description: '年内作出的重大行政决策事项数' });
const documents = { kind: 'document_reviews', period: within('actedOn'), unit: '件' } as const;
const documentsOfStep = (step: string, name: string, label: string, what: string) =>
  measure({ ...documents, id: `legality_review.${name}`, label, filters: [eq('step', step)], description: `年内${what}的规范性文件和其他行政文件件数` });
const documentsDrafted = documentsOfStep('drafting', 'documents_drafted', '起草行政文件', '起草');
const documentsReviewed = documentsOfStep('legality_review', 'documents_reviewed', '合法性审查行政文件', '经合法性审查');
const normativeReviewed = measure({ ...documents, id: 'legality_review.normative_documents_reviewed', label: '合法性审查行政规范性文件', filters: [eq('step', 'legality_review'), eq('docType', 'normative')], description: '年内经合法性审查的行政规范性文件件数' });
const documentsFiled = documentsOfStep('filing', 'documents_filed', '报送备案行政文件', '报送备案');
const documentsCleanedUp = documentsOfStep('cleanup', 'documents_cleaned_up', '清理行政文件', '清理');
const counselEngaged = measure({ id: 'legality_review.counsel_engagements', label: '聘用法律顾问服务', unit: '份', kind: 'counsel_engagements', period: activeDuring('startsOn', 'endsOn'), description: '年内在服务期内的法律顾问服务合同份数' });
const counselFees = measure({ id: 'legality_review.counsel_fees', label: '法律顾问服务经费', unit: '元', kind: 'counsel_engagements', period: within('signedOn'), aggregation: sum('fee'), valueType: 'money', description: '年内签订的法律顾问服务合同的服务费用合计' });
const counselShifts = measure({ id: 'legality_review.counsel_duty_shifts', label: '法律顾问坐班值班', unit: '次', kind: 'counsel_duty_shifts', period: within('dutyOn'), description: '年内法律顾问在村（社区）坐班值班的次数' });
const majorDecisionsReviewed = measure({ ...majorDecisions, id: 'legality_review.major_decisions_reviewed', label: '经合法性审查的重大行政决策', filters: [eq('legalityReviewed', true)], description: '年内经合法性审查的重大行政决策事项数' });

// 行政争议 administrative disputes
const disputesOfKind = (kind: string, name: string, label: string) =>
  measure({ id: `admin_disputes.${name}`, label, unit: '宗', kind: 'admin_disputes', period: within('filedOn'), filters: [eq('kind', kind)], description: `年内立案或受理的${label}案件数` });
const handlingDecisions = disputesOfKind('handling_decision', 'handling_decisions', '协助处理行政处理决定');
const reconsiderations = disputesOfKind('reconsideration', 'reconsiderations', '行政复议');
const litigations = disputesOfKind('litigation', 'litigations', '行政诉讼');
const lawsuits = measure({ ...litigations, id: 'admin_disputes.lawsuits', label: '涉诉案件', filters: [isIn('kind', ['litigation', 'civil_litigation'])], description: '年内立案的街道（镇）为当事人的行政诉讼和民事诉讼案件数' });

const decidedOfKind = (kind: string, name: string, label: string) =>
  measure({ id: `admin_disputes.${name}`, label, unit: '宗', kind: 'admin_disputes', period: within('decidedOn'), filters: [eq('kind', kind), notNull('result')], description: `年内作出决定或判决的${label}` });
const reconsiderationsDecided = decidedOfKind('reconsideration', 'reconsiderations_decided', '行政复议案件');
const reconsiderationsCorrected = measure({ ...reconsiderationsDecided, id: 'admin_disputes.reconsiderations_corrected', label: '被纠错的行政复议案件', filters: [eq('kind', 'reconsideration'), isIn('result', correctedResults)], description: '年内复议决定撤销、变更、确认违法或责令履行的案件' });
const litigationsDecided = decidedOfKind('litigation', 'litigations_decided', '行政诉讼案件');
const litigationsSettled = measure({ ...litigationsDecided, id: 'admin_disputes.litigations_settled', label: '调解或撤诉结案的行政诉讼案件', filters: [eq('kind', 'litigation'), isIn('result', ['mediated', 'withdrawn'])], description: '年内以调解或原告撤诉结案的行政诉讼案件' });
const litigationsLost = measure({ ...litigationsDecided, id: 'admin_disputes.litigations_lost', label: '败诉的行政诉讼案件', filters: [eq('kind', 'litigation'), isIn('result', correctedResults)], description: '年内判决撤销、变更、确认违法、责令履行或赔偿的案件' });

const hearingsRequiringHead = measure({ id: 'admin_disputes.hearings_requiring_head', label: '需负责人出庭的庭审', unit: '次', kind: 'court_hearings', period: within('heldOn'), filters: [eq('headAppearanceRequired', true)], description: '年内开庭且要求行政机关负责人出庭的庭审次数' });
const hearingsHeadAppeared = measure({ ...hearingsRequiringHead, id: 'admin_disputes.hearings_head_appeared', label: '负责人出庭的庭审', filters: [eq('headAppearanceRequired', true), eq('headAppeared', true)], description: '其中行政机关负责人出庭应诉的庭审次数' });

export const measures = [
  consultations,
  contractReviews,
  contractsFiled,
  contractIssues,
  legalOpinions,
  meetings,
  majorDecisions,
  majorDecisionsReviewed,
  documentsDrafted,
  documentsReviewed,
  normativeReviewed,
  documentsFiled,
  documentsCleanedUp,
  counselEngaged,
  counselFees,
  counselShifts,
  handlingDecisions,
  reconsiderations,
  litigations,
  lawsuits,
  reconsiderationsDecided,
  reconsiderationsCorrected,
  litigationsDecided,
  litigationsSettled,
  litigationsLost,
  hearingsRequiringHead,
  hearingsHeadAppeared,
];

export const indicators = [
  figure(consultations, 'legality_review'),
  figure(contractReviews, 'legality_review'),
  figure(contractsFiled, 'legality_review'),
  figure(contractIssues, 'legality_review'),
  figure(legalOpinions, 'legality_review'),
  figure(meetings, 'legality_review'),
  figure(majorDecisions, 'legality_review'),
  rate({ id: 'legality_review.major_decision_review_rate', label: '重大行政决策合法性审查率', area: 'legality_review', numerator: majorDecisionsReviewed, denominator: majorDecisions, description: '经合法性审查的重大行政决策 ÷ 重大行政决策' }),
  figure(documentsDrafted, 'legality_review'),
  figure(documentsReviewed, 'legality_review'),
  figure(normativeReviewed, 'legality_review'),
  figure(documentsFiled, 'legality_review'),
  figure(documentsCleanedUp, 'legality_review'),
  figure(counselEngaged, 'legality_review'),
  figure(counselFees, 'legality_review'),
  figure(counselShifts, 'legality_review'),
  figure(handlingDecisions, 'admin_disputes'),
  figure(reconsiderations, 'admin_disputes'),
  figure(litigations, 'admin_disputes'),
  figure(lawsuits, 'admin_disputes'),
  figure(litigationsSettled, 'admin_disputes'),
  rate({ id: 'admin_disputes.litigation_settlement_rate', label: '行政诉讼调撤率', area: 'admin_disputes', numerator: litigationsSettled, denominator: litigationsDecided, description: '调解或撤诉结案的行政诉讼案件 ÷ 已判决或结案的诉讼案件' }),
  rate({ id: 'admin_disputes.head_appearance_rate', label: '行政机关负责人出庭应诉率', area: 'admin_disputes', numerator: hearingsHeadAppeared, denominator: hearingsRequiringHead, description: '负责人出庭的庭审 ÷ 需负责人出庭的庭审' }),
  rate({ id: 'admin_disputes.reconsideration_correction_rate', label: '行政复议纠错率', area: 'admin_disputes', numerator: reconsiderationsCorrected, denominator: reconsiderationsDecided, description: '被纠错的复议案件 ÷ 已决定的复议案件' }),
  rate({ id: 'admin_disputes.litigation_loss_rate', label: '行政诉讼败诉率', area: 'admin_disputes', numerator: litigationsLost, denominator: litigationsDecided, description: '败诉案件 ÷ 已判决的诉讼案件' }),
];
