import { demoAccounts } from '@fazhi/db';
import { postgresBackend } from '@fazhi/db/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.test-helper.js';

const seed = fileURLToPath(new URL('../../../../seeds/nansha-2024', import.meta.url));
const narrative = join(seed, 'narrative/2024.md');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'fazhi-cli-db-'));
  dirs.push(d);
  return d;
};

const backends = [
  { name: 'pglite', url: async () => `pglite:${join(tmp(), 'data')}` },
  { name: 'postgres', url: () => postgresBackend.createEmptyUrl() },
];

describe.each(backends)('fazhi db … --db ($name)', (backend) => {
  let url: string;

  it('db migrate applies every migration once', async () => {
    url = await backend.url();
    const first = await runCli('db', 'migrate', '--db', url);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('已应用 Supabase 兼容脚本');
    expect(first.stdout).toMatch(/已应用迁移 \d+_base\.sql（\d+ 条语句/);
    const again = await runCli('db', 'migrate', '--db', url);
    expect(again.stdout).toBe('数据库结构已是最新，没有需要应用的迁移\n');
  }, 180_000);

  it('db seed loads the dataset and the demo accounts', async () => {
    const res = await runCli('db', 'seed', '--db', url, '--dataset', seed);
    expect(res.stderr).toMatch(/^警告：数据集有 \d+ 处需要检查/);
    expect(res.stderr).not.toContain('错误');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('数据库结构已是最新');
    expect(res.stdout).toMatch(/已导入数据集“南沙街道法治政府建设示例数据（2023—2024年）”：机构 \d+ 个，记录 \d+ 条/);
    expect(res.stdout).toContain(`已创建演示账号 ${demoAccounts.length} 个（密码均为 fazhi-demo-2024）`);
    for (const a of demoAccounts) expect(res.stdout).toContain(a.email);

    const twice = await runCli('db', 'seed', '--db', url, '--dataset', seed);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/^错误：数据库中已有 \d+ 个机构，不能再导入数据集/);
  }, 180_000);

  it('metrics and report read from the database exactly what the dataset gives', async () => {
    const fromDb = await runCli('metrics', '--db', url, '--year', '2024', '--format', 'json');
    expect(fromDb.stderr).toBe('');
    expect(fromDb.code).toBe(0);
    const fromFiles = await runCli('metrics', '--dataset', seed, '--year', '2024', '--format', 'json');
    expect(JSON.parse(fromDb.stdout)).toEqual(JSON.parse(fromFiles.stdout));

    const community = ['metrics', '--year', '2024', '--format', 'table', '--org', '蕉门社区'];
    expect((await runCli(...community, '--db', url)).stdout).toBe((await runCli(...community, '--dataset', seed)).stdout);

    const report = (source: string[]) => runCli('report', ...source, '--year', '2024', '--narrative', narrative);
    const md = await report(['--db', url]);
    expect(md.code).toBe(0);
    expect(md.stdout).toBe((await report(['--dataset', seed])).stdout);
  }, 180_000);
});

describe('fazhi db: mistakes', () => {
  it('explains usage, missing options and bad URLs in Chinese', async () => {
    const none = await runCli('db');
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('请指定 db 的子命令')]);
    expect((await runCli('db', 'frob')).stderr).toContain('未知的 db 子命令“frob”');
    expect((await runCli('db', 'migrate')).stderr).toContain('请用 --db 指定数据库');
    expect((await runCli('db', 'migrate', 'extra', '--db', 'pglite:memory')).stderr).toContain('多余的参数：extra');
    expect((await runCli('db', 'seed', '--db', 'pglite:memory')).stderr).toContain('请用 --dataset 指定要导入的数据集目录');
    const bad = await runCli('db', 'migrate', '--db', 'mysql://root:secret@localhost/x');
    expect([bad.code, bad.stderr]).toEqual([1, '错误：无法识别的数据库地址“mysql://root:secret@localhost/x”，应为 postgres://用户:密码@主机:端口/库名、pglite:目录、pglite:备份文件.fazhi-backup 或 pglite:memory\n']);
    expect((await runCli('metrics', '--db', 'pglite:memory', '--dataset', seed, '--year', '2024')).stderr).toContain('--dataset 与 --db 只能选一个');
  });

  it('says so when the database has no schema yet, or cannot be reached', async () => {
    const empty = await runCli('metrics', '--db', `pglite:${join(tmp(), 'empty')}`, '--year', '2024');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^错误：数据库“pglite:.*empty”还没有 fazhi 的数据结构（尚未迁移）：请先运行 fazhi db migrate --db pglite:/);
    const down = await runCli('db', 'migrate', '--db', 'postgres://fazhi:secret@127.0.0.1:1/none');
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^错误：无法连接数据库“postgres:\/\/fazhi:\*\*\*@127\.0\.0\.1:1\/none”/);
  });
});
