import { loadDataset } from '@fazhi/dataset';
import { addDays, createRegistry, OrgTree, type Period } from '@fazhi/domain';
import { builtInCatalog, Evaluator } from '@fazhi/metrics';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoStreetName, withDemoStreet } from '../scripts/demo-street.js';

const seedDir = fileURLToPath(new URL('../../../seeds/nansha-2024', import.meta.url));

describe('the demo’s fictional street', () => {
  let demo: ReturnType<typeof withDemoStreet>;
  let streetId: string;
  let evaluator: Evaluator;
  beforeAll(async () => {
    const registry = createRegistry();
    demo = withDemoStreet(await loadDataset(seedDir, { registry }), registry);
    const orgs = demo.orgs as OrgTree;
    streetId = [...orgs.units.values()].find((u) => u.shortName === demoStreetName.shortName)!.id;
    evaluator = new Evaluator({ orgs, records: demo.records, catalog: builtInCatalog, today: () => '2026-12-04' });
  }, 60_000);

  it('declares its own ledger span, 2023 to 2024', () => {
    expect((demo.orgs as OrgTree).get(streetId).ledgerSpan).toEqual({ from: '2023-01-01', to: '2024-12-31' });
  });

  it('holds data for every month of that span (tickets, legal aid) and every quarter (mediation)', () => {
    // Mediation cases are sampled (about 40% of the seed street's): a quiet month such as
    // February 2024 (6 cases in the seed street) may keep none, so they are checked by quarter.
    const span = (demo.orgs as OrgTree).get(streetId).ledgerSpan!;
    const empty: string[] = [];
    for (let month = span.from; month <= span.to!; month = `${addDays(month, 32).slice(0, 8)}01`) {
      const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
      const checks: [string, Period][] = [
        ['public_service.tickets_received', { kind: 'month', year, month: m }],
        ['legal_aid.applications', { kind: 'month', year, month: m }],
        ['mediation.accepted_cases', { kind: 'quarter', year, quarter: Math.ceil(m / 3) as 1 | 2 | 3 | 4 }],
      ];
      for (const [id, period] of checks) if (!evaluator.evaluate(id, streetId, period).value) empty.push(`${month.slice(0, 7)} ${id}`);
    }
    expect(empty).toEqual([]);
  });

  it('compares 2024 with 2023, and 2023 with nothing (上年无数据)', () => {
    expect(evaluator.compare('mediation.accepted_cases', streetId, { kind: 'year', year: 2024 }).basis.comparable).toBe(true);
    expect(evaluator.compare('mediation.accepted_cases', streetId, { kind: 'year', year: 2023 }).basis).toMatchObject({ comparable: false, reason: 'no_previous_data' });
  });
});
