import type { AnyRecord, OrgTree, OrgUnit, RecordKindRegistry } from '@fazhi/domain';
import { randomUUID } from 'node:crypto';

export interface SyntheticDistrict {
  districtId: string;
  /** The street subtrees, the seed's own street first. */
  streetIds: string[];
  units: OrgUnit[];
  records: Map<string, AnyRecord[]>;
}

/**
 * A district of `streets` streets: the seed street's subtree and records cloned with fresh uuids
 * per street (org ids and `ref` fields remapped within each clone, dates kept), so every street
 * has the seed's figures and the district `streets` times them. Records outside the street (the
 * district bureau's) are kept once.
 */
export function syntheticDistrict(
  seed: { orgs: OrgTree; rootOrgId: string; records: ReadonlyMap<string, readonly AnyRecord[]> },
  registry: RecordKindRegistry,
  streets: number,
): SyntheticDistrict {
  const street = seed.orgs.get(seed.rootOrgId);
  const district = seed.orgs.ancestors(street.id).at(-1)!;
  const inStreet = seed.orgs.subtreeIds(street.id);
  const outside = [...seed.orgs.units.values()].filter((u) => !inStreet.has(u.id));

  const units: OrgUnit[] = [...outside];
  const records = new Map<string, AnyRecord[]>();
  for (const [kind, rows] of seed.records) records.set(kind, rows.filter((r) => !inStreet.has(r.orgId)));
  const refFields = new Map(registry.list().map((k) => [k.id, k.fields.filter((f) => f.type === 'ref').map((f) => f.key)]));
  const streetIds: string[] = [];

  for (let s = 0; s < streets; s++) {
    // Fresh ids for everything of this clone, so refs stay inside it (the seed's ids for s = 0).
    const ids = new Map<string, string>();
    const id = (old: string) => {
      if (s === 0) return old;
      let n = ids.get(old);
      if (!n) ids.set(old, (n = randomUUID()));
      return n;
    };
    for (const unitId of inStreet) {
      const u = seed.orgs.get(unitId);
      const name = s === 0 ? u.name : `${u.name}（${s + 1}）`;
      units.push({ ...u, id: id(u.id), parentId: u.id === street.id ? u.parentId : id(u.parentId!), name, shortName: u.shortName ? `${u.shortName}${s === 0 ? '' : s + 1}` : null });
    }
    streetIds.push(id(street.id));
    for (const [kind, rows] of seed.records) {
      const out = records.get(kind)!;
      const refs = refFields.get(kind) ?? [];
      for (const r of rows) {
        if (!inStreet.has(r.orgId)) continue;
        const copy: AnyRecord = { ...r, id: id(r.id), orgId: id(r.orgId) };
        for (const key of refs) if (typeof r[key] === 'string') copy[key] = id(r[key] as string);
        out.push(copy);
      }
    }
  }
  return { districtId: district.id, streetIds, units, records };
}

/** Extra hotline tickets (clones of the district's, fresh ids) until the table holds `total` rows. */
export function hotlineTopUp(records: readonly AnyRecord[], total: number): AnyRecord[] {
  const extra: AnyRecord[] = [];
  for (let i = 0; extra.length + records.length < total; i++) {
    const r = records[i % records.length]!;
    extra.push({ ...r, id: randomUUID(), ticketNo: `${String(r.ticketNo).slice(0, 40)}-${Math.floor(i / records.length) + 1}` });
  }
  return extra;
}
