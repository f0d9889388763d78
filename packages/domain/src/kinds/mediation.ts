import { defineRecordKind } from '../record-kind.js';
import { options } from './options.js';

export const mediationSources = options(
  ['party_application', '当事人申请', 'Application by a party'],
  ['proactive', '主动调解', 'Proactive mediation'],
  ['police_referral', '公安移交', 'Referred by police'],
  ['court_entrusted', '法院委托', 'Entrusted by court'],
  ['government_assigned', '政府指定', 'Assigned by government'],
);

export const disputeTypes = options(
  ['marriage_family', '婚姻家庭'],
  ['neighbourhood', '邻里'],
  ['housing_land', '房屋宅基地'],
  ['contract', '合同'],
  ['business_operation', '生产经营'],
  ['damages', '损害赔偿'],
  ['forest_land', '山林土地'],
  ['land_acquisition', '征地拆迁'],
  ['environment', '环境污染'],
  ['labour', '劳动争议'],
  ['consumer', '消费'],
  ['medical', '医疗'],
  ['traffic_accident', '道路交通事故'],
  ['property_management', '物业'],
  ['other', '其他'],
);

export const mediationStatuses = options(
  ['accepted', '已受理', 'Accepted'],
  ['mediating', '调解中', 'Mediating'],
  ['closed', '已结案', 'Closed'],
  ['followed_up', '已回访', 'Followed up'],
);

export const mediationResults = options(['success', '调解成功', 'Successful'], ['failure', '调解不成功', 'Unsuccessful'], ['terminated', '终止调解', 'Terminated']);

const closedStatuses = ['closed', 'followed_up'] as const;

export const mediationCases = defineRecordKind({
  id: 'mediation_cases',
  label: '人民调解案件',
  labelEn: 'Mediation cases',
  area: 'mediation',
  measureWord: '宗',
  periodField: 'acceptedOn',
  titleField: 'caseNo',
  businessKey: 'caseNo',
  fields: [
    { key: 'caseNo', label: '案件编号', type: 'text', required: true, listed: true, maxLength: 50 },
    { key: 'source', label: '案件来源', type: 'enum', options: mediationSources, required: true, listed: true },
    { key: 'disputeType', label: '纠纷类型', type: 'enum', options: disputeTypes, required: true, listed: true },
    { key: 'summary', label: '纠纷简要情况', type: 'longtext' },
    { key: 'partyNames', label: '当事人姓名', type: 'text', personal: true, listed: true, description: '多名当事人以顿号分隔' },
    {
      key: 'partyIdNumbers',
      label: '当事人身份证号',
      type: 'text',
      personal: true,
      format: 'id-number',
      multiple: true,
      // Paper-era case files still quote 15-digit numbers of parties who never renewed their card.
      legacyIdNumbers: true,
      description: '多名当事人以顿号分隔',
    },
    { key: 'partyPhones', label: '当事人联系电话', type: 'text', personal: true, format: 'phone', multiple: true, description: '多名当事人以顿号分隔' },
    { key: 'partiesCount', label: '涉及人数', type: 'integer', min: 1, required: true, unit: '人', listed: true },
    { key: 'amount', label: '涉及金额', type: 'money', unit: '元', listed: true },
    { key: 'mediator', label: '调解员', type: 'text' },
    { key: 'acceptedOn', label: '受理日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'status', label: '办理状态', type: 'enum', options: mediationStatuses, required: true, listed: true },
    { key: 'closedOn', label: '结案日期', type: 'date', notFuture: true, listed: true },
    { key: 'result', label: '调解结果', type: 'enum', options: mediationResults, listed: true },
    { key: 'agreementForm', label: '协议形式', type: 'enum', options: options(['written', '书面协议'], ['oral', '口头协议']) },
    {
      key: 'performance',
      label: '履行情况',
      type: 'enum',
      options: options(['fulfilled', '已履行'], ['partially', '部分履行'], ['pending', '履行中'], ['unfulfilled', '未履行']),
    },
    { key: 'followUpOn', label: '回访日期', type: 'date', notFuture: true },
    { key: 'satisfaction', label: '回访满意度', type: 'enum', options: options(['satisfied', '满意'], ['basically', '基本满意'], ['dissatisfied', '不满意']) },
    { key: 'preventedCriminal', label: '防止民转刑', type: 'boolean' },
    { key: 'preventedPetition', label: '防止群体性上访', type: 'boolean' },
    { key: 'counselInvolved', label: '法律顾问参与', type: 'boolean', description: '村（居）法律顾问或街道法律顾问参与调解' },
  ],
  rules: [
    { type: 'order', earlier: 'acceptedOn', later: 'closedOn' },
    { type: 'order', earlier: 'closedOn', later: 'followUpOn' },
    { type: 'required-when', field: 'closedOn', when: { field: 'status', in: closedStatuses } },
    { type: 'required-when', field: 'result', when: { field: 'status', in: closedStatuses } },
    { type: 'required-when', field: 'followUpOn', when: { field: 'status', in: ['followed_up'] } },
    { type: 'required-when', field: 'agreementForm', when: { field: 'result', in: ['success'] } },
  ],
  workflow: {
    field: 'status',
    initial: 'accepted',
    transitions: [
      { from: ['accepted'], to: 'mediating', label: '开始调解' },
      { from: ['accepted', 'mediating'], to: 'closed', label: '结案', requires: ['result', 'closedOn'], asks: ['agreementForm', 'performance'] },
      { from: ['closed'], to: 'followed_up', label: '回访', requires: ['followUpOn', 'satisfaction'] },
    ],
  },
});
