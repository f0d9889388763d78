// Two (or more) builds of the console compared on the mediation list's filter, sort and page
// changes, their rounds interleaved so that a busy machine weighs on each alike:
// node --conditions=fazhi-source --import tsx bench/ab-lists.ts DIST_A DIST_B (ROUNDS, default 4;
// each round times RUNS changes of each kind, default 3, after two to warm up).
// Prints each round with the load average and the process's CPU time, then the medians.
import { readFileSync } from 'node:fs';
import { openConsoleBrowser } from '../test/browser.js';
import { listTimings } from './switches.js';

const dirs = process.argv.slice(2);
const cbs = await Promise.all(dirs.map((d) => openConsoleBrowser(d, { reducedMotion: 'no-preference' })));
const res = new Map(dirs.map((d) => [d, { filterMs: [] as number[], sortMs: [] as number[], pageMs: [] as number[] }]));
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
for (let round = 0; round < Number(process.env.ROUNDS ?? 4); round++) {
  for (const [i, d] of dirs.entries()) {
    const t = await listTimings(cbs[i]!, Number(process.env.RUNS ?? 3));
    // The first two of each kind warm the page up (the first filter and page of a visit).
    const r = res.get(d)!;
    r.filterMs.push(...t.filterMs.slice(2));
    r.sortMs.push(...t.sortMs.slice(2));
    r.pageMs.push(...t.pageMs.slice(2));
    console.log(d, round, 'filter', t.filterMs.join('/'), 'sort', t.sortMs.join('/'), 'page', t.pageMs.join('/'), 'load', load());
  }
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const d of dirs) {
  const r = res.get(d)!;
  console.log(d, 'median filter', med(r.filterMs), 'sort', med(r.sortMs), 'page', med(r.pageMs), `(${r.filterMs.length} each)`);
}
const cpu = process.cpuUsage();
console.log(`load ${load()}; this process's CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms (the browser's is its own)`);
await Promise.all(cbs.map((cb) => cb.close()));
