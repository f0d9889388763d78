import { columnName, findField, type RecordKind } from '@fazhi/domain';
import type { Catalog, Measure } from '@fazhi/metrics';
import { pgName } from './sql-text.js';

export interface IndexSpec {
  name: string;
  columns: string[];
  /** Why it exists, written above it in the migration. */
  reason: string;
}

function periodFields(m: Measure): string[] {
  switch (m.period.type) {
    case 'within':
    case 'asOfEnd':
      return [m.period.field];
    case 'active':
      return [m.period.from, m.period.to];
  }
}

/**
 * The indexes of one record table. Every query on it is narrowed to an org subtree (RLS adds
 * `org_id = any(...)`), so each index leads with `org_id`; `(org_id, <periodField>)` also serves
 * plain org lookups, so a separate `(org_id)` index would only slow writes.
 */
export function kindIndexes(kind: RecordKind, catalog: Catalog): IndexSpec[] {
  const out: IndexSpec[] = [];
  const add = (columns: string[], reason: string) => {
    if (out.some((i) => i.columns.join() === columns.join())) return;
    out.push({ name: pgName(kind.id, ...columns, 'idx'), columns, reason });
  };
  add(['org_id', columnName(kind.periodField)], 'org subtree + default period');
  const measures = catalog.measures.filter((m) => m.kind === kind.id);
  for (const key of measures.flatMap(periodFields)) {
    const f = findField(kind, key);
    if (f && (f.type === 'date' || f.type === 'datetime')) add(['org_id', columnName(key)], 'period of a measure');
  }
  for (const key of measures.flatMap((m) => m.filters.map((flt) => flt.field))) {
    const f = findField(kind, key);
    if (f?.type === 'enum') add(['org_id', columnName(key)], 'enum filtered by a measure');
  }
  for (const f of kind.fields) if (f.type === 'ref') add([columnName(f.key)], 'reference (joins, FK checks)');
  return out;
}
