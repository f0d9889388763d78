// Two (or more) builds of the console compared on the visit targets, their runs interleaved so
// that a busy machine weighs on each alike: node --conditions=fazhi-source --import tsx
// bench/ab-visits.ts DIST_A DIST_B (ROUNDS, default 4; BENCH_PROFILE=memory as in visits.ts).
// Prints each run (the settled later visit's figures painted and its database's own answer too) with its first visit's steps, the load average and the CPU seconds Chromium used for both visits (its
// processes, reaped when the profile closes: /proc/self/stat's cutime + cstime), then the medians.
import { readFileSync } from 'node:fs';
import { openConsoleBrowser } from '../test/browser.js';
import { firstAndLaterVisit, transferCounter } from './visits.js';
const dirs = process.argv.slice(2);
const counter = transferCounter();
const cbs = await Promise.all(dirs.map((d) => openConsoleBrowser(d, { onResponse: counter.onResponse, reducedMotion: 'no-preference' })));
const res: Record<string, { first: number; later: number; confirmed: number; settled: number; computed: number; load: string; cpu: number }[]> = {};
/** CPU seconds of this process's reaped children (the browsers of closed profiles and all their processes). */
const childCpuSeconds = () => {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
};
for (let round = 0; round < Number(process.env.ROUNDS ?? 4); round++) {
  for (const [i, d] of dirs.entries()) {
    const cpuBefore = childCpuSeconds();
    const v = await firstAndLaterVisit(cbs[i]!, counter);
    const cpu = Math.round((childCpuSeconds() - cpuBefore) * 100) / 100;
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0]!;
    (res[d] ??= []).push({ first: v.firstMs, later: v.laterMs, confirmed: v.laterConfirmedMs, settled: v.settledConfirmedMs, computed: v.settledComputedMs, load, cpu });
    // Painted (what the user sees); detected: when this script saw it (see visits.ts).
    console.log(d.split('/').pop(), round, 'first', v.firstMs, 'later', v.laterMs, 'confirmed', v.laterConfirmedMs, 'settled', v.settledConfirmedMs, 'computed', v.settledComputedMs, 'detected', v.firstDetectedMs, v.laterDetectedMs, v.laterConfirmedDetectedMs, 'load', load, 'browser CPU s', cpu);
    // Where the first visit's time went: download and compile, database loaded and started up to its first answer, sign-in and connect, the console up to the figures.
    const s = v.firstSteps;
    const span = (from: string, to: string) => (s[from] !== undefined && s[to] !== undefined ? s[to] - s[from] : '–');
    console.log('  first visit: open→runtime', span('db:open', 'db:worker:runtime'), 'runtime→started', span('db:worker:runtime', 'db:started'), 'started→connected', span('db:started', 'connected'), 'connected→figures', span('connected', 'figures'));
  }
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const d of dirs) {
  const r = res[d]!;
  console.log(d.split('/').pop(), 'median first', med(r.map((x) => x.first)), 'later', med(r.map((x) => x.later)), 'confirmed', med(r.map((x) => x.confirmed)), 'confirmed all', r.map((x) => x.confirmed).join('/'), 'settled', med(r.map((x) => x.settled)), 'computed', med(r.map((x) => x.computed)), 'computed all', r.map((x) => x.computed).join('/'), 'first all', r.map((x) => x.first).join('/'), 'browser CPU s', med(r.map((x) => x.cpu)));
}
await Promise.all(cbs.map((cb) => cb.close()));
