import { badRequest } from './http-error.js';
import { metaOf, versionOf } from './types.js';

/**
 * Undoing a soft delete through Refine's `custom` (useCustomMutation):
 * `{ url: 'restore', method: 'post', payload: { resource, id, version? } }`, or the REST-style
 * `{ url: '<resource>/<id>/restore', method: 'post', payload: { version? } }`.
 * (`update` with `meta.restore: true` does the same while saving changes.)
 */
export interface RestoreTarget {
  resource: string;
  id: string;
  version?: number;
}

export function restoreTarget(url: string, method: string, payload: unknown, meta: unknown): RestoreTarget {
  const body = (payload ?? {}) as { resource?: unknown; id?: unknown };
  const path = /^\/?([a-z][a-z0-9_]*)\/([^/]+)\/restore$/.exec(url);
  if (method !== 'post' || (url !== 'restore' && !path)) throw badRequest(`不支持的操作“${method} ${url}”`);
  const resource = path?.[1] ?? body.resource;
  const id = path?.[2] ?? body.id;
  if (typeof resource !== 'string' || (typeof id !== 'string' && typeof id !== 'number')) throw badRequest('恢复记录需要指明记录类型和编号');
  const version = versionOf(payload, metaOf(meta), false);
  return { resource, id: String(id), ...(version === undefined ? {} : { version }) };
}
