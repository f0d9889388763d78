/**
 * Whole-process CLI timings on the seed (the built CLI and `pnpm --silent fazhi`, median of
 * several runs after a warm-up, like hyperfine; the warm-up writes the seed's validated snapshot,
 * which the timed runs read; the built CLI once more with snapshots off) and the dataset loading
 * rate with full validation (no snapshot: `loadDataset` itself).
 * Each wall time has its CPU time beside it (a loaded machine inflates wall time far more), and
 * the load average. Writes bench-results-cli.json. Run alone: `pnpm --filter @fazhi/bench bench:cli`.
 */
import { loadDataset } from '@fazhi/dataset';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { childrenCpuMs, processCpuMs } from './cpu.js';
import { fileURLToPath } from 'node:url';
import { countRecords } from './synthetic.js';
import { writeResultFile } from './result-file.js';
import { issueTargets, met, target } from './targets.js';
import { medianMs, round } from './timing.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const resultsFile = fileURLToPath(new URL('../bench-results-cli.json', import.meta.url));
const runs = 7;
const reportArgs = ['report', '--dataset', 'seeds/nansha-2024', '--year', '2024'];

// The runs read the seed's validated snapshot (written by the unmeasured first run) from a cache
// of their own; `FAZHI_CACHE_DIR` empty makes the CLI validate the folder in full every time.
const snapshotCache = mkdtempSync(join(tmpdir(), 'fazhi-bench-cache-'));
const withSnapshot = { FAZHI_CACHE_DIR: snapshotCache };
const withoutSnapshot = { FAZHI_CACHE_DIR: '' };

function run(command: string, args: readonly string[], env: Record<string, string> = withSnapshot): void {
  const res = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, ...env } });
  if (res.status !== 0) throw new Error(`${command} ${args.join(' ')} 失败（${res.status}）：${res.stderr}`);
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median wall and CPU time of whole runs, one unmeasured first (it may build the quick entry's bundle). */
async function processMs(command: string, args: readonly string[], env?: Record<string, string>): Promise<{ median: number; runs: number[]; cpuMedian: number; cpuRuns: number[] }> {
  const times: number[] = [];
  const cpu: number[] = [];
  const wall = await medianMs(
    () => {
      const c0 = childrenCpuMs();
      const t0 = performance.now();
      run(command, args, env);
      times.push(round(performance.now() - t0, 0));
      cpu.push(childrenCpuMs() - c0);
    },
    runs,
    1,
  );
  return { median: round(wall, 0), runs: times.slice(1), cpuMedian: median(cpu.slice(1)), cpuRuns: cpu.slice(1) };
}

// The built CLI loads the plugins the root config names from their builds: build what is missing.
const pluginsBuilt = ['apps/cli/dist/bin.js', 'packages/plugins/mediation/dist/index.js'].every((f) => existsSync(`${root}${f}`));
if (!pluginsBuilt) run('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@fazhi/cli...', '--filter=./packages/plugins/*']);

const built = await processMs(process.execPath, ['apps/cli/dist/bin.js', ...reportArgs]);
const builtFull = await processMs(process.execPath, ['apps/cli/dist/bin.js', ...reportArgs], withoutSnapshot);
const viaPnpm = await processMs('pnpm', ['--silent', 'fazhi', ...reportArgs]);
const pnpmItself = await processMs('pnpm', ['--silent', 'exec', 'node', '-e', '0']);

let records = 0;
const loadCpu: number[] = [];
const loadMs = await medianMs(
  async () => {
    const c0 = processCpuMs();
    records = countRecords((await loadDataset(`${root}seeds/nansha-2024`)).records);
    loadCpu.push(processCpuMs() - c0);
  },
  5,
  1,
);
const loadCpuMs = round(median(loadCpu.slice(1)));
const perSecond = Math.round(records / (loadMs / 1000));

const load = loadavg().map((n) => round(n));
const cpuNote = (r: { cpuMedian: number }) => `CPU ${r.cpuMedian} ms`;
const targets = [
  target(issueTargets.builtCli, built.median, `各次 ${built.runs.join(' / ')} ms；${cpuNote(built)}（读已校验的数据集快照；不用快照、全部重新校验 ${builtFull.median} ms，${cpuNote(builtFull)}）；负载 ${load[0]}`),
  target(issueTargets.pnpmCli, viaPnpm.median, `各次 ${viaPnpm.runs.join(' / ')} ms；${cpuNote(viaPnpm)}；pnpm 本身 ${pnpmItself.median} ms（${cpuNote(pnpmItself)}）；负载 ${load[0]}`),
  target(issueTargets.datasetLoad, perSecond, `${records} 条记录 ${round(loadMs)} ms（进程内，中位数；CPU ${loadCpuMs} ms，按 CPU 计 ${Math.round(records / (loadCpuMs / 1000)).toLocaleString('en-US')} 条/秒）；负载 ${load[0]}`),
];
writeResultFile(resultsFile, { loadAverage: load, builtCliMs: built, builtCliWithoutSnapshotMs: builtFull, pnpmCliMs: viaPnpm, pnpmItselfMs: pnpmItself, datasetLoad: { records, ms: round(loadMs), cpuMs: loadCpuMs, recordsPerSecond: perSecond }, targets });
for (const t of targets) console.log(`${t.label}：${t.result} ${t.unit}（目标 ${t.kind === 'max' ? '≤' : '≥'} ${t.target}，${met(t) ? '达标' : '未达标'}）${t.note ?? ''}`);
console.log(`结果已写入 ${resultsFile}`);
rmSync(snapshotCache, { recursive: true, force: true });
