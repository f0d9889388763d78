import type { OrgKind, OrgUnitRow } from '@fazhi/db/browser';
import { allowedParents } from '@fazhi/domain';

/** A unit with the units below it, for antd's tree table. */
export interface OrgTreeRow extends OrgUnitRow {
  children?: OrgTreeRow[];
}

/** The flat list as a tree (roots: units whose parent is not in the list), siblings by name. */
export function orgTreeRows(units: readonly OrgUnitRow[]): OrgTreeRow[] {
  const ids = new Set(units.map((u) => u.id));
  const byParent = new Map<string | null, OrgUnitRow[]>();
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), u]);
  }
  const build = (parent: string | null): OrgTreeRow[] =>
    (byParent.get(parent) ?? [])
      .slice()
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .map((u) => {
        const children = build(u.id);
        return children.length ? { ...u, children } : { ...u };
      });
  return build(null);
}

/** The kinds that may be added below a unit of `parent` kind (the database's parent rules). */
export function kindsBelow(parent: OrgKind): OrgKind[] {
  return (Object.keys(allowedParents) as OrgKind[]).filter((k) => k !== 'district' && allowedParents[k].includes(parent));
}

/** Where a unit may move: not itself nor below it, not retired, and a parent its kind allows. */
export function moveTargets(units: readonly OrgUnitRow[], unit: OrgUnitRow): OrgUnitRow[] {
  const below = new Set<string>([unit.id]);
  for (let size = 0; size !== below.size; ) {
    size = below.size;
    for (const u of units) if (u.parentId && below.has(u.parentId)) below.add(u.id);
  }
  return units.filter((u) => !below.has(u.id) && !u.retiredAt && u.id !== unit.parentId && allowedParents[unit.kind].includes(u.kind));
}
