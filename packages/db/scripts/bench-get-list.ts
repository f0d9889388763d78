import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchGetList, formatGetListBench } from '../src/providers/bench-get-list.js';

/**
 * `pnpm --filter @fazhi/db bench` (run by the root `pnpm bench`): the SQL data provider's getList
 * on the seed's hotline tickets in PGlite, as the demo users under RLS. Prints a table and writes
 * bench-results-get-list.json beside package.json (ignored by git, like every bench-results*.json).
 */
const resultsFile = fileURLToPath(new URL('../bench-results-get-list.json', import.meta.url));
const iterations = 30;
const warmup = 5;

const result = await benchGetList({ iterations, warmup });
for (const line of formatGetListBench(result)) console.log(line);

const output = {
  machine: { node: process.version, cpus: cpus().length },
  database: 'PGlite (in memory)',
  dataset: 'seeds/nansha-2024',
  iterations,
  warmup,
  ...result,
};
writeFileSync(resultsFile, `${JSON.stringify(output, null, 2)}\n`);
console.log(`结果已写入 results written to ${resultsFile}`);
