import { periodLabel, type OrgUnit } from '@fazhi/domain';
import type { PluginResource } from '../../plugin.js';
import { orgName } from '../fields/org-tree.js';
import { listFiltersOf, periodOf, resolveFilter, type PeriodValue } from '../list/list-filters.js';

/** What a ledger of the list covers: the unit and the period, for its title row. */
export interface LedgerScope {
  unit: string;
  /** 2024年, 2024年第一季度 …; null when the list is not limited to a period. */
  period: string | null;
}

/**
 * The unit and period of the list as filtered: the org filter's unit, else the console's chosen
 * unit, else the user's top unit; the period filter's year, quarter or month (the header's year
 * when the list follows it, since that is then the filter's value).
 */
export function ledgerScope(resource: PluginResource, values: Record<string, unknown> | undefined, orgs: readonly OrgUnit[], consoleOrgId?: string): LedgerScope {
  const filters = listFiltersOf(resource).map((f) => resolveFilter(resource, f));
  const chosenOrg = filters.some((f) => f.kind === 'org') ? values?.orgId : undefined;
  const top = orgs.find((o) => !o.parentId || !orgs.some((p) => p.id === o.parentId));
  const unitId = (typeof chosenOrg === 'string' && chosenOrg) || consoleOrgId || top?.id;
  const periodFilter = filters.find((f) => f.kind === 'period');
  const period = periodFilter ? periodOf(values?.[periodFilter.name] as PeriodValue | undefined) : null;
  return { unit: orgName(orgs, unitId) ?? '', period: period ? periodLabel(period) : null };
}
