import { useList, type BaseRecord } from '@refinedev/core';
import { useMemo, useState } from 'react';
import type { PluginResource, RelatedSumColumn } from '../../plugin.js';
import { useFazhiServices } from '../services-context.js';
import { relatedSumFilters, sumsByRecord } from './related-sums.js';

/** The sums of one related-sum column for the records on the page, in `year`; undefined while loading. */
function useRelatedSum(col: RelatedSumColumn, ids: readonly string[], year: number): Map<string, number> | undefined {
  const { kinds } = useFazhiServices();
  const related = kinds.get(col.kind);
  const { result, query } = useList<BaseRecord>({
    resource: col.kind,
    filters: relatedSumFilters(col, related, ids, year),
    pagination: { mode: 'off' },
    queryOptions: { enabled: ids.length > 0 },
  });
  return useMemo(() => (ids.length === 0 ? new Map() : query.isSuccess ? sumsByRecord(col, result.data) : undefined), [ids, query.isSuccess, result.data, col]);
}

/**
 * Every related-sum column of a resource for the page's records. Hooks run per declared column;
 * the declaration is static for a resource, so their number never changes between renders.
 */
export function useRelatedSums(resource: PluginResource, ids: readonly string[], year: number): (Map<string, number> | undefined)[] {
  // eslint-disable-next-line react-hooks/rules-of-hooks -- fixed per resource (see above)
  const sums = (resource.relatedSums ?? []).map((col) => useRelatedSum(col, ids, year));
  // The same array while every sum is the same: the list's columns depend on it, and new columns
  // re-render every cell (React's "information from previous renders" pattern).
  const [kept, setKept] = useState(sums);
  if (sums.some((s, i) => s !== kept[i])) {
    setKept(sums);
    return sums;
  }
  return kept;
}
