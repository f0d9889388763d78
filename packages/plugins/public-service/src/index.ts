import { coordinationEvents, disclosureRequests, dutyItems, hotlineTickets, serviceCases, serviceItems, supervisionRounds } from '@fazhi/domain';
import { definePlugin, pluginApiVersion } from '@fazhi/plugin-sdk';

const documents = '.pdf,.jpg,.jpeg,.png,.doc,.docx,.ofd';
const period = { type: 'period' } as const;
const org = { type: 'org' } as const;

/**
 * 政务服务 (public service): 12345 hotline tickets (受理 → 办结 → 回访, the kind's own workflow,
 * enforced by the database), the service-item catalogue, service cases at the service hall,
 * supervision rounds, coordination meetings and site inspections, information-disclosure requests
 * and the street's duty list. Declarations only.
 */
export default definePlugin({
  id: 'public-service',
  apiVersion: pluginApiVersion,
  label: '政务服务',
  labelEn: 'Public service',
  area: 'public_service',
  order: 70,
  // Not 政务服务: a group labelled like its plugin gives the breadcrumb two items of one name.
  menuGroup: '便民服务',
  menuGroupEn: 'Services for residents',
  resources: [
    {
      kind: hotlineTickets,
      listColumns: ['ticketNo', 'channel', 'kind', 'topic', 'department', 'receivedAt', 'dueAt', 'closedAt', 'satisfaction', 'stage'],
      listFilters: [period, org, { field: 'channel' }, { field: 'kind' }, { field: 'topic' }, { field: 'satisfaction' }, { type: 'text', fields: ['ticketNo', 'department', 'summary'] }],
      defaultSort: { field: 'receivedAt', order: 'desc' },
      formSections: [
        { title: '工单', titleEn: 'Ticket', fields: ['ticketNo', 'channel', 'kind', 'topic', 'summary', 'receivedAt', 'dueAt'] },
        { title: '来电人', titleEn: 'Caller', fields: ['callerName', 'callerPhone'], personal: true },
        { title: '办理', titleEn: 'Handling', fields: ['department', 'stage', 'closedAt'] },
        { title: '回访', titleEn: 'Follow-up', fields: ['satisfaction'] },
      ],
      // Not closed = no 办结时间: tickets kept before the workflow have 办结时间 but no 办理阶段.
      deadline: { field: 'dueAt', doneWhenFilled: 'closedAt' },
      attention: [{ id: 'unrated', label: '未评价', labelEn: 'Not rated', when: [{ field: 'closedAt', filled: true }, { field: 'satisfaction', empty: true }], normal: true }],
      // Two days ahead: time to chase the department before the ticket turns overdue.
      todos: [{ id: 'due', label: '临期或逾期未办结', labelEn: 'Due or overdue', when: [{ field: 'dueAt', withinDays: 2 }, { field: 'closedAt', empty: true }], dueField: 'dueAt', severity: 'danger' }],
      attachments: [{ id: 'reply', label: '办理回复及佐证材料', labelEn: 'Reply and evidence', accept: documents }],
    },
    {
      kind: serviceItems,
      listColumns: ['code', 'name', 'category', 'department', 'mode', 'online', 'listedOn', 'delistedOn'],
      listFilters: [org, { field: 'category' }, { field: 'mode' }, { field: 'online' }, { field: 'listedOn' }, { type: 'text', fields: ['code', 'name', 'department'] }],
      defaultSort: { field: 'code', order: 'asc' },
    },
    {
      kind: serviceCases,
      listFilters: [period, org, { field: 'channel' }, { field: 'rating' }, { type: 'text', fields: ['caseNo'] }],
      defaultSort: { field: 'receivedOn', order: 'desc' },
      formSections: [
        { title: '办件', titleEn: 'Service case', fields: ['caseNo', 'itemId', 'channel', 'receivedOn', 'closedOn', 'rating'] },
        { title: '申请人', titleEn: 'Applicant', fields: ['applicantName'], personal: true },
      ],
      attention: [{ id: 'open', label: '未办结', labelEn: 'Not closed', when: [{ field: 'closedOn', empty: true }] }],
    },
    {
      kind: supervisionRounds,
      listFilters: [period, org, { field: 'scope' }, { type: 'text', fields: ['title'] }],
      defaultSort: { field: 'conductedOn', order: 'desc' },
      attachments: [{ id: 'report', label: '督查通报', labelEn: 'Inspection circular', accept: documents }],
    },
    {
      kind: coordinationEvents,
      listColumns: ['kind', 'topic', 'heldOn', 'ticketNo', 'participants'],
      listFilters: [period, org, { field: 'kind' }, { type: 'text', fields: ['topic', 'ticketNo', 'participants'] }],
      defaultSort: { field: 'heldOn', order: 'desc' },
      attachments: [{ id: 'minutes', label: '会议纪要或勘查记录', labelEn: 'Minutes or survey record', accept: documents }],
    },
    {
      kind: disclosureRequests,
      listFilters: [period, org, { field: 'result' }, { type: 'text', fields: ['requestNo', 'subject'] }],
      defaultSort: { field: 'receivedOn', order: 'desc' },
      formSections: [
        { title: '申请', titleEn: 'Application', fields: ['requestNo', 'subject', 'receivedOn'] },
        { title: '申请人', titleEn: 'Applicant', fields: ['requesterName'], personal: true },
        { title: '答复', titleEn: 'Reply', fields: ['answeredOn', 'result'] },
      ],
      attention: [{ id: 'unanswered', label: '待答复', labelEn: 'Not answered', when: [{ field: 'answeredOn', empty: true }] }],
      todos: [{ id: 'unanswered', when: 'unanswered' }],
      attachments: [
        { id: 'request', label: '申请书', labelEn: 'Application form', accept: documents },
        { id: 'answer', label: '答复告知书', labelEn: 'Reply notice', accept: documents },
      ],
    },
    {
      kind: dutyItems,
      listColumns: ['code', 'name', 'dutyClass', 'field', 'listedOn', 'delistedOn'],
      listFilters: [org, { field: 'dutyClass' }, { field: 'listedOn' }, { type: 'text', fields: ['code', 'name', 'field'] }],
      defaultSort: { field: 'code', order: 'asc' },
    },
  ],
  dashboard: [
    { type: 'indicator-card', indicator: 'public_service.tickets_received', compare: true },
    { type: 'indicator-card', indicator: 'public_service.ticket_closure_rate', compare: true },
    { type: 'indicator-card', indicator: 'public_service.ticket_on_time_rate', compare: true },
    { type: 'indicator-card', indicator: 'public_service.ticket_satisfaction_rate', compare: true },
    { type: 'indicator-card', indicator: 'public_service.catalogue_items', compare: true },
    { type: 'indicator-card', indicator: 'public_service.full_coverage_supervisions', compare: true },
    { type: 'indicator-card', indicator: 'public_service.coordination_events', compare: true },
    { type: 'monthly-trend', indicator: 'public_service.tickets_received', title: '每月12345热线工单', titleEn: '12345 hotline tickets by month', chart: 'bar' },
  ],
  indicatorGroups: [
    {
      id: 'hotline',
      label: '12345热线',
      labelEn: '12345 hotline',
      indicators: ['public_service.tickets_received', 'public_service.ticket_closure_rate', 'public_service.ticket_on_time_rate', 'public_service.ticket_satisfaction_rate', 'public_service.coordination_events'],
    },
    {
      id: 'public-service',
      label: '政务服务',
      labelEn: 'Public service',
      indicators: [
        'public_service.catalogue_items',
        'public_service.online_rate',
        'public_service.full_coverage_supervisions',
        'public_service.service_cases',
        'public_service.service_case_closure_rate',
        'public_service.service_satisfaction_rate',
        'public_service.disclosure_requests',
        'public_service.duty_items',
        'public_service.basic_duty_items',
        'public_service.cooperative_duty_items',
        'public_service.returned_duty_items',
      ],
    },
  ],
});
