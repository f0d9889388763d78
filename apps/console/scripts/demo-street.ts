import type { Dataset } from '@fazhi/dataset';
import { uuidFor } from '@fazhi/db';
import { OrgTree, type AnyRecord, type OrgUnit, type RecordKindRegistry } from '@fazhi/domain';
import { createHash } from 'node:crypto';

/** The fictional second street of the demo, so a district supervisor has streets to compare. */
export const demoStreetName = { name: '广州市南沙区示范街道办事处（虚构）', shortName: '示范街道' };

/** Deterministic 0–99 per record id: the same demo data on every build. */
const bucket = (id: string) => createHash('sha1').update(id).digest()[0]! % 100;

/**
 * The seed plus a fictional street under the same district: a copy of the seed street's units
 * and records with fresh (deterministic) ids, keeping about `keepPercent` of the records of kinds
 * nothing refers to: its figures differ from the real street's, and the snapshot every browser
 * loads on its first visit stays smaller.
 */
export function withDemoStreet(ds: Dataset, registry: RecordKindRegistry, keepPercent = 40): Pick<Dataset, 'manifest' | 'orgs' | 'records'> {
  const street = ds.orgs.get(ds.manifest.rootOrgId);
  const inStreet = ds.orgs.subtreeIds(street.id);
  // Its records are copies of the seed street's, so its ledgers cover the same days; it says so
  // itself (建账起止), as a street that joined the district's system would.
  const ledgerSpan = ds.orgs.ledgerSpan(street.id);
  if (!ledgerSpan) throw new Error('演示数据：种子数据集没有声明建账起止（dataset.json 的 ledgerSpan）');
  const id = (old: string) => uuidFor(`demo-street:${old}`);
  const units: OrgUnit[] = [...ds.orgs.units.values()];
  for (const unitId of inStreet) {
    const u = ds.orgs.get(unitId);
    const isStreet = u.id === street.id;
    units.push({
      ...u,
      id: id(u.id),
      parentId: isStreet ? u.parentId : id(u.parentId!),
      name: isStreet ? demoStreetName.name : u.name.replace(street.shortName ?? street.name, demoStreetName.shortName),
      shortName: isStreet ? demoStreetName.shortName : (u.shortName ?? null),
      ledgerSpan: isStreet ? ledgerSpan : (u.ledgerSpan ?? null),
    });
  }
  const refKinds = registry.list().filter((k) => k.fields.some((f) => f.type === 'ref'));
  const referenced = new Set(refKinds.flatMap((k) => k.fields.flatMap((f) => (f.type === 'ref' ? [f.target] : []))));
  const records = new Map<string, AnyRecord[]>();
  for (const [kind, rows] of ds.records) {
    const refs = registry.get(kind).fields.filter((f) => f.type === 'ref').map((f) => f.key);
    const thin = !referenced.has(kind) && !refs.length;
    const copies: AnyRecord[] = [];
    for (const r of rows) {
      if (!inStreet.has(r.orgId) || (thin && bucket(r.id) >= keepPercent)) continue;
      const copy: AnyRecord = { ...r, id: id(r.id), orgId: id(r.orgId) };
      for (const key of refs) if (typeof r[key] === 'string') copy[key] = id(r[key] as string);
      copies.push(copy);
    }
    records.set(kind, [...rows, ...copies]);
  }
  return { manifest: ds.manifest, orgs: new OrgTree(units), records };
}
