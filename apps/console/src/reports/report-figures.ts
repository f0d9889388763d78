import type { FigureWording, FrozenFigure, ReportContent } from '@fazhi/db/report-store';
import type { AnyRecord, Period } from '@fazhi/domain';
import { compareResults, indicatorValue, type IndicatorComparison } from '@fazhi/metrics';
import type { IndicatorSource } from '@fazhi/plugin-sdk';
import { templateRequirements, type Narrative, type ReportData, type ReportTemplate } from '@fazhi/report';

/**
 * The figures a report shows: computed live by the database (the backend's indicator source, as
 * dashboards get theirs), or, for a 定稿 version, the values frozen at sign-off. Pure functions,
 * so the workspace, the print view and the exports all build the same document.
 */

/** Live comparisons for every indicator the template names, with the records of its record lists. */
export async function liveReportData(
  indicators: IndicatorSource,
  template: ReportTemplate,
  orgId: string,
  period: Period,
  recordsOf: (kind: string) => Promise<readonly AnyRecord[]>,
): Promise<ReportData> {
  const req = templateRequirements(template);
  const [comparisons, lists] = await Promise.all([indicators.compare(req.indicators, orgId, period), Promise.all(req.kinds.map(recordsOf))]);
  return {
    comparisons: new Map(req.indicators.map((id, n) => [id, comparisons[n]!])),
    records: new Map(req.kinds.map((k, n) => [k, lists[n]!])),
  };
}

/**
 * The same data with this year's values replaced by those frozen at sign-off; last year's stay
 * live (they are not part of what was signed), and the 同比 is recomputed from the two. An
 * indicator the frozen set lacks (added to the template later) keeps its live value.
 */
export function withFrozenFigures(data: ReportData, frozen: readonly FrozenFigure[]): ReportData {
  const byId = new Map(frozen.map((f) => [f.indicatorId, f]));
  const comparisons = new Map<string, IndicatorComparison>();
  for (const [id, c] of data.comparisons) {
    const f = byId.get(id);
    if (!f) {
      comparisons.set(id, c);
      continue;
    }
    const current = {
      ...c.current,
      numerator: { ...c.current.numerator, value: f.numerator },
      ...(c.current.denominator ? { denominator: { ...c.current.denominator, value: f.denominator } } : {}),
      value: indicatorValue(c.current.indicator, f.numerator, f.denominator),
    };
    comparisons.set(id, compareResults(c.basis, current, c.previous));
  }
  return { ...data, comparisons };
}

/** The figures of a report as they would be frozen now: numerator and denominator per indicator. */
export function figuresOf(data: ReportData): FrozenFigure[] {
  return [...data.comparisons].map(([indicatorId, c]) => ({ indicatorId, numerator: c.current.numerator.value, denominator: c.current.denominator?.value ?? null }));
}

/** Indicators whose value differs between a draft's data and a 定稿's frozen figures. */
export function changedFigures(data: ReportData, frozen: readonly FrozenFigure[]): Map<string, { frozen: number | null; now: number | null }> {
  const out = new Map<string, { frozen: number | null; now: number | null }>();
  for (const f of frozen) {
    const c = data.comparisons.get(f.indicatorId);
    if (!c) continue;
    const was = indicatorValue(c.current.indicator, f.numerator, f.denominator);
    const now = c.current.value;
    if (was !== now) out.set(f.indicatorId, { frozen: was, now });
  }
  return out;
}

/** The saved narrative as `buildReport` takes it (the wording per figure goes to its `wording` option). */
export function narrativeOf(content: ReportContent, signature?: { org: string; date: string }): Narrative {
  const sections = new Map(
    Object.entries(content.narrative)
      .map(([key, text]) => [key, text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)] as const)
      .filter(([, lines]) => lines.length > 0),
  );
  return { sections, hedge: new Map(), ...(signature ? { signature: signature.org, date: signature.date } : {}) };
}

export const emptyContent: ReportContent = { narrative: {}, wording: {} };

export function withWording(content: ReportContent, indicatorId: string, wording: FigureWording): ReportContent {
  const { [indicatorId]: _dropped, ...rest } = content.wording;
  return { ...content, wording: wording === 'exact' ? rest : { ...rest, [indicatorId]: wording } };
}
