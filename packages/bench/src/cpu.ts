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

/**
 * User + system CPU of this process's finished children (those it waited for, with their own
 * children), from /proc: the CPU a whole `spawnSync` run cost. Clock ticks of 10 ms.
 */
export function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
  // cutime and cstime follow utime and stime.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}
