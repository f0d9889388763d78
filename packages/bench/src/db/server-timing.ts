import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processCpuMs } from '../cpu.js';
import { round } from '../timing.js';

const ticksMs = 10;

function stat(pid: number): string[] | null {
  try {
    // After "pid (comm) ": state is field 0, ppid 1, utime 11, stime 12, cutime 13, cstime 14.
    return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  } catch {
    return null;
  }
}

/**
 * CPU time of a whole PostgreSQL server so far: the postmaster, its live children (backends,
 * autovacuum, checkpointer…) and the children that have already exited (their time is added to
 * the postmaster's cutime/cstime when it reaps them). A difference of two readings is the server's
 * CPU for what ran in between, whichever pooled connection ran it.
 */
export function serverCpuMs(dataDir: string): number {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const own = stat(postmaster);
  if (!own) throw new Error(`PostgreSQL 主进程 ${postmaster} 已不在运行`);
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(Number(entry));
    if (s && Number(s[1]) === postmaster) ticks += Number(s[11]) + Number(s[12]);
  }
  return ticks * ticksMs;
}

export interface Timing {
  ms: number;
  /** The PostgreSQL server's CPU (null for PGlite, which runs inside this process). */
  serverCpuMs: number | null;
  clientCpuMs: number;
}

/**
 * Medians of wall time, server CPU and this process's CPU over `runs` calls after one unmeasured
 * call. `dataDir` is the PostgreSQL cluster's data folder, or null for PGlite (its work is this
 * process's CPU).
 */
export async function medianTiming(dataDir: string | null, fn: () => Promise<unknown>, runs: number): Promise<Timing> {
  await fn();
  const samples: { ms: number; server: number; client: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const s0 = dataDir === null ? 0 : serverCpuMs(dataDir);
    const c0 = processCpuMs();
    const t0 = performance.now();
    await fn();
    samples.push({ ms: performance.now() - t0, server: dataDir === null ? 0 : serverCpuMs(dataDir) - s0, client: processCpuMs() - c0 });
  }
  const mid = (k: 'ms' | 'server' | 'client') => round(samples.map((s) => s[k]).sort((a, b) => a - b)[Math.floor(runs / 2)]!, 1);
  return { ms: mid('ms'), serverCpuMs: dataDir === null ? null : mid('server'), clientCpuMs: mid('client') };
}
