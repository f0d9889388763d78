import { legalAidApplications, residentConsultations } from '@fazhi/domain';
import { definePlugin, pluginApiVersion } from '@fazhi/plugin-sdk';

const documents = '.pdf,.jpg,.jpeg,.png,.doc,.docx';

/**
 * 法律援助 (legal aid): applications (申请 → 审查 → 指派 → 结案) and residents' consultations.
 * Declarations only; lists, forms, highlighting and the dashboard are the SDK's generic pages.
 * The application workflow (准予 / 不予 → 指派 → 结案, enforced by the database) is the kind's own
 * (`legal_aid_applications.workflow` in @fazhi/domain); the attention rules single out the pending
 * and unassigned applications in the list.
 */
export default definePlugin({
  id: 'legal-aid',
  apiVersion: pluginApiVersion,
  label: '法律援助',
  labelEn: 'Legal aid',
  area: 'legal_aid',
  order: 60,
  menuGroup: '公共法律服务',
  menuGroupEn: 'Public legal services',
  resources: [
    {
      kind: legalAidApplications,
      listColumns: ['applicationNo', 'applicantName', 'applicantCategory', 'caseKind', 'cause', 'appliedOn', 'decision', 'lawyer', 'closedOn', 'lossRecovered'],
      listFilters: [
        { type: 'period' },
        { type: 'org' },
        { field: 'applicantCategory' },
        { field: 'caseKind' },
        { field: 'decision' },
        { type: 'text', fields: ['applicationNo', 'cause', 'lawyer', 'lawFirm'] },
      ],
      defaultSort: { field: 'appliedOn', order: 'desc' },
      formSections: [
        { title: '申请', titleEn: 'Application', fields: ['applicationNo', 'channel', 'appliedOn', 'caseKind', 'cause', 'amount'] },
        { title: '申请人', titleEn: 'Applicant', fields: ['applicantName', 'applicantIdNumber', 'applicantPhone', 'applicantCategory'], personal: true },
        { title: '审查', titleEn: 'Review', fields: ['decision', 'decidedOn', 'rejectionReason'] },
        { title: '指派', titleEn: 'Assignment', fields: ['lawyer', 'lawFirm'] },
        { title: '结案', titleEn: 'Closing', fields: ['closedOn', 'outcome', 'lossRecovered'] },
      ],
      attention: [
        { id: 'pending', label: '待审查', labelEn: 'Awaiting review', when: [{ field: 'decision', in: ['pending'] }] },
        { id: 'unassigned', label: '待指派', labelEn: 'Awaiting assignment', when: [{ field: 'decision', in: ['accepted'] }, { field: 'lawyer', empty: true }] },
      ],
      printForm: {
        title: '法律援助申请表',
        titleEn: 'Legal aid application form',
        rows: [
          ['applicationNo', 'appliedOn'],
          ['applicantName', 'applicantCategory'],
          ['applicantIdNumber', 'applicantPhone'],
          ['channel', 'caseKind'],
          [{ field: 'cause', span: 2 }],
          ['amount', 'decision'],
          ['decidedOn', 'rejectionReason'],
          ['lawyer', 'lawFirm'],
          ['closedOn', 'lossRecovered'],
          [{ field: 'outcome', span: 2 }],
        ],
      },
      todos: [
        { id: 'review', when: 'pending' },
        { id: 'assign', when: 'unassigned', severity: 'info' },
      ],
      attachments: [
        { id: 'application', label: '申请材料', labelEn: 'Application documents', accept: documents },
        { id: 'legal-opinion', label: '法律意见书', labelEn: 'Legal opinions', accept: documents },
        { id: 'closing', label: '结案文书', labelEn: 'Closing documents', accept: documents },
      ],
    },
    {
      kind: residentConsultations,
      listColumns: ['consultedOn', 'requesterType', 'channel', 'topic', 'persons', 'answeredBy'],
      listFilters: [{ type: 'period' }, { type: 'org' }, { field: 'requesterType' }, { field: 'channel' }, { type: 'text', fields: ['topic', 'answeredBy'] }],
      defaultSort: { field: 'consultedOn', order: 'desc' },
      formSections: [
        { title: '咨询', titleEn: 'Consultation', fields: ['consultedOn', 'requesterType', 'channel', 'topic', 'persons', 'answeredBy'] },
        { title: '咨询人', titleEn: 'Enquirer', fields: ['requesterName', 'requesterPhone'], personal: true },
      ],
    },
  ],
  dashboard: [
    { type: 'indicator-card', indicator: 'legal_aid.applications', compare: true },
    { type: 'indicator-card', indicator: 'legal_aid.accepted_applications', compare: true },
    { type: 'indicator-card', indicator: 'legal_aid.acceptance_rate', compare: true },
    { type: 'indicator-card', indicator: 'legal_aid.loss_recovered', compare: true },
    { type: 'monthly-trend', indicator: 'legal_aid.applications', title: '每月法律援助申请', titleEn: 'Legal aid applications by month', chart: 'bar' },
  ],
  indicatorGroups: [
    {
      id: 'legal-aid',
      label: '法律援助',
      labelEn: 'Legal aid',
      indicators: ['legal_aid.applications', 'legal_aid.accepted_applications', 'legal_aid.acceptance_rate', 'legal_aid.accepted_amount', 'legal_aid.loss_recovered'],
    },
  ],
});
