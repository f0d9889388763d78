import { loadDataset } from '@fazhi/dataset';
import { importRecords, insertDataset, migrate, openDatabase, type Database } from '@fazhi/db';
import { startPgCluster } from '@fazhi/db/testing/pg-cluster';
import { hotlineTickets } from '@fazhi/domain';
import { exportLedger, readLedger } from '@fazhi/ledger';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { round } from './timing.js';

/**
 * Ledger import and export end to end (issue 13's targets: a 21,349-row hotline .xlsx imported in
 * ≤ 5 s and ≤ 500 MB on the embedded database, ≤ 3 s on PostgreSQL 15; its export ≤ 3 s).
 * One timed run each (an import is not repeatable on the same database); prints and writes the
 * numbers to bench-results-ledger.json. Never a test: timings depend on the machine.
 */
const rows = 21_349;
const root = fileURLToPath(new URL('../../..', import.meta.url));
const resultsFile = fileURLToPath(new URL('../bench-results-ledger.json', import.meta.url));

const dataset = await loadDataset(`${root}seeds/nansha-2024`);
const orgs = [...dataset.orgs.units.values()];
const tickets = (dataset.records.get('hotline_tickets') ?? []).filter((r) => !r.deletedAt).slice(0, rows);
if (tickets.length < rows) throw new Error(`种子数据只有 ${tickets.length} 条热线工单，少于 ${rows} 条`);

/** Peak resident memory while `fn` runs, sampled every 20 ms. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  try {
    const value = await fn();
    return { value, ms: round(performance.now() - t0), peakRssMb: round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20, 0) };
  } finally {
    clearInterval(timer);
  }
}

/** Runs one step, prints its result at once (a slow machine still shows what finished), keeps a failure as data. */
const results: Record<string, unknown> = { rows };
async function step<T>(name: string, label: string, fn: () => Promise<T>, show: (v: T) => string): Promise<T | undefined> {
  try {
    const v = await fn();
    console.log(`  ${label}：${show(v)}`);
    return v;
  } catch (e) {
    results[name] = { error: (e as Error).message };
    console.log(`  ${label}：失败（${(e as Error).message}）`);
    return undefined;
  } finally {
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  }
}

console.log(`台账基准（${rows} 条热线工单）`);
const exported = (await step('exportXlsx', '导出 .xlsx（目标 ≤ 3000 ms）', () => measured(() => exportLedger(tickets, { kind: hotlineTickets, orgs, unit: '南沙街道', period: '', masked: false })), (r) => {
  results.exportXlsx = { ms: r.ms, peakRssMb: r.peakRssMb, bytes: r.value.length, targetMs: 3000 };
  return `${r.ms} ms，峰值内存 ${r.peakRssMb} MB，${round(r.value.length / 2 ** 20)} MB`;
}))!;
const xlsx = exported.value;
await step('exportCsv', '导出 CSV', () => measured(() => exportLedger(tickets, { kind: hotlineTickets, orgs, unit: '南沙街道', period: '', masked: false, format: 'csv' })), (r) => {
  results.exportCsv = { ms: r.ms };
  return `${r.ms} ms`;
});
await step('readXlsx', '读取并校验 .xlsx', () => measured(() => readLedger(xlsx, { kind: hotlineTickets, orgs, fileName: 'hotline.xlsx' })), (r) => {
  results.readXlsx = { ms: r.ms, peakRssMb: r.peakRssMb, errors: r.value.errors.length };
  return `${r.ms} ms，峰值内存 ${r.peakRssMb} MB（含已载入的种子数据）`;
});

/** Read + validate + write in one transaction, on a migrated database holding the org tree only. */
async function importInto(db: Database) {
  await migrate(db);
  await insertDataset(db, { ...dataset, records: new Map() });
  return measured(async () => {
    const read = await readLedger(xlsx, { kind: hotlineTickets, orgs, fileName: 'hotline.xlsx' });
    if (read.errors.length || read.rows.length !== rows) throw new Error(`读取结果不对：${read.rows.length} 行，${read.errors.length} 个错误，如 ${read.errors[0]?.text}`);
    const t = performance.now();
    const summary = await db.transaction((tx) => importRecords(tx, hotlineTickets, read.rows.map((r) => r.record), 'stop'));
    if (summary.inserted !== rows) throw new Error(`导入了 ${summary.inserted} 条，应为 ${rows} 条`);
    return { writeMs: round(performance.now() - t) };
  });
}

const pgliteDir = mkdtempSync(join(tmpdir(), 'fazhi-bench-ledger-'));
await step('importPglite', '导入 PGlite（读取 + 校验 + 写入；目标 ≤ 5000 ms、≤ 500 MB）', async () => {
  const pglite = await openDatabase(`pglite:${pgliteDir}`);
  return importInto(pglite).finally(() => pglite.close());
}, (r) => {
  results.importPglite = { ms: r.ms, writeMs: r.value.writeMs, peakRssMb: r.peakRssMb, targetMs: 5000, targetRssMb: 500 };
  return `${r.ms} ms（写入 ${r.value.writeMs} ms），峰值内存 ${r.peakRssMb} MB`;
});
rmSync(pgliteDir, { recursive: true, force: true });

const cluster = await startPgCluster();
try {
  await step('importPostgres', '导入 PostgreSQL 15（目标 ≤ 3000 ms）', async () => {
    const pg = await openDatabase(cluster.url);
    return importInto(pg).finally(() => pg.close());
  }, (r) => {
    results.importPostgres = { ms: r.ms, writeMs: r.value.writeMs, peakRssMb: r.peakRssMb, targetMs: 3000 };
    return `${r.ms} ms（写入 ${r.value.writeMs} ms）`;
  });
} finally {
  await cluster.stop();
}
