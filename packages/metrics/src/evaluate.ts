import { periodKey, periodRange, previousYear, type AnyRecord, type OrgTree, type Period } from '@fazhi/domain';
import { compileMeasure, type CompiledMeasure } from './compile.js';
import type { Catalog, Indicator, Measure } from './definitions.js';

export interface MeasureValue {
  measureId: string;
  value: number | null;
}

/** An indicator's value with the components it came from (DHIS2 style). */
export interface IndicatorResult {
  indicator: Indicator;
  orgId: string;
  period: Period;
  /** numerator × factor ÷ denominator; null when the denominator is 0 or a component is null. */
  value: number | null;
  numerator: MeasureValue;
  denominator?: MeasureValue;
}

export interface IndicatorComparison {
  current: IndicatorResult;
  previous: IndicatorResult;
  /** current − previous, in the indicator's unit (percentage points for rates). */
  difference: number | null;
  /** (current − previous) ÷ previous × 100; null when previous is 0 or null. */
  relativeChange: number | null;
}

export function indicatorValue(i: Indicator, numerator: number | null, denominator: number | null | undefined): number | null {
  if (numerator === null) return null;
  if (i.denominator === undefined) return numerator * i.factor;
  if (denominator === null || denominator === undefined || denominator === 0) return null;
  return (numerator * i.factor) / denominator;
}

export function compareResults(current: IndicatorResult, previous: IndicatorResult): IndicatorComparison {
  const c = current.value;
  const p = previous.value;
  return {
    current,
    previous,
    difference: c === null || p === null ? null : c - p,
    relativeChange: c === null || p === null || p === 0 ? null : ((c - p) / p) * 100,
  };
}

export interface EvaluatorInput {
  orgs: OrgTree;
  /** Records by kind id. Soft-deleted records may be included; they never count. */
  records: ReadonlyMap<string, readonly AnyRecord[]>;
  catalog: Catalog;
}

/**
 * Evaluates measures and indicators in memory over plain records, for any org unit (rolled up
 * over its subtree) and period. Measure values are memoised per org and period, so indicators
 * sharing a measure (a figure and a rate) scan the records once.
 */
export class Evaluator {
  private readonly measures = new Map<string, Measure>();
  private readonly indicators = new Map<string, Indicator>();
  private readonly compiled = new Map<string, CompiledMeasure>();
  private readonly memo = new Map<string, number | null>();
  private readonly subtrees = new Map<string, Set<string>>();

  constructor(private readonly input: EvaluatorInput) {
    for (const m of input.catalog.measures) this.measures.set(m.id, m);
    for (const i of input.catalog.indicators) this.indicators.set(i.id, i);
  }

  get catalog(): Catalog {
    return this.input.catalog;
  }

  indicator(id: string): Indicator {
    const i = this.indicators.get(id);
    if (!i) throw new Error(`未知的指标“${id}”`);
    return i;
  }

  private subtree(orgId: string): Set<string> {
    let s = this.subtrees.get(orgId);
    if (!s) this.subtrees.set(orgId, (s = this.input.orgs.subtreeIds(orgId)));
    return s;
  }

  measure(measureId: string, orgId: string, period: Period): number | null {
    const key = `${measureId}|${orgId}|${periodKey(period)}`;
    if (this.memo.has(key)) return this.memo.get(key)!;
    const m = this.measures.get(measureId);
    if (!m) throw new Error(`未知的指标口径“${measureId}”`);
    let fn = this.compiled.get(measureId);
    if (!fn) this.compiled.set(measureId, (fn = compileMeasure(m)));
    const value = fn(this.input.records.get(m.kind) ?? [], this.subtree(orgId), periodRange(period));
    this.memo.set(key, value);
    return value;
  }

  evaluate(indicatorId: string, orgId: string, period: Period): IndicatorResult {
    const i = this.indicator(indicatorId);
    const numerator = { measureId: i.numerator, value: this.measure(i.numerator, orgId, period) };
    const denominator = i.denominator === undefined ? undefined : { measureId: i.denominator, value: this.measure(i.denominator, orgId, period) };
    return {
      indicator: i,
      orgId,
      period,
      value: indicatorValue(i, numerator.value, denominator?.value),
      numerator,
      ...(denominator ? { denominator } : {}),
    };
  }

  /** All indicators of the catalog (or the given ids) for one org and period. */
  evaluateAll(orgId: string, period: Period, ids?: readonly string[]): IndicatorResult[] {
    return (ids ?? [...this.indicators.keys()]).map((id) => this.evaluate(id, orgId, period));
  }

  /** Current period against the same period a year earlier (同比). */
  compare(indicatorId: string, orgId: string, period: Period): IndicatorComparison {
    return compareResults(this.evaluate(indicatorId, orgId, period), this.evaluate(indicatorId, orgId, previousYear(period)));
  }

  compareAll(orgId: string, period: Period, ids?: readonly string[]): IndicatorComparison[] {
    return (ids ?? [...this.indicators.keys()]).map((id) => this.compare(id, orgId, period));
  }

  /** One indicator over consecutive periods, e.g. `monthsOf(2024)` for a monthly trend. */
  trend(indicatorId: string, orgId: string, periods: readonly Period[]): IndicatorResult[] {
    return periods.map((p) => this.evaluate(indicatorId, orgId, p));
  }
}
