import { seedDataset, type Database } from '@fazhi/db';
import { pgliteBackend } from '@fazhi/db/testing';
import { parsePeriod } from '@fazhi/domain';
import { builtInModel } from '@fazhi/model';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMetrics } from './commands/metrics.js';
import { runReport } from './commands/report.js';
import { sqlIndicators } from './indicator-source.js';
import type { Output } from './io.js';
import { openSource, type RecordSource } from './source.js';

const seed = fileURLToPath(new URL('../../../seeds/nansha-2024', import.meta.url));

function capture(): Output & { text: () => string } {
  let out = '';
  return { stdout: (t) => void (out += t), stderr: () => undefined, text: () => out };
}

/**
 * `--db` computes the figures in the database (the SQL evaluator) instead of in memory; what the
 * commands print must not change by a character.
 */
describe('figures from the database (the --db path)', () => {
  let db: Database;
  let memory: RecordSource;
  let database: RecordSource;
  beforeAll(async () => {
    db = await pgliteBackend.create();
    await seedDataset(db, seed);
    memory = await openSource({ dataset: seed }, { stdout: () => undefined, stderr: () => undefined }, builtInModel());
    database = { ...memory, indicators: sqlIndicators(db, builtInModel().catalog) };
  }, 180_000);
  afterAll(() => db?.close());

  const metricsJson = async (source: RecordSource, period: string, org?: string, today = '2026-12-04') => {
    const out = capture();
    await runMetrics(source, { period: parsePeriod(period), today, format: 'json', org }, out, builtInModel());
    return out.text();
  };

  it('prints the same metrics JSON as the in-memory evaluator, for the street, a quarter and a community', async () => {
    // No records in memory at all: every figure must come from the database.
    const sqlOnly: RecordSource = { ...database, records: new Map() };
    for (const [period, org] of [['2024', undefined], ['2024Q4', undefined], ['2024', '蕉门社区']] as const) {
      const sql = await metricsJson(sqlOnly, period, org);
      expect(JSON.parse(sql).indicators.length).toBeGreaterThanOrEqual(40);
      expect(sql).toBe(await metricsJson(memory, period, org));
    }
  });

  it('agrees on the comparison basis too: a running year, and a year without a previous one', async () => {
    const sqlOnly: RecordSource = { ...database, records: new Map() };
    for (const [period, today] of [['2024', '2024-11-15'], ['2023', '2026-12-04'], ['2024-11', '2024-11-15']] as const) {
      const sql = await metricsJson(sqlOnly, period, undefined, today);
      expect(sql).toBe(await metricsJson(memory, period, undefined, today));
    }
    expect(JSON.parse(await metricsJson(sqlOnly, '2024', undefined, '2024-11-15')).comparison).toMatchObject({ comparable: true, asOf: '2024-11-14', note: '截至11月14日' });
    expect(JSON.parse(await metricsJson(sqlOnly, '2023')).comparison).toMatchObject({ comparable: false, reason: 'no_previous_data', note: '上年无数据' });
  });

  it('renders the same report', async () => {
    const report = async (source: RecordSource) => {
      const out = capture();
      await runReport(source, { period: parsePeriod('2024'), today: '2026-12-04', format: 'markdown' }, out, builtInModel());
      return out.text();
    };
    const sql = await report(database);
    expect(sql).toContain('成功调处矛盾纠纷242宗');
    expect(sql).toBe(await report(memory));
  });
});
