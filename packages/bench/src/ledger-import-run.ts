import { importRecords, openDatabase } from '@fazhi/db';
import { hotlineTickets, type OrgUnit } from '@fazhi/domain';
import { readLedger } from '@fazhi/ledger';
import { readFileSync } from 'node:fs';
import { cpuMs, processCpuMs } from './cpu.js';

/**
 * One ledger import as `fazhi import` runs it, in a process of its own (the benchmark's parent holds
 * the whole seed): open the database, read its org tree, read and validate the .xlsx, write the rows
 * in one transaction. Prints one JSON line: phases' wall and CPU time (the PostgreSQL backend's CPU
 * counted for the write), rows written, the process's peak memory and its memory outside the JS heap.
 * Usage: ledger-import-run.ts <database URL> <file.xlsx> <expected rows>
 */
const [url, file, expected] = process.argv.slice(2) as [string, string, string];
const cpu0 = processCpuMs();
const t0 = performance.now();
const db = await openDatabase(url);
try {
  const orgs = (await db.query<{ id: string; parent_id: string | null; kind: OrgUnit['kind']; name: string; short_name: string | null }>('select id, parent_id, kind, name, short_name from public.org_units')).rows.map(
    (u): OrgUnit => ({ id: u.id, parentId: u.parent_id, kind: u.kind, name: u.name, shortName: u.short_name }),
  );
  const t1 = performance.now();
  const cpu1 = processCpuMs();
  const read = await readLedger(new Uint8Array(readFileSync(file)), { kind: hotlineTickets, orgs, fileName: 'hotline.xlsx' });
  if (read.errors.length || read.rows.length !== Number(expected)) throw new Error(`读取结果不对：${read.rows.length} 行，${read.errors.length} 个错误，如 ${read.errors[0]?.text}`);
  const t2 = performance.now();
  const cpu2 = processCpuMs();
  const { summary, backendCpuMs } = await db.transaction(async (tx) => {
    const pid = db.dialect === 'postgres' ? (await tx.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid : null;
    const before = pid === null ? 0 : cpuMs(pid);
    const summary = await importRecords(tx, hotlineTickets, read.rows.map((r) => r.record), 'stop');
    return { summary, backendCpuMs: pid === null ? 0 : cpuMs(pid) - before };
  });
  if (summary.inserted !== Number(expected)) throw new Error(`导入了 ${summary.inserted} 条，应为 ${expected} 条`);
  const t3 = performance.now();
  const cpu3 = processCpuMs();
  console.log(
    JSON.stringify({
      ms: t3 - t0,
      openMs: t1 - t0,
      readMs: t2 - t1,
      writeMs: t3 - t2,
      cpuMs: cpu3 - cpu0 + backendCpuMs,
      readCpuMs: cpu2 - cpu1,
      writeCpuMs: cpu3 - cpu2 + backendCpuMs,
      backendCpuMs,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      // Memory outside the JS heap at the end: on PGlite mostly its wasm heap, which never shrinks.
      externalMb: process.memoryUsage().external / 2 ** 20,
      inserted: summary.inserted,
    }),
  );
} finally {
  await db.close();
}
