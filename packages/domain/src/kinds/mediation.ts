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
  ['marriage_family', '婚姻家庭', 'Marriage and family'],
  ['neighbourhood', '邻里', 'Neighbours'],
  ['housing_land', '房屋宅基地', 'Housing and homestead'],
  ['contract', '合同', 'Contract'],
  ['business_operation', '生产经营', 'Business operation'],
  ['damages', '损害赔偿', 'Damages'],
  ['forest_land', '山林土地', 'Forest and land'],
  ['land_acquisition', '征地拆迁', 'Land acquisition'],
  ['environment', '环境污染', 'Pollution'],
  ['labour', '劳动争议', 'Labour dispute'],
  ['consumer', '消费', 'Consumer'],
  ['medical', '医疗', 'Medical'],
  ['traffic_accident', '道路交通事故', 'Traffic accident'],
  ['property_management', '物业', 'Property management'],
  ['other', '其他', 'Other'],
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
    { key: 'caseNo', label: '案件编号', labelEn: 'Case no.', type: 'text', required: true, listed: true, maxLength: 50 },
    { key: 'source', label: '案件来源', labelEn: 'Case source', type: 'enum', options: mediationSources, required: true, listed: true },
    { key: 'disputeType', label: '纠纷类型', labelEn: 'Dispute type', type: 'enum', options: disputeTypes, required: true, listed: true },
    { key: 'summary', label: '纠纷简要情况', labelEn: 'Dispute summary', type: 'longtext' },
    { key: 'partyNames', label: '当事人姓名', labelEn: 'Party names', type: 'text', personal: true, listed: true, description: '多名当事人以顿号分隔', descriptionEn: 'Several parties separated by ideographic commas' },
    {
      key: 'partyIdNumbers',
      label: '当事人身份证号',
      labelEn: 'Party ID numbers',
      type: 'text',
      personal: true,
      format: 'id-number',
      multiple: true,
      // Paper-era case files still quote 15-digit numbers of parties who never renewed their card.
      legacyIdNumbers: true,
      description: '多名当事人以顿号分隔',
      descriptionEn: 'Several parties separated by ideographic commas',
    },
    { key: 'partyPhones', label: '当事人联系电话', labelEn: 'Party phones', type: 'text', personal: true, format: 'phone', multiple: true, description: '多名当事人以顿号分隔', descriptionEn: 'Several parties separated by ideographic commas' },
    { key: 'partiesCount', label: '涉及人数', labelEn: 'People involved', type: 'integer', min: 1, required: true, unit: '人', listed: true },
    { key: 'amount', label: '涉及金额', labelEn: 'Amount involved', type: 'money', unit: '元', listed: true },
    { key: 'mediator', label: '调解员', labelEn: 'Mediator', type: 'text' },
    { key: 'acceptedOn', label: '受理日期', labelEn: 'Accepted on', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'status', label: '办理状态', labelEn: 'Status', type: 'enum', options: mediationStatuses, required: true, listed: true },
    { key: 'closedOn', label: '结案日期', labelEn: 'Closed on', type: 'date', notFuture: true, listed: true },
    { key: 'result', label: '调解结果', labelEn: 'Mediation result', type: 'enum', options: mediationResults, listed: true },
    { key: 'agreementForm', label: '协议形式', labelEn: 'Agreement form', type: 'enum', options: options(['written', '书面协议', 'Written agreement'], ['oral', '口头协议', 'Oral agreement']) },
    {
      key: 'performance',
      label: '履行情况',
      labelEn: 'Performance',
      type: 'enum',
      options: options(['fulfilled', '已履行', 'Fulfilled'], ['partially', '部分履行', 'Partly fulfilled'], ['pending', '履行中', 'In progress'], ['unfulfilled', '未履行', 'Unfulfilled']),
    },
    { key: 'followUpOn', label: '回访日期', labelEn: 'Followed up on', type: 'date', notFuture: true },
    { key: 'satisfaction', label: '回访满意度', labelEn: 'Follow-up satisfaction', type: 'enum', options: options(['satisfied', '满意', 'Satisfied'], ['basically', '基本满意', 'Fairly satisfied'], ['dissatisfied', '不满意', 'Dissatisfied']) },
    { key: 'preventedCriminal', label: '防止民转刑', labelEn: 'Prevented a criminal case', type: 'boolean' },
    { key: 'preventedPetition', label: '防止群体性上访', labelEn: 'Prevented a group petition', type: 'boolean' },
    { key: 'counselInvolved', label: '法律顾问参与', labelEn: 'Legal adviser took part', type: 'boolean', description: '村（居）法律顾问或街道法律顾问参与调解', descriptionEn: 'A village or street legal adviser took part in the mediation' },
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
      { from: ['accepted'], to: 'mediating', label: '开始调解', labelEn: 'Start mediation' },
      { from: ['accepted', 'mediating'], to: 'closed', label: '结案', labelEn: 'Close', requires: ['result', 'closedOn'], asks: ['agreementForm', 'performance'] },
      { from: ['closed'], to: 'followed_up', label: '回访', labelEn: 'Follow up', requires: ['followUpOn', 'satisfaction'] },
    ],
  },
});
