import { adminDisputes, courtHearings } from '@fazhi/domain';
import { definePlugin, pluginApiVersion } from '@fazhi/plugin-sdk';

/**
 * 行政争议: the console pages of this work area. Start from the generic pages (list, forms,
 * detail) that the record kinds' field metadata drives; add list filters, form sections, a
 * workflow, attachment slots and dashboard widgets as the clerks need them (docs/plugins.md).
 */
export default definePlugin({
  id: 'admin-disputes',
  apiVersion: pluginApiVersion,
  label: '行政争议',
  area: 'admin_disputes',
  resources: [
    { kind: adminDisputes },
    { kind: courtHearings },
  ],
});
