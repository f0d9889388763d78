import { periodRange, previousYear, todayInShanghai, type LedgerSpan, type Period, type PeriodRange } from '@fazhi/domain';
import {
  builtInCatalog,
  compareResults,
  comparisonBasis,
  indicatorValue,
  type Catalog,
  type Indicator,
  type IndicatorComparison,
  type IndicatorResult,
  type Measure,
} from '@fazhi/metrics';
import type { Database } from './client.js';
import { numericValue } from './numeric-value.js';
import { queryAs } from './session.js';

export interface SqlEvaluatorOptions {
  /**
   * Evaluate as this user (`auth.uid()`), under row-level security as the console does: figures
   * then count only the rows the user may read. Without it the connection's own role runs the
   * functions (the owner or service_role, which bypass RLS).
   */
  asUser?: string;
  /** The catalog the indicators migration was generated from; the built-in one by default. */
  catalog?: Catalog;
  /** Today's date (YYYY-MM-DD) for periods still running; the date in Asia/Shanghai by default. */
  today?: () => string;
}

/** The SQL counterpart of `Evaluator` in @fazhi/metrics: same results, computed in the database. */
export interface SqlEvaluator {
  readonly catalog: Catalog;
  indicator(id: string): Indicator;
  /** One indicator for `period`, over its whole range unless `range` names other days (as in memory). */
  evaluate(indicatorId: string, orgId: string, period: Period, range?: PeriodRange): Promise<IndicatorResult>;
  evaluateAll(orgId: string, period: Period, ids?: readonly string[]): Promise<IndicatorResult[]>;
  /** `evaluateAll` for several periods in one round trip (trend tables, test sweeps). */
  evaluatePeriods(orgId: string, periods: readonly Period[], ids?: readonly string[]): Promise<IndicatorResult[][]>;
  compare(indicatorId: string, orgId: string, period: Period): Promise<IndicatorComparison>;
  compareAll(orgId: string, period: Period, ids?: readonly string[]): Promise<IndicatorComparison[]>;
  trend(indicatorId: string, orgId: string, periods: readonly Period[]): Promise<IndicatorResult[]>;
}

/** One row of `public.indicator_values`, tagged with the index `k` of the period it is for. */
export interface IndicatorRow {
  k: number;
  indicator_id: string;
  numerator: string | null;
  denominator: string | null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// numeric travels as text so money (bigint sums) stays exact; one call per period, all in one
// round trip. A signed-in user's figures come through public.unit_indicator_values (the same rows,
// without row-level security's per-row cost when it would filter nothing, 20261205090520); the
// owner, whom RLS does not hold back, calls public.indicator_values itself.
const queryOf = (fn: 'unit_indicator_values' | 'indicator_values') => `select p.k, iv.indicator_id, iv.numerator::text as numerator, iv.denominator::text as denominator
from unnest($2::int[], $3::date[], $4::date[]) as p (k, s, e)
cross join lateral public.${fn}($1::uuid, p.s, p.e) as iv
order by p.k`;

/**
 * Fetches `public.indicator_values` of one org for several date ranges, rows tagged with the
 * range's index: one SQL round trip here, one RPC per range over PostgREST. A range is
 * `periodRange`'s: `start` inclusive, `end` exclusive (the day after the period; SQL `< p_end`).
 */
export type IndicatorRowsFetcher = (orgId: string, ranges: readonly { start: string; end: string }[]) => Promise<readonly IndicatorRow[]>;

/** The ledger span of an org's whole subtree, from `public.ledger_span` (null: none declared). */
export type LedgerSpanFetcher = (orgId: string) => Promise<LedgerSpan | null>;

/** Where `indicatorEvaluator` gets its rows and spans: SQL here, Supabase RPC in the console. */
export interface IndicatorFetchers {
  rows: IndicatorRowsFetcher;
  ledgerSpan: LedgerSpanFetcher;
}

const spanQuery = 'select ledger_from::text as ledger_from, ledger_to::text as ledger_to from public.ledger_span($1::uuid)';

/** A row of `public.ledger_span` as a span; no row (an org the caller cannot read) or no start: null. */
export function ledgerSpanOfRow(row: { ledger_from: string | null; ledger_to: string | null } | undefined): LedgerSpan | null {
  return row?.ledger_from ? { from: row.ledger_from, to: row.ledger_to ?? null } : null;
}

export function sqlEvaluator(db: Database, opts: SqlEvaluatorOptions = {}): SqlEvaluator {
  // As the user: the claims and the statement in one request (`queriesAs`), not a transaction
  // whose every step waits on the caller.
  const run = async <R>(sql: string, params: unknown[]) => (opts.asUser ? await queryAs<R>(db, { userId: opts.asUser }, sql, params) : await db.query<R>(sql, params)).rows;
  const query = queryOf(opts.asUser ? 'unit_indicator_values' : 'indicator_values');
  const rows: IndicatorRowsFetcher = (orgId, ranges) => run<IndicatorRow>(query, [orgId, ranges.map((_, k) => k), ranges.map((r) => r.start), ranges.map((r) => r.end)]);
  const ledgerSpan: LedgerSpanFetcher = async (orgId) => ledgerSpanOfRow((await run<{ ledger_from: string | null; ledger_to: string | null }>(spanQuery, [orgId]))[0]);
  return indicatorEvaluator({ rows, ledgerSpan }, opts);
}

/**
 * The evaluator over any source of `indicator_values` rows (SQL here, Supabase RPC in the console):
 * same results as the in-memory `Evaluator`, recomputed from the exact numerator and denominator.
 */
export function indicatorEvaluator(fetchers: IndicatorFetchers, opts: Pick<SqlEvaluatorOptions, 'catalog' | 'today'> = {}): SqlEvaluator {
  const catalog = opts.catalog ?? builtInCatalog;
  const today = opts.today ?? todayInShanghai;
  const indicators = new Map(catalog.indicators.map((i) => [i.id, i]));
  const measures = new Map<string, Measure>(catalog.measures.map((m) => [m.id, m]));

  const indicator = (id: string): Indicator => {
    const i = indicators.get(id);
    if (!i) throw new Error(`未知的指标“${id}”`);
    return i;
  };

  const measureValue = (measureId: string, text: string | null): number | null => {
    const m = measures.get(measureId);
    const value = numericValue(text, m?.label ?? measureId);
    if (m?.valueType === 'money' && value !== null && !Number.isInteger(value)) {
      throw new RangeError(`“${m.label}”是以分计的金额，却得到了非整数 ${text}`);
    }
    return value;
  };

  const toResult = (i: Indicator, orgId: string, period: Period, range: PeriodRange, row: IndicatorRow): IndicatorResult => {
    const numerator = { measureId: i.numerator, value: measureValue(i.numerator, row.numerator) };
    const denominator = i.denominator === undefined ? undefined : { measureId: i.denominator, value: measureValue(i.denominator, row.denominator) };
    return {
      indicator: i,
      orgId,
      period,
      range,
      // Recomputed from the exact components with the in-memory formula, so both evaluators agree
      // to the last bit; the function's own `value` column serves SQL callers.
      value: indicatorValue(i, numerator.value, denominator?.value),
      numerator,
      ...(denominator ? { denominator } : {}),
    };
  };

  const checkOrg = (orgId: string) => {
    if (!uuidPattern.test(orgId)) throw new Error(`机构编号“${orgId}”不是有效的 UUID（数据库中的机构以 UUID 标识）`);
  };

  /** Results per (period, days) pair, each in the order of `ids`. */
  async function evaluateRanges(orgId: string, spans: readonly { period: Period; range: PeriodRange }[], ids: readonly string[]): Promise<IndicatorResult[][]> {
    checkOrg(orgId);
    const wanted = ids.map(indicator);
    const rows = await fetchers.rows(orgId, spans.map((s) => s.range));
    const byRange = spans.map(() => new Map<string, IndicatorRow>());
    for (const r of rows) byRange[Number(r.k)]!.set(r.indicator_id, r);
    return spans.map(({ period, range }, k) =>
      wanted.map((i) => {
        const row = byRange[k]!.get(i.id);
        if (!row) throw new Error(`数据库中的指标函数没有返回指标“${i.id}”，请执行数据库迁移（指标目录与数据库不一致）`);
        return toResult(i, orgId, period, range, row);
      }),
    );
  }

  const evaluatePeriods = (orgId: string, periods: readonly Period[], ids: readonly string[]) =>
    evaluateRanges(orgId, periods.map((period) => ({ period, range: periodRange(period) })), ids);

  /** The same rule as the in-memory evaluator: the span from the database, then `comparisonBasis`. */
  async function compareAll(orgId: string, period: Period, ids: readonly string[]): Promise<IndicatorComparison[]> {
    checkOrg(orgId);
    const basis = comparisonBasis(period, await fetchers.ledgerSpan(orgId), today());
    const [current, previous] = await evaluateRanges(
      orgId,
      [{ period, range: basis.current }, ...(basis.comparable ? [{ period: previousYear(period), range: basis.previous }] : [])],
      ids,
    );
    return current!.map((c, n) => compareResults(basis, c, previous ? previous[n]! : null));
  }

  const allIds = () => [...indicators.keys()];

  return {
    catalog,
    indicator,
    async evaluate(indicatorId, orgId, period, range = periodRange(period)) {
      return (await evaluateRanges(orgId, [{ period, range }], [indicatorId]))[0]![0]!;
    },
    async evaluateAll(orgId, period, ids) {
      return (await evaluatePeriods(orgId, [period], ids ?? allIds()))[0]!;
    },
    async evaluatePeriods(orgId, periods, ids) {
      return periods.length ? evaluatePeriods(orgId, periods, ids ?? allIds()) : [];
    },
    async compare(indicatorId, orgId, period) {
      return (await compareAll(orgId, period, [indicatorId]))[0]!;
    },
    compareAll(orgId, period, ids) {
      return compareAll(orgId, period, ids ?? allIds());
    },
    async trend(indicatorId, orgId, periods) {
      if (!periods.length) return [];
      return (await evaluatePeriods(orgId, periods, [indicatorId])).map((r) => r[0]!);
    },
  };
}
