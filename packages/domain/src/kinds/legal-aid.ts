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
    { key: 'applicationNo', label: '申请编号', type: 'text', required: true, listed: true, maxLength: 50 },
    { key: 'applicantName', label: '申请人姓名', type: 'text', required: true, personal: true, listed: true },
    { key: 'applicantIdNumber', label: '申请人身份证号', type: 'text', personal: true, format: 'id-number' },
    { key: 'applicantPhone', label: '申请人联系电话', type: 'text', personal: true, format: 'phone' },
    {
      key: 'applicantCategory',
      label: '申请人类别',
      type: 'enum',
      required: true,
      listed: true,
      options: options(['elderly', '老年人'], ['disabled', '残疾人'], ['migrant_worker', '农民工'], ['minor', '未成年人'], ['woman', '妇女'], ['military', '军人军属'], ['other', '其他']),
    },
    {
      key: 'channel',
      label: '申请渠道',
      type: 'enum',
      required: true,
      options: options(['walk_in', '窗口申请'], ['online_12348', '12348网上申请'], ['phone', '电话申请'], ['referral', '转交申请'], ['notified', '通知辩护/代理']),
    },
    { key: 'caseKind', label: '案件类别', type: 'enum', required: true, listed: true, options: options(['criminal', '刑事'], ['civil', '民事'], ['administrative', '行政'], ['non_litigation', '非诉讼']) },
    { key: 'cause', label: '案由', type: 'text', listed: true },
    { key: 'amount', label: '涉及金额', type: 'money', unit: '元', listed: true },
    { key: 'appliedOn', label: '申请日期', type: 'date', notFuture: true, required: true, listed: true },
    {
      key: 'decision',
      label: '审查结果',
      type: 'enum',
      required: true,
      listed: true,
      options: options(['pending', '待审查'], ['accepted', '准予受理'], ['rejected', '不予受理']),
    },
    { key: 'decidedOn', label: '审查日期', type: 'date', notFuture: true },
    { key: 'rejectionReason', label: '不予受理理由', type: 'text' },
    { key: 'lawyer', label: '承办律师', type: 'text' },
    { key: 'lawFirm', label: '承办机构', type: 'text' },
    { key: 'closedOn', label: '结案日期', type: 'date', notFuture: true },
    { key: 'outcome', label: '办理结果', type: 'text' },
    { key: 'lossRecovered', label: '挽回损失', type: 'money', unit: '元' },
    {
      key: 'stage',
      label: '办理阶段',
      type: 'enum',
      listed: true,
      options: options(['applied', '待审查'], ['approved', '准予援助'], ['rejected', '不予援助'], ['assigned', '已指派'], ['closed', '已结案']),
      description: '随流程步骤变化；流程启用前录入的申请视为待审查',
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
      { from: ['applied'], to: 'approved', label: '准予援助', requires: ['decidedOn'], sets: { decision: 'accepted' } },
      { from: ['applied'], to: 'rejected', label: '不予援助', requires: ['decidedOn', 'rejectionReason'], sets: { decision: 'rejected' } },
      { from: ['approved'], to: 'assigned', label: '指派', requires: ['lawyer'], asks: ['lawFirm'] },
      { from: ['assigned'], to: 'closed', label: '结案', requires: ['closedOn', 'outcome'], asks: ['lossRecovered'] },
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
    { key: 'consultedOn', label: '咨询日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'requesterType', label: '咨询人类型', type: 'enum', required: true, listed: true, options: options(['resident', '群众'], ['enterprise', '企业'], ['other', '其他']) },
    { key: 'channel', label: '咨询方式', type: 'enum', required: true, listed: true, options: options(['walk_in', '来访'], ['phone', '电话'], ['online', '网络'], ['village_duty', '村（居）法律顾问值班']) },
    { key: 'topic', label: '咨询事项', type: 'text', required: true, listed: true },
    { key: 'persons', label: '咨询人数', type: 'integer', min: 1, required: true, unit: '人', listed: true },
    { key: 'requesterName', label: '咨询人', type: 'text', personal: true },
    { key: 'requesterPhone', label: '联系电话', type: 'text', personal: true, format: 'phone' },
    { key: 'answeredBy', label: '解答人', type: 'text' },
  ],
});
