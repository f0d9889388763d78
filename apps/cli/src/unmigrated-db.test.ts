import { openDatabase, type Database } from '@fazhi/db';
import { testDatabases, testTmpDir } from '@fazhi/db/testing';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.test-helper.js';

/**
 * Every command that takes `--db`, pointed at a database nobody has migrated: each says so in
 * Chinese and names `fazhi db migrate --db …` (not PostgreSQL's "relation does not exist"), and
 * leaves the database as empty as it found it.
 */
const dir = mkdtempSync(join(testTmpDir(), 'fazhi-cli-unmigrated-'));

/** A ledger of one mediation case of 示范街道. */
const ledgerFile = join(dir, '调解.csv');
writeFileSync(ledgerFile, '\uFEFF所属单位,案件编号,案件来源,纠纷类型,当事人,涉及人数（人）,受理时间,办理状态\r\n示范街道,调〔2024〕1号,当事人申请,邻里,张三,1,2024-03-05,调解中\r\n');

/** An `export --all` folder of a migrated database holding one street and its case: what `import --all` reads. */
async function exportFolder(url: string): Promise<string> {
  const db = await openDatabase(url);
  await db.exec(`insert into public.org_units (id, parent_id, kind, name, short_name) values ('00000000-0000-4000-8000-0000000000a0', null, 'street', '示范街道办事处', '示范街道')`);
  await db.close();
  expect(await runCli('import', '--db', url, '--kind', 'mediation_cases', '--file', ledgerFile)).toMatchObject({ code: 0, stderr: '' });
  const folder = mkdtempSync(join(dir, 'export-all-'));
  const res = await runCli('export', '--db', url, '--all', '--out', folder);
  expect(res).toMatchObject({ code: 0, stderr: '' });
  return folder;
}

describe.each(testDatabases())('commands on an unmigrated database ($name)', (backend) => {
  let url: string;
  let folder: string;
  beforeAll(async () => {
    url = await backend.createEmptyUrl();
    folder = await exportFolder(await backend.createUrl());
  }, 240_000);

  const commands: Record<string, (url: string) => string[]> = {
    'orgs list': (u) => ['orgs', 'list', '--db', u],
    'orgs add': (u) => ['orgs', 'add', '--db', u, '--parent', '示范街道', '--kind', 'community', '--name', '东社区'],
    'orgs move': (u) => ['orgs', 'move', '--db', u, '--org', '东社区', '--parent', '示范街道', '--reason', '调整'],
    'orgs retire': (u) => ['orgs', 'retire', '--db', u, '--org', '东社区', '--reason', '撤销'],
    'orgs list --as': (u) => ['orgs', 'list', '--db', u, '--as', 'chief@example.test'],
    'members list': (u) => ['members', 'list', '--db', u],
    'members list --as': (u) => ['members', 'list', '--db', u, '--as', 'chief@example.test'],
    'members invite': (u) => ['members', 'invite', '--db', u, '--email', 'li@example.test', '--org', '示范街道', '--role', 'viewer', '--reason', '新同事'],
    'members deactivate': (u) => ['members', 'deactivate', '--db', u, '--user', 'li@example.test', '--reason', '离职'],
    import: (u) => ['import', '--db', u, '--kind', 'mediation_cases', '--file', ledgerFile],
    'import --all': (u) => ['import', '--db', u, '--all', '--dir', folder],
    export: (u) => ['export', '--db', u, '--kind', 'mediation_cases', '--out', join(dir, '导出.xlsx')],
    'export --all': (u) => ['export', '--db', u, '--all', '--out', join(dir, '全部')],
    metrics: (u) => ['metrics', '--db', u, '--year', '2024'],
    report: (u) => ['report', '--db', u, '--year', '2024'],
  };

  it.each(Object.keys(commands))('%s names the migration to run', async (name) => {
    const res = await runCli(...commands[name]!(url));
    expect(res.stderr).toContain('还没有 fazhi 的数据结构（尚未迁移）：请先运行 fazhi db migrate --db ');
    expect(res.stderr).not.toMatch(/does not exist|42P01|42883|3F000/);
    expect(res.code).toBe(1);
  });

  it('setup names the migration to run and leaves the database empty', async () => {
    const setupFile = join(dir, '机构设置.json');
    writeFileSync(setupFile, JSON.stringify({ units: [{ kind: 'street', name: '示范街道办事处' }], admin: { email: 'chief@example.test', password: 'first-admin-2024' } }));
    const res = await runCli('setup', '--db', url, '--file', setupFile);
    expect(res.stderr).toContain('请先运行 fazhi db migrate --db ');
    expect(res.code).toBe(1);
    const db = await openDatabase(url);
    try {
      const left = await db.query<{ n: number }>(`select count(*)::int as n from pg_catalog.pg_namespace where nspname in ('public', 'private', 'extensions') and exists (select 1 from pg_catalog.pg_class c where c.relnamespace = pg_namespace.oid)`);
      expect(left.rows[0]!.n).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('a database behind the model (a table dropped) is told to migrate too', async () => {
    const behind = await backend.createUrl();
    // One connection at a time: a PGlite folder is opened by one process only.
    const withDb = async <T>(fn: (db: Database) => Promise<T>) => {
      const db = await openDatabase(behind);
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    };
    await withDb((db) => db.exec('drop table public.mediation_cases cascade'));
    const all = await runCli('import', '--db', behind, '--all', '--dir', folder);
    expect(all.stderr).toContain('的结构不是最新');
    expect(all.stderr).toContain('请先运行 fazhi db migrate --db ');
    expect(all.code).toBe(1);
    await withDb(async (db) => {
      expect((await db.query<{ n: number }>('select count(*)::int as n from public.org_units')).rows[0]!.n).toBe(0);
      await db.exec(`insert into public.org_units (id, parent_id, kind, name, short_name) values ('00000000-0000-4000-8000-0000000000a0', null, 'street', '示范街道办事处', '示范街道')`);
    });
    const res = await runCli('import', '--db', behind, '--kind', 'mediation_cases', '--file', ledgerFile);
    expect(res.stderr).toContain('的结构不是最新');
    expect(res.stderr).toContain('请先运行 fazhi db migrate --db ');
    expect(res.code).toBe(1);
  });
});
