// Two (or more) builds of the console compared on the visit targets, their runs interleaved so
// that a busy machine weighs on each alike: node --conditions=fazhi-source --import tsx
// bench/ab-visits.ts DIST_A DIST_B (ROUNDS, default 4; BENCH_PROFILE=memory as in visits.ts).
// Prints each run with the load average, then the medians.
import { readFileSync } from 'node:fs';
import { openConsoleBrowser } from '../test/browser.js';
import { firstAndLaterVisit, transferCounter } from './visits.js';
const dirs = process.argv.slice(2);
const counter = transferCounter();
const cbs = await Promise.all(dirs.map((d) => openConsoleBrowser(d, { onResponse: counter.onResponse })));
const res: Record<string, { first: number; later: number; confirmed: number; load: string }[]> = {};
for (let round = 0; round < Number(process.env.ROUNDS ?? 4); round++) {
  for (const [i, d] of dirs.entries()) {
    const v = await firstAndLaterVisit(cbs[i]!, counter);
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0]!;
    (res[d] ??= []).push({ first: v.firstMs, later: v.laterMs, confirmed: v.laterConfirmedMs, load });
    console.log(d.split('/').pop(), round, 'first', v.firstMs, 'later', v.laterMs, 'confirmed', v.laterConfirmedMs, 'load', load);
  }
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const d of dirs) {
  const r = res[d]!;
  console.log(d.split('/').pop(), 'median first', med(r.map((x) => x.first)), 'later', med(r.map((x) => x.later)), 'confirmed', med(r.map((x) => x.confirmed)), 'confirmed all', r.map((x) => x.confirmed).join('/'));
}
await Promise.all(cbs.map((cb) => cb.close()));
