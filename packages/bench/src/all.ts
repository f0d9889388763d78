/**
 * `pnpm --filter @fazhi/bench bench`: this package's benchmarks one after another, each in a
 * process of its own, then the summary of issue 15's targets. A part that fails does not stop the
 * ones after it (each merges what it measured into its own result file, so nothing earlier is
 * lost either); the failed parts are named at the end and the run exits with 1.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const parts = ['bench:memory', 'bench:cli', 'bench:db', 'bench:ledger', 'bench:district'];
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const run = (script: string) => spawnSync('pnpm', ['run', '--silent', script], { cwd: packageDir, stdio: 'inherit' }).status === 0;

const failed = parts.filter((part) => !run(part));
run('bench:summary');
if (failed.length) {
  console.error(`\n以下基准失败（其结果文件保留上次的数字）：${failed.join('、')}`);
  process.exitCode = 1;
}
