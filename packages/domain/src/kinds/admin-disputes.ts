import { defineRecordKind } from '../record-kind.js';
import { options } from './options.js';

export const disputeKinds = options(['handling_decision', '行政处理决定', 'Administrative decision'], ['reconsideration', '行政复议', 'Administrative reconsideration'], ['litigation', '行政诉讼', 'Administrative litigation'], ['civil_litigation', '民事诉讼', 'Civil litigation']);

export const disputeResults = options(
  ['upheld', '维持', 'Upheld'],
  ['dismissed', '驳回', 'Dismissed'],
  ['revoked', '撤销', 'Revoked'],
  ['altered', '变更', 'Varied'],
  ['confirmed_illegal', '确认违法', 'Declared unlawful'],
  ['ordered_to_perform', '责令履行', 'Ordered to perform'],
  ['compensation', '判决赔偿', 'Compensation awarded'],
  ['mediated', '调解结案', 'Settled by mediation'],
  ['withdrawn', '撤回/撤诉', 'Withdrawn'],
  ['terminated', '终止', 'Terminated'],
);

/** Results that correct the agency (复议纠错) or that it loses in court (败诉). */
export const correctedResults = ['revoked', 'altered', 'confirmed_illegal', 'ordered_to_perform', 'compensation'] as const;

export const adminDisputes = defineRecordKind({
  id: 'admin_disputes',
  label: '行政争议案件',
  labelEn: 'Administrative disputes',
  area: 'admin_disputes',
  measureWord: '宗',
  periodField: 'filedOn',
  titleField: 'caseNo',
  businessKey: 'caseNo',
  fields: [
    { key: 'caseNo', label: '案号', labelEn: 'Case no.', type: 'text', required: true, listed: true, maxLength: 80 },
    { key: 'kind', label: '案件类型', labelEn: 'Case type', type: 'enum', options: disputeKinds, required: true, listed: true },
    { key: 'cause', label: '案由', labelEn: 'Cause of action', type: 'text', required: true, listed: true },
    { key: 'counterpart', label: '相对人', labelEn: 'Counterparty', type: 'text', personal: true },
    { key: 'ourRole', label: '街道身份', labelEn: 'Street\'s role', type: 'enum', required: true, options: options(['respondent', '被申请人/被告', 'Respondent or defendant'], ['third_party', '第三人', 'Third party'], ['assisting', '协助处理', 'Assisting']) },
    { key: 'filedOn', label: '立案/受理日期', labelEn: 'Filed on', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'stage', label: '办理阶段', labelEn: 'Stage', type: 'enum', required: true, listed: true, options: options(['filed', '已立案', 'Filed'], ['in_progress', '审理中', 'In hearing'], ['decided', '已决定/已判决', 'Decided'], ['closed', '已结案', 'Closed']) },
    { key: 'result', label: '结果', labelEn: 'Outcome', type: 'enum', options: disputeResults, listed: true },
    { key: 'decidedOn', label: '决定/判决日期', labelEn: 'Decided on', type: 'date', notFuture: true, listed: true },
  ],
  rules: [
    { type: 'order', earlier: 'filedOn', later: 'decidedOn' },
    { type: 'required-when', field: 'result', when: { field: 'stage', in: ['decided', 'closed'] } },
    { type: 'required-when', field: 'decidedOn', when: { field: 'stage', in: ['decided', 'closed'] } },
  ],
  // 立案 → 审理 → 决定/判决 → 结案. A case may end without a separate decision step (撤诉, 调解结案),
  // so 结案 is reachable from every open stage, and like 决定/判决 it needs the result and its date:
  // the figures of corrected, lost and settled cases count by them.
  workflow: {
    field: 'stage',
    initial: 'filed',
    transitions: [
      { from: ['filed'], to: 'in_progress', label: '开始审理', labelEn: 'Start hearing' },
      { from: ['filed', 'in_progress'], to: 'decided', label: '作出决定/判决', labelEn: 'Decide', requires: ['result', 'decidedOn'] },
      { from: ['filed', 'in_progress', 'decided'], to: 'closed', label: '结案', labelEn: 'Close', requires: ['result', 'decidedOn'] },
    ],
  },
});

export const courtHearings = defineRecordKind({
  id: 'court_hearings',
  label: '行政诉讼庭审',
  labelEn: 'Court hearings',
  area: 'admin_disputes',
  measureWord: '次',
  periodField: 'heldOn',
  titleField: 'caseNo',
  fields: [
    { key: 'caseNo', label: '案号', labelEn: 'Case no.', type: 'text', required: true, listed: true, maxLength: 80 },
    { key: 'disputeId', label: '关联案件', labelEn: 'Related case', type: 'ref', target: 'admin_disputes' },
    { key: 'court', label: '审理法院', labelEn: 'Court', type: 'text', required: true, listed: true },
    { key: 'heldOn', label: '开庭日期', labelEn: 'Hearing date', type: 'date', required: true, listed: true },
    { key: 'headAppearanceRequired', label: '需负责人出庭', labelEn: 'Head to appear', type: 'boolean', required: true, listed: true },
    { key: 'headAppeared', label: '负责人已出庭', labelEn: 'Head appeared', type: 'boolean', required: true, listed: true },
    { key: 'appearedBy', label: '出庭负责人', labelEn: 'Appearing head', type: 'text', description: '姓名及职务', descriptionEn: 'Name and position' },
  ],
});
