import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defaultShimFile, packageRoot } from './package-paths.js';
import { openPostgres } from './postgres-database.js';
import { postgresBackend } from './testing/test-databases.js';

/**
 * The root scripts `pnpm db:push|db:lint|db:advisors|db:test --db-url URL` (scripts/db.mjs): how
 * they read their arguments, and each one run for real against the PostgreSQL 15 test cluster —
 * the pinned Supabase CLI for push/lint/advisors (none of them needs Docker), pg_prove for test.
 */
const repoRoot = join(packageRoot, '../..');
const script = join(repoRoot, 'scripts/db.mjs');

async function dbScript(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  const { FAZHI_DB_URL: _ignored, ...inherited } = process.env;
  try {
    const r = await promisify(execFile)(process.execPath, [script, ...args], { cwd: repoRoot, env: { ...inherited, ...env }, timeout: 170_000 });
    return { code: 0, out: `${r.stdout}${r.stderr}` };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string; message: string };
    return { code: typeof err.code === 'number' ? err.code : 1, out: `${err.stdout ?? ''}${err.stderr ?? err.message}` };
  }
}

const tls = (url: string) => `${url}?sslmode=disable`;

describe('scripts/db.mjs arguments', () => {
  it.each([
    [[], '用法：pnpm db:push|db:lint|db:advisors|db:test'],
    [['drop', '--db-url', 'postgres://x@localhost/db'], '用法：'],
    [['push'], '缺少或无效的 --db-url'],
    [['lint', '--db-url'], '缺少或无效的 --db-url'],
    [['advisors', '--db-url', 'mysql://x@localhost/db'], '缺少或无效的 --db-url（应以 postgres:// 开头）'],
  ])('%j is refused with exit code 2 and a Chinese message', async (args, message) => {
    const r = await dbScript(args);
    expect(r.code).toBe(2);
    expect(r.out).toContain(message);
  });

  it('takes the URL from FAZHI_DB_URL when --db-url is not given', async () => {
    const r = await dbScript(['test'], { FAZHI_DB_URL: 'postgres://nobody@127.0.0.1:1/none?sslmode=disable', PGCONNECT_TIMEOUT: '2' });
    expect(r.out).not.toContain('缺少或无效的 --db-url');
    expect(r.code).not.toBe(0);
  });
});

describe('scripts/db.mjs against PostgreSQL 15', () => {
  it('db:test runs every pgTAP file with pg_prove and passes (sslmode travels as PGSSLMODE)', async () => {
    const r = await dbScript(['test', '--db-url', tls(await postgresBackend.createUrl())]);
    expect(r.out).toMatch(/Result: PASS/);
    expect(r.code).toBe(0);
  });

  it('db:push applies the migrations to a database that has only the shim, then finds nothing to do', async () => {
    const url = await postgresBackend.createEmptyUrl();
    const empty = await openPostgres(url);
    await empty.exec(readFileSync(defaultShimFile(), 'utf8'));
    await empty.close();
    const first = await dbScript(['push', '--db-url', tls(url)]);
    expect(first.code, first.out).toBe(0);
    const second = await dbScript(['push', '--db-url', tls(url), '--yes']);
    expect(second.code, second.out).toBe(0);
    expect(second.out).toMatch(/up to date/i);
  });

  it('db:lint and db:advisors pass on the migrated schema', async () => {
    const url = tls(await postgresBackend.createUrl());
    const lint = await dbScript(['lint', '--db-url', url]);
    expect(lint.code, lint.out).toBe(0);
    const advisors = await dbScript(['advisors', '--db-url', url]);
    expect(advisors.code, advisors.out).toBe(0);
  });
});
