import { defineRecordKind } from '@fazhi/domain';
import { definePlugin } from './define-plugin.js';
import { pluginApiVersion, type WorkAreaPlugin } from './plugin.js';

/**
 * A record kind no fazhi package ships, in a work area of its own: what a third-party plugin
 * brings. The SDK's generic pages are tested on it, so nothing can lean on built-in declarations.
 */
export const patrols = defineRecordKind({
  id: 'legal_point_patrols',
  label: '法律服务点巡查',
  labelEn: 'Legal service point patrols',
  area: 'legal_points',
  measureWord: '次',
  fields: [
    { key: 'patrolNo', label: '巡查编号', type: 'text', required: true, listed: true },
    { key: 'patrolledOn', label: '巡查日期', type: 'date', required: true, listed: true },
    {
      key: 'state',
      label: '状态',
      type: 'enum',
      required: true,
      listed: true,
      options: [
        { value: 'planned', label: '已安排' },
        { value: 'done', label: '已完成' },
      ],
    },
    { key: 'visitors', label: '接待人数', type: 'integer', listed: true },
    { key: 'finding', label: '巡查发现', type: 'longtext' },
  ],
  periodField: 'patrolledOn',
  titleField: 'patrolNo',
  workflow: { field: 'state', initial: 'planned', transitions: [{ from: ['planned'], to: 'done', label: '完成巡查', requires: ['visitors'] }] },
});

/** A second plugin-only kind whose ref field points at the first: ref inputs must find it in the composed registry. */
export const followUps = defineRecordKind({
  id: 'legal_point_followups',
  label: '巡查整改',
  area: 'legal_points',
  measureWord: '项',
  fields: [
    { key: 'patrol', label: '所属巡查', type: 'ref', target: 'legal_point_patrols', required: true, listed: true },
    { key: 'fixedOn', label: '整改日期', type: 'date', required: true, listed: true },
    { key: 'note', label: '整改说明', type: 'text', required: true, listed: true },
  ],
  periodField: 'fixedOn',
  titleField: 'note',
});

export const patrolPlugin = (over: Partial<WorkAreaPlugin> = {}): WorkAreaPlugin =>
  definePlugin({
    id: 'legal-points',
    apiVersion: pluginApiVersion,
    label: '法律服务点',
    labelEn: 'Legal service points',
    area: 'legal_points',
    areas: [{ id: 'legal_points', label: '法律服务点', labelEn: 'Legal service points' }],
    resources: [
      {
        kind: patrols,
        listColumns: ['patrolNo', 'patrolledOn', 'state', 'visitors'],
        listFilters: [{ type: 'period' }, { type: 'org' }, { field: 'state' }, { type: 'text', fields: ['patrolNo', 'finding'] }],
        defaultSort: { field: 'patrolledOn', order: 'desc' },
        formSections: [
          { title: '巡查', fields: ['patrolNo', 'patrolledOn', 'state'] },
          { title: '情况', fields: ['visitors', 'finding'] },
        ],
        attachments: [{ id: 'photos', label: '巡查照片', accept: '.jpg,.png,.pdf' }],
      },
      { kind: followUps },
    ],
    catalog: {
      measures: [
        { id: 'legal_points.patrols', label: '巡查次数', description: '巡查日期在期间内的巡查记录数', kind: 'legal_point_patrols', aggregation: { type: 'count' }, filters: [], period: { type: 'within', field: 'patrolledOn' }, valueType: 'count', unit: '次' },
      ],
      indicators: [
        { id: 'legal_points.patrols', label: '法律服务点巡查次数', area: 'legal_points', description: '巡查日期在期间内的巡查次数', numerator: 'legal_points.patrols', factor: 1, unit: '次', valueType: 'count', decimals: 0 },
      ],
    },
    dashboard: [{ type: 'indicator-card', indicator: 'legal_points.patrols' }],
    indicatorGroups: [{ id: 'legal-points', label: '法律服务点', indicators: ['legal_points.patrols'] }],
    ...over,
  });
