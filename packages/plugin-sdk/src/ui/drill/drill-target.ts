import type { PeriodRange } from '@fazhi/domain';
import type { Catalog, Indicator, Measure } from '@fazhi/metrics';

/**
 * Which records a dashboard figure is made of, as a list URL carries it: the indicator, which of
 * its measures (a rate has two), the unit whose subtree it counts and the days it counted (a year
 * still running counts to yesterday). Plain query parameters, so a drilled list can be shared,
 * reloaded and left with the browser's back button like any other.
 */
export interface DrillTarget {
  indicatorId: string;
  part: 'numerator' | 'denominator';
  orgId: string;
  range: PeriodRange;
}

const day = /^\d{4}-\d{2}-\d{2}$/;

export function drillQuery(t: DrillTarget): Record<string, string> {
  return { drill: t.indicatorId, part: t.part, org: t.orgId, from: t.range.start, to: t.range.end };
}

export function drillSearch(t: DrillTarget): string {
  return `?${new URLSearchParams(drillQuery(t)).toString()}`;
}

/** The target in a list's query string; undefined when there is none or it is malformed. */
export function readDrill(search: string): DrillTarget | undefined {
  const p = new URLSearchParams(search);
  const indicatorId = p.get('drill');
  const part = p.get('part') ?? 'numerator';
  const orgId = p.get('org');
  const start = p.get('from') ?? '';
  const end = p.get('to') ?? '';
  if (!indicatorId || !orgId || (part !== 'numerator' && part !== 'denominator') || !day.test(start) || !day.test(end)) return undefined;
  return { indicatorId, part, orgId, range: { start, end } };
}

/** The query string without the drill: what the banner's close button leaves. */
export function withoutDrill(search: string): string {
  const p = new URLSearchParams(search);
  for (const k of Object.keys(drillQuery({ indicatorId: '', part: 'numerator', orgId: '', range: { start: '', end: '' } }))) p.delete(k);
  const rest = p.toString();
  return rest ? `?${rest}` : '';
}

export interface ResolvedDrill {
  target: DrillTarget;
  indicator: Indicator;
  measure: Measure;
}

/** The indicator and measure a target names in the composed catalog, if it has them. */
export function resolveDrill(catalog: Catalog | undefined, target: DrillTarget): ResolvedDrill | undefined {
  const indicator = catalog?.indicators.find((i) => i.id === target.indicatorId);
  const measureId = target.part === 'numerator' ? indicator?.numerator : indicator?.denominator;
  const measure = measureId ? catalog?.measures.find((m) => m.id === measureId) : undefined;
  return indicator && measure ? { target, indicator, measure } : undefined;
}
