import { defineRecordKind } from '../record-kind.js';
import { options } from './options.js';

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
    { key: 'decidedOn', label: '决策日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'publicParticipation', label: '公众参与', type: 'boolean', listed: true },
    { key: 'expertArgument', label: '专家论证', type: 'boolean', listed: true },
    { key: 'riskAssessment', label: '风险评估', type: 'boolean', listed: true },
    { key: 'legalityReviewed', label: '合法性审查', type: 'boolean', required: true, listed: true },
    { key: 'collectiveDecision', label: '集体讨论决定', type: 'boolean', required: true },
  ],
});
