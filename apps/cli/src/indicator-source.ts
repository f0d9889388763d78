import type { Database } from '@fazhi/db';
import type { AnyRecord, OrgTree, Period } from '@fazhi/domain';
import { Evaluator, type Catalog, type IndicatorComparison } from '@fazhi/metrics';
import { templateRequirements, type ReportData, type ReportTemplate } from '@fazhi/report';
import type { RecordSource } from './source.js';

/** Where `metrics` and `report` get their figures: computed in memory, or by the database. */
export interface IndicatorSource {
  /**
   * Current period against the same days a year earlier, for the given indicators, in that order;
   * `today` (YYYY-MM-DD) decides whether the period is still running (see `comparisonBasis`).
   */
  compareAll(orgId: string, period: Period, ids: readonly string[], today: string): Promise<IndicatorComparison[]>;
}

/** `--dataset`: the in-memory evaluator over the records, with the composed model's catalog (checked when it was composed). */
export function memoryIndicators(source: { orgs: OrgTree; records: ReadonlyMap<string, readonly AnyRecord[]> }, catalog: Catalog): IndicatorSource {
  return { compareAll: async (orgId, period, ids, today) => new Evaluator({ orgs: source.orgs, records: source.records, catalog, today: () => today }).compareAll(orgId, period, ids) };
}

/**
 * `--db`: figures computed by `public.indicator_values` inside the database; no record is
 * downloaded to compute them. They run as the role of the URL: normally the table owner
 * (`postgres`, or Supabase's service role), which row-level security does not restrict, so the
 * figures cover the whole org as the dataset's would. Connect as a narrower role to get only what
 * that role may read.
 */
export function sqlIndicators(db: Database, catalog: Catalog): IndicatorSource {
  // Imported on use: a --dataset run never loads the database code (or its drivers).
  return { compareAll: async (orgId, period, ids, today) => (await import('@fazhi/db')).sqlEvaluator(db, { catalog, today: () => today }).compareAll(orgId, period, ids) };
}

/** What a report template needs: figures from the indicator source, records from the source. */
export async function reportData(source: RecordSource, template: ReportTemplate, orgId: string, period: Period, today: string): Promise<ReportData> {
  const req = templateRequirements(template);
  const comparisons = await source.indicators.compareAll(orgId, period, req.indicators, today);
  const subtree = source.orgs.subtreeIds(orgId);
  return {
    comparisons: new Map(req.indicators.map((id, n) => [id, comparisons[n]!])),
    records: new Map(req.kinds.map((k) => [k, (source.records.get(k) ?? []).filter((r) => subtree.has(r.orgId))])),
  };
}
