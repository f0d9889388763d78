import { loadDataset } from '@fazhi/dataset';
import { importRecords, insertDataset, readDatabaseRecords, type Database } from '@fazhi/db';
import { pgliteBackend } from '@fazhi/db/testing';
import { createRegistry, hotlineTickets, mediationCases, periodKey, RecordKindRegistry, type AnyRecord, type Period } from '@fazhi/domain';
import { builtInCatalog, Evaluator } from '@fazhi/metrics';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportLedger } from './export.js';
import { readLedger } from './read-ledger.js';

/**
 * The seed's ledgers exported to .xlsx, read back and imported into an empty database (the org
 * tree only) give every indicator, for every unit and period, the value the seed itself gives.
 */
const seedDir = fileURLToPath(new URL('../../../seeds/nansha-2024', import.meta.url));
const kinds = [mediationCases, hotlineTickets];
/**
 * Every mediation case; the hotline tickets received in 2024 Q2 (about a tenth of the seed's 41k,
 * so the test stays within a minute on a shared machine; the 21,349-row import is the benchmark's).
 */
const inRoundTrip = (r: AnyRecord, kind: string) => !r.deletedAt && (kind !== 'hotline_tickets' || (String(r.receivedAt) >= '2024-04-01' && String(r.receivedAt) < '2024-07-01'));
const periods: Period[] = [
  ...[2022, 2023, 2024].map((year): Period => ({ kind: 'year', year })),
  { kind: 'quarter', year: 2024, quarter: 2 },
  { kind: 'month', year: 2024, month: 5 },
  { kind: 'month', year: 2023, month: 12 },
];

describe('round trip of the nansha seed through .xlsx ledgers', () => {
  let db: Database;
  beforeAll(async () => {
    db = await pgliteBackend.create();
  }, 180_000);
  afterAll(() => db?.close());

  test('export → read → import into an empty database → every indicator equal', async () => {
    const ds = await loadDataset(seedDir, { registry: createRegistry() });
    await insertDataset(db, { ...ds, records: new Map() });
    const orgs = [...ds.orgs.units.values()];
    const live = (id: string) => (ds.records.get(id) ?? []).filter((r) => inRoundTrip(r, id));
    for (const kind of kinds) {
      const records = live(kind.id);
      const bytes = await exportLedger(records, { kind, orgs, unit: '南沙街道', period: '2022—2024年', masked: false });
      const read = await readLedger(bytes, { kind, orgs, fileName: `${kind.label}.xlsx` });
      expect(read.errors.slice(0, 3)).toEqual([]);
      expect(read.rows).toHaveLength(records.length);
      const result = await db.transaction((tx) => importRecords(tx, kind, read.rows.map((r) => r.record), 'stop'));
      expect(result).toMatchObject({ inserted: records.length, updated: 0, skipped: 0, stopped: false });
    }

    const back = await readDatabaseRecords(db, { registry: new RecordKindRegistry(kinds) });
    const only = (source: ReadonlyMap<string, readonly AnyRecord[]>) => new Map(kinds.map((k) => [k.id, (source.get(k.id) ?? []).filter((r) => inRoundTrip(r, k.id))]));
    const original = new Evaluator({ orgs: ds.orgs, records: only(ds.records), catalog: builtInCatalog });
    const imported = new Evaluator({ orgs: back.orgs, records: only(back.records), catalog: builtInCatalog });
    const show = (r: ReturnType<Evaluator['evaluateAll']>[number]) => [r.indicator.id, r.value, r.numerator.value, r.denominator?.value ?? null];
    let compared = 0;
    let nonZero = 0;
    for (const org of ds.orgs.units.keys()) {
      for (const p of periods) {
        const a = original.evaluateAll(org, p).map(show);
        expect(imported.evaluateAll(org, p).map(show), `${org} ${periodKey(p)}`).toEqual(a);
        compared += a.length;
        nonZero += a.filter((x) => typeof x[2] === 'number' && x[2] !== 0).length;
      }
    }
    // The comparison is not vacuous: the two kinds feed many indicators with real figures.
    expect(compared).toBeGreaterThan(1000);
    expect(nonZero).toBeGreaterThan(100);
  }, 600_000);
});
