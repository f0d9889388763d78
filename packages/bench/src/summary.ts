/**
 * Every target of issue 15 with its latest result, met or missed: read from the result files the
 * benchmarks wrote (this package's, and the console's apps/console/bench-results.json when it
 * exists), printed as one table, each target with when and under what load it was measured, and
 * written to bench-results-summary.json.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { consoleTargets, readForSummary, summaryLine, summaryRows, type SummarySource } from './summary-table.js';
import { met } from './targets.js';

const here = (file: string) => fileURLToPath(new URL(`../${file}`, import.meta.url));
const consoleFile = fileURLToPath(new URL('../../../apps/console/bench-results.json', import.meta.url));
const summaryFile = here('bench-results-summary.json');

const sources: SummarySource[] = [
  { file: consoleFile, results: readForSummary(consoleFile), fallback: consoleTargets },
  ...['bench-results-cli.json', 'bench-results.json', 'bench-results-scale.json'].map((f) => ({ file: here(f), results: readForSummary(here(f)) })),
];
const rows = summaryRows(sources);

console.log('\n第 15 号议题的全部目标：');
for (const t of rows) console.log(`  ${summaryLine(t)}`);
const counts = { met: rows.filter((t) => met(t) === true).length, missed: rows.filter((t) => met(t) === false).length, unmeasured: rows.filter((t) => met(t) === null).length };
console.log(`达标 ${counts.met} 项，未达标 ${counts.missed} 项，未测 ${counts.unmeasured} 项`);
writeFileSync(summaryFile, `${JSON.stringify({ date: new Date().toISOString(), ...counts, targets: rows.map((t) => ({ ...t, met: met(t) })) }, null, 2)}\n`);
console.log(`汇总已写入 ${summaryFile}`);
