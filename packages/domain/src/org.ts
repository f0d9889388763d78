import { intersectSpans, type LedgerSpan } from './ledger-span.js';

/**
 * Organisation units form a tree: district 区 → street 街道 or town 镇 → community 社区 or village
 * 村 / mediation committee 调委会 / department 部门. Records belong to one unit; figures roll up over
 * a unit's subtree. A town is the rural peer of a street (the level that reports and has staff);
 * a village the rural peer of a community.
 */
export const orgUnitKinds = [
  { id: 'district', label: '区' },
  { id: 'street', label: '街道' },
  { id: 'town', label: '镇' },
  { id: 'community', label: '社区' },
  { id: 'village', label: '村' },
  { id: 'mediation_committee', label: '人民调解委员会' },
  { id: 'department', label: '部门' },
] as const;

export type OrgUnitKind = (typeof orgUnitKinds)[number]['id'];

/** The kinds that keep their own ledgers and write an annual report: streets and towns. */
export const streetLevelKinds: readonly OrgUnitKind[] = ['street', 'town'];

export function isStreetLevel(kind: OrgUnitKind): boolean {
  return streetLevelKinds.includes(kind);
}

export interface OrgUnit {
  id: string;
  parentId: string | null;
  kind: OrgUnitKind;
  name: string;
  /** Official short name used in running text, e.g. 南沙街道 for 广州市南沙区南沙街道办事处. */
  shortName?: string | null;
  /** 机构编号, where the database keeps one: the CLI's `--org` takes it beside id and names. */
  code?: string | null;
  /** The days this unit's ledgers cover (建账起止); absent or null: as its parent's. */
  ledgerSpan?: LedgerSpan | null;
}

/**
 * Which kinds may sit below which: keeps imported trees plausible. The database's
 * private.check_org_unit holds the same table (migration 20261205000300).
 */
export const allowedParents: Record<OrgUnitKind, readonly (OrgUnitKind | null)[]> = {
  district: [null],
  street: ['district', null],
  town: ['district', null],
  community: ['street', 'town'],
  // Villages sit under towns and under the streets that still have farmland (涉农街道).
  village: ['town', 'street'],
  mediation_committee: ['street', 'town', 'community', 'village'],
  department: ['street', 'town', 'district'],
};

export class OrgTree {
  readonly units: ReadonlyMap<string, OrgUnit>;
  private readonly children = new Map<string, OrgUnit[]>();

  /** Throws a Chinese message listing every problem (unknown parent, cycle, misplaced kind). */
  constructor(units: readonly OrgUnit[]) {
    const problems: string[] = [];
    const byId = new Map<string, OrgUnit>();
    for (const u of units) {
      if (byId.has(u.id)) problems.push(`机构编号“${u.id}”重复`);
      byId.set(u.id, u);
    }
    for (const u of units) {
      if (u.parentId !== null && !byId.has(u.parentId)) {
        problems.push(`机构“${u.name}”（${u.id}）的上级“${u.parentId}”不存在`);
        continue;
      }
      const parentKind = u.parentId === null ? null : byId.get(u.parentId)!.kind;
      if (!allowedParents[u.kind]?.includes(parentKind)) {
        problems.push(`机构“${u.name}”（${u.id}）的类型不能位于${parentKind ? `“${orgKindLabel(parentKind)}”之下` : '最上级'}`);
      }
      if (u.parentId !== null) {
        const list = this.children.get(u.parentId) ?? [];
        list.push(u);
        this.children.set(u.parentId, list);
      }
    }
    for (const u of units) {
      const seen = new Set<string>();
      for (let cur: OrgUnit | undefined = u; cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined) {
        if (seen.has(cur.id)) {
          problems.push(`机构“${u.name}”（${u.id}）的上级关系形成了循环`);
          break;
        }
        seen.add(cur.id);
      }
    }
    if (problems.length) throw new Error(`机构树有误：\n${problems.join('\n')}`);
    this.units = byId;
  }

  get(id: string): OrgUnit {
    const u = this.units.get(id);
    if (!u) throw new Error(`机构“${id}”不存在`);
    return u;
  }

  has(id: string): boolean {
    return this.units.has(id);
  }

  /** Units without a parent. */
  roots(): OrgUnit[] {
    return [...this.units.values()].filter((u) => u.parentId === null);
  }

  childrenOf(id: string): readonly OrgUnit[] {
    return this.children.get(id) ?? [];
  }

  /** The unit and everything below it. */
  subtreeIds(id: string): Set<string> {
    this.get(id);
    const out = new Set<string>();
    const stack = [id];
    while (stack.length) {
      const cur = stack.pop()!;
      out.add(cur);
      for (const c of this.childrenOf(cur)) stack.push(c.id);
    }
    return out;
  }

  /** From the unit up to its root, the unit first. */
  ancestors(id: string): OrgUnit[] {
    const out: OrgUnit[] = [];
    for (let cur: OrgUnit | undefined = this.get(id); cur; cur = cur.parentId ? this.units.get(cur.parentId) : undefined) out.push(cur);
    return out;
  }

  /** The nearest unit of the given kind at or above `id` (e.g. the street a committee belongs to). */
  nearest(id: string, kind: OrgUnitKind): OrgUnit | undefined {
    return this.ancestors(id).find((u) => u.kind === kind);
  }

  /** The street or town a unit belongs to (itself if it is one); undefined above that level. */
  streetLevelOf(id: string): OrgUnit | undefined {
    return this.ancestors(id).find((u) => isStreetLevel(u.kind));
  }

  /**
   * The days for which figures of `id`'s subtree are complete: each unit counts with its own span
   * or, without one, its nearest ancestor's; the subtree covers the days all of them cover. Null
   * when no unit in the subtree or above it declares a span (nothing is known, nothing excluded).
   * The database computes the same in `public.ledger_span`.
   */
  ledgerSpan(id: string): LedgerSpan | null {
    const inherited = (unitId: string) => this.ancestors(unitId).find((u) => u.ledgerSpan)?.ledgerSpan ?? null;
    return intersectSpans([...this.subtreeIds(id)].map(inherited));
  }

  displayName(id: string): string {
    const u = this.get(id);
    return u.shortName || u.name;
  }
}

export function orgKindLabel(kind: OrgUnitKind): string {
  return orgUnitKinds.find((k) => k.id === kind)?.label ?? kind;
}
