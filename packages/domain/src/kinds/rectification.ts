import { defineRecordKind } from '../record-kind.js';
import { options } from './options.js';

export const rectificationSources = options(
  ['guangzhou_assessment', '法治广州建设考评'],
  ['district_assessment', '法治南沙建设考评'],
  ['government_inspection', '法治政府建设督察'],
  ['patrol', '巡察'],
  ['audit', '审计'],
  ['other', '其他'],
);

export const rectificationTasks = defineRecordKind({
  id: 'rectification_tasks',
  label: '问题整改任务',
  labelEn: 'Rectification tasks',
  area: 'rectification',
  measureWord: '项',
  periodField: 'assignedOn',
  titleField: 'problem',
  fields: [
    { key: 'problem', label: '问题描述', type: 'text', required: true, listed: true, maxLength: 500 },
    { key: 'source', label: '问题来源', type: 'enum', options: rectificationSources, required: true, listed: true },
    { key: 'sourceYear', label: '问题所属年度', type: 'integer', min: 2000, max: 2100, required: true, listed: true },
    { key: 'measure', label: '整改措施', type: 'longtext' },
    { key: 'department', label: '责任部门', type: 'text', required: true, listed: true },
    { key: 'leaderLiaison', label: '分管领导联络人', type: 'text', required: true },
    { key: 'headLiaison', label: '部门负责人联络人', type: 'text', required: true },
    { key: 'contactLiaison', label: '具体联络人', type: 'text', required: true },
    { key: 'assignedOn', label: '任务分派日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'deadline', label: '整改期限', type: 'date', required: true, listed: true },
    { key: 'status', label: '整改状态', type: 'enum', required: true, listed: true, options: options(['pending', '未开始'], ['in_progress', '整改中'], ['completed', '已完成'], ['closed_out', '已销号']) },
    { key: 'completedOn', label: '完成日期', type: 'date', notFuture: true, listed: true },
    { key: 'reportedOn', label: '书面报告日期', type: 'date', notFuture: true, listed: true },
    { key: 'closedOutOn', label: '销号日期', type: 'date', notFuture: true },
    { key: 'evidence', label: '佐证材料', type: 'text', description: '材料名称；文件作为附件上传' },
    { key: 'escalation', label: '督办措施', type: 'enum', options: options(['none', '无'], ['interview', '约谈'], ['listed_supervision', '挂牌督办'], ['notice', '通报']) },
  ],
  rules: [
    { type: 'order', earlier: 'assignedOn', later: 'deadline' },
    { type: 'order', earlier: 'assignedOn', later: 'completedOn' },
    { type: 'order', earlier: 'completedOn', later: 'closedOutOn' },
    { type: 'required-when', field: 'completedOn', when: { field: 'status', in: ['completed', 'closed_out'] } },
    { type: 'required-when', field: 'closedOutOn', when: { field: 'status', in: ['closed_out'] } },
  ],
  // The close-out (销号) needs its evidence uploaded: the rectification plugin's resource must offer
  // the `evidence` attachment slot (definePlugin checks). Tasks loaded as history need none.
  workflow: {
    field: 'status',
    initial: 'pending',
    transitions: [
      { from: ['pending'], to: 'in_progress', label: '开始整改', requires: ['measure'] },
      { from: ['pending', 'in_progress'], to: 'completed', label: '完成整改', requires: ['completedOn', 'reportedOn'], asks: ['measure'] },
      { from: ['completed'], to: 'closed_out', label: '销号', requires: ['closedOutOn'], asks: ['evidence'], requiresAttachments: [{ slot: 'evidence', label: '整改佐证材料' }] },
    ],
  },
});
