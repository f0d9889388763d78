import { periodRange, previousYear, todayInShanghai, type AnyRecord, type OrgTree, type Period, type PeriodRange } from '@fazhi/domain';
import { comparisonBasis, type ComparisonBasis } from './comparability.js';
import { Unsupported, type ColumnarMeasure } from './columnar/codegen.js';
import { ColumnarRecords } from './columnar/records.js';
import { generateMeasureGroup, type CompiledMeasureGroup } from './codegen.js';
import { compileMeasure, compilePeriod, type CompiledMeasure } from './compile.js';
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
  /** The days counted: the whole period, or its first days when it is still running. */
  range: PeriodRange;
  /** numerator × factor ÷ denominator; null when the denominator is 0 or a component is null. */
  value: number | null;
  numerator: MeasureValue;
  denominator?: MeasureValue;
}

export interface IndicatorComparison {
  current: IndicatorResult;
  /** The same days a year earlier; null when the basis says they cannot be compared. */
  previous: IndicatorResult | null;
  /** current − previous, in the indicator's unit (percentage points for rates). */
  difference: number | null;
  /** (current − previous) ÷ previous × 100; null when previous is 0 or null, or not compared. */
  relativeChange: number | null;
  /** Which days were compared, or why none were (see `comparisonBasis`). */
  basis: ComparisonBasis;
}

export function indicatorValue(i: Indicator, numerator: number | null, denominator: number | null | undefined): number | null {
  if (numerator === null) return null;
  if (i.denominator === undefined) return numerator * i.factor;
  if (denominator === null || denominator === undefined || denominator === 0) return null;
  return (numerator * i.factor) / denominator;
}

export function compareResults(basis: ComparisonBasis, current: IndicatorResult, previous: IndicatorResult | null): IndicatorComparison {
  const c = current.value;
  const p = previous?.value ?? null;
  return {
    current,
    previous,
    difference: c === null || p === null ? null : c - p,
    relativeChange: c === null || p === null || p === 0 ? null : ((c - p) / p) * 100,
    basis,
  };
}

export interface EvaluatorInput {
  orgs: OrgTree;
  /**
   * Records by kind id. Soft-deleted records may be included; they never count. Given as
   * `ColumnarRecords`, each measure runs over their columns where it can (see there).
   */
  records: ReadonlyMap<string, readonly AnyRecord[]>;
  catalog: Catalog;
  /** Today's date (YYYY-MM-DD) for periods still running; the date in Asia/Shanghai by default. */
  today?: () => string;
}

/**
 * Each measure's generated loop, shared by every evaluator of the process: the console and the
 * CLI make a new evaluator per question, and a fresh function starts cold in V8's interpreter
 * (the code depends only on the measure's definition, never on the records).
 */
const compiledMeasures = new WeakMap<Measure, CompiledMeasure>();

/** One loop for several measures of a kind and binding (see `prefetch`), by catalog and measure ids; null where code cannot be generated. */
const compiledGroups = new WeakMap<Catalog, Map<string, CompiledMeasureGroup | null>>();

function compiledGroup(catalog: Catalog, measures: readonly Measure[]): CompiledMeasureGroup | null {
  let byIds = compiledGroups.get(catalog);
  if (!byIds) compiledGroups.set(catalog, (byIds = new Map()));
  const key = measures.map((m) => m.id).join('|');
  let fn = byIds.get(key);
  if (fn === undefined) byIds.set(key, (fn = generateMeasureGroup(measures)));
  return fn;
}

const memoKey = (measureId: string, orgId: string, range: PeriodRange) => `${measureId}|${orgId}|${range.start}|${range.end}`;

/**
 * Evaluates measures and indicators in memory over plain records, for any org unit (rolled up
 * over its subtree) and period. Measure values are memoised per org and period, so indicators
 * sharing a measure (a figure and a rate) scan the records once.
 */
export class Evaluator {
  private readonly measures = new Map<string, Measure>();
  private readonly indicators = new Map<string, Indicator>();
  private readonly memo = new Map<string, number | null>();
  /** Rows selected per (kind, unit, period binding, days): see `rowsFor`. */
  private readonly selections = new Map<string, readonly AnyRecord[] | 'asked once'>();
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

  /** A measure over the days `range` (a whole period's `periodRange` or any other [start, end)). */
  measure(measureId: string, orgId: string, range: PeriodRange): number | null {
    const key = memoKey(measureId, orgId, range);
    if (this.memo.has(key)) return this.memo.get(key)!;
    const m = this.measures.get(measureId);
    if (!m) throw new Error(`未知的指标口径“${measureId}”`);
    const columnar = this.columnar(m);
    let value: number | null;
    if (columnar) value = columnar(this.subtree(orgId), range);
    else {
      let fn = compiledMeasures.get(m);
      if (!fn) compiledMeasures.set(m, (fn = compileMeasure(m)));
      value = fn(this.rowsFor(m, orgId, range), this.subtree(orgId), range);
    }
    this.memo.set(key, value);
    return value;
  }

  /** The measure's loop over columns, when the records are `ColumnarRecords` and it has one. */
  private columnar(m: Measure): ColumnarMeasure | null {
    const records = this.input.records;
    if (!(records instanceof ColumnarRecords)) return null;
    const fn = records.measure(m);
    return fn instanceof Unsupported ? null : fn;
  }

  /**
   * The rows a measure needs to look at. Many measures of a kind share a period binding (ten
   * count 12345 tickets by 受理时间): from the second one on, they scan only the rows that binding
   * already selected (live, in the unit's subtree, in the days), kept for the evaluator's life. A
   * measure's loop checks all of that again, so the selection changes no value, only the work; a
   * lone question (one measure) scans the kind once, as before.
   */
  private rowsFor(m: Measure, orgId: string, range: PeriodRange): readonly AnyRecord[] {
    const all = this.input.records.get(m.kind) ?? [];
    const key = `${m.kind}|${orgId}|${JSON.stringify(m.period)}|${range.start}|${range.end}`;
    const known = this.selections.get(key);
    if (known === undefined) {
      this.selections.set(key, 'asked once');
      return all;
    }
    if (known !== 'asked once') return known;
    const inPeriod = compilePeriod(m.period, range);
    const subtree = this.subtree(orgId);
    const rows = all.filter((r) => (r.deletedAt === null || r.deletedAt === undefined) && subtree.has(r.orgId) && inPeriod(r));
    this.selections.set(key, rows);
    return rows;
  }

  /**
   * Computes the measures of many indicators at once (`evaluateAll`, `compareAll`): those of one
   * kind and period binding not yet known for this unit and days in a single pass over the kind,
   * instead of one pass each. A measure alone in its group is left to `measure`.
   */
  private prefetch(indicatorIds: readonly string[], orgId: string, range: PeriodRange): void {
    const groups = new Map<string, Measure[]>();
    for (const id of indicatorIds) {
      const i = this.indicators.get(id);
      if (!i) continue; // `evaluate` reports it
      for (const measureId of i.denominator === undefined ? [i.numerator] : [i.numerator, i.denominator]) {
        const m = this.measures.get(measureId);
        // A measure over columns is cheaper alone than a shared pass over the objects.
        if (!m || this.memo.has(memoKey(measureId, orgId, range)) || this.columnar(m)) continue;
        const key = `${m.kind}|${JSON.stringify(m.period)}`;
        const group = groups.get(key);
        if (!group) groups.set(key, [m]);
        else if (!group.includes(m)) group.push(m);
      }
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const fn = compiledGroup(this.input.catalog, group);
      if (!fn) continue;
      const values = fn(this.input.records.get(group[0]!.kind) ?? [], this.subtree(orgId), range);
      group.forEach((m, k) => this.memo.set(memoKey(m.id, orgId, range), values[k]!));
    }
  }

  /** One indicator for `period`, over its whole range unless `range` names other days. */
  evaluate(indicatorId: string, orgId: string, period: Period, range: PeriodRange = periodRange(period)): IndicatorResult {
    const i = this.indicator(indicatorId);
    const numerator = { measureId: i.numerator, value: this.measure(i.numerator, orgId, range) };
    const denominator = i.denominator === undefined ? undefined : { measureId: i.denominator, value: this.measure(i.denominator, orgId, range) };
    return {
      indicator: i,
      orgId,
      period,
      range,
      value: indicatorValue(i, numerator.value, denominator?.value),
      numerator,
      ...(denominator ? { denominator } : {}),
    };
  }

  /** All indicators of the catalog (or the given ids) for one org and period. */
  evaluateAll(orgId: string, period: Period, ids?: readonly string[]): IndicatorResult[] {
    const wanted = ids ?? [...this.indicators.keys()];
    this.prefetch(wanted, orgId, periodRange(period));
    return wanted.map((id) => this.evaluate(id, orgId, period));
  }

  /** What `compare` compares for this unit and period: its ledger span and today decide. */
  basis(orgId: string, period: Period): ComparisonBasis {
    return comparisonBasis(period, this.input.orgs.ledgerSpan(orgId), (this.input.today ?? todayInShanghai)());
  }

  /** Current period against the same days a year earlier (同比), when they compare like with like. */
  compare(indicatorId: string, orgId: string, period: Period, basis: ComparisonBasis = this.basis(orgId, period)): IndicatorComparison {
    const current = this.evaluate(indicatorId, orgId, period, basis.current);
    return compareResults(basis, current, basis.comparable ? this.evaluate(indicatorId, orgId, previousYear(period), basis.previous) : null);
  }

  compareAll(orgId: string, period: Period, ids?: readonly string[]): IndicatorComparison[] {
    const basis = this.basis(orgId, period);
    const wanted = ids ?? [...this.indicators.keys()];
    this.prefetch(wanted, orgId, basis.current);
    if (basis.comparable) this.prefetch(wanted, orgId, basis.previous);
    return wanted.map((id) => this.compare(id, orgId, period, basis));
  }

  /** One indicator over consecutive periods, e.g. `monthsOf(2024)` for a monthly trend. */
  trend(indicatorId: string, orgId: string, periods: readonly Period[]): IndicatorResult[] {
    return periods.map((p) => this.evaluate(indicatorId, orgId, p));
  }
}
