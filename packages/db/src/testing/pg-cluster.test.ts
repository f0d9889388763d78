import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../postgres-database.js';
import { findPgBinDir, startPgCluster } from './pg-cluster.js';

const serverGone = async (url: string) => {
  const db = await openPostgres(url).catch(() => null);
  await db?.close();
  return db === null;
};

async function waitFor(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return check();
}

describe('startPgCluster', () => {
  it('starts a loopback server, creates and clones databases, and stops without a trace', async () => {
    const started = performance.now();
    const cluster = await startPgCluster();
    const startMs = performance.now() - started;
    try {
      expect(cluster.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
      const db = await openPostgres(cluster.url);
      const settings = await db.query<{ name: string; setting: string }>(
        `select name, setting from pg_settings where name in ('listen_addresses', 'fsync', 'unix_socket_directories', 'server_version_num') order by name`,
      );
      await db.close();
      expect(Object.fromEntries(settings.rows.map((r) => [r.name, r.setting]))).toEqual({
        fsync: 'off',
        listen_addresses: '127.0.0.1',
        server_version_num: expect.stringMatching(/^15/),
        unix_socket_directories: cluster.dir,
      });

      const url = await cluster.createDatabase('original');
      const original = await openPostgres(url);
      await original.exec('create table t (x int); insert into t values (7);');
      await original.close();
      const copy = await openPostgres(await cluster.createDatabase('copy', { template: 'original' }));
      expect((await copy.query('select x from t')).rows).toEqual([{ x: 7 }]);
      await copy.close();
    } finally {
      const stopping = performance.now();
      await cluster.stop();
      if (process.env.FAZHI_TEST_TIMINGS) console.log(`[fazhi] cluster start ${Math.round(startMs)} ms, stop ${Math.round(performance.now() - stopping)} ms`);
    }
    expect(existsSync(cluster.dir)).toBe(false);
    expect(await serverGone(cluster.url)).toBe(true);
    await cluster.stop();
  });

  it('keeps a cluster in a folder of the caller (keepIn): started again on the same data, never deleted', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'fazhi-keep-'));
    // The server runs as `postgres` when tests run as root: it must be able to reach the folder.
    chmodSync(parent, 0o755);
    const dir = join(parent, 'cluster');
    try {
      const first = await startPgCluster({ keepIn: dir });
      expect(first.dir).toBe(dir);
      const db = await openPostgres(first.url);
      await db.exec('create table kept (x int); insert into kept values (42);');
      await db.close();
      await first.stop();
      expect(await serverGone(first.url)).toBe(true);
      expect(existsSync(join(dir, 'data', 'PG_VERSION'))).toBe(true);

      const again = await startPgCluster({ keepIn: dir });
      try {
        const reopened = await openPostgres(again.url);
        expect((await reopened.query('select x from kept')).rows).toEqual([{ x: 42 }]);
        await reopened.close();
      } finally {
        await again.stop();
      }
      expect(existsSync(join(dir, 'data', 'PG_VERSION'))).toBe(true);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('is stopped and removed even when its process is killed outright', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-watchdog-'));
    const script = join(dir, 'start.mts');
    const module = fileURLToPath(new URL('./pg-cluster.ts', import.meta.url));
    writeFileSync(script, `import { startPgCluster } from ${JSON.stringify(module)};\nconst c = await startPgCluster();\nconsole.log(JSON.stringify({ url: c.url, dir: c.dir }));\nsetInterval(() => {}, 1000);\n`);
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] });
    const info = await new Promise<{ url: string; dir: string }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(JSON.parse(out));
      });
      child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    expect(await serverGone(info.url)).toBe(false);
    child.kill('SIGKILL');
    expect(await waitFor(() => !existsSync(info.dir), 20_000)).toBe(true);
    expect(await serverGone(info.url)).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails with a clear message when the server programs are missing', async () => {
    expect(() => findPgBinDir(['/nonexistent/bin'])).toThrow(/找不到 PostgreSQL 15 服务器程序（initdb、pg_ctl）：请安装 postgresql-15/);
    await expect(startPgCluster({ binDir: '/nonexistent/bin' })).rejects.toThrow(/无法启动测试用 PostgreSQL/);
  });
});
