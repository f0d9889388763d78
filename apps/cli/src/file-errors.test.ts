import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFixtureDataset } from '@fazhi/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.test-helper.js';

/** A person's path mistakes: a clear Chinese message naming the path, never a stack trace. */
const seed = fileURLToPath(new URL('../../../seeds/nansha-2024', import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'fazhi-cli-files-'));
  dirs.push(d);
  return d;
};
const base = ['--year', '2024'];
/** A small valid dataset (loads in milliseconds, no warnings) for the commands that need one. */
let small: string;
beforeAll(async () => {
  small = await writeFixtureDataset();
});

/** Exit code and stderr, checked for the things a user must never see. */
async function fails(...argv: string[]): Promise<{ code: number; stderr: string }> {
  const res = await runCli(...argv);
  expect(res.stderr).not.toContain('内部错误');
  expect(res.stderr).not.toMatch(/\n\s+at /);
  expect(res.stderr).toMatch(/^错误：/);
  return { code: res.code, stderr: res.stderr };
}

/** A copy of the seed with only what the test needs changed. */
function seedCopy(): string {
  const dir = join(tmp(), 'ds');
  cpSync(seed, dir, { recursive: true });
  return dir;
}

describe('paths that are not what they should be', () => {
  it('--dataset: a file, a symlink loop, a missing folder', async () => {
    const dir = tmp();
    const file = join(dir, 'file.txt');
    writeFileSync(file, 'x');
    const loop = join(dir, 'loop');
    symlinkSync(loop, loop);
    expect(await fails('metrics', '--dataset', file, ...base)).toEqual({ code: 1, stderr: `错误：数据集目录“${file}”不是文件夹\n` });
    expect(await fails('metrics', '--dataset', loop, ...base)).toEqual({ code: 1, stderr: `错误：数据集目录“${loop}”是循环的符号链接，无法读取\n` });
    expect(await fails('db', 'seed', '--db', 'pglite:memory', '--dataset', file)).toEqual({ code: 1, stderr: `错误：数据集目录“${file}”不是文件夹\n` });
  });

  it('dataset files that are folders or symlink loops are problems of the dataset, named by file', async () => {
    const dir = seedCopy();
    rmSync(join(dir, 'orgs.csv'));
    mkdirSync(join(dir, 'orgs.csv'));
    rmSync(join(dir, 'mediation_cases.csv'));
    symlinkSync(join(dir, 'mediation_cases.csv'), join(dir, 'mediation_cases.csv'));
    const { code, stderr } = await fails('metrics', '--dataset', dir, ...base);
    expect(code).toBe(1);
    expect(stderr).toContain('\norgs.csv：是文件夹，应为文件\n');
    expect(stderr).toContain('\nmediation_cases.csv：是循环的符号链接，无法读取\n');
  });

  it('--narrative: a folder, a symlink loop, a missing file', async () => {
    const dir = tmp();
    const loop = join(dir, 'loop.md');
    symlinkSync(loop, loop);
    expect(await fails('report', '--dataset', small, ...base, '--narrative', dir)).toEqual({ code: 1, stderr: `错误：叙述文件“${dir}”是文件夹，应为文件\n` });
    expect(await fails('report', '--dataset', small, ...base, '--narrative', loop)).toEqual({ code: 1, stderr: `错误：叙述文件“${loop}”是循环的符号链接，无法读取\n` });
    expect((await fails('report', '--dataset', small, ...base, '--narrative', join(dir, 'none.md'))).stderr).toBe(`错误：叙述文件“${join(dir, 'none.md')}”不存在\n`);
  });

  it("a dataset's own narrative that is a folder is named too", async () => {
    const dir = join(tmp(), 'ds');
    cpSync(small, dir, { recursive: true });
    mkdirSync(join(dir, 'narrative/2024.md'), { recursive: true });
    expect((await fails('report', '--dataset', dir, ...base)).stderr).toBe(`错误：叙述文件“${join(dir, 'narrative/2024.md')}”是文件夹，应为文件\n`);
  });

  it('--out: a folder, a missing parent folder, an unwritable place; nothing is left behind', async () => {
    const dir = tmp();
    for (const command of [['report', '--dataset', small, ...base, '--format', 'html'], ['narrative']]) {
      expect(await fails(...command, '--out', dir)).toEqual({ code: 1, stderr: `错误：输出文件“${dir}”是文件夹，应为文件路径\n` });
      const missing = join(dir, 'no-such-folder', 'r.html');
      expect(await fails(...command, '--out', missing)).toEqual({ code: 1, stderr: `错误：输出文件“${missing}”无法写入：所在的文件夹“${join(dir, 'no-such-folder')}”不存在\n` });
      expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
      // sysfs refuses new files even to root.
      expect(await fails(...command, '--out', '/sys/fazhi-report.html')).toEqual({ code: 1, stderr: '错误：输出文件“/sys/fazhi-report.html”无法写入：没有写入权限\n' });
      const file = join(dir, 'plain');
      writeFileSync(file, 'x');
      expect((await fails(...command, '--out', join(file, 'r.html'))).stderr).toBe(`错误：输出文件“${join(file, 'r.html')}”无法写入：“${file}”不是文件夹\n`);
    }
  });
});

describe('data values in messages', () => {
  it('escapes terminal control sequences from a cell instead of printing them', async () => {
    const dir = seedCopy();
    const file = join(dir, 'mediation_cases.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
    const row = lines[1]!.split(',');
    row[header.indexOf('result')] = '\u001b[2J\u001b[31m成了';
    lines[1] = row.join(',');
    writeFileSync(file, lines.join('\n'));
    const { code, stderr } = await fails('metrics', '--dataset', dir, ...base);
    expect(code).toBe(1);
    // eslint-disable-next-line no-control-regex -- no control character may get through
    expect(stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(stderr).toContain('\\u001B[2J\\u001B[31m成了');
  });

  it('escapes control characters in a path it names', async () => {
    const dir = join(tmp(), 'a\u001b]0;owned\u0007b');
    const res = await fails('metrics', '--dataset', dir, ...base);
    expect(res.stderr).toBe(`错误：数据集目录“${dir.replace('\u001b', '\\u001B').replace('\u0007', '\\u0007')}”不存在\n`);
  });
});

describe('text files in the encodings people save them in', () => {
  it('reads a narrative saved as GBK (converted by iconv, as Windows Notepad would save it)', async () => {
    const file = join(tmp(), 'n.md');
    writeFileSync(file, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: '## problems\n一是调解队伍专业化水平有待提高。\n' }));
    const res = await runCli('report', '--dataset', small, ...base, '--narrative', file);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('一是调解队伍专业化水平有待提高。');
  });

  it('refuses a narrative that decodes only with U+FFFD, naming file, line and character', async () => {
    const file = join(tmp(), 'n.md');
    writeFileSync(file, Buffer.concat([Buffer.from('## problems\n'), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: '一是' }), Buffer.from([0xff, 0x0a])]));
    const res = await fails('report', '--dataset', small, ...base, '--narrative', file);
    expect(res).toEqual({ code: 1, stderr: `错误：叙述文件“${file}”第2行：第3个字符含有无法按 GB18030 解码的字节：文件已损坏，或不是 UTF-8、GBK/GB18030、UTF-16 编码，请用 UTF-8 重新保存\n` });
  });
});

describe('datasets', () => {
  it('computes the same figures from a dataset saved as GBK (every file through iconv)', async () => {
    const dir = join(tmp(), 'gbk');
    cpSync(small, dir, { recursive: true });
    for (const f of readdirSync(dir).filter((f) => /\.(csv|json)$/.test(f))) {
      const text = readFileSync(join(dir, f), 'utf8').replace(/^\uFEFF/, '');
      writeFileSync(join(dir, f), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text }));
    }
    expect(readFileSync(join(dir, 'orgs.csv')).includes(Buffer.from('南沙'))).toBe(false);
    const utf8 = await runCli('metrics', '--dataset', small, ...base, '--format', 'json');
    const gbk = await runCli('metrics', '--dataset', dir, ...base, '--format', 'json');
    expect(gbk.stderr).toBe('');
    expect(gbk.stdout).toBe(utf8.stdout);
    expect(gbk.stdout).toContain('南沙街道');
  });

  it('prints a warning naming file and row for a record dated outside the years, and still succeeds', async () => {
    const dir = join(tmp(), 'dated');
    cpSync(small, dir, { recursive: true });
    const file = join(dir, 'publicity_events.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('2024-07-01', '2014-07-01'));
    const res = await runCli('metrics', '--dataset', dir, ...base, '--format', 'json');
    expect(res.code).toBe(0);
    expect(res.stderr).toBe('警告：数据集有 1 处需要检查（不影响计算）：\n  publicity_events.csv 第3行「活动日期」：日期 2014-07-01 不在数据集声明的年度（2024）内（记录的其他日期也都不在），请检查是否录错\n');
    expect(JSON.parse(res.stdout).period).toBe('2024');
  });
});
