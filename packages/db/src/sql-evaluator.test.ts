import { monthsOf, periodRange, type Period } from '@fazhi/domain';
import { builtInCatalog, Evaluator } from '@fazhi/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareEvaluators, equalityPeriods, subtreeEvaluators } from './indicator-equality.test-helper.js';
import { seededDatabases, type SeededDatabase } from './seed-databases.test-helper.js';
import { readDatabaseRecords } from './read-records.js';
import { ledgerSpanOfRow, sqlEvaluator, type SqlEvaluator } from './sql-evaluator.js';

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

  it('compares a running period up to yesterday, and finds no previous year before the ledgers, as memory does', async () => {
    // A fixed "today" inside 2024: both evaluators count 1 January – 14 November 2024 against the
    // same days of 2023, for every unit; 2023 itself has no 同比 (the seed's ledgers begin with it).
    const today = () => '2024-11-15';
    const memoryNow = new Evaluator({ orgs: s.dataset.orgs, records: s.dataset.records, catalog: builtInCatalog, today });
    const sqlNow = sqlEvaluator(s.db, { today });
    const strip = (x: unknown) => JSON.parse(JSON.stringify(x));
    const periods: Period[] = [{ kind: 'year', year: 2024 }, { kind: 'quarter', year: 2024, quarter: 4 }, { kind: 'month', year: 2024, month: 11 }, { kind: 'year', year: 2023 }];
    for (const org of s.dataset.orgs.units.keys()) {
      for (const period of periods) {
        const fromSql = await sqlNow.compareAll(org, period);
        expect(strip(fromSql), `${org} ${JSON.stringify(period)}`).toEqual(strip(memoryNow.compareAll(org, period)));
      }
    }
    const street = s.dataset.manifest.rootOrgId;
    const running = await sqlNow.compare('mediation.successful_cases', street, { kind: 'year', year: 2024 });
    expect(running.basis).toMatchObject({ comparable: true, asOf: '2024-11-14', current: { end: '2024-11-15' }, previous: { start: '2023-01-01', end: '2023-11-15' } });
    expect(running.current.value).toBeLessThan(242); // the whole year's figure
    const days = { start: '2024-01-01', end: '2024-11-15' };
    expect(running.current.value).toBe(memory.evaluate('mediation.successful_cases', street, { kind: 'year', year: 2024 }, days).value);
    expect(strip(await sql.evaluate('public_service.ticket_on_time_rate', street, { kind: 'year', year: 2024 }, days))).toEqual(
      strip(memory.evaluate('public_service.ticket_on_time_rate', street, { kind: 'year', year: 2024 }, days)),
    );
    const first = await sqlNow.compare('mediation.successful_cases', street, { kind: 'year', year: 2023 });
    expect([first.basis.comparable, first.previous, first.relativeChange]).toEqual([false, null, null]);
  });

  it('reads the same ledger span for every unit as the org tree computes, whoever declares it', async () => {
    const ids = [...s.dataset.orgs.units.keys()];
    const top = s.dataset.orgs.roots()[0]!.id; // the district: dataset.json's span sits on the roots
    const seedSpan = s.dataset.manifest.ledgerSpan!;
    const street = s.dataset.manifest.rootOrgId;
    const children = [...s.dataset.orgs.subtreeIds(street)].filter((id) => id !== street);
    // Spans on a few units below the street, one of them closed; then the district's removed.
    const declared = new Map<string, { from: string; to: string | null }>([
      [children[0]!, { from: '2023-07-01', to: null }],
      [children[1]!, { from: '2022-01-01', to: '2024-06-30' }],
      [children.at(-1)!, { from: '2024-02-29', to: '2024-12-31' }],
    ]);
    try {
      for (const [id, span] of declared) await s.db.query('update public.org_units set ledger_from = $2, ledger_to = $3 where id = $1', [id, span.from, span.to]);
      for (const withRoot of [true, false]) {
        if (!withRoot) await s.db.query('update public.org_units set ledger_from = null, ledger_to = null where id = $1', [top]);
        const tree = (await readDatabaseRecords(s.db)).orgs;
        for (const id of ids) {
          const { rows } = await s.db.query<{ ledger_from: string | null; ledger_to: string | null }>('select ledger_from::text, ledger_to::text from public.ledger_span($1)', [id]);
          expect(ledgerSpanOfRow(rows[0]), id).toEqual(tree.ledgerSpan(id));
        }
        // the latest start and the earliest end of the street's units
        expect(tree.ledgerSpan(street)).toEqual({ from: '2024-02-29', to: '2024-06-30' });
        expect(tree.ledgerSpan(children[2]!)).toEqual(withRoot ? seedSpan : null);
      }
      // The constraints keep a span whole and in order.
      await expect(s.db.query('update public.org_units set ledger_from = null, ledger_to = $2 where id = $1', [children[0], '2024-01-01'])).rejects.toThrow(/org_units_ledger_to_needs_from/);
      await expect(s.db.query('update public.org_units set ledger_from = $2, ledger_to = $3 where id = $1', [children[0], '2024-01-02', '2024-01-01'])).rejects.toThrow(/org_units_ledger_span_order/);
    } finally {
      await s.db.query('update public.org_units set ledger_from = null, ledger_to = null where id <> $1', [top]);
      await s.db.query('update public.org_units set ledger_from = $2, ledger_to = $3 where id = $1', [top, seedSpan.from, seedSpan.to]);
    }
  });

  it('names an unknown indicator or a malformed org id in Chinese', async () => {
    await expect(sql.evaluate('no.such', s.dataset.manifest.rootOrgId, { kind: 'year', year: 2024 })).rejects.toThrow('未知的指标“no.such”');
    await expect(sql.evaluateAll('s1', { kind: 'year', year: 2024 })).rejects.toThrow('机构编号“s1”不是有效的 UUID');
  });
});
