import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main.js';

/** An empty working directory, so no `fazhi.config.*` around the test run changes the model. */
const isolated = mkdtempSync(join(tmpdir(), 'fazhi-cwd-'));

// Dataset snapshots of the test run go to a folder of its own, not the user's cache.
process.env.FAZHI_CACHE_DIR ??= mkdtempSync(join(tmpdir(), 'fazhi-cache-'));

/** Runs the CLI in-process in `cwd` and captures what it prints. */
export async function runCliIn(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }, { cwd });
  return { code, stdout, stderr };
}

/** Runs the CLI in-process (in an empty working directory: the built-in model) and captures what it prints. */
export function runCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCliIn(isolated, ...argv);
}
