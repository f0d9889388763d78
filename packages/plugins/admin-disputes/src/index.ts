import { adminDisputes, courtHearings } from '@fazhi/domain';
import { definePlugin, documentFiles, pluginApiVersion } from '@fazhi/plugin-sdk';

/**
 * 行政争议 (administrative disputes): the street's 行政处理决定, 行政复议 and 诉讼 cases by stage and
 * result (立案 → 审理 → 决定/判决 → 结案, the kind's workflow, enforced by the database), and the
 * court hearings with the agency head's attendance (负责人出庭应诉). Declarations only.
 */
export default definePlugin({
  id: 'admin-disputes',
  apiVersion: pluginApiVersion,
  label: '行政争议',
  labelEn: 'Administrative disputes',
  area: 'admin_disputes',
  order: 70,
  menuGroup: '矛盾化解',
  menuGroupEn: 'Dispute resolution',
  resources: [
    {
      kind: adminDisputes,
      listColumns: ['caseNo', 'kind', 'cause', 'ourRole', 'filedOn', 'stage', 'result', 'decidedOn'],
      listFilters: [
        { type: 'period' },
        { type: 'org' },
        { field: 'kind' },
        { field: 'ourRole' },
        { field: 'stage' },
        { field: 'result' },
        { type: 'text', fields: ['caseNo', 'cause'] },
      ],
      defaultSort: { field: 'filedOn', order: 'desc' },
      formSections: [
        { title: '立案', titleEn: 'Filing', fields: ['caseNo', 'kind', 'cause', 'ourRole', 'filedOn', 'stage'] },
        { title: '相对人', titleEn: 'Counterparty', fields: ['counterpart'], personal: true },
        { title: '决定/判决', titleEn: 'Decision or judgment', fields: ['result', 'decidedOn'] },
      ],
      board: { groupBy: 'stage', cardFields: ['kind', 'filedOn'] },
      printForm: {
        title: '行政争议案件登记表',
        titleEn: 'Administrative dispute registration form',
        rows: [['caseNo', 'filedOn'], ['kind', 'ourRole'], [{ field: 'cause', span: 2 }], [{ field: 'counterpart', span: 2 }], ['stage', 'result'], ['decidedOn']],
      },
      attachments: [
        { id: 'filing', label: '起诉状/复议申请书', labelEn: 'Complaint or reconsideration application', accept: documentFiles },
        { id: 'defence', label: '答辩材料', labelEn: 'Defence documents', accept: documentFiles },
        { id: 'decision', label: '决定书/判决书', labelEn: 'Decision or judgment document', accept: documentFiles },
      ],
    },
    {
      kind: courtHearings,
      listColumns: ['caseNo', 'court', 'heldOn', 'headAppearanceRequired', 'headAppeared', 'appearedBy'],
      listFilters: [{ type: 'period' }, { type: 'org' }, { field: 'headAppearanceRequired' }, { field: 'headAppeared' }, { type: 'text', fields: ['caseNo', 'court', 'appearedBy'] }],
      defaultSort: { field: 'heldOn', order: 'desc' },
      formSections: [
        { title: '庭审', titleEn: 'Hearing', fields: ['caseNo', 'disputeId', 'court', 'heldOn'] },
        { title: '负责人出庭', titleEn: 'Head in court', fields: ['headAppearanceRequired', 'headAppeared', 'appearedBy'] },
      ],
      // A hearing that needed the head and went without: what the 出庭应诉率 counts against.
      attention: [
        {
          id: 'head-absent',
          label: '负责人未出庭',
          labelEn: 'Head absent',
          when: [
            { field: 'headAppearanceRequired', is: true },
            { field: 'headAppeared', is: false },
          ],
        },
      ],
      attachments: [{ id: 'hearing-materials', label: '庭审材料', labelEn: 'Hearing documents', accept: documentFiles }],
    },
  ],
  dashboard: [
    { type: 'indicator-card', indicator: 'admin_disputes.head_appearance_rate', compare: true },
    { type: 'indicator-card', indicator: 'admin_disputes.reconsiderations', compare: true },
    { type: 'indicator-card', indicator: 'admin_disputes.litigations', compare: true },
    { type: 'indicator-card', indicator: 'admin_disputes.handling_decisions', compare: true },
    { type: 'indicator-card', indicator: 'admin_disputes.reconsideration_correction_rate', compare: true },
    { type: 'indicator-card', indicator: 'admin_disputes.litigation_loss_rate', compare: true },
    { type: 'monthly-trend', indicator: 'admin_disputes.lawsuits', title: '每月涉诉案件', titleEn: 'Lawsuits by month', chart: 'bar' },
  ],
  indicatorGroups: [
    {
      id: 'admin-disputes',
      label: '行政争议',
      labelEn: 'Administrative disputes',
      indicators: [
        'admin_disputes.handling_decisions',
        'admin_disputes.reconsiderations',
        'admin_disputes.litigations',
        'admin_disputes.lawsuits',
        'admin_disputes.litigation_settlement_rate',
        'admin_disputes.head_appearance_rate',
        'admin_disputes.reconsideration_correction_rate',
        'admin_disputes.litigation_loss_rate',
      ],
    },
  ],
});
