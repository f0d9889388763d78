import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The browser tests run against the production build. `pnpm check` (CI) builds it first; when it
 * is missing (a plain `pnpm test` on a fresh clone) it is built here, once per run.
 */
export default function setup() {
  const dir = resolve(import.meta.dirname, 'dist');
  if (existsSync(resolve(dir, 'index.html')) && existsSync(resolve(dir, 'demo/manifest.json'))) return;
  execFileSync('pnpm', ['--filter', '@fazhi/console', 'build'], { stdio: 'inherit', cwd: resolve(import.meta.dirname, '../..') });
}
