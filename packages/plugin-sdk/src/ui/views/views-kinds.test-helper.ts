import type { DataProvider, GetListParams } from '@refinedev/core';
import { recordRow, type Database } from '@fazhi/db';
import { defineRecordKind, type RecordKind } from '@fazhi/domain';
import { definePlugin } from '../../define-plugin.js';
import { pluginApiVersion } from '../../plugin.js';

/**
 * Kinds no fazhi package ships, in a work area of their own, for the declared views: tasks with a
 * deadline and a rating (board, overdue and unrated highlighting), and a staff roster whose yearly
 * training hours come from a related kind (the threshold column).
 */
export const pointTasks = defineRecordKind({
  id: 'point_tasks',
  label: '服务点任务',
  area: 'service_points',
  measureWord: '项',
  periodField: 'assignedOn',
  titleField: 'taskNo',
  fields: [
    { key: 'taskNo', label: '任务编号', type: 'text', required: true, listed: true },
    { key: 'ownerDept', label: '责任部门', type: 'text', listed: true },
    { key: 'assignedOn', label: '交办日期', type: 'date', required: true, listed: true },
    { key: 'deadline', label: '完成期限', type: 'date', listed: true },
    { key: 'urgent', label: '加急', type: 'boolean' },
    {
      key: 'stage',
      label: '进度',
      type: 'enum',
      required: true,
      listed: true,
      options: [
        { value: 'open', label: '待办' },
        { value: 'doing', label: '办理中' },
        { value: 'done', label: '已办结' },
      ],
    },
    {
      key: 'rating',
      label: '评价',
      type: 'enum',
      listed: true,
      options: [
        { value: 'good', label: '满意' },
        { value: 'bad', label: '不满意' },
      ],
    },
  ],
});

export const pointStaff = defineRecordKind({
  id: 'point_staff',
  label: '服务点人员',
  area: 'service_points',
  measureWord: '名',
  periodField: 'since',
  titleField: 'name',
  fields: [
    { key: 'name', label: '姓名', type: 'text', required: true, listed: true },
    { key: 'since', label: '上岗日期', type: 'date', required: true, listed: true },
  ],
});

export const pointTrainings = defineRecordKind({
  id: 'point_trainings',
  label: '服务点培训',
  area: 'service_points',
  measureWord: '次',
  periodField: 'trainedOn',
  titleField: 'course',
  fields: [
    { key: 'staffId', label: '人员', type: 'ref', target: 'point_staff', required: true, listed: true },
    { key: 'course', label: '课程', type: 'text', required: true, listed: true },
    { key: 'trainedOn', label: '培训日期', type: 'date', required: true, listed: true },
    { key: 'hours', label: '学时', type: 'integer', required: true, listed: true },
  ],
});

export const viewsPlugin = definePlugin({
  id: 'service-points',
  apiVersion: pluginApiVersion,
  label: '服务点',
  area: 'service_points',
  menuGroup: '公共法律服务',
  areas: [{ id: 'service_points', label: '服务点', labelEn: 'Service points' }],
  resources: [
    {
      kind: pointTasks,
      listColumns: ['taskNo', 'ownerDept', 'deadline', 'stage', 'rating'],
      listFilters: [{ field: 'stage' }],
      defaultSort: { field: 'taskNo', order: 'asc' },
      workflow: { field: 'stage', initial: 'open', transitions: [{ from: ['open'], to: 'doing', label: '开始办理' }, { from: ['doing'], to: 'done', label: '办结' }] },
      deadline: { field: 'deadline', doneWhen: ['done'] },
      attention: [{ id: 'unrated', label: '未评价', when: [{ field: 'stage', in: ['done'] }, { field: 'rating', empty: true }] }],
      board: { groupBy: 'stage', cardFields: ['ownerDept', 'deadline'] },
    },
    {
      kind: pointStaff,
      listColumns: ['name', 'since'],
      listFilters: [{ type: 'text', fields: ['name'] }],
      defaultSort: { field: 'name', order: 'asc' },
      relatedSums: [{ id: 'training-hours', label: '年度培训学时', kind: 'point_trainings', via: 'staffId', sum: 'hours', threshold: 60, unit: '学时' }],
    },
    { kind: pointTrainings },
  ],
});

/** Writes records of one kind into a unit as plain rows (the fixtures of the views and list tests). */
export async function insertRecords(db: Database, kind: RecordKind, orgId: string, records: readonly Record<string, unknown>[]): Promise<void> {
  for (const r of records) {
    const row = recordRow(kind, { ...r, orgId } as never);
    const cols = Object.keys(row);
    await db.query(`insert into public.${kind.id} (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row));
  }
}

/**
 * A data provider wrapper for `renderPlugin` that notes every list query (as `describe` words it;
 * `undefined` leaves one out), so a test can count what a page, sort or filter change asked for.
 */
export function recordListQueries(describe: (params: GetListParams) => string | undefined = (params) => params.resource) {
  const calls: string[] = [];
  const wrapDataProvider = (p: Required<DataProvider>): DataProvider => ({
    ...p,
    getList: (params) => {
      const call = describe(params);
      if (call !== undefined) calls.push(call);
      return p.getList(params);
    },
  });
  return { calls, wrapDataProvider };
}
