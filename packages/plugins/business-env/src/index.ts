import { businessEnvProjects, foreignNationalServices } from '@fazhi/domain';
import { definePlugin, pluginApiVersion } from '@fazhi/plugin-sdk';

/**
 * 法治化营商环境: the console pages of this work area. Start from the generic pages (list, forms,
 * detail) that the record kinds' field metadata drives; add list filters, form sections, a
 * workflow, attachment slots and dashboard widgets as the clerks need them (docs/plugins.md).
 */
export default definePlugin({
  id: 'business-env',
  apiVersion: pluginApiVersion,
  label: '法治化营商环境',
  area: 'business_env',
  resources: [
    { kind: businessEnvProjects },
    { kind: foreignNationalServices },
  ],
});
