import { defineRecordKind } from '../record-kind.js';
import { options } from './options.js';

export const rectificationSources = options(
  ['guangzhou_assessment', '法治广州建设考评', 'Rule-of-law Guangzhou assessment'],
  ['district_assessment', '法治南沙建设考评', 'Rule-of-law Nansha assessment'],
  ['government_inspection', '法治政府建设督察', 'Rule-of-law government inspection'],
  ['patrol', '巡察', 'Circuit inspection'],
  ['audit', '审计', 'Audit'],
  ['other', '其他', 'Other'],
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
    { key: 'problem', label: '问题描述', labelEn: 'Problem', type: 'text', required: true, listed: true, maxLength: 500 },
    { key: 'source', label: '问题来源', labelEn: 'Problem source', type: 'enum', options: rectificationSources, required: true, listed: true },
    { key: 'sourceYear', label: '问题所属年度', labelEn: 'Problem year', type: 'integer', min: 2000, max: 2100, required: true, listed: true },
    { key: 'measure', label: '整改措施', labelEn: 'Measures', type: 'longtext' },
    { key: 'department', label: '责任部门', labelEn: 'Responsible department', type: 'text', required: true, listed: true },
    { key: 'leaderLiaison', label: '分管领导联络人', labelEn: 'Leader contact', type: 'text', required: true },
    { key: 'headLiaison', label: '部门负责人联络人', labelEn: 'Department head contact', type: 'text', required: true },
    { key: 'contactLiaison', label: '具体联络人', labelEn: 'Contact person', type: 'text', required: true },
    { key: 'assignedOn', label: '任务分派日期', labelEn: 'Assigned on', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'deadline', label: '整改期限', labelEn: 'Due date', type: 'date', required: true, listed: true },
    { key: 'status', label: '整改状态', labelEn: 'Rectification status', type: 'enum', required: true, listed: true, options: options(['pending', '未开始', 'Not started'], ['in_progress', '整改中', 'Rectifying'], ['completed', '已完成', 'Completed'], ['closed_out', '已销号', 'Closed out']) },
    { key: 'completedOn', label: '完成日期', labelEn: 'Completed on', type: 'date', notFuture: true, listed: true },
    { key: 'reportedOn', label: '书面报告日期', labelEn: 'Report date', type: 'date', notFuture: true, listed: true },
    { key: 'closedOutOn', label: '销号日期', labelEn: 'Closed out on', type: 'date', notFuture: true },
    { key: 'evidence', label: '佐证材料', labelEn: 'Evidence', type: 'text', description: '材料名称；文件作为附件上传', descriptionEn: 'Name of the material; upload the file as an attachment' },
    { key: 'escalation', label: '督办措施', labelEn: 'Supervision measures', type: 'enum', options: options(['none', '无', 'None'], ['interview', '约谈', 'Interview'], ['listed_supervision', '挂牌督办', 'Supervised listing'], ['notice', '通报', 'Circular']) },
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
      { from: ['pending'], to: 'in_progress', label: '开始整改', labelEn: 'Start rectifying', requires: ['measure'] },
      { from: ['pending', 'in_progress'], to: 'completed', label: '完成整改', labelEn: 'Complete rectification', requires: ['completedOn', 'reportedOn'], asks: ['measure'] },
      { from: ['completed'], to: 'closed_out', label: '销号', labelEn: 'Close out', requires: ['closedOutOn'], asks: ['evidence'], requiresAttachments: [{ slot: 'evidence', label: '整改佐证材料', labelEn: 'Rectification evidence' }] },
    ],
  },
});
