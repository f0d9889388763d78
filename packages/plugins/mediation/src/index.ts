import { mediationCases } from '@fazhi/domain';
import { definePlugin, pluginApiVersion } from '@fazhi/plugin-sdk';

/**
 * 人民调解 (mediation): the case ledger of the street's mediation committees. Declarations only;
 * the list, forms, workflow, attachments and dashboard are the SDK's generic pages driven by the
 * field metadata of `mediation_cases` in @fazhi/domain (its workflow, 受理→调解→结案→回访, is the
 * kind's own and enforced by the database). Its annual-report section is the built-in templates'
 * own (`mediationFigures` of @fazhi/report, worded for a street and for a community), so the plugin
 * contributes none: a section of its own would replace the community template's wording too.
 */
export default definePlugin({
  id: 'mediation',
  apiVersion: pluginApiVersion,
  label: '人民调解',
  labelEn: 'Mediation',
  area: 'mediation',
  order: 50,
  menuGroup: '矛盾化解',
  menuGroupEn: 'Dispute resolution',
  resources: [
    {
      kind: mediationCases,
      listColumns: ['caseNo', 'disputeType', 'source', 'partyNames', 'partiesCount', 'amount', 'acceptedOn', 'status', 'result', 'closedOn'],
      listFilters: [
        { type: 'period' },
        { type: 'org' },
        { field: 'disputeType' },
        { field: 'source' },
        { field: 'status' },
        { field: 'result' },
        { type: 'text', fields: ['caseNo', 'summary', 'mediator'] },
      ],
      defaultSort: { field: 'acceptedOn', order: 'desc' },
      formSections: [
        { title: '受理信息', titleEn: 'Acceptance', fields: ['caseNo', 'source', 'disputeType', 'acceptedOn', 'status', 'summary'] },
        { title: '当事人', titleEn: 'Parties', fields: ['partyNames', 'partyIdNumbers', 'partyPhones', 'partiesCount', 'amount'], personal: true },
        { title: '调解过程', titleEn: 'Mediation', fields: ['mediator', 'preventedCriminal', 'preventedPetition'] },
        { title: '结案', titleEn: 'Closing', fields: ['closedOn', 'result', 'agreementForm', 'performance'] },
        { title: '回访', titleEn: 'Follow-up', fields: ['followUpOn', 'satisfaction'] },
      ],
      printForm: {
        title: '人民调解登记表',
        titleEn: 'Mediation registration form',
        rows: [
          ['caseNo', 'acceptedOn'],
          ['source', 'disputeType'],
          [{ field: 'partyNames', span: 2 }],
          ['partiesCount', 'amount'],
          [{ field: 'summary', span: 2 }],
          ['mediator', 'status'],
          ['result', 'closedOn'],
          ['agreementForm', 'performance'],
          ['followUpOn', 'satisfaction'],
        ],
      },
      // 《人民调解工作若干规定》第三十四条: a committee settles a dispute within one month of 受理 as a rule
      // (longer only when the parties agree); the kind keeps no extension, so the limit reads 30 days.
      attention: [{ id: 'past-limit', label: '受理超过30日未结案', labelEn: 'Open over 30 days', when: [{ field: 'acceptedOn', olderThanDays: 30 }, { field: 'status', in: ['accepted', 'mediating'] }] }],
      // 回访 is the workflow's last step: a closed case without it is work left.
      todos: [{ id: 'follow-up', label: '待回访', labelEn: 'Awaiting follow-up', when: [{ field: 'status', in: ['closed'] }], severity: 'info' }],
      attachments: [{ id: 'agreement', label: '调解协议书', labelEn: 'Mediation agreement', accept: '.pdf,.jpg,.jpeg,.png,.doc,.docx', maxBytes: 20 * 1024 * 1024 }],
    },
  ],
  dashboard: [
    { type: 'indicator-card', indicator: 'mediation.successful_cases', compare: true },
    { type: 'indicator-card', indicator: 'mediation.successful_parties', compare: true },
    { type: 'indicator-card', indicator: 'mediation.successful_amount', compare: true },
    { type: 'indicator-card', indicator: 'mediation.success_rate', compare: true },
    { type: 'monthly-trend', indicator: 'mediation.successful_cases', title: '每月成功调处矛盾纠纷', titleEn: 'Disputes resolved by month', chart: 'bar' },
  ],
  indicatorGroups: [
    {
      id: 'mediation',
      label: '人民调解',
      labelEn: 'Mediation',
      indicators: ['mediation.accepted_cases', 'mediation.successful_cases', 'mediation.successful_parties', 'mediation.successful_amount', 'mediation.success_rate', 'mediation.prevented_criminal'],
    },
  ],
});
