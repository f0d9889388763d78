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

const exported = await measured(() => exportLedger(tickets, { kind: hotlineTickets, orgs, unit: '南沙街道', period: '', masked: false }));
const xlsx = exported.value;
const csv = await measured(() => exportLedger(tickets, { kind: hotlineTickets, orgs, unit: '南沙街道', period: '', masked: false, format: 'csv' }));

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

const readOnly = await measured(() => readLedger(xlsx, { kind: hotlineTickets, orgs, fileName: 'hotline.xlsx' }));

const pgliteDir = mkdtempSync(join(tmpdir(), 'fazhi-bench-ledger-'));
const pglite = await openDatabase(`pglite:${pgliteDir}`);
const onPglite = await importInto(pglite).finally(() => pglite.close());
rmSync(pgliteDir, { recursive: true, force: true });

const cluster = await startPgCluster();
let onPostgres;
try {
  const pg = await openDatabase(cluster.url);
  onPostgres = await importInto(pg).finally(() => pg.close());
} finally {
  await cluster.stop();
}

const results = {
  rows,
  xlsxBytes: xlsx.length,
  exportXlsx: { ms: exported.ms, peakRssMb: exported.peakRssMb, targetMs: 3000 },
  exportCsv: { ms: csv.ms },
  readXlsx: { ms: readOnly.ms, peakRssMb: readOnly.peakRssMb },
  importPglite: { ms: onPglite.ms, writeMs: onPglite.value.writeMs, peakRssMb: onPglite.peakRssMb, targetMs: 5000, targetRssMb: 500 },
  importPostgres: { ms: onPostgres.ms, writeMs: onPostgres.value.writeMs, peakRssMb: onPostgres.peakRssMb, targetMs: 3000 },
};
console.log(`台账基准（${rows} 条热线工单，.xlsx ${round(xlsx.length / 2 ** 20)} MB）`);
console.log(`  导出 .xlsx：${exported.ms} ms（目标 ≤ 3000），峰值内存 ${exported.peakRssMb} MB；导出 CSV：${csv.ms} ms`);
console.log(`  读取并校验 .xlsx：${readOnly.ms} ms，峰值内存 ${readOnly.peakRssMb} MB`);
console.log(`  导入 PGlite（读取 + 校验 + 写入）：${onPglite.ms} ms（写入 ${onPglite.value.writeMs} ms；目标 ≤ 5000），峰值内存 ${onPglite.peakRssMb} MB（目标 ≤ 500）`);
console.log(`  导入 PostgreSQL 15：${onPostgres.ms} ms（写入 ${onPostgres.value.writeMs} ms；目标 ≤ 3000）`);
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
