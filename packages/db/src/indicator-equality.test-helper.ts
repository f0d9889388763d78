import { periodKey, type AnyRecord, type OrgTree, type Period } from '@fazhi/domain';
import { Evaluator, type Catalog, type IndicatorResult } from '@fazhi/metrics';
import type { SqlEvaluator } from './sql-evaluator.js';

/**
 * Integers (counts, money in fen) must match exactly. Sums of decimals may differ in the last bits:
 * memory adds doubles, SQL adds exact numerics; ratios are compared to 1e-9.
 */
function same(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return a === b;
  if (Number.isInteger(a) && Number.isInteger(b)) return a === b;
  return Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(a));
}

export interface Mismatch {
  indicator: string;
  org: string;
  period: string;
  memory: unknown;
  sql: unknown;
}

function diff(mem: IndicatorResult, sql: IndicatorResult): Mismatch | null {
  const ok = same(mem.value, sql.value) && same(mem.numerator.value, sql.numerator.value) && same(mem.denominator?.value, sql.denominator?.value);
  if (ok) return null;
  const show = (r: IndicatorResult) => ({ value: r.value, numerator: r.numerator.value, denominator: r.denominator?.value });
  return { indicator: mem.indicator.id, org: mem.orgId, period: periodKey(mem.period), memory: show(mem), sql: show(sql) };
}

/**
 * Every indicator for every org and period, in memory and in SQL; returns what differs. `memory`
 * may be given per org (an evaluator over that org's subtree only: the same results, found faster).
 */
export async function compareEvaluators(
  memory: Evaluator | ((orgId: string) => Evaluator),
  sql: SqlEvaluator,
  orgIds: readonly string[],
  periods: readonly Period[],
): Promise<{ compared: number; mismatches: Mismatch[] }> {
  const mismatches: Mismatch[] = [];
  let compared = 0;
  for (const org of orgIds) {
    const sqlByPeriod = await sql.evaluatePeriods(org, periods);
    const evaluator = typeof memory === 'function' ? memory(org) : memory;
    periods.forEach((p, k) => {
      const mem = evaluator.evaluateAll(org, p);
      mem.forEach((m, n) => {
        compared++;
        const d = diff(m, sqlByPeriod[k]![n]!);
        if (d) mismatches.push(d);
      });
    });
  }
  return { compared, mismatches };
}

/** Year 2023 and 2024, every quarter of 2024, and months including January and December. */
export const equalityPeriods: Period[] = [
  { kind: 'year', year: 2023 },
  { kind: 'year', year: 2024 },
  ...([1, 2, 3, 4] as const).map((quarter) => ({ kind: 'quarter' as const, year: 2024, quarter })),
  ...[1, 2, 6, 12].map((month) => ({ kind: 'month' as const, year: 2024, month })),
  { kind: 'month', year: 2023, month: 12 },
];

/** An in-memory evaluator per org over only the records of its subtree (the rest never count). */
export function subtreeEvaluators(orgs: OrgTree, records: ReadonlyMap<string, readonly AnyRecord[]>, catalog: Catalog): (orgId: string) => Evaluator {
  return (orgId) => {
    const subtree = orgs.subtreeIds(orgId);
    const mine = new Map([...records].map(([kind, rows]) => [kind, rows.filter((r) => subtree.has(r.orgId))]));
    return new Evaluator({ orgs, records: mine, catalog });
  };
}
