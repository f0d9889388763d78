import { rectificationTasks } from '@fazhi/domain';
import { definePlugin, pluginApiVersion } from '@fazhi/plugin-sdk';

const documents = '.pdf,.jpg,.jpeg,.png,.doc,.docx,.ofd';

/**
 * 问题整改 (rectification): the tasks that answer the assessments', inspections' and patrols'
 * findings, each with its owner department, three liaisons, deadline and written report. The
 * workflow 开始整改 → 完成整改 → 销号 is the kind's own (the database enforces it; 销号 needs a file
 * in the `evidence` slot). Declarations only: list, 看板, forms and dashboard are the SDK's pages.
 */
export default definePlugin({
  id: 'rectification',
  apiVersion: pluginApiVersion,
  label: '问题整改',
  labelEn: 'Rectification',
  area: 'rectification',
  order: 90,
  menuGroup: '法治建设',
  menuGroupEn: 'Rule-of-law building',
  resources: [
    {
      kind: rectificationTasks,
      listColumns: ['problem', 'source', 'sourceYear', 'department', 'assignedOn', 'deadline', 'status', 'completedOn', 'reportedOn'],
      listFilters: [
        { type: 'period' },
        { type: 'org' },
        { field: 'source' },
        { field: 'sourceYear' },
        { field: 'status' },
        { field: 'escalation' },
        { field: 'department' },
        { type: 'text', fields: ['problem', 'measure', 'department', 'contactLiaison'] },
      ],
      defaultSort: { field: 'deadline', order: 'asc' },
      formSections: [
        { title: '问题', titleEn: 'Problem', fields: ['problem', 'source', 'sourceYear'] },
        { title: '任务分派', titleEn: 'Assignment', fields: ['department', 'assignedOn', 'deadline', 'status', 'escalation'] },
        { title: '三级联络人', titleEn: 'Three-level contacts', fields: ['leaderLiaison', 'headLiaison', 'contactLiaison'] },
        { title: '整改落实', titleEn: 'Rectification', fields: ['measure', 'completedOn', 'reportedOn'] },
        { title: '销号', titleEn: 'Closing out', fields: ['closedOutOn', 'evidence'] },
      ],
      // 整改期限 is the date to finish by: a completed task awaiting 销号 is not overdue.
      deadline: { field: 'deadline', doneWhen: ['completed', 'closed_out'] },
      // Unlike 逾期, a completed task still waits for its 销号 (with evidence): it stays a to-do.
      todos: [{ id: 'due', label: '临期或逾期未销号', labelEn: 'Due, not closed out', when: [{ field: 'deadline', withinDays: 7 }, { field: 'status', notIn: ['closed_out'] }], dueField: 'deadline', severity: 'danger' }],
      board: { groupBy: 'status', cardFields: ['department', 'deadline'] },
      attachments: [
        { id: 'assignment', label: '任务分派表', labelEn: 'Assignment sheet', accept: documents },
        { id: 'report', label: '整改报告', labelEn: 'Rectification report', accept: documents },
        // The slot 销号 requires (the kind's workflow names it).
        { id: 'evidence', label: '整改佐证材料', labelEn: 'Rectification evidence', accept: documents },
      ],
    },
  ],
  dashboard: [
    { type: 'indicator-card', indicator: 'rectification.tasks', compare: true },
    { type: 'indicator-card', indicator: 'rectification.completed', compare: true },
    { type: 'indicator-card', indicator: 'rectification.completion_rate', compare: true },
    { type: 'indicator-card', indicator: 'rectification.on_time_rate', compare: true },
    { type: 'indicator-card', indicator: 'rectification.reported_on_time_rate', compare: true },
    { type: 'monthly-trend', indicator: 'rectification.tasks', title: '每月分派整改任务', titleEn: 'Rectification tasks assigned by month', chart: 'bar' },
  ],
  indicatorGroups: [
    {
      id: 'rectification',
      label: '问题整改',
      labelEn: 'Rectification',
      indicators: [
        'rectification.tasks',
        'rectification.completed',
        'rectification.completion_rate',
        'rectification.on_time_rate',
        'rectification.reported_on_time_rate',
        'rectification.patrol_tasks',
        'rectification.patrol_completed',
        'rectification.patrol_completion_rate',
      ],
    },
  ],
});
