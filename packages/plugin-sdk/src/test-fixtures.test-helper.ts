import { mediationCases, type OrgUnit } from '@fazhi/domain';
import { definePlugin } from './define-plugin.js';
import { pluginApiVersion, type WorkAreaPlugin } from './plugin.js';
import type { ConsoleUser } from './services.js';

export const orgs: OrgUnit[] = [
  { id: 'd', parentId: null, kind: 'district', name: '南沙区' },
  { id: 's', parentId: 'd', kind: 'street', name: '南沙街道' },
  { id: 'c', parentId: 's', kind: 'community', name: '蕉门社区' },
  { id: 'm', parentId: 'c', kind: 'mediation_committee', name: '蕉门社区调委会' },
  { id: 't', parentId: 'd', kind: 'street', name: '另一街道' },
];

export const userWith = (memberships: ConsoleUser['memberships']): ConsoleUser => ({ id: 'u', name: '测试', memberships, orgs });

export const samplePlugin = (over: Partial<WorkAreaPlugin> = {}): WorkAreaPlugin =>
  definePlugin({
    id: 'mediation',
    apiVersion: pluginApiVersion,
    label: '人民调解',
    area: 'mediation',
    resources: [
      {
        kind: mediationCases,
        listFilters: [{ type: 'period' }, { type: 'org' }, { field: 'result' }, { field: 'status', operator: 'eq' }, { field: 'closedOn' }, { field: 'amount' }, { field: 'preventedCriminal' }, { type: 'text', fields: ['caseNo', 'summary'] }],
        attachments: [{ id: 'agreement', label: '调解协议书' }],
      },
    ],
    dashboard: [{ type: 'indicator-card', indicator: 'mediation.successful_cases' }],
    ...over,
  });
