import { monthsOf, periodRange, type Period } from '@fazhi/domain';
import { builtInCatalog, Evaluator } from '@fazhi/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareEvaluators, equalityPeriods, subtreeEvaluators } from './indicator-equality.test-helper.js';
import { seededDatabases, type SeededDatabase } from './seed-databases.test-helper.js';
import { sqlEvaluator, type SqlEvaluator } from './sql-evaluator.js';

/**
 * The core proof: with seeds/nansha-2024 loaded, the database computes every indicator exactly as
 * the in-memory evaluator does, for every org unit of the dataset and every test period.
 */
describe.each(seededDatabases)('sqlEvaluator on the seed dataset ($name)', ({ open }) => {
  let s: SeededDatabase;
  let memory: Evaluator;
  let sql: SqlEvaluator;
  beforeAll(async () => {
    s = await open();
    memory = new Evaluator({ orgs: s.dataset.orgs, records: s.dataset.records, catalog: builtInCatalog });
    sql = sqlEvaluator(s.db);
  }, 180_000);
  afterAll(() => s?.close());

  it('agrees with the in-memory evaluator for every indicator, org unit and period', async () => {
    const orgIds = [...s.dataset.orgs.units.keys()];
    const memoryFor = subtreeEvaluators(s.dataset.orgs, s.dataset.records, builtInCatalog);
    const { compared, mismatches } = await compareEvaluators(memoryFor, sql, orgIds, equalityPeriods);
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(compared).toBe(orgIds.length * equalityPeriods.length * builtInCatalog.indicators.length);
  }, 180_000);

  it('returns the reference figures for the street in 2024', async () => {
    const street = s.dataset.manifest.rootOrgId;
    const value = async (id: string) => (await sql.evaluate(id, street, { kind: 'year', year: 2024 })).value;
    expect(await value('mediation.successful_cases')).toBe(242);
    expect(await value('public_service.tickets_received')).toBe(21349);
    // Money stays integer fen (the report prints it as 560.22万元).
    const amount = await value('mediation.successful_amount');
    expect(Number.isInteger(amount)).toBe(true);
    expect(Math.round(amount! / 10_000) / 100).toBe(560.22);
  });

  it('computes the value column of indicator_values itself to within 1e-9', async () => {
    const street = s.dataset.manifest.rootOrgId;
    for (const period of [{ kind: 'year', year: 2024 }, { kind: 'quarter', year: 2024, quarter: 4 }] as Period[]) {
      const { start, end } = periodRange(period);
      const { rows } = await s.db.query<{ indicator_id: string; value: number | null }>('select indicator_id, value from public.indicator_values($1, $2, $3)', [street, start, end]);
      const mem = new Map(memory.evaluateAll(street, period).map((r) => [r.indicator.id, r.value]));
      expect(rows).toHaveLength(builtInCatalog.indicators.length);
      for (const r of rows) {
        const m = mem.get(r.indicator_id);
        if (m === null || r.value === null) expect(r.value, r.indicator_id).toBe(m);
        else expect(Math.abs(r.value - m!), r.indicator_id).toBeLessThan(1e-9);
      }
    }
  });

  it('compares with the year before and gives monthly trends as memory does', async () => {
    const street = s.dataset.manifest.rootOrgId;
    const strip = (x: unknown) => JSON.parse(JSON.stringify(x));
    expect(strip(await sql.compareAll(street, { kind: 'year', year: 2024 }))).toEqual(strip(memory.compareAll(street, { kind: 'year', year: 2024 })));
    expect(strip(await sql.trend('public_service.ticket_closure_rate', street, monthsOf(2024)))).toEqual(strip(memory.trend('public_service.ticket_closure_rate', street, monthsOf(2024))));
    expect(await sql.trend('public_service.ticket_closure_rate', street, [])).toEqual([]);
  });

  it('names an unknown indicator or a malformed org id in Chinese', async () => {
    await expect(sql.evaluate('no.such', s.dataset.manifest.rootOrgId, { kind: 'year', year: 2024 })).rejects.toThrow('未知的指标“no.such”');
    await expect(sql.evaluateAll('s1', { kind: 'year', year: 2024 })).rejects.toThrow('机构编号“s1”不是有效的 UUID');
  });
});
