import { readFileSync } from 'node:fs';

/**
 * CPU time, which a shared machine's load does not inflate the way it inflates wall time (the
 * benchmark runs beside other work; both are reported, with the load average).
 */
export const processCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** User + system CPU of another process on this machine (a PostgreSQL backend), from /proc; clock ticks of 10 ms. */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  // After "pid (comm) ", utime and stime are the 12th and 13th fields.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
