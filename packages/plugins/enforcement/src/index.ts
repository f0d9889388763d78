import { enforcementActions, enforcementOfficers, officerTrainings, auxiliaryStaff, certificateExams, specialCampaigns, licences } from '@fazhi/domain';
import { definePlugin, pluginApiVersion } from '@fazhi/plugin-sdk';

/**
 * 行政执法: the console pages of this work area. Start from the generic pages (list, forms,
 * detail) that the record kinds' field metadata drives; add list filters, form sections, a
 * workflow, attachment slots and dashboard widgets as the clerks need them (docs/plugins.md).
 */
export default definePlugin({
  id: 'enforcement',
  apiVersion: pluginApiVersion,
  label: '行政执法',
  area: 'enforcement',
  resources: [
    { kind: enforcementActions },
    { kind: enforcementOfficers },
    { kind: officerTrainings },
    { kind: auxiliaryStaff },
    { kind: certificateExams },
    { kind: specialCampaigns },
    { kind: licences },
  ],
});
