import type { CrudSort } from '@refinedev/core';
import dayjs from 'dayjs';
import type { PluginResource } from '../../plugin.js';
import { listFiltersOf, resolveFilter } from './list-filters.js';

/**
 * A list's state in its URL, so back, reload and a shared link bring it back: the filter form's
 * values as the user typed them (`f`, JSON; date ranges as ISO days), the sort (`sort=field.order,…`)
 * and the page (`page`, `size`). The form's values, not the data provider's filters: those are
 * derived (a unit becomes its subtree, a period its days) and could not refill the form.
 * Other parameters (a figure's `drill`) are left as they are.
 */
export interface ListState {
  values?: Record<string, unknown>;
  sorters?: CrudSort[];
  page?: number;
  pageSize?: number;
}

const keys = ['f', 'sort', 'page', 'size'] as const;

/**
 * Spread into `useTable`'s `meta`: Refine adds the URL's query parameters to a query's meta and
 * its cache key (it strips only its own names), so each page change the list writes to the URL
 * changed the key and fetched the same page again. Undefined entries hide them and drop out of the
 * key. The list's state reaches the data provider as filters, sorters and pagination anyway.
 */
export const listStateHiddenFromMeta: Readonly<Record<(typeof keys)[number], undefined>> = Object.fromEntries(keys.map((k) => [k, undefined])) as Record<(typeof keys)[number], undefined>;

/** The date-range filters of a resource, whose form values are dayjs pairs. */
function dateRanges(resource: PluginResource): Set<string> {
  return new Set(
    listFiltersOf(resource)
      .map((f) => resolveFilter(resource, f))
      .filter((f) => f.kind === 'range' && (f.field.type === 'date' || f.field.type === 'datetime'))
      .map((f) => f.name),
  );
}

const isDay = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const present = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.every((x) => x === undefined || x === null));

export function listStateToSearch(resource: PluginResource, state: ListState, current = ''): string {
  const p = new URLSearchParams(current);
  for (const k of keys) p.delete(k);
  const ranges = dateRanges(resource);
  const values = Object.fromEntries(
    Object.entries(state.values ?? {})
      .filter(([, v]) => present(v) && v !== false)
      .map(([k, v]) => [k, ranges.has(k) && Array.isArray(v) ? v.map((d) => (d && typeof (d as dayjs.Dayjs).format === 'function' ? (d as dayjs.Dayjs).format('YYYY-MM-DD') : (d ?? null))) : v]),
  );
  if (Object.keys(values).length) p.set('f', JSON.stringify(values));
  if (state.sorters?.length) p.set('sort', state.sorters.map((s) => `${s.field}.${s.order}`).join(','));
  if (state.page && state.page > 1) p.set('page', String(state.page));
  if (state.pageSize) p.set('size', String(state.pageSize));
  const text = p.toString();
  return text ? `?${text}` : '';
}

/** The state a URL holds; whatever is malformed is left out (the list's defaults apply). */
export function listStateFromSearch(resource: PluginResource, search: string): ListState {
  const p = new URLSearchParams(search);
  const state: ListState = {};
  const f = p.get('f');
  if (f) {
    try {
      const parsed: unknown = JSON.parse(f);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const ranges = dateRanges(resource);
        state.values = Object.fromEntries(
          Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [k, ranges.has(k) && Array.isArray(v) ? v.map((d) => (isDay(d) ? dayjs(d as string) : undefined)) : v]),
        );
      }
    } catch {
      // A hand-edited link: the form starts empty.
    }
  }
  const sort = p.get('sort');
  if (sort) {
    state.sorters = sort
      .split(',')
      .map((s) => /^([A-Za-z0-9_]+)\.(asc|desc)$/.exec(s))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ field: m[1]!, order: m[2] as 'asc' | 'desc' }));
  }
  const page = Number(p.get('page'));
  if (Number.isInteger(page) && page > 1) state.page = page;
  const size = Number(p.get('size'));
  if ([10, 20, 50, 100].includes(size)) state.pageSize = size;
  return state;
}
