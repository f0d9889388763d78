import { correctedResults } from '@fazhi/domain';
import { eq, figure, isIn, measure, notNull, rate, within } from './builders.js';

// 合法性审查 legality review
const consultations = measure({ id: 'legality_review.consultations', label: '办理法律咨询', unit: '次', kind: 'legal_consultations', period: within('consultedOn'), description: '年内司法所和法律顾问办理的法律咨询次数' });
const contractReviews = measure({ id: 'legality_review.contract_reviews', label: '审查合同', unit: '份', kind: 'contract_reviews', period: within('reviewedOn'), description: '年内完成审查的合同份数' });
const legalOpinions = measure({ id: 'legality_review.legal_opinions', label: '出具法律意见书', unit: '份', kind: 'legal_opinions', period: within('issuedOn'), description: '年内出具的法律意见书份数' });
const meetings = measure({ id: 'legality_review.meetings', label: '参与行政事项讨论会', unit: '次', kind: 'review_meetings', period: within('heldOn'), description: '年内参与的行政事项讨论会次数' });
const majorDecisions = measure({ id: 'legality_review.major_decisions', label: '重大行政决策', unit: '项', kind: 'major_decisions', period: within('decidedOn'), description: '年内作出的重大行政决策事项数' });
const majorDecisionsReviewed = measure({ ...majorDecisions, id: 'legality_review.major_decisions_reviewed', label: '经合法性审查的重大行政决策', filters: [eq('legalityReviewed', true)], description: '年内经合法性审查的重大行政决策事项数' });

// 行政争议 administrative disputes
const disputesOfKind = (kind: string, name: string, label: string) =>
  measure({ id: `admin_disputes.${name}`, label, unit: '宗', kind: 'admin_disputes', period: within('filedOn'), filters: [eq('kind', kind)], description: `年内立案或受理的${label}案件数` });
const handlingDecisions = disputesOfKind('handling_decision', 'handling_decisions', '协助处理行政处理决定');
const reconsiderations = disputesOfKind('reconsideration', 'reconsiderations', '行政复议');
const litigations = disputesOfKind('litigation', 'litigations', '行政诉讼');

const decidedOfKind = (kind: string, name: string, label: string) =>
  measure({ id: `admin_disputes.${name}`, label, unit: '宗', kind: 'admin_disputes', period: within('decidedOn'), filters: [eq('kind', kind), notNull('result')], description: `年内作出决定或判决的${label}` });
const reconsiderationsDecided = decidedOfKind('reconsideration', 'reconsiderations_decided', '行政复议案件');
const reconsiderationsCorrected = measure({ ...reconsiderationsDecided, id: 'admin_disputes.reconsiderations_corrected', label: '被纠错的行政复议案件', filters: [eq('kind', 'reconsideration'), isIn('result', correctedResults)], description: '年内复议决定撤销、变更、确认违法或责令履行的案件' });
const litigationsDecided = decidedOfKind('litigation', 'litigations_decided', '行政诉讼案件');
const litigationsLost = measure({ ...litigationsDecided, id: 'admin_disputes.litigations_lost', label: '败诉的行政诉讼案件', filters: [eq('kind', 'litigation'), isIn('result', correctedResults)], description: '年内判决撤销、变更、确认违法、责令履行或赔偿的案件' });

const hearingsRequiringHead = measure({ id: 'admin_disputes.hearings_requiring_head', label: '需负责人出庭的庭审', unit: '次', kind: 'court_hearings', period: within('heldOn'), filters: [eq('headAppearanceRequired', true)], description: '年内开庭且要求行政机关负责人出庭的庭审次数' });
const hearingsHeadAppeared = measure({ ...hearingsRequiringHead, id: 'admin_disputes.hearings_head_appeared', label: '负责人出庭的庭审', filters: [eq('headAppearanceRequired', true), eq('headAppeared', true)], description: '其中行政机关负责人出庭应诉的庭审次数' });

export const measures = [
  consultations,
  contractReviews,
  legalOpinions,
  meetings,
  majorDecisions,
  majorDecisionsReviewed,
  handlingDecisions,
  reconsiderations,
  litigations,
  reconsiderationsDecided,
  reconsiderationsCorrected,
  litigationsDecided,
  litigationsLost,
  hearingsRequiringHead,
  hearingsHeadAppeared,
];

export const indicators = [
  figure(consultations, 'legality_review'),
  figure(contractReviews, 'legality_review'),
  figure(legalOpinions, 'legality_review'),
  figure(meetings, 'legality_review'),
  figure(majorDecisions, 'legality_review'),
  rate({ id: 'legality_review.major_decision_review_rate', label: '重大行政决策合法性审查率', area: 'legality_review', numerator: majorDecisionsReviewed, denominator: majorDecisions, description: '经合法性审查的重大行政决策 ÷ 重大行政决策' }),
  figure(handlingDecisions, 'admin_disputes'),
  figure(reconsiderations, 'admin_disputes'),
  figure(litigations, 'admin_disputes'),
  rate({ id: 'admin_disputes.head_appearance_rate', label: '行政机关负责人出庭应诉率', area: 'admin_disputes', numerator: hearingsHeadAppeared, denominator: hearingsRequiringHead, description: '负责人出庭的庭审 ÷ 需负责人出庭的庭审' }),
  rate({ id: 'admin_disputes.reconsideration_correction_rate', label: '行政复议纠错率', area: 'admin_disputes', numerator: reconsiderationsCorrected, denominator: reconsiderationsDecided, description: '被纠错的复议案件 ÷ 已决定的复议案件' }),
  rate({ id: 'admin_disputes.litigation_loss_rate', label: '行政诉讼败诉率', area: 'admin_disputes', numerator: litigationsLost, denominator: litigationsDecided, description: '败诉案件 ÷ 已判决的诉讼案件' }),
];
