import { periodRange, todayInShanghai, yearPeriod, type OrgUnit } from '@fazhi/domain';
import type { Catalog } from '@fazhi/metrics';
import { unitsEn, type PluginResource, type WorkAreaPlugin } from '@fazhi/plugin-sdk';
import { attentionFilterName, attentionRulesOf, belowThreshold, filtersToCrud, listFiltersOf, measureListFilters, relatedSumFilters, resolveFilter, subtreeOf, sumsByRecord } from '@fazhi/plugin-sdk/ui';
import type { CrudFilter } from '@refinedev/core';

/**
 * Readiness checks before a report is signed off, from what the work areas already declare:
 * every attention rule of a list (逾期 tickets and rectification tasks, fields left empty …), every
 * roster line (officers in post during the year below 60 training hours), counted over the unit's records of the year by
 * the same list filters the list applies, so the link opens exactly the records counted.
 */
export interface ReadinessItem {
  id: string;
  /** e.g. 12345热线工单 · 已逾期 */
  title: string;
  /** The same in English, from the declarations' `labelEn` (Chinese where one is missing). */
  titleEn: string;
  /** Records meeting the condition. */
  count: number;
  /** `share`: a condition normal in a complete year, shown as its share of `total`. */
  kind: 'flag' | 'share';
  total?: number;
  /** The list to fix them in (`?f=` of list-state.ts). */
  resource: string;
  search: string;
}

/** How the checks read records: a count, or the rows, of a kind under list filters (the data provider's). */
export interface RecordCounter {
  count(kind: string, filters: CrudFilter[]): Promise<number>;
  rows(kind: string, filters: CrudFilter[]): Promise<Record<string, unknown>[]>;
}

/** The list form's values that select the unit's records of the year (its period and org filters, when it has them). */
function yearValues(resource: PluginResource, orgId: string, year: number): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of listFiltersOf(resource).map((x) => resolveFilter(resource, x))) {
    if (f.kind === 'period') values[f.name] = { year };
    if (f.kind === 'org') values[f.name] = orgId;
  }
  return values;
}

const searchOf = (values: Record<string, unknown>) => `?${new URLSearchParams({ f: JSON.stringify(values) }).toString()}`;

export async function readinessChecks(plugins: readonly WorkAreaPlugin[], catalog: Catalog | undefined, counter: RecordCounter, orgs: readonly OrgUnit[], orgId: string, year: number, today = todayInShanghai()): Promise<ReadinessItem[]> {
  const checks: Promise<ReadinessItem | null>[] = [];
  for (const plugin of plugins) {
    for (const resource of plugin.resources) {
      const kind = resource.kind;
      const base = yearValues(resource, orgId, year);
      for (const rule of attentionRulesOf(resource)) {
        const values = { ...base, [attentionFilterName(rule.id)]: true };
        checks.push(
          (async () => {
            const count = await counter.count(kind.id, filtersToCrud(resource, values, orgs, today));
            const total = rule.normal ? await counter.count(kind.id, filtersToCrud(resource, base, orgs, today)) : undefined;
            if (!count) return null;
            return { id: `${kind.id}:${rule.id}`, title: `${kind.label} · ${rule.label}`, titleEn: `${kind.labelEn ?? kind.label} · ${rule.labelEn ?? rule.label}`, count, kind: rule.normal ? 'share' : 'flag', ...(total !== undefined ? { total } : {}), resource: kind.id, search: searchOf(values) };
          })(),
        );
      }
      for (const col of resource.relatedSums ?? []) {
        if (col.threshold === undefined) continue;
        checks.push(
          (async () => {
            // Those in post during the year, as the catalog counts them (在岗执法人员), when it does.
            const inPost = catalog?.measures.find((m) => m.kind === kind.id && m.period.type === 'active');
            const rosterFilters = inPost ? [measureListFilters(inPost, periodRange(yearPeriod(year)), subtreeOf(orgs, orgId))] : filtersToCrud(resource, { orgId }, orgs, today);
            const roster = await counter.rows(kind.id, rosterFilters);
            const ids = roster.map((r) => String(r.id));
            if (!ids.length) return null;
            const relatedKind = plugins.flatMap((p) => p.resources).find((r) => r.kind.id === col.kind)?.kind;
            if (!relatedKind) return null;
            const sums = sumsByRecord(col, await counter.rows(col.kind, relatedSumFilters(col, relatedKind, ids, year)));
            const count = ids.filter((id) => belowThreshold(col, sums.get(id) ?? 0)).length;
            if (!count) return null;
            return { id: `${kind.id}:${col.id}`, title: `${kind.label} · ${col.label}不足${col.threshold}${col.unit ?? ''}`, titleEn: `${kind.labelEn ?? kind.label} · ${col.labelEn ?? col.label} below ${col.threshold}${col.unit ? ` ${unitsEn[col.unit] ?? col.unit}` : ''}`, count, kind: 'flag', resource: kind.id, search: searchOf({ orgId }) };
          })(),
        );
      }
    }
  }
  return (await Promise.all(checks)).filter((c): c is ReadinessItem => c !== null);
}
