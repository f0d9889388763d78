import { OrgTree } from '@fazhi/domain';
import { Evaluator } from '@fazhi/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.js';
import { indicatorsMigrationSql } from './generate/indicators-migration.js';
import { compareEvaluators, equalityPeriods } from './indicator-equality.test-helper.js';
import { bareRecordTablesSql, insertOrgs, insertRecords } from './indicator-probe-db.test-helper.js';
import { probeOrgs, probeRecords, probeSetup, rng } from './indicator-probe.test-helper.js';
import { openDatabase } from './open-database.js';
import { testDatabases } from './testing/index.js';
import { sqlEvaluator } from './sql-evaluator.js';

/**
 * The generated SQL against the in-memory evaluator on random records dense in nulls, period
 * edges, type-mismatched filter values and ties, for the built-in catalog plus a probe catalog
 * that uses every filter op, period binding and aggregation. The tables are bare (no NOT NULL or
 * CHECK) so nulls can sit where the real schema would refuse them.
 */
const { registry, catalog } = probeSetup();
const r = rng(20241231);
const units = probeOrgs(r);
const records = probeRecords(registry, units, r, 120);
const periods = [...equalityPeriods, { kind: 'year' as const, year: 2025 }, { kind: 'month' as const, year: 2025, month: 1 }];

describe.each(testDatabases())('generated SQL indicators on probe data ($name)', (backend) => {
  let db: Database;
  beforeAll(async () => {
    const url = await backend.createUrl();
    db = await openDatabase(url);
    // A session time zone far from +08:00 (for every connection of a pool): the SQL must not
    // depend on it.
    await db.exec(`do $$ begin execute format('alter database %I set timezone = %L', current_database(), 'America/Los_Angeles'); end $$`);
    await db.close();
    db = await openDatabase(url);
    await db.exec(bareRecordTablesSql(registry));
    await db.exec(indicatorsMigrationSql(catalog, registry));
    await insertOrgs(db, units);
    for (const kind of registry.list()) await insertRecords(db, kind, records.get(kind.id) ?? []);
  }, 120_000);
  afterAll(() => db?.close());

  it('gives every indicator the in-memory value for every org and period', async () => {
    const memory = new Evaluator({ orgs: new OrgTree(units), records, catalog });
    const { compared, mismatches } = await compareEvaluators(memory, sqlEvaluator(db, { catalog }), units.map((u) => u.id), periods);
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(compared).toBe(units.length * periods.length * catalog.indicators.length);
  });
});
