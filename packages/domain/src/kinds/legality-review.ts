import { defineRecordKind } from '../record-kind.js';
import { options } from './options.js';

/** Whether the department took the reviewer's opinion (意见采纳). */
const adoption = { key: 'adoption', label: '意见采纳', type: 'enum', options: options(['adopted', '采纳', 'Adopted'], ['partly', '部分采纳', 'Partly adopted'], ['not_adopted', '未采纳', 'Not adopted']) } as const;

const handledBy = options(['justice_office', '司法所'], ['legal_counsel', '法律顾问'], ['jointly', '司法所与法律顾问共同']);

export const legalConsultations = defineRecordKind({
  id: 'legal_consultations',
  label: '法律咨询',
  labelEn: 'Legal consultations',
  area: 'legality_review',
  measureWord: '次',
  periodField: 'consultedOn',
  titleField: 'topic',
  fields: [
    { key: 'topic', label: '咨询事项', type: 'text', required: true, listed: true },
    { key: 'department', label: '咨询部门', type: 'text', required: true, listed: true },
    { key: 'consultedOn', label: '咨询日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'handledBy', label: '解答方', type: 'enum', options: handledBy, required: true, listed: true },
    { key: 'answer', label: '解答意见', type: 'longtext' },
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
    { key: 'contractName', label: '合同名称', type: 'text', required: true, listed: true },
    { key: 'department', label: '送审部门', type: 'text', required: true, listed: true },
    { key: 'counterparty', label: '合同相对方', type: 'text', listed: true },
    { key: 'contractType', label: '合同类型', type: 'enum', required: true, options: options(['procurement', '采购'], ['service', '服务'], ['construction', '工程'], ['lease', '租赁'], ['cooperation', '合作协议'], ['other', '其他']) },
    { key: 'amount', label: '合同金额', type: 'money', unit: '元', listed: true },
    { key: 'reviewedOn', label: '审查日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'reviewer', label: '审查方', type: 'enum', options: handledBy, required: true },
    { key: 'opinion', label: '审查意见', type: 'enum', required: true, listed: true, options: options(['approved', '同意'], ['approved_with_changes', '修改后同意'], ['rejected', '不同意']) },
    { key: 'issuesFound', label: '发现法律问题数', type: 'integer', min: 0, unit: '个', description: '审查中发现并提出修改意见的法律问题' },
    { key: 'filed', label: '已报备案', type: 'boolean', description: '大额合同报上级备案' },
    { ...adoption, description: '送审部门是否采纳审查意见' },
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
    { key: 'title', label: '意见书标题', type: 'text', required: true, listed: true },
    { key: 'subject', label: '涉及事项', type: 'text', listed: true },
    { key: 'department', label: '委托部门', type: 'text', listed: true },
    { key: 'issuedOn', label: '出具日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'issuedBy', label: '出具方', type: 'enum', options: handledBy, required: true },
    { ...adoption, description: '委托部门是否采纳意见书的意见' },
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
    { key: 'title', label: '会议名称', type: 'text', required: true, listed: true },
    { key: 'heldOn', label: '会议日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'matter', label: '讨论事项', type: 'text', listed: true },
    { key: 'attendedBy', label: '参会方', type: 'enum', options: handledBy, required: true },
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
    { key: 'title', label: '决策事项', type: 'text', required: true, listed: true },
    { key: 'decidedOn', label: '决策日期', type: 'date', notFuture: true, listed: true, description: '集体讨论决定的日期；拟订和审核中的决策为空' },
    { key: 'publicParticipation', label: '公众参与', type: 'boolean', listed: true },
    { key: 'expertArgument', label: '专家论证', type: 'boolean', listed: true },
    { key: 'riskAssessment', label: '风险评估', type: 'boolean', listed: true },
    { key: 'legalityReviewed', label: '合法性审查', type: 'boolean', listed: true },
    { key: 'collectiveDecision', label: '集体讨论决定', type: 'boolean' },
    {
      key: 'stage',
      label: '决策阶段',
      type: 'enum',
      listed: true,
      options: options(['drafting', '拟订中', 'Drafting'], ['returned', '退回修改', 'Returned'], ['reviewed', '法制审核通过', 'Reviewed'], ['decided', '已决定', 'Decided']),
      description: '随流程步骤变化',
    },
    { key: 'department', label: '承办部门', type: 'text', listed: true },
    { key: 'reviewedOn', label: '审核日期', type: 'date', notFuture: true },
    { key: 'reviewedBy', label: '审核方', type: 'enum', options: handledBy },
    { key: 'reviewOpinion', label: '审核意见', type: 'longtext' },
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
        requires: ['reviewedOn', 'reviewOpinion'],
        asks: ['reviewedBy'],
        sets: { legalityReviewed: true },
        requiresAttachments: [{ slot: 'legality-opinion', label: '合法性审查意见书' }],
      },
      { from: ['drafting'], to: 'returned', label: '退回修改', requires: ['reviewedOn', 'reviewOpinion'], asks: ['reviewedBy'] },
      { from: ['returned'], to: 'drafting', label: '重新送审' },
      {
        from: ['reviewed'],
        to: 'decided',
        label: '集体讨论决定',
        requires: ['decidedOn'],
        asks: ['publicParticipation', 'expertArgument', 'riskAssessment'],
        sets: { collectiveDecision: true },
      },
    ],
  },
});

/** Steps in the life of a normative or other administrative document that pass the justice office. */
export const documentReviewSteps = options(
  ['drafting', '起草'],
  ['legality_review', '合法性审查'],
  ['filing', '报送备案'],
  ['cleanup', '清理'],
  ['repeal', '废止/宣布失效'],
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
    { key: 'reviewNo', label: '审查登记号', type: 'text', required: true, listed: true, maxLength: 50 },
    { key: 'title', label: '文件名称', type: 'text', required: true, listed: true },
    { key: 'docNo', label: '文号', type: 'text', maxLength: 80 },
    { key: 'docType', label: '文件类型', type: 'enum', required: true, listed: true, options: options(['normative', '行政规范性文件'], ['other', '其他行政文件']) },
    { key: 'step', label: '办理环节', type: 'enum', required: true, listed: true, options: documentReviewSteps },
    { key: 'actedOn', label: '办理日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'department', label: '起草/送审部门', type: 'text', listed: true },
    { key: 'reviewer', label: '审查方', type: 'enum', options: handledBy },
    { key: 'conclusion', label: '办理结论', type: 'enum', options: options(['passed', '通过'], ['revised', '修改后通过'], ['rejected', '不予通过'], ['retained', '保留'], ['amended', '修改'], ['repealed', '废止']) },
    { ...adoption, description: '起草部门是否采纳合法性审查意见' },
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
    { key: 'contractNo', label: '服务合同编号', type: 'text', required: true, listed: true, maxLength: 50 },
    { key: 'firm', label: '律师事务所', type: 'text', required: true, listed: true },
    { key: 'counsel', label: '顾问律师', type: 'text', listed: true, description: '执业律师姓名，多名以顿号分隔' },
    { key: 'scope', label: '服务对象', type: 'enum', required: true, listed: true, options: options(['office', '街道（镇）机关'], ['villages', '村（社区）'], ['both', '机关及村（社区）']) },
    { key: 'fee', label: '服务费用', type: 'money', unit: '元', listed: true },
    { key: 'signedOn', label: '签订日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'startsOn', label: '服务起始日期', type: 'date', required: true },
    { key: 'endsOn', label: '服务截止日期', type: 'date' },
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
    { key: 'counsel', label: '值班律师', type: 'text', required: true, listed: true },
    { key: 'dutyOn', label: '值班日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'hours', label: '值班时长', type: 'decimal', scale: 1, min: 0.5, max: 24, unit: '小时', listed: true },
    { key: 'visitors', label: '接待人数', type: 'integer', min: 0, unit: '人', listed: true },
  ],
});
