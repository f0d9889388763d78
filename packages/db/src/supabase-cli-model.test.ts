import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generateModelMigration } from './generate-model-migration.js';
import { modelSnapshot, snapshotHash } from './generate/model-snapshot.js';
import { migrateModel, recordedModelSnapshot } from './migrate-model.js';
import { defaultMigrationsDir, defaultShimFile, packageRoot } from './package-paths.js';
import { openPostgres } from './postgres-database.js';
import { splitStatements } from './split-statements.js';
import { postgresBackend, testTmpDir } from './testing/test-databases.js';
import { upgradedModel } from './testing/upgrade-model.js';

/**
 * The files driver on the Supabase path: a street's supabase/ folder with a migration written by
 * `generateModelMigration`, pushed by the pinned Supabase CLI (its own statement splitter, its own
 * history), then linted and checked by the advisors like the released schema.
 */
const run = promisify(execFile);
const bin = join(packageRoot, 'node_modules/.bin/supabase');

async function supabase(workdir: string, ...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run(bin, ['--workdir', workdir, ...args], { cwd: workdir, env: { ...process.env, DO_NOT_TRACK: '1', SUPABASE_TELEMETRY_DISABLED: '1' }, timeout: 120_000 });
    return { code: 0, out: `${r.stdout}${r.stderr}` };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string; message: string };
    return { code: typeof err.code === 'number' ? err.code : 1, out: `${err.stdout ?? ''}${err.stderr ?? err.message}` };
  }
}

const cliUrl = (url: string) => `${url}?sslmode=disable`;

describe('a generated model migration through the Supabase CLI 2.117 (PostgreSQL 15)', () => {
  it('`db push` applies it as our runner would; lint and advisors stay clean', async () => {
    const workdir = await mkdtemp(join(testTmpDir(), 'street-'));
    const dir = join(workdir, 'supabase');
    await cp(join(defaultMigrationsDir(), '..', 'config.toml'), join(dir, 'config.toml'));
    await cp(defaultMigrationsDir(), join(dir, 'migrations'), { recursive: true });
    const generated = await generateModelMigration({ dir, model: upgradedModel() });

    const url = await postgresBackend.createEmptyUrl();
    const empty = await openPostgres(url);
    await empty.exec(await readFile(defaultShimFile(), 'utf8'));
    await empty.close();
    const push = await supabase(workdir, 'db', 'push', '--db-url', cliUrl(url), '--include-all', '--yes');
    expect(push.out).toContain('Finished supabase db push.');
    expect(push.code, push.out).toBe(0);

    const db = await openPostgres(url);
    try {
      const file = generated.file!.slice('migrations/'.length);
      const [version, ...name] = file.replace(/\.sql$/, '').split('_');
      const row = await db.query<{ statements: string[] }>('select statements from supabase_migrations.schema_migrations where version = $1 and name = $2', [version, name.join('_')]);
      // The CLI splits the generated file (a DO block, a long JSON literal) exactly as our runner does.
      expect(row.rows[0]!.statements).toEqual(splitStatements(await readFile(join(dir, generated.file!), 'utf8')));
      expect((await readdir(join(dir, 'migrations'))).length).toBe((await readdir(defaultMigrationsDir())).filter((f) => f.endsWith('.sql')).length + 1);
      expect(snapshotHash(await recordedModelSnapshot(db))).toBe(snapshotHash(modelSnapshot(upgradedModel())));
      expect((await migrateModel(db, upgradedModel())).changed).toBe(false);
    } finally {
      await db.close();
    }

    const lint = await supabase(workdir, 'db', 'lint', '--db-url', cliUrl(url), '--level', 'error', '--fail-on', 'error');
    expect(lint.out).toContain('No schema errors found');
    const advisors = await supabase(workdir, 'db', 'advisors', '--db-url', cliUrl(url), '--type', 'all', '--level', 'warn', '--fail-on', 'warn');
    expect(advisors.out).not.toMatch(/"level":\s*"(ERROR|WARN)"/);
    expect(advisors.code, advisors.out).toBe(0);
  }, 300_000);
});
