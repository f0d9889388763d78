import type { AnyRecord, RecordKindRegistry } from '@fazhi/domain';
import type { RowRefs } from './row-refs.js';
import { kindFile, type DatasetManifest, type DatasetProblem } from './types.js';

const yearOf = (iso: string) => (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);

/** An end date of the record is still open (empty). */
function isOpen(rec: AnyRecord, openEnds: readonly string[]): boolean {
  for (const key of openEnds) if (rec[key] === null || rec[key] === undefined || rec[key] === '') return true;
  return false;
}

/** One of the (sorted) years lies in [first, last]. */
function touchesYears(years: readonly number[], first: number, last: number): boolean {
  for (const y of years) if (y >= first && y <= last) return true;
  return false;
}

/**
 * Records that cannot concern any year the dataset declares: all their dates lie outside
 * `years` (a typo like 2204 or 2014). The years a record spans run from its earliest to its latest
 * date; a record whose end date is still open (an officer with no 离岗日期, a service item not yet
 * delisted) runs on to today, so a roster entry from 2015 is not flagged. Neither is a value in
 * force from an earlier date (`inForceFrom`: kind id → its "effective from" field, e.g.
 * org_attributes → effectiveOn), which still holds in the declared years.
 */
export function outOfYearsWarnings(
  registry: RecordKindRegistry,
  manifest: Pick<DatasetManifest, 'years'>,
  records: ReadonlyMap<string, readonly AnyRecord[]>,
  rowsByKind: ReadonlyMap<string, RowRefs>,
  inForceFrom: ReadonlyMap<string, string> = new Map(),
): DatasetProblem[] {
  const years = [...manifest.years].sort((a, b) => a - b);
  if (years.length === 0) return [];
  const listed = years.join('、');
  const warnings: DatasetProblem[] = [];
  for (const [kindId, recs] of records) {
    const kind = registry.get(kindId);
    const file = kindFile(kindId);
    const dateFields = kind.fields.filter((f) => f.type === 'date' || f.type === 'datetime');
    if (dateFields.length === 0) continue;
    const openEnds = (kind.rules ?? []).flatMap((r) => (r.type === 'order' && r.earlier === kind.periodField ? [r.later] : []));
    const inForce = inForceFrom.get(kindId);
    const kindRows = rowsByKind.get(kindId);
    let rowOf: Map<string, number> | undefined;
    const dateKeys = dateFields.map((f) => f.key);
    for (let i = 0; i < recs.length; i++) {
      const rec = recs[i]!;
      // Dates are stored as local (+08:00) ISO text: the first four characters are the year
      // (read as digits, not sliced and parsed: this runs for every date of the dataset).
      let first = Infinity;
      let latest = -Infinity;
      for (const key of dateKeys) {
        const v = rec[key];
        if (typeof v !== 'string' || v === '') continue;
        const year = yearOf(v);
        if (year < first) first = year;
        if (year > latest) latest = year;
      }
      if (first === Infinity) continue;
      const last = inForce !== undefined || isOpen(rec, openEnds) ? Infinity : latest;
      if (touchesYears(years, first, last)) continue;
      // A loaded dataset has a record for every row, in file order: the row beside the record is
      // its own. Records that do not line up so (rows that failed) have theirs looked up, by a map
      // made only then: a whole file's map cost more than the rest of these checks.
      const row = kindRows?.ids[i] === rec.id ? kindRows.rows[i] : (rowOf ??= new Map(kindRows?.ids.map((id, k) => [id, kindRows.rows[k]!]))).get(rec.id);
      const dated = dateFields.filter((f) => typeof rec[f.key] === 'string' && rec[f.key] !== '');
      const shown = dated.find((f) => f.key === kind.periodField) ?? dated[0]!;
      warnings.push({
        file,
        ...(row !== undefined ? { row } : {}),
        field: shown.label,
        key: shown.key,
        message: `日期 ${String(rec[shown.key]).slice(0, 10)} 不在数据集声明的年度（${listed}）内（记录的其他日期也都不在），请检查是否录错`,
      });
    }
  }
  return warnings;
}
