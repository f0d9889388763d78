import { defineRecordKind } from '../record-kind.js';
import { options } from './options.js';

/** Whether the department took the reviewer's opinion (意见采纳). */
const adoption = { key: 'adoption', label: '意见采纳', labelEn: 'Opinion adopted', type: 'enum', options: options(['adopted', '采纳', 'Adopted'], ['partly', '部分采纳', 'Partly adopted'], ['not_adopted', '未采纳', 'Not adopted']) } as const;

const handledBy = options(['justice_office', '司法所', 'Judicial office'], ['legal_counsel', '法律顾问', 'Legal adviser'], ['jointly', '司法所与法律顾问共同', 'Judicial office and legal adviser']);

export const legalConsultations = defineRecordKind({
  id: 'legal_consultations',
  label: '法律咨询',
  labelEn: 'Legal consultations',
  area: 'legality_review',
  measureWord: '次',
  periodField: 'consultedOn',
  titleField: 'topic',
  fields: [
    { key: 'topic', label: '咨询事项', labelEn: 'Matter consulted', type: 'text', required: true, listed: true },
    { key: 'department', label: '咨询部门', labelEn: 'Consulting department', type: 'text', required: true, listed: true },
    { key: 'consultedOn', label: '咨询日期', labelEn: 'Consulted on', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'handledBy', label: '解答方', labelEn: 'Answered by', type: 'enum', options: handledBy, required: true, listed: true },
    { key: 'answer', label: '解答意见', labelEn: 'Answer', type: 'longtext' },
  ],
});

export const contractReviews = defineRecordKind({
  id: 'contract_reviews',
  label: '合同审查',
  labelEn: 'Contract reviews',
  area: 'legality_review',
  measureWord: '份',
  periodField: 'reviewedOn',
  titleField: 'contractName',
  fields: [
    { key: 'contractName', label: '合同名称', labelEn: 'Contract name', type: 'text', required: true, listed: true },
    { key: 'department', label: '送审部门', labelEn: 'Submitting department', type: 'text', required: true, listed: true },
    { key: 'counterparty', label: '合同相对方', labelEn: 'Counterparty', type: 'text', listed: true },
    { key: 'contractType', label: '合同类型', labelEn: 'Contract type', type: 'enum', required: true, options: options(['procurement', '采购', 'Procurement'], ['service', '服务', 'Services'], ['construction', '工程', 'Works'], ['lease', '租赁', 'Lease'], ['cooperation', '合作协议', 'Cooperation agreement'], ['other', '其他', 'Other']) },
    { key: 'amount', label: '合同金额', labelEn: 'Contract amount', type: 'money', unit: '元', listed: true },
    { key: 'reviewedOn', label: '审查日期', labelEn: 'Reviewed on', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'reviewer', label: '审查方', labelEn: 'Reviewed by', type: 'enum', options: handledBy, required: true },
    { key: 'opinion', label: '审查意见', labelEn: 'Review opinion', type: 'enum', required: true, listed: true, options: options(['approved', '同意', 'Approved'], ['approved_with_changes', '修改后同意', 'Approved with changes'], ['rejected', '不同意', 'Not approved']) },
    { key: 'issuesFound', label: '发现法律问题数', labelEn: 'Legal issues found', type: 'integer', min: 0, unit: '个', description: '审查中发现并提出修改意见的法律问题', descriptionEn: 'Legal issues found and commented on in the review' },
    { key: 'filed', label: '已报备案', labelEn: 'Filed for record', type: 'boolean', description: '大额合同报上级备案', descriptionEn: 'Large contracts are filed with the higher level' },
    { ...adoption, description: '送审部门是否采纳审查意见', descriptionEn: 'Whether the submitting department adopted the review opinion' },
  ],
});

export const legalOpinions = defineRecordKind({
  id: 'legal_opinions',
  label: '法律意见书',
  labelEn: 'Legal opinions',
  area: 'legality_review',
  measureWord: '份',
  periodField: 'issuedOn',
  titleField: 'title',
  fields: [
    { key: 'title', label: '意见书标题', labelEn: 'Opinion title', type: 'text', required: true, listed: true },
    { key: 'subject', label: '涉及事项', labelEn: 'Matter concerned', type: 'text', listed: true },
    { key: 'department', label: '委托部门', labelEn: 'Commissioning department', type: 'text', listed: true },
    { key: 'issuedOn', label: '出具日期', labelEn: 'Issued on', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'issuedBy', label: '出具方', labelEn: 'Issued by', type: 'enum', options: handledBy, required: true },
    { ...adoption, description: '委托部门是否采纳意见书的意见', descriptionEn: 'Whether the commissioning department adopted the opinion' },
  ],
});

export const reviewMeetings = defineRecordKind({
  id: 'review_meetings',
  label: '行政事项讨论会',
  labelEn: 'Review meetings attended',
  area: 'legality_review',
  measureWord: '次',
  periodField: 'heldOn',
  titleField: 'title',
  fields: [
    { key: 'title', label: '会议名称', labelEn: 'Meeting name', type: 'text', required: true, listed: true },
    { key: 'heldOn', label: '会议日期', labelEn: 'Meeting date', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'matter', label: '讨论事项', labelEn: 'Matter discussed', type: 'text', listed: true },
    { key: 'attendedBy', label: '参会方', labelEn: 'Attendees', type: 'enum', options: handledBy, required: true },
  ],
});

/**
 * 重大行政决策: a decision passes 法制审核 (the justice office's legality review, with its written
 * opinion) before the leadership decides it collectively. A record is created as a draft, without
 * a 决策日期, so it counts in no figure until it is decided (every figure is placed by 决策日期).
 */
export const majorDecisions = defineRecordKind({
  id: 'major_decisions',
  label: '重大行政决策',
  labelEn: 'Major administrative decisions',
  area: 'legality_review',
  measureWord: '项',
  periodField: 'decidedOn',
  titleField: 'title',
  fields: [
    { key: 'title', label: '决策事项', labelEn: 'Decision matter', type: 'text', required: true, listed: true },
    { key: 'decidedOn', label: '决策日期', labelEn: 'Decided on', type: 'date', notFuture: true, listed: true, description: '集体讨论决定的日期；拟订和审核中的决策为空', descriptionEn: 'Date of the collective decision; empty while drafted or checked' },
    { key: 'publicParticipation', label: '公众参与', labelEn: 'Public participation', type: 'boolean', listed: true },
    { key: 'expertArgument', label: '专家论证', labelEn: 'Expert appraisal', type: 'boolean', listed: true },
    { key: 'riskAssessment', label: '风险评估', labelEn: 'Risk assessment', type: 'boolean', listed: true },
    { key: 'legalityReviewed', label: '合法性审查', labelEn: 'Legality review', type: 'boolean', listed: true },
    { key: 'collectiveDecision', label: '集体讨论决定', labelEn: 'Collective decision', type: 'boolean' },
    {
      key: 'stage',
      label: '决策阶段',
      labelEn: 'Decision stage',
      type: 'enum',
      listed: true,
      options: options(['drafting', '拟订中', 'Drafting'], ['returned', '退回修改', 'Returned'], ['reviewed', '法制审核通过', 'Reviewed'], ['decided', '已决定', 'Decided']),
      description: '随流程步骤变化',
      descriptionEn: 'Changes with the workflow steps',
    },
    { key: 'department', label: '承办部门', labelEn: 'Handling department', type: 'text', listed: true },
    { key: 'reviewedOn', label: '审核日期', labelEn: 'Checked on', type: 'date', notFuture: true },
    { key: 'reviewedBy', label: '审核方', labelEn: 'Checked by', type: 'enum', options: handledBy },
    { key: 'reviewOpinion', label: '审核意见', labelEn: 'Check opinion', type: 'longtext' },
  ],
  rules: [
    { type: 'order', earlier: 'reviewedOn', later: 'decidedOn' },
    { type: 'required-when', field: 'decidedOn', when: { field: 'stage', in: ['decided'] } },
  ],
  // 拟订 → 法制审核（通过，附合法性审查意见书；或退回修改 → 重新送审）→ 集体讨论决定. No step skips
  // the review, and the steps set the two booleans the review-rate figure counts.
  workflow: {
    field: 'stage',
    initial: 'drafting',
    transitions: [
      {
        from: ['drafting'],
        to: 'reviewed',
        label: '法制审核通过',
        labelEn: 'Approve legal review',
        requires: ['reviewedOn', 'reviewOpinion'],
        asks: ['reviewedBy'],
        sets: { legalityReviewed: true },
        requiresAttachments: [{ slot: 'legality-opinion', label: '合法性审查意见书', labelEn: 'Legality review opinion' }],
      },
      { from: ['drafting'], to: 'returned', label: '退回修改', labelEn: 'Return for revision', requires: ['reviewedOn', 'reviewOpinion'], asks: ['reviewedBy'] },
      { from: ['returned'], to: 'drafting', label: '重新送审', labelEn: 'Resubmit' },
      {
        from: ['reviewed'],
        to: 'decided',
        label: '集体讨论决定',
        labelEn: 'Decide collectively',
        requires: ['decidedOn'],
        asks: ['publicParticipation', 'expertArgument', 'riskAssessment'],
        sets: { collectiveDecision: true },
      },
    ],
  },
});

/** Steps in the life of a normative or other administrative document that pass the justice office. */
export const documentReviewSteps = options(
  ['drafting', '起草', 'Drafting'],
  ['legality_review', '合法性审查', 'Legality review'],
  ['filing', '报送备案', 'Filing'],
  ['cleanup', '清理', 'Clean-up'],
  ['repeal', '废止/宣布失效', 'Repealed or invalidated'],
);

/** 规范性文件及其他行政文件的起草、审查、备案、清理: one record per document and step. */
export const documentReviews = defineRecordKind({
  id: 'document_reviews',
  label: '规范性文件审查',
  labelEn: 'Document reviews',
  area: 'legality_review',
  measureWord: '件',
  periodField: 'actedOn',
  titleField: 'title',
  businessKey: 'reviewNo',
  fields: [
    { key: 'reviewNo', label: '审查登记号', labelEn: 'Review register no.', type: 'text', required: true, listed: true, maxLength: 50 },
    { key: 'title', label: '文件名称', labelEn: 'Document name', type: 'text', required: true, listed: true },
    { key: 'docNo', label: '文号', labelEn: 'Document no.', type: 'text', maxLength: 80 },
    { key: 'docType', label: '文件类型', labelEn: 'Document type', type: 'enum', required: true, listed: true, options: options(['normative', '行政规范性文件', 'Normative document'], ['other', '其他行政文件', 'Other administrative document']) },
    { key: 'step', label: '办理环节', labelEn: 'Stage', type: 'enum', required: true, listed: true, options: documentReviewSteps },
    { key: 'actedOn', label: '办理日期', labelEn: 'Handled on', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'department', label: '起草/送审部门', labelEn: 'Drafting department', type: 'text', listed: true },
    { key: 'reviewer', label: '审查方', labelEn: 'Reviewed by', type: 'enum', options: handledBy },
    { key: 'conclusion', label: '办理结论', labelEn: 'Conclusion', type: 'enum', options: options(['passed', '通过', 'Passed'], ['revised', '修改后通过', 'Passed with changes'], ['rejected', '不予通过', 'Not passed'], ['retained', '保留', 'Kept'], ['amended', '修改', 'Amended'], ['repealed', '废止', 'Repealed']) },
    { ...adoption, description: '起草部门是否采纳合法性审查意见', descriptionEn: 'Whether the drafting department adopted the legality review opinion' },
  ],
});

/** Retained counsel (常年法律顾问) and what the street pays for them (购买法律服务). */
export const counselEngagements = defineRecordKind({
  id: 'counsel_engagements',
  label: '法律顾问聘用',
  labelEn: 'Counsel engagements',
  area: 'legality_review',
  measureWord: '份',
  periodField: 'signedOn',
  titleField: 'firm',
  businessKey: 'contractNo',
  fields: [
    { key: 'contractNo', label: '服务合同编号', labelEn: 'Service contract no.', type: 'text', required: true, listed: true, maxLength: 50 },
    { key: 'firm', label: '律师事务所', labelEn: 'Law firm', type: 'text', required: true, listed: true },
    { key: 'counsel', label: '顾问律师', labelEn: 'Counsel', type: 'text', listed: true, description: '执业律师姓名，多名以顿号分隔', descriptionEn: 'Practising lawyers\' names, separated by ideographic commas' },
    { key: 'scope', label: '服务对象', labelEn: 'Client', type: 'enum', required: true, listed: true, options: options(['office', '街道（镇）机关', 'Street office'], ['villages', '村（社区）', 'Villages (communities)'], ['both', '机关及村（社区）', 'Office and villages (communities)']) },
    { key: 'fee', label: '服务费用', labelEn: 'Service fee', type: 'money', unit: '元', listed: true },
    { key: 'signedOn', label: '签订日期', labelEn: 'Signed on', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'startsOn', label: '服务起始日期', labelEn: 'Service start', type: 'date', required: true },
    { key: 'endsOn', label: '服务截止日期', labelEn: 'Service end', type: 'date' },
  ],
  rules: [{ type: 'order', earlier: 'startsOn', later: 'endsOn' }],
});

/** 法律顾问坐班值班: a half-day or day the counsel sits at a village or community. */
export const counselDutyShifts = defineRecordKind({
  id: 'counsel_duty_shifts',
  label: '法律顾问值班',
  labelEn: 'Counsel duty shifts',
  area: 'legality_review',
  measureWord: '次',
  periodField: 'dutyOn',
  titleField: 'counsel',
  fields: [
    { key: 'counsel', label: '值班律师', labelEn: 'Duty lawyer', type: 'text', required: true, listed: true },
    { key: 'dutyOn', label: '值班日期', labelEn: 'Duty date', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'hours', label: '值班时长', labelEn: 'Duty hours', type: 'decimal', scale: 1, min: 0.5, max: 24, unit: '小时', listed: true },
    { key: 'visitors', label: '接待人数', labelEn: 'People received', type: 'integer', min: 0, unit: '人', listed: true },
  ],
});
