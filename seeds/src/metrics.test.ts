import { loadDataset, type Dataset } from '@fazhi/dataset';
import { createRegistry, monthsOf, periodRange, yearPeriod, type Period } from '@fazhi/domain';
import { builtInCatalog, checkCatalog, Evaluator, generateMeasure, interpretMeasure } from '@fazhi/metrics';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/** The figures of FIGURES.md through @fazhi/metrics (figures.test.ts checks them with plain code). */
const expected2024: Record<string, number> = {
  'admin_disputes.head_appearance_rate': 100,
  'legality_review.consultations': 90,
  'legality_review.contract_reviews': 1715,
  'legality_review.legal_opinions': 6,
  'legality_review.meetings': 15,
  'admin_disputes.handling_decisions': 3,
  'admin_disputes.reconsiderations': 6,
  'admin_disputes.litigations': 5,
  'enforcement.guidance': 15,
  'enforcement.interviews': 11,
  'enforcement.warnings': 1,
  'enforcement.training_compliance_rate': 100,
  'enforcement.aux_staff_recruited': 134,
  'mediation.successful_cases': 242,
  'mediation.successful_parties': 1692,
  'legal_aid.accepted_applications': 456,
  'publicity.events': 168,
  'publicity.videos': 16,
  'business_env.bilingual_signs': 65,
  'business_env.foreign_services': 97,
  'public_service.catalogue_items': 233,
  'public_service.full_coverage_supervisions': 9,
  'public_service.tickets_received': 21349,
  'public_service.coordination_events': 25,
  'public_service.ticket_closure_rate': 100,
  'public_service.ticket_satisfaction_rate': 100,
  'rectification.on_time_rate': 100,
  'rectification.reported_on_time_rate': 100,
};

let ds: Dataset;
let evaluator: Evaluator;
beforeAll(async () => {
  ds = await loadDataset(fileURLToPath(new URL('../nansha-2024', import.meta.url)));
  evaluator = new Evaluator({ orgs: ds.orgs, records: ds.records, catalog: builtInCatalog });
}, 60_000);

describe('the built-in catalog on the nansha-2024 seed', () => {
  it('checks clean against the built-in record kinds', () => {
    expect(() => checkCatalog(builtInCatalog, createRegistry())).not.toThrow();
  });

  it('yields every reference figure for 2024', () => {
    const root = ds.manifest.rootOrgId;
    const got = Object.fromEntries(Object.keys(expected2024).map((id) => [id, evaluator.evaluate(id, root, yearPeriod(2024)).value]));
    expect(got).toEqual(expected2024);
    // Money and the hedged/attribute figures: exact values behind 560.22万元, 1568万元, 100多平米.
    expect(Math.round(evaluator.evaluate('mediation.successful_amount', root, yearPeriod(2024)).value! / 10_000)).toBe(56022);
    expect(Math.round(evaluator.evaluate('legal_aid.accepted_amount', root, yearPeriod(2024)).value! / 1_000_000)).toBe(1568);
    expect(evaluator.evaluate('public_legal_service.hall_area', root, yearPeriod(2024)).value).toBeGreaterThan(100);
  });

  it('gives 2023 different values for year-on-year comparison', () => {
    const root = ds.manifest.rootOrgId;
    const same = Object.keys(expected2024).filter((id) => {
      const c = evaluator.compare(id, root, yearPeriod(2024));
      expect(c.basis.comparable, id).toBe(true); // 2023 lies inside the seed's ledgers
      return c.current.value === c.previous!.value;
    });
    // Rates that were already 100% in 2023 may stay equal; every count must differ.
    expect(same.filter((id) => !id.endsWith('_rate'))).toEqual([]);
  });

  it('runs generated code with exactly the interpreter’s results for every measure, org unit and period', () => {
    const months = monthsOf(2024);
    const periods: Period[] = [yearPeriod(2023), yearPeriod(2024), { kind: 'quarter', year: 2024, quarter: 1 }, { kind: 'quarter', year: 2024, quarter: 4 }, months[0]!, months[11]!];
    // The district, the street and one unit of each kind below it.
    const units = [...ds.orgs.units.values()];
    const orgs = [...new Map(units.map((u) => [u.kind, u.id])).values()];
    let compared = 0;
    for (const m of builtInCatalog.measures) {
      const generated = generateMeasure(m);
      expect(generated, m.id).not.toBeNull();
      const interpreted = interpretMeasure(m);
      const rows = ds.records.get(m.kind) ?? [];
      for (const org of orgs) {
        const subtree = ds.orgs.subtreeIds(org);
        for (const p of periods) {
          const range = periodRange(p);
          expect(generated!(rows, subtree, range), `${m.id} ${org}`).toBe(interpreted(rows, subtree, range));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1_500);
  });
});
