import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCliIn } from './run-cli.test-helper.js';

// `pnpm fazhi` runs scripts/fazhi.mjs: the CLI compiled with the root config and its plugins into
// one bundle, rebuilt when a file it was built from changes. It must answer exactly as the CLI
// run on its sources does (the config loaded at run time), and must never run a stale bundle.
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const cache = mkdtempSync(join(tmpdir(), 'fazhi-cli-cache-'));
const run = promisify(execFile);
const quick = (...args: string[]) => run(process.execPath, ['--conditions=fazhi-source', join(repoRoot, 'scripts/fazhi.mjs'), ...args], { cwd: repoRoot, env: { ...process.env, FAZHI_CLI_CACHE: cache }, maxBuffer: 64 * 1024 * 1024 });
const stamp = () => JSON.parse(readFileSync(join(cache, 'current.json'), 'utf8')) as { dir: string; builtAt: number; inputs: string[] };

describe('the quick CLI entry (pnpm fazhi)', () => {
  it('prints the same figures as the CLI on its sources, with the root config and every plugin', async () => {
    const args = ['metrics', '--dataset', 'seeds/nansha-2024', '--year', '2024', '--today', '2025-03-01', '--format', 'json'];
    const bundled = await quick(...args);
    const onSources = await runCliIn(repoRoot, ...args);
    expect(onSources.code).toBe(0);
    expect(bundled.stdout).toBe(onSources.stdout);
    expect(bundled.stderr).toBe(onSources.stderr);
    // Built from the config and the plugins it names, none loaded at run time.
    expect(stamp().inputs).toContain('fazhi.config.ts');
    expect(stamp().inputs.some((p) => p.startsWith('packages/plugins/mediation/src/'))).toBe(true);
  }, 240_000);

  it('reuses the bundle while nothing changed and rebuilds it when a source file did', async () => {
    await quick('narrative');
    const first = stamp();
    await quick('narrative');
    expect(stamp().dir).toBe(first.dir);
    const source = join(repoRoot, 'packages/report/src/index.ts');
    const later = new Date(first.builtAt + 5_000);
    utimesSync(source, later, later);
    const { stdout } = await quick('narrative');
    expect(stamp().dir).not.toBe(first.dir);
    expect(stdout).toBe((await runCliIn(repoRoot, 'narrative')).stdout);
  }, 240_000);

  it('opens a database: modules that find their package or driver from their own location keep it in the bundle', async () => {
    // package-paths.ts walks up from its module to @fazhi/db's package.json (the migrations), and
    // postgres-database.ts loads `pg` relative to itself: both ran from the cache folder and failed.
    const db = `pglite:${join(mkdtempSync(join(tmpdir(), 'fazhi-quick-db-')), 'street')}`;
    const migrated = await quick('db', 'migrate', '--db', db).catch((e: { stdout: string; stderr: string }) => e);
    expect(migrated.stderr).not.toContain('找不到');
    expect(migrated.stdout).toContain('已应用迁移');
    const listed = await quick('orgs', 'list', '--db', db);
    const onSources = await runCliIn(repoRoot, 'orgs', 'list', '--db', db);
    expect(onSources.code).toBe(0);
    expect({ stdout: listed.stdout, stderr: listed.stderr }).toEqual({ stdout: onSources.stdout, stderr: onSources.stderr });
  }, 240_000);
});
