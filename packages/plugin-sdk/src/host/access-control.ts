import type { AccessControlProvider, CanParams, CanResponse } from '@refinedev/core';
import type { ConsoleUser, Membership } from '../services.js';

/**
 * The console's view of the grants in `docs/database.md` ("Roles"). It only decides what to SHOW:
 * the database enforces the same rules with RLS, so a wrong answer here hides a button or gets a
 * 403, never leaks data.
 */
/** `administer`: a street admin's own acts (undoing a workflow step), as `private.administered_org_ids()`. */
export type Right = 'read' | 'write' | 'personal' | 'administer';

function ancestorsOf(user: ConsoleUser, orgId: string): Set<string> {
  const byId = new Map(user.orgs.map((o) => [o.id, o]));
  const out = new Set<string>();
  for (let cur = byId.get(orgId); cur && !out.has(cur.id); cur = cur.parentId ? byId.get(cur.parentId) : undefined) out.add(cur.id);
  if (!out.size) out.add(orgId);
  return out;
}

function grants(m: Membership, right: Right, area: string): boolean {
  const read = m.role === 'supervisor' || m.role === 'admin' || m.role === 'viewer' || (m.role === 'clerk' && m.areas.includes(area));
  if (right === 'read') return read;
  if (right === 'personal') return read && m.personalData;
  if (right === 'administer') return m.role === 'admin';
  return m.role === 'admin' || (m.role === 'clerk' && m.areas.includes(area));
}

/** Whether `user` has `right` in `area`, anywhere (no `orgId`) or on a record of `orgId`. */
export function hasRight(user: ConsoleUser, right: Right, area: string, orgId?: string | null): boolean {
  const up = orgId ? ancestorsOf(user, orgId) : undefined;
  return user.memberships.some((m) => grants(m, right, area) && (!up || up.has(m.orgId)));
}

/** Org units where the user may write in `area` (each with its subtree), for the form's org picker. */
export function writableOrgIds(user: ConsoleUser, area: string): Set<string> {
  return new Set(user.orgs.filter((o) => hasRight(user, 'write', area, o.id)).map((o) => o.id));
}

const writeActions = new Set(['create', 'edit', 'delete', 'clone', 'restore', 'upload', 'workflow']);

/** Refine action → right. `personal` asks whether personal fields are shown unmasked. */
export function rightOfAction(action: string): Right {
  if (action === 'personal') return 'personal';
  return writeActions.has(action) ? 'write' : 'read';
}

export interface AccessParams {
  /** The work area of the resource: Refine resource meta `area`, as `refineResources` sets it. */
  area?: string;
  /** The record's org, for record-level checks (row buttons). */
  orgId?: string | null;
}

/**
 * A Refine `accessControlProvider` for the signed-in user. `can({ resource, action, params })`
 * reads the area from the resource's meta (plugins declare it once) and, when given, the record's
 * org from `params.orgId` or `params.record.orgId`. The menu asks it for every entry, so a clerk's
 * menu holds only the areas (and groups of areas) the clerk may read, as RLS decides.
 */
export function createAccessControl(user: ConsoleUser, areaOf: (resource: string) => string | undefined = () => undefined): AccessControlProvider {
  return {
    can: async ({ resource, action, params }: CanParams): Promise<CanResponse> => {
      const p = (params ?? {}) as { resource?: { meta?: { area?: string; areas?: string[] } }; orgId?: string | null; record?: { orgId?: string } };
      // A menu group (`MenuGroupMeta`): shown to whoever reads one of its plugins' areas.
      const areas = p.resource?.meta?.areas;
      if (areas) return areas.some((a) => hasRight(user, 'read', a)) ? { can: true } : { can: false, reason: '没有权限' };
      const area = p.resource?.meta?.area ?? (resource ? areaOf(resource) : undefined);
      if (!area) return { can: true };
      const ok = hasRight(user, rightOfAction(action), area, p.orgId ?? p.record?.orgId);
      return ok ? { can: true } : { can: false, reason: '没有权限' };
    },
    options: { buttons: { enableAccessControl: true, hideIfUnauthorized: true } },
  };
}
