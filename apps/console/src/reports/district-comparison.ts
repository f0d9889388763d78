import type { ComparisonFigure, ComparisonRow, DistrictComparison } from '@fazhi/db/browser';
import { streetLevelKinds, workAreas, type OrgUnit } from '@fazhi/domain';
import { formatIndicator, type Catalog, type Indicator } from '@fazhi/metrics';

/**
 * The district comparison as the page and the workbook show it: the indicators in catalog order
 * grouped by work area, each cell formatted once. The 区直 row is the district total minus the
 * streets (see `public.district_comparison`): it means something only for indicators whose measures
 * add up over units (counts and sums); for the others (distinct counts, an attribute's latest
 * value) its cells are left empty rather than showing a difference that counts nothing.
 */

export interface ComparisonColumn {
  indicator: Indicator;
  areaLabel: string;
  /** Street figures plus 区直 add up to the total. */
  additive: boolean;
}

export interface ComparisonCell {
  figure: ComparisonFigure | undefined;
  /** The value with its unit (242宗, 560.22万元, 96.5%); “—” when there is none. */
  text: string;
}

const additiveAggregations = new Set(['count', 'sum']);

/** Whether an indicator's numerator and denominator are sums over records (so they add up over units). */
export function isAdditive(indicator: Indicator, catalog: Catalog): boolean {
  return [indicator.numerator, indicator.denominator].every((id) => {
    if (id === undefined) return true;
    const m = catalog.measures.find((x) => x.id === id);
    return m !== undefined && additiveAggregations.has(m.aggregation.type);
  });
}

const areaLabel = (area: string) => workAreas.find((a) => a.id === area)?.label ?? area;

/** The columns of the table: the indicators the comparison returned, in its order, optionally one area's. */
export function comparisonColumns(comparison: DistrictComparison, catalog: Catalog, area?: string): ComparisonColumn[] {
  return comparison.total.figures.flatMap((f) => {
    const indicator = catalog.indicators.find((i) => i.id === f.indicatorId);
    if (!indicator || (area && indicator.area !== area)) return [];
    return [{ indicator, areaLabel: areaLabel(indicator.area), additive: isAdditive(indicator, catalog) }];
  });
}

/** The work areas that have indicators in the comparison, in catalog order. */
export function comparisonAreas(comparison: DistrictComparison, catalog: Catalog): { id: string; label: string }[] {
  const ids = [...new Set(comparisonColumns(comparison, catalog).map((c) => c.indicator.area))];
  return ids.map((id) => ({ id, label: areaLabel(id) }));
}

/** One cell: the row's figure for the column, formatted; 区直 of a non-additive indicator stays empty. */
export function comparisonCell(row: ComparisonRow, column: ComparisonColumn): ComparisonCell {
  if (row.kind === 'direct' && !column.additive) return { figure: undefined, text: '—' };
  const figure = row.figures.find((f) => f.indicatorId === column.indicator.id);
  return { figure, text: formatIndicator(column.indicator, figure?.value ?? null) };
}

/** Whether the comparison page is for this unit: it has streets (or towns) below it (a district, or above). */
export function hasStreetsBelow(orgs: readonly OrgUnit[], orgId: string | undefined): boolean {
  if (!orgId) return false;
  const below = (id: string): boolean => orgs.some((o) => o.parentId === id && (streetLevelKinds.includes(o.kind) || below(o.id)));
  return below(orgId);
}
