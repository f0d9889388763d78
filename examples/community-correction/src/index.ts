import { definePlugin, pluginApiVersion } from '@fazhi/plugin-sdk';
import { communityCorrectionCatalog } from './catalog.js';
import { communityCorrectionArea, correctionSubjects, correctionVisits } from './kinds.js';
import { communityCorrectionReportSection } from './report-section.js';

export { communityCorrectionCatalog } from './catalog.js';
export { communityCorrectionArea, communityCorrectionKinds, correctionSubjects, correctionVisits } from './kinds.js';
export { communityCorrectionReportSection } from './report-section.js';

/**
 * 社区矫正 (community correction), a work area fazhi does not ship: the 司法所's register of persons
 * serving sentences in the community and its visits and education records. One value is both the
 * console plugin (resources, dashboard) and the model extension (area, kinds, catalog, report
 * section) the composition step reads; naming it in `fazhi.config.ts` is all a street does.
 */
export default definePlugin({
  id: 'community-correction',
  apiVersion: pluginApiVersion,
  label: communityCorrectionArea.label,
  labelEn: communityCorrectionArea.labelEn,
  area: communityCorrectionArea.id,
  areas: [communityCorrectionArea],
  order: 60,
  resources: [
    {
      kind: correctionSubjects,
      listColumns: ['caseNo', 'name', 'category', 'riskLevel', 'enteredOn', 'termEndsOn', 'status', 'releasedOn'],
      listFilters: [
        { type: 'period' },
        { type: 'org' },
        { field: 'category' },
        { field: 'riskLevel' },
        { field: 'status' },
        { field: 'releasedOn' },
        { type: 'text', fields: ['caseNo', 'crime', 'officer'] },
      ],
      defaultSort: { field: 'enteredOn', order: 'desc' },
      formSections: [
        { title: '基本信息', fields: ['caseNo', 'name', 'idNumber'], personal: true },
        { title: '矫正情况', fields: ['category', 'crime', 'enteredOn', 'termEndsOn', 'riskLevel', 'officer', 'status'] },
        { title: '解除矫正', fields: ['releasedOn', 'releaseReason', 'reoffendedOn'] },
      ],
      attachments: [{ id: 'judgement', label: '判决书或裁定书', accept: '.pdf,.jpg,.jpeg,.png,.ofd', maxBytes: 20 * 1024 * 1024 }],
    },
    {
      kind: correctionVisits,
      listColumns: ['visitNo', 'subjectId', 'visitedOn', 'visitType', 'hours', 'staff'],
      listFilters: [{ type: 'period' }, { type: 'org' }, { field: 'visitType' }, { type: 'text', fields: ['visitNo', 'staff', 'notes'] }],
      defaultSort: { field: 'visitedOn', order: 'desc' },
    },
  ],
  dashboard: [
    { type: 'indicator-card', indicator: 'community_correction.active_subjects', compare: true },
    { type: 'indicator-card', indicator: 'community_correction.new_subjects', compare: true },
    { type: 'indicator-card', indicator: 'community_correction.visits', compare: true },
    { type: 'indicator-card', indicator: 'community_correction.reoffending_rate', compare: true },
    { type: 'monthly-trend', indicator: 'community_correction.visits', title: '每月走访教育', chart: 'bar' },
  ],
  indicatorGroups: [
    {
      id: 'community-correction',
      label: '社区矫正',
      indicators: communityCorrectionCatalog.indicators.map((i) => i.id),
    },
  ],
  catalog: communityCorrectionCatalog,
  reportSections: [communityCorrectionReportSection],
});
