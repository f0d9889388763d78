import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { findPgBinDir, postgresBackend } from './testing/index.js';

/**
 * Runs supabase/tests/*.sql (pgTAP, the files `supabase test db` runs) with pg_prove against the
 * PostgreSQL 15 test cluster. PGlite has no pgTAP, so these run on PostgreSQL only.
 */
const testsDir = fileURLToPath(new URL('../../../supabase/tests/', import.meta.url));
const files = readdirSync(testsDir).filter((f) => f.endsWith('.sql')).sort();

describe('pgTAP suite on postgres', () => {
  let url: string;
  beforeAll(async () => {
    url = await postgresBackend.createUrl();
  });

  it.each(files)('%s passes under pg_prove', async (file) => {
    const run = await promisify(execFile)(
      'pg_prove',
      ['--psql-bin', join(findPgBinDir(), 'psql'), '--dbname', url, '--verbose', join(testsDir, file)],
      { env: { ...process.env, PGCONNECT_TIMEOUT: '10' } },
    ).catch((e: { stdout?: string; stderr?: string; message: string }) => ({ stdout: e.stdout ?? '', stderr: `${e.stderr ?? ''}\n${e.message}` }));
    // On failure show the failing assertions with their diagnostics, and what pg_prove said.
    const failures = run.stdout.split('\n').filter((l) => /^\s*(not ok|#)/.test(l) || /Bad plan|Parse errors|Failed/.test(l));
    if (!/Result: PASS/.test(run.stdout)) expect([...failures, run.stderr.trim()].join('\n')).toBe('');
    expect(run.stdout).toMatch(/Result: PASS/);
  });
});
