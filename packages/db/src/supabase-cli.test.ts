import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { defaultMigrationsDir, defaultShimFile, packageRoot } from './package-paths.js';
import { openPostgres } from './postgres-database.js';
import { splitStatements } from './split-statements.js';
import { seedDataset } from './seed.js';
import { seedDir } from './seed-databases.test-helper.js';
import { postgresBackend } from './testing/test-databases.js';

const run = promisify(execFile);
const repoRoot = join(packageRoot, '../..');
const bin = join(packageRoot, 'node_modules/.bin/supabase');

/** Runs the pinned Supabase CLI (devDependency) from the repository root, where supabase/ is. */
async function supabase(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run(bin, args, { cwd: repoRoot, env: { ...process.env, DO_NOT_TRACK: '1', SUPABASE_TELEMETRY_DISABLED: '1' }, timeout: 120_000 });
    return { code: 0, out: `${r.stdout}${r.stderr}` };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string; message: string };
    return { code: typeof err.code === 'number' ? err.code : 1, out: `${err.stdout ?? ''}${err.stderr ?? err.message}` };
  }
}

// The CLI insists on TLS unless told otherwise; the test cluster has none.
const cliUrl = (url: string) => `${url}?sslmode=disable`;

const migrationFiles = () => readdirSync(defaultMigrationsDir()).filter((f) => /^\d+_.*\.sql$/.test(f)).sort();

describe('Supabase CLI 2.117 against PostgreSQL 15', () => {
  it('`db push` applies our migrations after the shim, recording what our runner records', async () => {
    const url = await postgresBackend.createEmptyUrl();
    const empty = await openPostgres(url);
    await empty.exec(readFileSync(defaultShimFile(), 'utf8'));
    await empty.close();
    const push = await supabase('db', 'push', '--db-url', cliUrl(url), '--include-all', '--yes');
    expect(push.out).toContain('Finished supabase db push.');
    expect(push.code).toBe(0);

    const db = await openPostgres(url);
    try {
      const rows = await db.query<{ version: string; name: string; statements: string[] }>('select version, name, statements from supabase_migrations.schema_migrations order by version');
      expect(rows.rows.map((r) => `${r.version}_${r.name}.sql`)).toEqual(migrationFiles());
      // The CLI's statement splitting and ours agree, statement for statement.
      for (const r of rows.rows) expect(r.statements, r.name).toEqual(splitStatements(readFileSync(join(defaultMigrationsDir(), `${r.version}_${r.name}.sql`), 'utf8')));
      // And our runner sees it all as applied (and, the auth schema being there, no shim).
      expect(await migrate(db)).toEqual({ shim: false, applied: [], skipped: [] });
    } finally {
      await db.close();
    }
  });

  it('`db push` finds nothing to do on a database our runner migrated', async () => {
    const url = await postgresBackend.createUrl();
    const push = await supabase('db', 'push', '--db-url', cliUrl(url), '--dry-run', '--yes');
    expect(push.code).toBe(0);
    expect(push.out).toContain('Remote database is up to date.');
  });

  it('`db lint --level error` finds no errors in our schema', async () => {
    const url = await postgresBackend.createUrl();
    const lint = await supabase('db', 'lint', '--db-url', cliUrl(url), '--level', 'error', '--fail-on', 'error');
    if (/plpgsql_check/.test(lint.out) && /not available/.test(lint.out)) {
      throw new Error('supabase db lint 需要 plpgsql_check 扩展：apt-get install postgresql-15-plpgsql-check');
    }
    expect(lint.out).toContain('No schema errors found');
    expect(lint.code).toBe(0);
  });

  it('`db advisors --type all` reports no ERROR and no WARN on the migrated and seeded schema', async () => {
    const url = await postgresBackend.createUrl();
    const db = await openPostgres(url);
    try {
      await seedDataset(db, seedDir);
    } finally {
      await db.close();
    }
    // Security (security definer views, RLS, exposed functions …) and performance lints alike;
    // INFO findings (unused indexes on a database nobody has queried yet) are listed, not failed.
    const advisors = await supabase('db', 'advisors', '--db-url', cliUrl(url), '--type', 'all', '--level', 'warn', '--fail-on', 'warn');
    expect(advisors.out).not.toMatch(/"level":\s*"(ERROR|WARN)"/);
    expect(advisors.out).toContain('No issues found');
    expect(advisors.code, advisors.out).toBe(0);
  });
});
