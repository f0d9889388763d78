/** Median wall time of `runs` calls after `warmup` unmeasured ones; the median resists GC pauses. */
export async function medianMs(fn: () => unknown, runs = 15, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** `medianMs` with the median CPU time of the same runs beside it (this process, all threads). */
export async function medianTimes(fn: () => unknown, runs = 15, warmup = 3): Promise<{ ms: number; cpuMs: number }> {
  const cpu: number[] = [];
  const ms = await medianMs(async () => {
    const c0 = process.cpuUsage();
    await fn();
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }, runs, warmup);
  const measured = cpu.slice(warmup).sort((a, b) => a - b);
  return { ms, cpuMs: measured[Math.floor(measured.length / 2)]! };
}

export const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;
