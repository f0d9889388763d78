import { studySessions, lawExams, honours, lawWorkMeetings, internalRules, legislativeFeedback } from '@fazhi/domain';
import { definePlugin, pluginApiVersion } from '@fazhi/plugin-sdk';

/**
 * 党政主要负责人履职: the console pages of this work area. Start from the generic pages (list, forms,
 * detail) that the record kinds' field metadata drives; add list filters, form sections, a
 * workflow, attachment slots and dashboard widgets as the clerks need them (docs/plugins.md).
 */
export default definePlugin({
  id: 'leadership',
  apiVersion: pluginApiVersion,
  label: '党政主要负责人履职',
  area: 'leadership',
  resources: [
    { kind: studySessions },
    { kind: lawExams },
    { kind: honours },
    { kind: lawWorkMeetings },
    { kind: internalRules },
    { kind: legislativeFeedback },
  ],
});
