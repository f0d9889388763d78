import type { RecordKind } from '@fazhi/domain';
import type { CrudFilter } from '@refinedev/core';
import type { RelatedSumColumn } from '../../plugin.js';

/**
 * A roster's computed column (`RelatedSumColumn`): the related records of the shown page's
 * records in `year`, read as one list request, summed per record in the browser. The request is
 * bounded by the page (its ids) and the year, so the sum covers every related record, not a page.
 */
export function relatedSumFilters(col: RelatedSumColumn, related: RecordKind, ids: readonly string[], year: number): CrudFilter[] {
  return [
    { field: col.via, operator: 'in', value: [...ids] },
    { field: related.periodField, operator: 'gte', value: `${year}-01-01` },
    { field: related.periodField, operator: 'lt', value: `${year + 1}-01-01` },
  ];
}

/** Sum of `col.sum` per referenced record id; records with no related rows are absent (0). */
export function sumsByRecord(col: RelatedSumColumn, rows: readonly Record<string, unknown>[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const id = r[col.via];
    const n = Number(r[col.sum]);
    if (typeof id !== 'string' || !Number.isFinite(n)) continue;
    out.set(id, (out.get(id) ?? 0) + n);
  }
  return out;
}

/** Below the declared line (a column without a threshold has none). */
export const belowThreshold = (col: RelatedSumColumn, total: number) => col.threshold !== undefined && total < col.threshold;
