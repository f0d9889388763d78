import { readDatabaseRecords, type Database } from '@fazhi/db';
import { createRegistry, type Period } from '@fazhi/domain';
import { builtInCatalog, Evaluator } from '@fazhi/metrics';

/** The periods whole-database round trips compare: two years, every quarter and two months. */
export const comparedPeriods: Period[] = [
  { kind: 'year', year: 2023 },
  { kind: 'year', year: 2024 },
  ...[1, 2, 3, 4].map((quarter): Period => ({ kind: 'quarter', year: 2024, quarter: quarter as 1 | 2 | 3 | 4 })),
  { kind: 'month', year: 2024, month: 1 },
  { kind: 'month', year: 2024, month: 12 },
];

/** Every indicator of every unit and period of the database, as comparable values. */
export async function indicators(db: Database): Promise<Map<string, unknown>> {
  const read = await readDatabaseRecords(db, { registry: createRegistry() });
  const evaluator = new Evaluator({ orgs: read.orgs, records: read.records, catalog: builtInCatalog, today: () => '2025-06-30' });
  const out = new Map<string, unknown>();
  for (const org of read.orgs.units.keys()) {
    for (const p of comparedPeriods) {
      for (const r of evaluator.evaluateAll(org, p)) out.set(`${r.indicator.id} ${org} ${JSON.stringify(p)}`, [r.value, r.numerator.value, r.denominator?.value ?? null]);
    }
  }
  return out;
}

/** Indicators of `after` that differ from `before`'s, as readable lines (empty when equal). */
export function differingIndicators(before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  return [...before].filter(([k, v]) => JSON.stringify(after.get(k)) !== JSON.stringify(v)).map(([k, v]) => `${k}: ${JSON.stringify(v)} → ${JSON.stringify(after.get(k))}`);
}
