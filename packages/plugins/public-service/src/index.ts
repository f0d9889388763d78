import { serviceItems, hotlineTickets, supervisionRounds, coordinationEvents, serviceCases, disclosureRequests, dutyItems } from '@fazhi/domain';
import { definePlugin, pluginApiVersion } from '@fazhi/plugin-sdk';

/**
 * 政务服务: the console pages of this work area. Start from the generic pages (list, forms,
 * detail) that the record kinds' field metadata drives; add list filters, form sections, a
 * workflow, attachment slots and dashboard widgets as the clerks need them (docs/plugins.md).
 */
export default definePlugin({
  id: 'public-service',
  apiVersion: pluginApiVersion,
  label: '政务服务',
  area: 'public_service',
  resources: [
    { kind: serviceItems },
    { kind: hotlineTickets },
    { kind: supervisionRounds },
    { kind: coordinationEvents },
    { kind: serviceCases },
    { kind: disclosureRequests },
    { kind: dutyItems },
  ],
});
