import type { AnyRecord, Period } from '@fazhi/domain';
import type { Evaluator } from '@fazhi/metrics';
import type { ReportData } from './build-report.js';
import { templateRequirements, type ReportTemplate } from './template.js';

/** Gathers what a template needs from an in-memory evaluator and the records it was built on. */
export function reportDataFromEvaluator(
  evaluator: Evaluator,
  template: ReportTemplate,
  orgId: string,
  period: Period,
  records: ReadonlyMap<string, readonly AnyRecord[]>,
  subtree: ReadonlySet<string>,
): ReportData {
  const req = templateRequirements(template);
  return {
    comparisons: new Map(req.indicators.map((id) => [id, evaluator.compare(id, orgId, period)])),
    records: new Map(req.kinds.map((k) => [k, (records.get(k) ?? []).filter((r) => subtree.has(r.orgId))])),
  };
}
