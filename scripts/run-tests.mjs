#!/usr/bin/env node
/**
 * `pnpm test`: one `vitest run` over every project of the root vitest.config.ts, with vitest's
 * default reporter streamed as usual plus the JSON reporter written to test-artifacts/ (ignored by
 * git). The LAST line printed is always exactly `N passed, N failed` (numbers of tests), so CI and
 * humans read the same summary. Extra arguments are passed to vitest, e.g.
 * `pnpm test --project @fazhi/metrics`.
 *
 * Counting rules:
 * - passed = tests that passed; failed = tests that failed
 *   + test files that failed without any failed test (e.g. an import error),
 * - if vitest exits non-zero but nothing above counts as failed (unhandled error, no test files),
 *   failed is at least 1, so the line never says "0 failed" for a failed run,
 * - if vitest crashed before writing its JSON file: `0 passed, 1 failed`.
 * Exit code: non-zero when anything failed or vitest itself failed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(root, 'test-artifacts');
const jsonFile = join(artifacts, 'vitest-results.json');

mkdirSync(artifacts, { recursive: true });
rmSync(jsonFile, { force: true });

const vitestBin = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const args = [
  vitestBin,
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${jsonFile}`,
  ...process.argv.slice(2),
];

const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}

child.on('error', (error) => finish(null, error));
child.on('close', (code, signal) => finish(code ?? (signal ? 1 : 0)));

let done = false;
function finish(code, spawnError) {
  if (done) return;
  done = true;
  if (spawnError) console.error(`run-tests: could not start vitest: ${spawnError.message}`);

  let passed = 0;
  let failed = 1;
  if (!spawnError && existsSync(jsonFile)) {
    try {
      const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
      passed = report.numPassedTests ?? 0;
      failed = report.numFailedTests ?? 0;
      for (const file of report.testResults ?? []) {
        const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed').length;
        if (file.status === 'failed' && failedTests === 0) failed += 1;
      }
      if (code !== 0 && failed === 0) failed = 1;
    } catch (error) {
      console.error(`run-tests: could not read ${jsonFile}: ${error.message}`);
      passed = 0;
      failed = 1;
    }
  } else if (!spawnError) {
    console.error(`run-tests: vitest wrote no JSON report (exit code ${code}).`);
  }

  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exitCode = failed > 0 || code !== 0 ? 1 : 0;
}
