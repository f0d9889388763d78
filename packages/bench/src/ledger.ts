import { loadDataset } from '@fazhi/dataset';
import { insertDataset, migrate, openDatabase } from '@fazhi/db';
import { startPgCluster } from '@fazhi/db/testing/pg-cluster';
import { hotlineTickets } from '@fazhi/domain';
import { exportLedger, readLedger } from '@fazhi/ledger';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { processCpuMs } from './cpu.js';
import { writeResultFile } from './result-file.js';
import { round } from './timing.js';

/**
 * Ledger import and export end to end (issue 13's targets: a 21,349-row hotline .xlsx imported in
 * ≤ 5 s and ≤ 500 MB on the embedded database, ≤ 3 s on PostgreSQL 15; its export ≤ 3 s).
 * One timed run each (an import is not repeatable on the same database); prints and writes the
 * numbers to bench-results-ledger.json. Never a test: timings depend on the machine. Each step
 * reports wall and CPU time (CPU is what a loaded machine does not inflate) and the load average;
 * the import runs in a process of its own, as `fazhi import` would, so its peak memory is the
 * import's and not this process's (which holds the whole seed).
 */
const rows = 21_349;
const root = fileURLToPath(new URL('../../..', import.meta.url));
const resultsFile = fileURLToPath(new URL('../bench-results-ledger.json', import.meta.url));

const dataset = await loadDataset(`${root}seeds/nansha-2024`);
const orgs = [...dataset.orgs.units.values()];
const tickets = (dataset.records.get('hotline_tickets') ?? []).filter((r) => !r.deletedAt).slice(0, rows);
if (tickets.length < rows) throw new Error(`种子数据只有 ${tickets.length} 条热线工单，少于 ${rows} 条`);

/** Wall and CPU time and peak resident memory while `fn` runs (memory sampled every 20 ms). */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const cpu0 = processCpuMs();
  try {
    const value = await fn();
    return { value, ms: round(performance.now() - t0), cpuMs: round(processCpuMs() - cpu0), peakRssMb: round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20, 0) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Runs one step, prints its result at once (a slow machine still shows what finished) and merges it
 * into the result file with its own date and load: a failure is kept as data beside the step's
 * earlier numbers, never in their place, and the steps not run yet keep theirs.
 */
const results: Record<string, unknown> = {};
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
    writeResultFile(resultsFile, { rows, [name]: results[name] });
  }
}

console.log(`台账基准（${rows} 条热线工单；负载 ${loadavg().map((x) => x.toFixed(2)).join(' / ')}）`);
const exported = (await step('exportXlsx', '导出 .xlsx（目标 ≤ 3000 ms）', () => measured(() => exportLedger(tickets, { kind: hotlineTickets, orgs, unit: '南沙街道', period: '', masked: false })), (r) => {
  results.exportXlsx = { ms: r.ms, cpuMs: r.cpuMs, peakRssMb: r.peakRssMb, bytes: r.value.length, targetMs: 3000 };
  return `${r.ms} ms（CPU ${r.cpuMs} ms），峰值内存 ${r.peakRssMb} MB，${round(r.value.length / 2 ** 20)} MB`;
}))!;
const xlsx = exported.value;
await step('exportCsv', '导出 CSV', () => measured(() => exportLedger(tickets, { kind: hotlineTickets, orgs, unit: '南沙街道', period: '', masked: false, format: 'csv' })), (r) => {
  results.exportCsv = { ms: r.ms, cpuMs: r.cpuMs };
  return `${r.ms} ms（CPU ${r.cpuMs} ms）`;
});
await step('readXlsx', '读取并校验 .xlsx', () => measured(() => readLedger(xlsx, { kind: hotlineTickets, orgs, fileName: 'hotline.xlsx' })), (r) => {
  results.readXlsx = { ms: r.ms, cpuMs: r.cpuMs, errors: r.value.errors.length };
  return `${r.ms} ms（CPU ${r.cpuMs} ms）`;
});

const work = mkdtempSync(join(tmpdir(), 'fazhi-bench-ledger-'));
const xlsxFile = join(work, 'hotline.xlsx');
writeFileSync(xlsxFile, xlsx);

interface ImportRun {
  ms: number;
  readMs: number;
  writeMs: number;
  cpuMs: number;
  readCpuMs: number;
  writeCpuMs: number;
  backendCpuMs: number;
  peakRssMb: number;
  externalMb: number;
}

/** A database with the schema and the org tree only, then the import in a process of its own. */
async function importInto(url: string): Promise<ImportRun> {
  const db = await openDatabase(url);
  try {
    await migrate(db);
    await insertDataset(db, { ...dataset, records: new Map() });
  } finally {
    await db.close();
  }
  const runner = fileURLToPath(new URL('./ledger-import-run.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['--conditions=fazhi-source', '--import', 'tsx', '--max-old-space-size=4096', runner, url, xlsxFile, String(rows)], { maxBuffer: 1 << 20 });
  const run = JSON.parse(stdout.trim().split('\n').at(-1)!) as ImportRun;
  return Object.fromEntries(Object.entries(run).map(([k, v]) => [k, round(v)])) as unknown as ImportRun;
}

const show = (r: ImportRun) => `${r.ms} ms（读取 ${r.readMs} ms、写入 ${r.writeMs} ms；CPU ${r.cpuMs} ms，其中读取 ${r.readCpuMs} ms、写入 ${r.writeCpuMs} ms${r.backendCpuMs ? `（数据库进程 ${r.backendCpuMs} ms）` : ''}），峰值内存 ${r.peakRssMb} MB（结束时 JS 堆外 ${r.externalMb} MB）`;

await step('importPglite', '导入 PGlite（读取 + 校验 + 写入；目标 ≤ 5000 ms、≤ 500 MB）', () => importInto(`pglite:${join(work, 'pglite')}`), (r) => {
  results.importPglite = { ...r, targetMs: 5000, targetRssMb: 500 };
  return show(r);
});

const cluster = await startPgCluster();
try {
  await step('importPostgres', '导入 PostgreSQL 15（目标 ≤ 3000 ms）', () => importInto(cluster.url), (r) => {
    results.importPostgres = { ...r, targetMs: 3000 };
    return show(r);
  });
} finally {
  await cluster.stop();
  rmSync(work, { recursive: true, force: true });
}
