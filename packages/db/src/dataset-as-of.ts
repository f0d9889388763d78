import type { AnyRecord } from '@fazhi/domain';
import type { ModelSnapshot } from './generate/model-snapshot.js';

const baseKeys = ['id', 'orgId', 'deletedAt'];

/**
 * The part of a dataset a database at an older model could have held: the kinds that model had,
 * each record with only the fields it had, and only records whose option values it knew (a record
 * using an option added since could not have been stored then). For building databases at an
 * earlier schema — upgrade tests, the console's previous-release demo — never for real imports,
 * where leaving data out would be loss.
 */
export function datasetAsOf<D extends { records: ReadonlyMap<string, readonly AnyRecord[]> }>(ds: D, snapshot: ModelSnapshot): D {
  const records = new Map<string, AnyRecord[]>();
  for (const kind of snapshot.kinds) {
    const rows = ds.records.get(kind.id);
    if (!rows) continue;
    const keys = [...baseKeys, ...kind.fields.map((f) => f.key)];
    const options = kind.fields.flatMap((f) => (f.type === 'enum' || f.type === 'enum-set' ? [[f.key, new Set(f.options.map((o) => o.value))] as const] : []));
    const known = (r: AnyRecord) =>
      options.every(([key, values]) => {
        const v = r[key];
        return v === null || v === undefined || (Array.isArray(v) ? v.every((x) => values.has(x as string)) : values.has(v as string));
      });
    records.set(
      kind.id,
      rows.filter(known).map((r) => Object.fromEntries(keys.filter((k) => k in r).map((k) => [k, r[k]])) as AnyRecord),
    );
  }
  return { ...ds, records };
}
