import type { OrgUnit } from '@fazhi/domain';

export interface OrgTreeNode {
  value: string;
  title: string;
  disabled?: boolean;
  children?: OrgTreeNode[];
}

/**
 * The user's readable org units as antd TreeSelect data. Units whose parent the user cannot see
 * become roots; `selectable` greys out the others (a clerk may read a unit but not write there).
 */
export function orgTreeData(orgs: readonly OrgUnit[], selectable?: ReadonlySet<string>): OrgTreeNode[] {
  const ids = new Set(orgs.map((o) => o.id));
  const nodes = new Map<string, OrgTreeNode>(orgs.map((o) => [o.id, { value: o.id, title: o.shortName || o.name, ...(selectable && !selectable.has(o.id) ? { disabled: true } : {}) }]));
  const roots: OrgTreeNode[] = [];
  for (const o of orgs) {
    const node = nodes.get(o.id)!;
    if (o.parentId && ids.has(o.parentId)) (nodes.get(o.parentId)!.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** A unit and everything below it, among the units the user can see. */
export function subtreeOf(orgs: readonly OrgUnit[], id: string): string[] {
  const children = new Map<string, string[]>();
  for (const o of orgs) if (o.parentId) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
  const out: string[] = [];
  const stack = [id];
  while (stack.length) {
    const cur = stack.pop()!;
    out.push(cur);
    stack.push(...(children.get(cur) ?? []));
  }
  return out;
}

export function orgName(orgs: readonly OrgUnit[], id: unknown): string | null {
  const o = orgs.find((x) => x.id === id);
  return o ? o.shortName || o.name : typeof id === 'string' ? id : null;
}
