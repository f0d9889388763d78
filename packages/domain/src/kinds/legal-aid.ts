import { defineRecordKind } from '../record-kind.js';
import { options } from './options.js';

export const legalAidApplications = defineRecordKind({
  id: 'legal_aid_applications',
  label: '法律援助申请',
  labelEn: 'Legal-aid applications',
  area: 'legal_aid',
  measureWord: '人次',
  periodField: 'appliedOn',
  titleField: 'applicationNo',
  businessKey: 'applicationNo',
  fields: [
    { key: 'applicationNo', label: '申请编号', labelEn: 'Application no.', type: 'text', required: true, listed: true, maxLength: 50 },
    { key: 'applicantName', label: '申请人姓名', labelEn: 'Applicant name', type: 'text', required: true, personal: true, listed: true },
    { key: 'applicantIdNumber', label: '申请人身份证号', labelEn: 'Applicant ID number', type: 'text', personal: true, format: 'id-number' },
    { key: 'applicantPhone', label: '申请人联系电话', labelEn: 'Applicant phone', type: 'text', personal: true, format: 'phone' },
    {
      key: 'applicantCategory',
      label: '申请人类别',
      labelEn: 'Applicant category',
      type: 'enum',
      required: true,
      listed: true,
      options: options(['elderly', '老年人', 'Elderly'], ['disabled', '残疾人', 'Disabled'], ['migrant_worker', '农民工', 'Migrant worker'], ['minor', '未成年人', 'Minor'], ['woman', '妇女', 'Woman'], ['military', '军人军属', 'Service member or family'], ['other', '其他', 'Other']),
    },
    {
      key: 'channel',
      label: '申请渠道',
      labelEn: 'Channel',
      type: 'enum',
      required: true,
      options: options(['walk_in', '窗口申请', 'At the counter'], ['online_12348', '12348网上申请', 'Online (12348)'], ['phone', '电话申请', 'By phone'], ['referral', '转交申请', 'Referred'], ['notified', '通知辩护/代理', 'Court-notified defence']),
    },
    { key: 'caseKind', label: '案件类别', labelEn: 'Case category', type: 'enum', required: true, listed: true, options: options(['criminal', '刑事', 'Criminal'], ['civil', '民事', 'Civil'], ['administrative', '行政', 'Administrative'], ['non_litigation', '非诉讼', 'Non-litigation']) },
    { key: 'cause', label: '案由', labelEn: 'Cause of action', type: 'text', listed: true },
    { key: 'amount', label: '涉及金额', labelEn: 'Amount involved', type: 'money', unit: '元', listed: true },
    { key: 'appliedOn', label: '申请日期', labelEn: 'Applied on', type: 'date', notFuture: true, required: true, listed: true },
    {
      key: 'decision',
      label: '审查结果',
      labelEn: 'Review result',
      type: 'enum',
      required: true,
      listed: true,
      options: options(['pending', '待审查', 'Awaiting review'], ['accepted', '准予受理', 'Accepted'], ['rejected', '不予受理', 'Not accepted']),
    },
    { key: 'decidedOn', label: '审查日期', labelEn: 'Reviewed on', type: 'date', notFuture: true },
    { key: 'rejectionReason', label: '不予受理理由', labelEn: 'Reason for refusal', type: 'text' },
    { key: 'lawyer', label: '承办律师', labelEn: 'Assigned lawyer', type: 'text' },
    { key: 'lawFirm', label: '承办机构', labelEn: 'Assigned institution', type: 'text' },
    { key: 'closedOn', label: '结案日期', labelEn: 'Closed on', type: 'date', notFuture: true },
    { key: 'outcome', label: '办理结果', labelEn: 'Outcome', type: 'text' },
    { key: 'lossRecovered', label: '挽回损失', labelEn: 'Losses recovered', type: 'money', unit: '元' },
    {
      key: 'stage',
      label: '办理阶段',
      labelEn: 'Stage',
      type: 'enum',
      listed: true,
      options: options(['applied', '待审查', 'Awaiting review'], ['approved', '准予援助', 'Aid granted'], ['rejected', '不予援助', 'Aid refused'], ['assigned', '已指派', 'Assigned'], ['closed', '已结案', 'Closed']),
      description: '随流程步骤变化；流程启用前录入的申请视为待审查',
      descriptionEn: 'Changes with the workflow steps; applications entered before the workflow count as awaiting review',
    },
  ],
  rules: [
    { type: 'order', earlier: 'appliedOn', later: 'decidedOn' },
    { type: 'order', earlier: 'decidedOn', later: 'closedOn' },
    { type: 'required-when', field: 'decidedOn', when: { field: 'decision', in: ['accepted', 'rejected'] } },
    { type: 'required-when', field: 'rejectionReason', when: { field: 'decision', in: ['rejected'] } },
  ],
  // 申请 → 审查（准予 / 不予，写明理由）→ 指派（承办律师）→ 结案（挽回损失）. The review steps set
  // 审查结果 themselves, so the figures counting accepted applications follow the workflow.
  workflow: {
    field: 'stage',
    initial: 'applied',
    transitions: [
      { from: ['applied'], to: 'approved', label: '准予援助', labelEn: 'Grant aid', requires: ['decidedOn'], sets: { decision: 'accepted' } },
      { from: ['applied'], to: 'rejected', label: '不予援助', labelEn: 'Refuse aid', requires: ['decidedOn', 'rejectionReason'], sets: { decision: 'rejected' } },
      { from: ['approved'], to: 'assigned', label: '指派', labelEn: 'Assign', requires: ['lawyer'], asks: ['lawFirm'] },
      { from: ['assigned'], to: 'closed', label: '结案', labelEn: 'Close', requires: ['closedOn', 'outcome'], asks: ['lossRecovered'] },
    ],
  },
});

/**
 * Consultations by residents and enterprises at the public legal service station or a village's
 * counsel (群众法律咨询), as opposed to departments' questions to the justice office
 * (`legal_consultations`). One record per sitting; `persons` counts the people served.
 */
export const residentConsultations = defineRecordKind({
  id: 'resident_consultations',
  label: '群众法律咨询',
  labelEn: 'Resident legal consultations',
  area: 'legal_aid',
  measureWord: '人次',
  periodField: 'consultedOn',
  titleField: 'topic',
  fields: [
    { key: 'consultedOn', label: '咨询日期', labelEn: 'Consulted on', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'requesterType', label: '咨询人类型', labelEn: 'Enquirer type', type: 'enum', required: true, listed: true, options: options(['resident', '群众', 'Resident'], ['enterprise', '企业', 'Enterprise'], ['other', '其他', 'Other']) },
    { key: 'channel', label: '咨询方式', labelEn: 'Consultation mode', type: 'enum', required: true, listed: true, options: options(['walk_in', '来访', 'Visit'], ['phone', '电话', 'Phone'], ['online', '网络', 'Online'], ['village_duty', '村（居）法律顾问值班', 'Village adviser duty']) },
    { key: 'topic', label: '咨询事项', labelEn: 'Matter consulted', type: 'text', required: true, listed: true },
    { key: 'persons', label: '咨询人数', labelEn: 'Enquirers', type: 'integer', min: 1, required: true, unit: '人', listed: true },
    { key: 'requesterName', label: '咨询人', labelEn: 'Enquirer', type: 'text', personal: true },
    { key: 'requesterPhone', label: '联系电话', labelEn: 'Phone', type: 'text', personal: true, format: 'phone' },
    { key: 'answeredBy', label: '解答人', labelEn: 'Answered by', type: 'text' },
  ],
});
