import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appliedVersions, migrate } from './migrate.js';
import { defaultMigrationsDir, defaultShimFile } from './package-paths.js';
import { splitStatements } from './split-statements.js';
import { testDatabases } from './testing/test-databases.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Small migrations and a two-line shim, so the runner's behaviour is tested in milliseconds. */
function fixture(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-migrate-'));
  dirs.push(dir);
  const shimFile = join(dir, 'shim.sql');
  writeFileSync(shimFile, 'create schema auth;\ncreate table auth.shimmed (x int);\n');
  const migrationsDir = join(dir, 'migrations');
  mkdirSync(migrationsDir);
  const write = (name: string, sql: string) => writeFileSync(join(migrationsDir, name), sql);
  for (const [name, sql] of Object.entries(files)) write(name, sql);
  return { shimFile, migrationsDir, write };
}

describe.each(testDatabases())('migrate on $name', (backend) => {
  it('applies the shim, then each file once, recording them as the Supabase CLI does', async () => {
    const db = await backend.createEmpty();
    try {
      const f = fixture({
        '20240101000000_first.sql': `-- 第一个\ncreate table public.a (id int primary key);\ninsert into public.a values (1);\n`,
        '20240102000000_second_one.sql': `create function public.f() returns int language sql as $$ select 1; $$;\n`,
        'README.md': 'not sql',
        'notes.sql': '-- not a migration: no version prefix',
      });
      const first = await migrate(db, f);
      expect(first.shim).toBe(true);
      expect(first.skipped).toEqual(['notes.sql']);
      expect(first.applied.map((m) => [m.file, m.version, m.name, m.statements])).toEqual([
        ['20240101000000_first.sql', '20240101000000', 'first', 2],
        ['20240102000000_second_one.sql', '20240102000000', 'second_one', 1],
      ]);
      const rows = await db.query<{ version: string; name: string; statements: string[] }>('select version, name, statements from supabase_migrations.schema_migrations order by version');
      expect(rows.rows).toEqual([
        { version: '20240101000000', name: 'first', statements: ['-- 第一个\ncreate table public.a (id int primary key)', 'insert into public.a values (1)'] },
        { version: '20240102000000', name: 'second_one', statements: ['create function public.f() returns int language sql as $$ select 1; $$'] },
      ]);

      const again = await migrate(db, f);
      expect(again).toEqual({ shim: false, applied: [], skipped: ['notes.sql'] });
      expect((await db.query('select count(*)::int as n from public.a')).rows).toEqual([{ n: 1 }]);

      f.write('20240103000000_third.sql', 'create table public.c (id int);');
      expect((await migrate(db, f)).applied.map((m) => m.file)).toEqual(['20240103000000_third.sql']);
      expect(await appliedVersions(db)).toEqual(['20240101000000', '20240102000000', '20240103000000']);
    } finally {
      await db.close();
    }
  });

  it('rolls back only the failing file and names it and its line in Chinese', async () => {
    const db = await backend.createEmpty();
    try {
      const f = fixture({
        '20240101000000_ok.sql': 'create table public.ok (id int);',
        '20240102000000_broken.sql': 'create table public.half (id int);\n\ninsert into public.missing values (1);\n',
        '20240103000000_later.sql': 'create table public.later (id int);',
      });
      const err = (await migrate(db, f).catch((e: unknown) => e)) as Error & { cause: { code: string } };
      expect(err.message).toMatch(/^迁移文件“20240102000000_broken\.sql”第 3 行执行失败，已回滚该文件的全部改动：relation "public\.missing" does not exist/);
      expect(err.cause.code).toBe('42P01');
      expect(await appliedVersions(db)).toEqual(['20240101000000']);
      const tables = await db.query<{ t: string }>(`select table_name as t from information_schema.tables where table_schema = 'public' order by 1`);
      expect(tables.rows.map((r) => r.t)).toEqual(['ok']);

      f.write('20240102000000_broken.sql', 'create table public.half (id int);');
      expect((await migrate(db, f)).applied.map((m) => m.version)).toEqual(['20240102000000', '20240103000000']);
    } finally {
      await db.close();
    }
  });

  it('leaves out the shim where Supabase is (an auth schema exists)', async () => {
    const db = await backend.createEmpty();
    try {
      await db.exec('create schema auth;');
      const f = fixture({ '20240101000000_x.sql': 'select 1;' });
      expect((await migrate(db, f)).shim).toBe(false);
      expect((await db.query(`select to_regclass('auth.shimmed') as t`)).rows).toEqual([{ t: null }]);
    } finally {
      await db.close();
    }
  });

  it('lets concurrent runs apply each file exactly once', async () => {
    const db = await backend.createEmpty();
    try {
      const f = fixture({
        '20240101000000_a.sql': 'create table public.runs (n int); insert into public.runs values (1);',
        '20240102000000_b.sql': 'insert into public.runs values (2);',
      });
      const results = await Promise.all([migrate(db, f), migrate(db, f), migrate(db, f)]);
      expect(results.flatMap((r) => r.applied).length).toBe(2);
      expect((await db.query('select n from public.runs order by n')).rows).toEqual([{ n: 1 }, { n: 2 }]);
    } finally {
      await db.close();
    }
  });

  it('applies the real schema: the shim and every supabase/migrations file', async () => {
    const db = await backend.createEmpty();
    try {
      const started = performance.now();
      const result = await migrate(db);
      const ms = Math.round(performance.now() - started);
      if (process.env.FAZHI_TEST_TIMINGS) console.log(`[fazhi] migrate on ${backend.name}: ${ms} ms`, result.applied.map((m) => `${m.file} ${m.ms} ms`));
      const files = readdirSync(defaultMigrationsDir()).filter((f) => /^\d+_.*\.sql$/.test(f)).sort();
      expect(result.shim).toBe(true);
      expect(result.applied.map((m) => m.file)).toEqual(files);
      const recorded = await db.query<{ version: string; statements: string[] }>('select version, statements from supabase_migrations.schema_migrations order by version');
      expect(recorded.rows.map((r) => r.statements.length)).toEqual(files.map((f) => splitStatements(readFileSync(join(defaultMigrationsDir(), f), 'utf8')).length));
      expect((await migrate(db)).applied).toEqual([]);
      expect(readFileSync(defaultShimFile(), 'utf8')).toContain('auth');
    } finally {
      await db.close();
    }
  });
});
