import { orgAttributes } from '@fazhi/domain';
import { definePlugin, pluginApiVersion } from '@fazhi/plugin-sdk';

/**
 * 机构概况: the console pages of this work area. Start from the generic pages (list, forms,
 * detail) that the record kinds' field metadata drives; add list filters, form sections, a
 * workflow, attachment slots and dashboard widgets as the clerks need them (docs/plugins.md).
 */
export default definePlugin({
  id: 'organisation',
  apiVersion: pluginApiVersion,
  label: '机构概况',
  area: 'organisation',
  resources: [
    { kind: orgAttributes },
  ],
});
