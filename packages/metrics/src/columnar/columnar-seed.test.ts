import { loadDataset } from '@fazhi/dataset';
import { periodRange, yearPeriod, type PeriodRange } from '@fazhi/domain';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../catalog/index.js';
import { interpretMeasure } from '../compile.js';
import { Evaluator, indicatorValue } from '../evaluate.js';
import { ColumnarRecords } from './records.js';

const seed = fileURLToPath(new URL('../../../../seeds/nansha-2024', import.meta.url));

describe('the seed over columns', async () => {
  const dataset = await loadDataset(seed);
  const records = new ColumnarRecords(dataset.records);
  const root = dataset.manifest.rootOrgId;
  // The district, the street and one unit of each kind below it: roll-ups and single units.
  const street = dataset.orgs.childrenOf(root)[0]!;
  const below = [...new Map(dataset.orgs.childrenOf(street.id).map((u) => [u.kind, u.id])).values()];
  const units = [root, street.id, ...below];
  const ranges: PeriodRange[] = [periodRange(yearPeriod(2023)), periodRange(yearPeriod(2024)), { start: '2024-01-01', end: '2024-10-16' }, { start: '2024-03-01', end: '2024-04-01' }];

  it('runs every built-in measure over columns (none falls back to the records)', () => {
    expect(records.prepare(builtInCatalog.measures)).toEqual([]);
  });

  it('gives every indicator the reference interpreter’s value, for every unit kind and range', () => {
    const reference = new Map(builtInCatalog.measures.map((m) => [m.id, interpretMeasure(m)]));
    const measureByKind = new Map(builtInCatalog.measures.map((m) => [m.id, m.kind]));
    const rows = (measureId: string) => dataset.records.get(measureByKind.get(measureId)!) ?? [];
    let compared = 0;
    for (const orgId of units) {
      const subtree = dataset.orgs.subtreeIds(orgId);
      for (const range of ranges) {
        const evaluator = new Evaluator({ orgs: dataset.orgs, records, catalog: builtInCatalog });
        for (const i of builtInCatalog.indicators) {
          const numerator = reference.get(i.numerator)!(rows(i.numerator), subtree, range);
          const denominator = i.denominator === undefined ? undefined : reference.get(i.denominator)!(rows(i.denominator), subtree, range);
          const got = evaluator.evaluate(i.id, orgId, yearPeriod(Number(range.start.slice(0, 4))), range);
          expect([got.numerator.value, got.denominator?.value, got.value], `${i.id} ${orgId} ${range.start}–${range.end}`).toEqual([numerator, denominator, indicatorValue(i, numerator, denominator)]);
          if (got.value !== null && got.value !== 0) compared++;
        }
      }
    }
    // Most indicators have a value on the seed: the comparison is not of zeros.
    expect(compared).toBeGreaterThan(units.length * builtInCatalog.indicators.length);
  });

  it('answers evaluateAll and compareAll as the evaluator over the record objects does', () => {
    const today = () => '2024-10-16';
    for (const orgId of units) {
      const columns = new Evaluator({ orgs: dataset.orgs, records, catalog: builtInCatalog, today });
      const objects = new Evaluator({ orgs: dataset.orgs, records: dataset.records, catalog: builtInCatalog, today });
      expect(columns.evaluateAll(orgId, yearPeriod(2023))).toEqual(objects.evaluateAll(orgId, yearPeriod(2023)));
      expect(columns.compareAll(orgId, yearPeriod(2024))).toEqual(objects.compareAll(orgId, yearPeriod(2024)));
    }
  });
});
