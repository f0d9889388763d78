import { sqlEvaluator, type Database } from '@fazhi/db';
import type { Period } from '@fazhi/domain';
import type { IndicatorComparison } from '@fazhi/metrics';
import { templateRequirements, type ReportData, type ReportTemplate } from '@fazhi/report';
import { evaluatorFor } from './evaluate-source.js';
import type { RecordSource } from './source.js';

/** Where `metrics` and `report` get their figures: computed in memory, or by the database. */
export interface IndicatorSource {
  /** Current period against a year earlier, for the given indicators, in that order. */
  compareAll(orgId: string, period: Period, ids: readonly string[]): Promise<IndicatorComparison[]>;
}

/** `--dataset`: the in-memory evaluator over the source's records. */
export function memoryIndicators(source: RecordSource): IndicatorSource {
  const evaluator = evaluatorFor(source);
  return { compareAll: async (orgId, period, ids) => evaluator.compareAll(orgId, period, ids) };
}

/**
 * `--db`: figures computed by `public.indicator_values` inside the database; no record is
 * downloaded to compute them. They run as the role of the URL: normally the table owner
 * (`postgres`, or Supabase's service role), which row-level security does not restrict, so the
 * figures cover the whole org as the dataset's would. Connect as a narrower role to get only what
 * that role may read.
 */
export function sqlIndicators(db: Database): IndicatorSource {
  const evaluator = sqlEvaluator(db);
  return { compareAll: (orgId, period, ids) => evaluator.compareAll(orgId, period, ids) };
}

/** The source's own indicator source (the database for `--db`), else memory. */
export function indicatorsOf(source: RecordSource): IndicatorSource {
  return source.indicators ?? memoryIndicators(source);
}

/** What a report template needs: figures from the indicator source, records from the source. */
export async function reportData(source: RecordSource, template: ReportTemplate, orgId: string, period: Period): Promise<ReportData> {
  const req = templateRequirements(template);
  const comparisons = await indicatorsOf(source).compareAll(orgId, period, req.indicators);
  const subtree = source.orgs.subtreeIds(orgId);
  return {
    comparisons: new Map(req.indicators.map((id, n) => [id, comparisons[n]!])),
    records: new Map(req.kinds.map((k) => [k, (source.records.get(k) ?? []).filter((r) => subtree.has(r.orgId))])),
  };
}
