import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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
