import { auxiliaryStaff, certificateExams, enforcementActions, enforcementOfficers, licences, officerTrainings, specialCampaigns } from '@fazhi/domain';
import { definePlugin, pluginApiVersion } from '@fazhi/plugin-sdk';

const documents = '.pdf,.jpg,.jpeg,.png,.doc,.docx';
const period = { type: 'period' } as const;
const org = { type: 'org' } as const;

/**
 * 行政执法 (enforcement): actions by kind with two certified officers each (the kind requires
 * both), the officers' roster with their yearly training hours against the 60-hour line, training
 * records, auxiliary staff, certificate exams, special campaigns and licences. Declarations only.
 */
export default definePlugin({
  id: 'enforcement',
  apiVersion: pluginApiVersion,
  label: '行政执法',
  labelEn: 'Enforcement',
  area: 'enforcement',
  order: 20,
  menuGroup: '依法行政',
  menuGroupEn: 'Lawful administration',
  resources: [
    {
      kind: enforcementActions,
      listColumns: ['actionNo', 'kind', 'actedOn', 'targetName', 'matter', 'penaltyAmount', 'legalReviewDone'],
      listFilters: [period, org, { field: 'kind' }, { field: 'targetType' }, { field: 'jointInspection' }, { field: 'legalReviewDone' }, { type: 'text', fields: ['actionNo', 'matter', 'legalBasis'] }],
      defaultSort: { field: 'actedOn', order: 'desc' },
      formSections: [
        { title: '执法行为', titleEn: 'Enforcement action', fields: ['actionNo', 'kind', 'actedOn', 'matter', 'jointInspection'] },
        { title: '执法对象', titleEn: 'Subject', fields: ['targetType', 'targetName'], personal: true },
        { title: '执法人员（两名持证）', titleEn: 'Officers (two certified)', fields: ['officer1Id', 'officer2Id'] },
        { title: '处罚与规范', titleEn: 'Penalty and compliance', fields: ['legalBasis', 'penaltyAmount', 'legalReviewDone', 'publicized', 'fullyRecorded'] },
      ],
      attachments: [
        { id: 'enforcement-documents', label: '执法文书', labelEn: 'Enforcement documents', accept: documents },
        { id: 'scene-records', label: '现场记录', labelEn: 'Site record', accept: `${documents},.mp4` },
      ],
    },
    {
      kind: enforcementOfficers,
      listColumns: ['name', 'certificateNo', 'unit', 'since', 'until'],
      listFilters: [org, { field: 'since' }, { type: 'text', fields: ['name', 'certificateNo', 'unit'] }],
      defaultSort: { field: 'since', order: 'asc' },
      relatedSums: [{ id: 'training-hours', label: '年度培训学时', labelEn: 'Training hours this year', kind: 'officer_trainings', via: 'officerId', sum: 'hours', threshold: 60, unit: '学时' }],
      attachments: [{ id: 'certificate', label: '执法证', labelEn: 'Enforcement card', accept: documents }],
    },
    {
      kind: officerTrainings,
      listFilters: [period, org, { field: 'format' }, { type: 'text', fields: ['course', 'sessionNo'] }],
      defaultSort: { field: 'trainedOn', order: 'desc' },
    },
    {
      kind: auxiliaryStaff,
      listFilters: [org, { field: 'post' }, { field: 'hiredOn' }, { type: 'text', fields: ['name', 'team'] }],
      defaultSort: { field: 'hiredOn', order: 'desc' },
    },
    { kind: certificateExams, defaultSort: { field: 'heldOn', order: 'desc' } },
    { kind: specialCampaigns, listFilters: [period, org, { type: 'text', fields: ['title', 'field'] }], defaultSort: { field: 'startedOn', order: 'desc' } },
    {
      kind: licences,
      listFilters: [period, org, { field: 'licenceType' }, { field: 'result' }, { type: 'text', fields: ['licenceNo', 'applicant'] }],
      defaultSort: { field: 'appliedOn', order: 'desc' },
      attention: [{ id: 'undecided', label: '待决定', labelEn: 'Awaiting decision', when: [{ field: 'result', empty: true }] }],
      todos: [{ id: 'undecided', when: 'undecided' }],
      attachments: [{ id: 'decision', label: '许可决定书', labelEn: 'Permit decision', accept: documents }],
    },
  ],
  dashboard: [
    { type: 'indicator-card', indicator: 'enforcement.actions', compare: true },
    { type: 'indicator-card', indicator: 'enforcement.penalties', compare: true },
    { type: 'indicator-card', indicator: 'enforcement.penalty_legal_review_rate', compare: true },
    { type: 'indicator-card', indicator: 'enforcement.training_compliance_rate', compare: true },
    { type: 'monthly-trend', indicator: 'enforcement.actions', title: '每月行政执法行为', titleEn: 'Enforcement actions by month', chart: 'bar' },
  ],
  indicatorGroups: [
    {
      id: 'enforcement',
      label: '行政执法',
      labelEn: 'Enforcement',
      indicators: ['enforcement.actions', 'enforcement.guidance', 'enforcement.interviews', 'enforcement.warnings', 'enforcement.inspections', 'enforcement.penalties', 'enforcement.penalty_amount', 'enforcement.officers', 'enforcement.training_hours', 'enforcement.training_compliance_rate'],
    },
  ],
});
