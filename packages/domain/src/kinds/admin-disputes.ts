import { defineRecordKind } from '../record-kind.js';
import { options } from './options.js';

export const disputeKinds = options(['handling_decision', '行政处理决定'], ['reconsideration', '行政复议'], ['litigation', '行政诉讼'], ['civil_litigation', '民事诉讼']);

export const disputeResults = options(
  ['upheld', '维持'],
  ['dismissed', '驳回'],
  ['revoked', '撤销'],
  ['altered', '变更'],
  ['confirmed_illegal', '确认违法'],
  ['ordered_to_perform', '责令履行'],
  ['compensation', '判决赔偿'],
  ['mediated', '调解结案'],
  ['withdrawn', '撤回/撤诉'],
  ['terminated', '终止'],
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
    { key: 'caseNo', label: '案号', type: 'text', required: true, listed: true, maxLength: 80 },
    { key: 'kind', label: '案件类型', type: 'enum', options: disputeKinds, required: true, listed: true },
    { key: 'cause', label: '案由', type: 'text', required: true, listed: true },
    { key: 'counterpart', label: '相对人', type: 'text', personal: true },
    { key: 'ourRole', label: '街道身份', type: 'enum', required: true, options: options(['respondent', '被申请人/被告'], ['third_party', '第三人'], ['assisting', '协助处理']) },
    { key: 'filedOn', label: '立案/受理日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'stage', label: '办理阶段', type: 'enum', required: true, listed: true, options: options(['filed', '已立案'], ['in_progress', '审理中'], ['decided', '已决定/已判决'], ['closed', '已结案']) },
    { key: 'result', label: '结果', type: 'enum', options: disputeResults, listed: true },
    { key: 'decidedOn', label: '决定/判决日期', type: 'date', notFuture: true, listed: true },
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
      { from: ['filed'], to: 'in_progress', label: '开始审理' },
      { from: ['filed', 'in_progress'], to: 'decided', label: '作出决定/判决', requires: ['result', 'decidedOn'] },
      { from: ['filed', 'in_progress', 'decided'], to: 'closed', label: '结案', requires: ['result', 'decidedOn'] },
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
    { key: 'caseNo', label: '案号', type: 'text', required: true, listed: true, maxLength: 80 },
    { key: 'disputeId', label: '关联案件', type: 'ref', target: 'admin_disputes' },
    { key: 'court', label: '审理法院', type: 'text', required: true, listed: true },
    { key: 'heldOn', label: '开庭日期', type: 'date', required: true, listed: true },
    { key: 'headAppearanceRequired', label: '需负责人出庭', type: 'boolean', required: true, listed: true },
    { key: 'headAppeared', label: '负责人已出庭', type: 'boolean', required: true, listed: true },
    { key: 'appearedBy', label: '出庭负责人', type: 'text', description: '姓名及职务' },
  ],
});
