import { demoAccounts, openDatabase, type Database } from '@fazhi/db';
import { postgresBackend, writeFixtureDataset } from '@fazhi/db/testing';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.test-helper.js';

/** `fazhi db seed` never leaves records without accounts behind, however a run ends. */
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
let dataset: string;
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'fazhi-cli-seed-'));
  dirs.push(d);
  return d;
};
beforeAll(async () => {
  dataset = await writeFixtureDataset();
});

async function withDb<T>(url: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(url);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
const count = (db: Database, table: string) => db.query<{ n: number }>(`select count(*)::int as n from ${table}`).then((r) => r.rows[0]!.n);

const backends = [
  { name: 'pglite', url: async () => `pglite:${join(tempDir(), 'data')}` },
  { name: 'postgres', url: () => postgresBackend.createEmptyUrl() },
];

describe.each(backends)('fazhi db seed on $name', (backend) => {
  it('fails as a whole when the accounts are refused after the records went in, and the rerun finishes', async () => {
    const url = await backend.url();
    expect((await runCli('db', 'migrate', '--db', url)).code).toBe(0);
    // A real failure in the second half: the database refuses every membership row.
    await withDb(url, (db) => db.exec('alter table public.memberships add constraint fazhi_test_refuse check (false) not valid'));
    const failed = await runCli('db', 'seed', '--db', url, '--dataset', dataset);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^错误：数据库报错（23514）/);
    expect(failed.stderr).not.toContain('    at ');
    expect(await withDb(url, (db) => count(db, 'public.org_units'))).toBe(0);

    await withDb(url, (db) => db.exec('alter table public.memberships drop constraint fazhi_test_refuse'));
    const again = await runCli('db', 'seed', '--db', url, '--dataset', dataset);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`已创建演示账号 ${demoAccounts.length} 个`);
    expect(await withDb(url, (db) => count(db, 'auth.users'))).toBe(demoAccounts.length);
  }, 180_000);
});

describe('fazhi db seed killed (postgres)', () => {
  it('killed while writing the accounts, leaves an empty database that the next run seeds', async () => {
    const url = await postgresBackend.createUrl();
    const watcher = await openDatabase(url);
    try {
      // Hold auth.users so the child stops exactly between records and accounts, then kill it there.
      const holder = await openDatabase(url);
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      const holding = holder.transaction(async (tx) => {
        await tx.exec('lock table auth.users in access exclusive mode');
        await released;
      });
      const child = spawn(process.execPath, ['--conditions=fazhi-source', '--import', 'tsx', 'apps/cli/src/bin.ts', 'db', 'seed', '--db', url, '--dataset', dataset], { cwd: repoRoot, stdio: 'pipe' });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      const deadline = Date.now() + 60_000;
      for (;;) {
        const waiting = await watcher.query(`select 1 from pg_stat_activity where wait_event_type = 'Lock' and query ilike 'insert into auth.users%'`);
        if (waiting.rows.length) break;
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the seed never reached the accounts: ${output}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      child.kill('SIGKILL');
      expect(await exited).toBe(null);
      release();
      await holding;
      await holder.close();

      // The killed session's transaction is rolled back by the server once it notices the socket closed.
      const settle = Date.now() + 10_000;
      while ((await watcher.query(`select 1 from pg_stat_activity where query ilike 'insert into auth.users%' and pid <> pg_backend_pid()`)).rows.length && Date.now() < settle) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await count(watcher, 'public.org_units')).toBe(0);
      expect(await count(watcher, 'public.mediation_cases')).toBe(0);
    } finally {
      await watcher.close();
    }
    const again = await runCli('db', 'seed', '--db', url, '--dataset', dataset);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`已创建演示账号 ${demoAccounts.length} 个`);
  }, 180_000);
});

