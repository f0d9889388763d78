import { defineRecordKind } from '../record-kind.js';
import { options } from './options.js';

export const serviceItems = defineRecordKind({
  id: 'service_items',
  label: '政务服务事项',
  labelEn: 'Public-service items',
  area: 'public_service',
  measureWord: '个',
  periodField: 'listedOn',
  titleField: 'name',
  businessKey: 'code',
  fields: [
    { key: 'code', label: '事项编码', labelEn: 'Item code', type: 'text', required: true, listed: true, maxLength: 50 },
    { key: 'name', label: '事项名称', labelEn: 'Item name', type: 'text', required: true, listed: true },
    {
      key: 'category',
      label: '事项类别',
      labelEn: 'Item category',
      type: 'enum',
      required: true,
      listed: true,
      options: options(['social_security', '社会保障', 'Social security'], ['civil_affairs', '民政服务', 'Civil affairs'], ['health', '卫生健康', 'Health'], ['housing', '住房城建', 'Housing and construction'], ['business', '企业服务', 'Business services'], ['household', '户籍证照', 'Residence and licences'], ['other', '其他', 'Other']),
    },
    { key: 'department', label: '承办部门', labelEn: 'Handling department', type: 'text', listed: true },
    { key: 'mode', label: '办理类型', labelEn: 'Handling type', type: 'enum', required: true, options: options(['instant', '即办件', 'Immediate'], ['promised', '承诺件', 'Promised']) },
    { key: 'online', label: '可网上办理', labelEn: 'Online', type: 'boolean', required: true, listed: true },
    { key: 'listedOn', label: '纳入目录日期', labelEn: 'Listed on', type: 'date', required: true, listed: true },
    { key: 'delistedOn', label: '移出目录日期', labelEn: 'Delisted on', type: 'date' },
  ],
  rules: [{ type: 'order', earlier: 'listedOn', later: 'delistedOn' }],
});

export const satisfactionRatings = options(['satisfied', '满意', 'Satisfied'], ['basically', '基本满意', 'Fairly satisfied'], ['dissatisfied', '不满意', 'Dissatisfied']);

export const hotlineTickets = defineRecordKind({
  id: 'hotline_tickets',
  label: '12345热线工单',
  labelEn: '12345 hotline tickets',
  area: 'public_service',
  measureWord: '件',
  periodField: 'receivedAt',
  titleField: 'ticketNo',
  businessKey: 'ticketNo',
  fields: [
    { key: 'ticketNo', label: '工单编号', labelEn: 'Ticket no.', type: 'text', required: true, listed: true, maxLength: 50 },
    { key: 'channel', label: '来源渠道', labelEn: 'Source channel', type: 'enum', required: true, listed: true, options: options(['phone', '电话', 'Phone'], ['web', '网站', 'Website'], ['wechat', '微信', 'WeChat'], ['app', '移动客户端', 'Mobile app'], ['other', '其他', 'Other']) },
    { key: 'kind', label: '诉求类型', labelEn: 'Request type', type: 'enum', required: true, listed: true, options: options(['consultation', '咨询', 'Enquiry'], ['help', '求助', 'Request for help'], ['complaint', '投诉', 'Complaint'], ['report', '举报', 'Report'], ['suggestion', '意见建议', 'Suggestion']) },
    {
      key: 'topic',
      label: '诉求分类',
      labelEn: 'Request category',
      type: 'enum',
      required: true,
      listed: true,
      options: options(['city_appearance', '市容环境', 'City appearance'], ['housing', '住房物业', 'Housing and property'], ['traffic', '交通出行', 'Transport'], ['labour', '劳动社保', 'Labour and social insurance'], ['market', '市场监管', 'Market regulation'], ['education', '教育', 'Education'], ['health', '医疗卫生', 'Health care'], ['public_security', '治安', 'Public order'], ['construction', '城建施工', 'Construction'], ['other', '其他', 'Other']),
    },
    { key: 'summary', label: '诉求内容', labelEn: 'Request', type: 'longtext' },
    { key: 'callerName', label: '来电人', labelEn: 'Caller', type: 'text', personal: true },
    { key: 'callerPhone', label: '来电号码', labelEn: 'Caller\'s number', type: 'text', personal: true, format: 'phone' },
    { key: 'department', label: '承办部门', labelEn: 'Handling department', type: 'text', listed: true },
    { key: 'receivedAt', label: '派单时间', labelEn: 'Dispatched at', type: 'datetime', notFuture: true, required: true, listed: true },
    { key: 'dueAt', label: '办理时限', labelEn: 'Deadline', type: 'datetime', required: true },
    { key: 'closedAt', label: '办结时间', labelEn: 'Closed at', type: 'datetime', notFuture: true, listed: true },
    { key: 'satisfaction', label: '满意度评价', labelEn: 'Satisfaction', type: 'enum', options: satisfactionRatings, listed: true, description: '未评价时留空', descriptionEn: 'Leave empty when not rated' },
    {
      key: 'stage',
      label: '办理阶段',
      labelEn: 'Stage',
      type: 'enum',
      listed: true,
      options: options(['received', '已受理', 'Accepted'], ['closed', '已办结', 'Closed'], ['followed_up', '已回访', 'Followed up']),
      description: '随流程步骤变化；流程启用前录入的工单视为已受理',
      descriptionEn: 'Changes with the workflow steps; tickets entered before the workflow count as accepted',
    },
  ],
  rules: [
    { type: 'order', earlier: 'receivedAt', later: 'dueAt' },
    { type: 'order', earlier: 'receivedAt', later: 'closedAt' },
  ],
  // 受理 → 办结（办结时间；超过办理时限即为逾期，由办结时间与时限比较得出）→ 回访（满意度）.
  workflow: {
    field: 'stage',
    initial: 'received',
    transitions: [
      { from: ['received'], to: 'closed', label: '办结', labelEn: 'Finish', requires: ['closedAt'], asks: ['department'] },
      { from: ['closed'], to: 'followed_up', label: '回访', labelEn: 'Follow up', requires: ['satisfaction'] },
    ],
  },
});

export const supervisionRounds = defineRecordKind({
  id: 'supervision_rounds',
  label: '政务服务督查',
  labelEn: 'Supervision rounds',
  area: 'public_service',
  measureWord: '次',
  periodField: 'conductedOn',
  titleField: 'title',
  fields: [
    { key: 'title', label: '督查名称', labelEn: 'Inspection name', type: 'text', required: true, listed: true },
    { key: 'conductedOn', label: '督查日期', labelEn: 'Inspected on', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'scope', label: '督查范围', labelEn: 'Scope', type: 'enum', required: true, listed: true, options: options(['full_coverage', '全覆盖督查', 'Full-coverage inspection'], ['special', '专项督查', 'Special inspection'], ['spot_check', '随机抽查', 'Random check']) },
    { key: 'findings', label: '发现问题数', labelEn: 'Problems found', type: 'integer', min: 0, unit: '个', listed: true },
    { key: 'rectified', label: '已整改问题数', labelEn: 'Problems fixed', type: 'integer', min: 0, unit: '个' },
  ],
  rules: [{ type: 'at-most', field: 'rectified', limit: 'findings' }],
});

export const coordinationEvents = defineRecordKind({
  id: 'coordination_events',
  label: '协调会议及现场勘查',
  labelEn: 'Coordination meetings and site inspections',
  area: 'public_service',
  measureWord: '次',
  periodField: 'heldOn',
  titleField: 'topic',
  fields: [
    { key: 'kind', label: '类型', labelEn: 'Type', type: 'enum', required: true, listed: true, options: options(['meeting', '协调会议', 'Coordination meeting'], ['site_inspection', '现场勘查', 'Site survey']) },
    { key: 'topic', label: '事由', labelEn: 'Reason', type: 'text', required: true, listed: true },
    { key: 'heldOn', label: '日期', labelEn: 'Date', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'ticketNo', label: '关联工单编号', labelEn: 'Related ticket no.', type: 'text' },
    { key: 'participants', label: '参加单位', labelEn: 'Participating units', type: 'text' },
  ],
});

/** 政务服务（便民服务）办件: one case handled at the service hall, with the applicant's rating. */
export const serviceCases = defineRecordKind({
  id: 'service_cases',
  label: '政务服务办件',
  labelEn: 'Service cases',
  area: 'public_service',
  measureWord: '件',
  periodField: 'receivedOn',
  titleField: 'caseNo',
  businessKey: 'caseNo',
  fields: [
    { key: 'caseNo', label: '办件编号', labelEn: 'Case no.', type: 'text', required: true, listed: true, maxLength: 50 },
    { key: 'itemId', label: '服务事项', labelEn: 'Service item', type: 'ref', target: 'service_items', listed: true },
    { key: 'applicantName', label: '申请人', labelEn: 'Applicant', type: 'text', personal: true },
    { key: 'channel', label: '受理方式', labelEn: 'Acceptance mode', type: 'enum', required: true, listed: true, options: options(['counter', '窗口', 'Counter'], ['online', '网上', 'Online'], ['proxy', '帮办代办', 'Assisted']) },
    { key: 'receivedOn', label: '受理日期', labelEn: 'Accepted on', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'closedOn', label: '办结日期', labelEn: 'Closed on', type: 'date', notFuture: true, listed: true },
    { key: 'rating', label: '评价', labelEn: 'Rating', type: 'enum', options: satisfactionRatings, listed: true, description: '未评价时留空', descriptionEn: 'Leave empty when not rated' },
  ],
  rules: [{ type: 'order', earlier: 'receivedOn', later: 'closedOn' }],
});

/** 依申请公开: requests for government information and how they were answered. */
export const disclosureRequests = defineRecordKind({
  id: 'disclosure_requests',
  label: '依申请公开',
  labelEn: 'Information disclosure requests',
  area: 'public_service',
  measureWord: '件',
  periodField: 'receivedOn',
  titleField: 'requestNo',
  businessKey: 'requestNo',
  fields: [
    { key: 'requestNo', label: '申请编号', labelEn: 'Application no.', type: 'text', required: true, listed: true, maxLength: 50 },
    { key: 'requesterName', label: '申请人', labelEn: 'Applicant', type: 'text', personal: true },
    { key: 'subject', label: '申请内容', labelEn: 'Request', type: 'text', required: true, listed: true },
    { key: 'receivedOn', label: '收到申请日期', labelEn: 'Received on', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'answeredOn', label: '答复日期', labelEn: 'Replied on', type: 'date', notFuture: true, listed: true },
    {
      key: 'result',
      label: '答复结果',
      labelEn: 'Reply',
      type: 'enum',
      listed: true,
      options: options(['disclosed', '予以公开', 'Disclosed'], ['partly_disclosed', '部分公开', 'Partly disclosed'], ['not_disclosed', '不予公开', 'Not disclosed'], ['not_held', '信息不存在', 'Information does not exist'], ['not_ours', '非本机关负责公开', 'Not this office\'s information'], ['other', '其他处理', 'Otherwise handled']),
    },
  ],
  rules: [{ type: 'order', earlier: 'receivedOn', later: 'answeredOn' }],
});

/** 乡镇（街道）履职事项清单: the duties the street or town performs itself, helps with, or handed back. */
export const dutyItems = defineRecordKind({
  id: 'duty_items',
  label: '履职事项清单',
  labelEn: 'Duty list items',
  area: 'public_service',
  measureWord: '项',
  periodField: 'listedOn',
  titleField: 'name',
  businessKey: 'code',
  fields: [
    { key: 'code', label: '事项编码', labelEn: 'Item code', type: 'text', required: true, listed: true, maxLength: 50 },
    { key: 'name', label: '事项名称', labelEn: 'Item name', type: 'text', required: true, listed: true },
    { key: 'dutyClass', label: '事项类别', labelEn: 'Item category', type: 'enum', required: true, listed: true, options: options(['basic', '基本履职事项', 'Basic duty'], ['cooperative', '配合履职事项', 'Supporting duty'], ['returned', '上级部门收回事项', 'Taken back by higher level']) },
    { key: 'field', label: '所属领域', labelEn: 'Field', type: 'text', listed: true },
    { key: 'listedOn', label: '列入清单日期', labelEn: 'Listed on', type: 'date', required: true, listed: true },
    { key: 'delistedOn', label: '移出清单日期', labelEn: 'Delisted on', type: 'date' },
  ],
  rules: [{ type: 'order', earlier: 'listedOn', later: 'delistedOn' }],
});
