import type { RecordHistoryEntry, RecordStep } from '@fazhi/domain';
import { badRequest } from './http-error.js';
import type { KindTable } from './kind-table.js';

/**
 * Workflow steps through Refine's `custom` (useCustomMutation / useCustom), for both providers;
 * the database does the work (`public.take_step`, `public.undo_step`, `public.record_steps`,
 * migration 20261205010000_workflow_steps.sql):
 *
 * - `{ url: 'take-step', method: 'post', payload: { resource, id, to, values?, version } }`: one
 *   step with the fields it asks for (camelCase); answers the record as it is afterwards.
 * - `{ url: 'undo-step', method: 'post', payload: { resource, id, reason } }`: a street admin takes
 *   back the last step; answers the record.
 * - `{ url: 'record-steps', method: 'get', query: { resource, id } }`: the record's steps, oldest first.
 * - `{ url: 'record-history', method: 'get', query: { resource, id } }`: the record's 操作日志
 *   (`public.record_history`, migration 20261205020800_record_history.sql), oldest first, each
 *   change keyed by field (camelCase), personal values masked by the database for the caller.
 */
export type WorkflowAction =
  | { type: 'take-step'; resource: string; id: string; to: string; values: Record<string, unknown>; version: number }
  | { type: 'undo-step'; resource: string; id: string; reason: string }
  | { type: 'record-steps'; resource: string; id: string }
  | { type: 'record-history'; resource: string; id: string };

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** The workflow action a custom call asks for; undefined when it is not one. Malformed ones are refused in Chinese. */
export function workflowAction(url: string, method: string, payload: unknown, query: unknown): WorkflowAction | undefined {
  if (url !== 'take-step' && url !== 'undo-step' && url !== 'record-steps' && url !== 'record-history') return undefined;
  const reads = url === 'record-steps' || url === 'record-history';
  if (method !== (reads ? 'get' : 'post')) throw badRequest(`不支持的操作“${method} ${url}”`);
  const body = ((reads ? (query ?? payload) : payload) ?? {}) as Record<string, unknown>;
  const resource = text(body.resource);
  const id = typeof body.id === 'number' ? String(body.id) : text(body.id);
  if (!resource || !id) throw badRequest('流程操作需要指明记录类型和编号');
  if (url === 'record-steps' || url === 'record-history') return { type: url, resource, id };
  if (url === 'undo-step') {
    const reason = text(typeof body.reason === 'string' ? body.reason.trim() : undefined);
    if (!reason) throw badRequest('撤销流程步骤须填写理由', { reason: ['撤销流程步骤须填写理由'] });
    return { type: url, resource, id, reason };
  }
  const to = text(body.to);
  if (!to) throw badRequest('流程步骤需要指明目标状态');
  const values = body.values ?? {};
  if (typeof values !== 'object' || values === null || Array.isArray(values)) throw badRequest('流程步骤的填写内容应为一条记录');
  const version = body.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw badRequest('缺少版本号，请刷新后重试', { version: ['缺少版本号，请刷新后重试'] });
  return { type: url, resource, id, to, values: values as Record<string, unknown>, version };
}

/** A `public.record_steps` row (snake_case, from SQL or PostgREST) as a `RecordStep`. */
export function recordStepFromRow(row: Record<string, unknown>): RecordStep {
  const time = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? null : String(v));
  return {
    id: Number(row.id),
    fromState: String(row.from_state),
    toState: String(row.to_state),
    label: String(row.label),
    takenBy: (row.taken_by as string | null) ?? null,
    takenAt: time(row.taken_at)!,
    undoneBy: (row.undone_by as string | null) ?? null,
    undoneAt: time(row.undone_at),
    undoReason: (row.undo_reason as string | null) ?? null,
  };
}

export const recordStepColumns = 'id, from_state, to_state, label, taken_by, taken_at, undone_by, undone_at, undo_reason';

/** A column of the kind's table → its record key (`party_names` → `partyNames`); unknown ones stay as they are. */
export function columnKeyOf(t: KindTable): (column: string) => string {
  const keys = new Map(t.list.map((c) => [c.column, c.key]));
  return (column) => keys.get(column) ?? column;
}

/** A `public.record_history` row as a `RecordHistoryEntry`; `keyOf` maps a column to its record key. */
export function recordHistoryFromRow(row: Record<string, unknown>, keyOf: (column: string) => string): RecordHistoryEntry {
  const at = row.at instanceof Date ? row.at.toISOString() : String(row.at);
  const changes = (typeof row.changes === 'string' ? JSON.parse(row.changes) : (row.changes ?? [])) as { column: string; before: unknown; after: unknown }[];
  return {
    id: Number(row.id),
    at,
    actor: (row.actor as string | null) ?? null,
    actorName: (row.actor_name as string | null) ?? null,
    operation: row.operation as RecordHistoryEntry['operation'],
    step: (row.step as string | null) ?? null,
    changes: changes.map((c) => ({ field: keyOf(c.column), before: c.before, after: c.after })),
  };
}
