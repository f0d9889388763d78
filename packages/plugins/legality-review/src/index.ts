import { contractReviews, counselDutyShifts, counselEngagements, documentReviews, legalConsultations, legalOpinions, majorDecisions, reviewMeetings } from '@fazhi/domain';
import { definePlugin, pluginApiVersion } from '@fazhi/plugin-sdk';

const documents = '.pdf,.jpg,.jpeg,.png,.doc,.docx';
const period = { type: 'period' } as const;
const org = { type: 'org' } as const;

/**
 * 合法性审查 (legality review): major decisions through 法制审核 before the collective decision
 * (the kind's enforced workflow), contracts, documents and legal opinions each reviewed with an
 * opinion and whether it was adopted (意见采纳), consultations, review meetings and the retained
 * counsel. Declarations only; lists, forms, the board and the dashboard are the SDK's pages.
 */
export default definePlugin({
  id: 'legality-review',
  apiVersion: pluginApiVersion,
  label: '合法性审查',
  labelEn: 'Legality review',
  area: 'legality_review',
  order: 10,
  menuGroup: '依法行政',
  menuGroupEn: 'Lawful administration',
  resources: [
    {
      kind: majorDecisions,
      listColumns: ['title', 'department', 'stage', 'reviewedOn', 'decidedOn', 'legalityReviewed', 'collectiveDecision'],
      // A draft has no 决策日期 until it is decided: whatever year is chosen, drafts stay listed.
      listFilters: [{ type: 'period', keepUndated: true }, org, { field: 'stage' }, { field: 'legalityReviewed' }, { type: 'text', fields: ['title', 'department'] }],
      defaultSort: { field: 'decidedOn', order: 'desc' },
      formSections: [
        { title: '决策事项', titleEn: 'Decision matter', fields: ['title', 'department', 'stage'] },
        { title: '决策程序', titleEn: 'Decision procedure', fields: ['publicParticipation', 'expertArgument', 'riskAssessment'] },
        { title: '法制审核', titleEn: 'Legal review', fields: ['reviewedOn', 'reviewedBy', 'reviewOpinion', 'legalityReviewed'] },
        { title: '集体讨论决定', titleEn: 'Collective decision', fields: ['decidedOn', 'collectiveDecision'] },
      ],
      board: { groupBy: 'stage', cardFields: ['department', 'reviewedOn'] },
      attention: [
        { id: 'awaiting-review', label: '待法制审核', labelEn: 'Awaiting review', when: [{ field: 'stage', in: ['drafting'] }] },
        { id: 'returned', label: '退回修改', labelEn: 'Returned', when: [{ field: 'stage', in: ['returned'] }] },
        { id: 'awaiting-decision', label: '待集体讨论', labelEn: 'Awaiting decision', when: [{ field: 'stage', in: ['reviewed'] }] },
      ],
      todos: [{ id: 'awaiting-review', when: 'awaiting-review' }, { id: 'returned', when: 'returned', severity: 'info' }],
      attachments: [
        { id: 'draft', label: '决策草案', labelEn: 'Decision draft', accept: documents },
        { id: 'legality-opinion', label: '合法性审查意见书', labelEn: 'Legality review opinion', accept: documents },
        { id: 'minutes', label: '集体讨论会议纪要', labelEn: 'Collective decision minutes', accept: documents },
      ],
    },
    {
      kind: contractReviews,
      listColumns: ['contractName', 'department', 'contractType', 'amount', 'reviewedOn', 'opinion', 'adoption'],
      listFilters: [period, org, { field: 'contractType' }, { field: 'opinion' }, { field: 'adoption' }, { field: 'filed' }, { type: 'text', fields: ['contractName', 'department', 'counterparty'] }],
      defaultSort: { field: 'reviewedOn', order: 'desc' },
      formSections: [
        { title: '合同', titleEn: 'Contract', fields: ['contractName', 'department', 'counterparty', 'contractType', 'amount'] },
        { title: '审查', titleEn: 'Review', fields: ['reviewedOn', 'reviewer', 'opinion', 'issuesFound', 'adoption', 'filed'] },
      ],
      attachments: [
        { id: 'contract', label: '合同文本', labelEn: 'Contract text', accept: documents },
        { id: 'review-opinion', label: '合同审查意见书', labelEn: 'Contract review opinion', accept: documents },
      ],
    },
    {
      kind: documentReviews,
      listColumns: ['reviewNo', 'title', 'docType', 'step', 'actedOn', 'conclusion', 'adoption'],
      listFilters: [period, org, { field: 'docType' }, { field: 'step' }, { field: 'conclusion' }, { field: 'adoption' }, { type: 'text', fields: ['reviewNo', 'title', 'docNo', 'department'] }],
      defaultSort: { field: 'actedOn', order: 'desc' },
      formSections: [
        { title: '文件', titleEn: 'Document', fields: ['reviewNo', 'title', 'docNo', 'docType', 'department'] },
        { title: '办理', titleEn: 'Handling', fields: ['step', 'actedOn', 'reviewer', 'conclusion', 'adoption'] },
      ],
      attachments: [
        { id: 'document', label: '文件文本', labelEn: 'Document text', accept: documents },
        { id: 'legality-opinion', label: '合法性审查意见书', labelEn: 'Legality review opinion', accept: documents },
      ],
    },
    {
      kind: legalOpinions,
      listColumns: ['title', 'subject', 'department', 'issuedOn', 'issuedBy', 'adoption'],
      listFilters: [period, org, { field: 'issuedBy' }, { field: 'adoption' }, { type: 'text', fields: ['title', 'subject', 'department'] }],
      defaultSort: { field: 'issuedOn', order: 'desc' },
      attachments: [{ id: 'legal-opinion', label: '法律意见书', labelEn: 'Legal opinions', accept: documents }],
    },
    {
      kind: legalConsultations,
      listFilters: [period, org, { field: 'handledBy' }, { type: 'text', fields: ['topic', 'department'] }],
      defaultSort: { field: 'consultedOn', order: 'desc' },
    },
    {
      kind: reviewMeetings,
      listFilters: [period, org, { field: 'attendedBy' }, { type: 'text', fields: ['title', 'matter'] }],
      defaultSort: { field: 'heldOn', order: 'desc' },
      attachments: [{ id: 'minutes', label: '会议纪要', labelEn: 'Meeting minutes', accept: documents }],
    },
    {
      kind: counselEngagements,
      listFilters: [period, org, { field: 'scope' }, { type: 'text', fields: ['contractNo', 'firm', 'counsel'] }],
      defaultSort: { field: 'signedOn', order: 'desc' },
      attachments: [{ id: 'service-contract', label: '法律顾问服务合同', labelEn: 'Counsel service contract', accept: documents }],
    },
    {
      kind: counselDutyShifts,
      listFilters: [period, org, { type: 'text', fields: ['counsel'] }],
      defaultSort: { field: 'dutyOn', order: 'desc' },
    },
  ],
  dashboard: [
    { type: 'indicator-card', indicator: 'legality_review.major_decisions', compare: true },
    { type: 'indicator-card', indicator: 'legality_review.major_decision_review_rate', compare: true },
    { type: 'indicator-card', indicator: 'legality_review.contract_reviews', compare: true },
    { type: 'indicator-card', indicator: 'legality_review.legal_opinions', compare: true },
    { type: 'indicator-card', indicator: 'legality_review.documents_reviewed', compare: true },
    { type: 'indicator-card', indicator: 'legality_review.consultations', compare: true },
    { type: 'monthly-trend', indicator: 'legality_review.contract_reviews', title: '每月合同审查', titleEn: 'Contract reviews by month', chart: 'bar' },
  ],
  indicatorGroups: [
    {
      id: 'legality-review',
      label: '合法性审查',
      labelEn: 'Legality review',
      indicators: [
        'legality_review.major_decisions',
        'legality_review.major_decision_review_rate',
        'legality_review.contract_reviews',
        'legality_review.contracts_filed',
        'legality_review.contract_issues_found',
        'legality_review.legal_opinions',
        'legality_review.consultations',
        'legality_review.meetings',
      ],
    },
    {
      id: 'legality-documents',
      label: '行政文件审查',
      labelEn: 'Document review',
      indicators: ['legality_review.documents_drafted', 'legality_review.documents_reviewed', 'legality_review.normative_documents_reviewed', 'legality_review.documents_filed', 'legality_review.documents_cleaned_up'],
    },
    {
      id: 'legal-counsel',
      label: '法律顾问',
      labelEn: 'Legal counsel',
      indicators: ['legality_review.counsel_engagements', 'legality_review.counsel_fees', 'legality_review.counsel_duty_shifts'],
    },
  ],
});
