import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.test-helper.js';

const seed = fileURLToPath(new URL('../../../seeds/nansha-2024', import.meta.url));
const tmp = () => mkdtempSync(join(tmpdir(), 'fazhi-cli-'));

describe('fazhi metrics', () => {
  it('prints every indicator with id, label, unit and components as JSON', async () => {
    const { code, stdout, stderr } = await runCli('metrics', '--dataset', seed, '--year', '2024', '--format', 'json');
    // The seed holds records just past its years on purpose (boundary cases): warned, not refused.
    expect(stderr).toMatch(/^警告：数据集有 \d+ 处需要检查（不影响计算）：\n/);
    expect(stderr).not.toContain('错误');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.period).toBe('2024');
    const byId = new Map(doc.indicators.map((i: { id: string }) => [i.id, i]));
    expect(byId.get('mediation.successful_cases')).toMatchObject({ label: '成功调处矛盾纠纷', unit: '宗', value: 242, display: '242宗', numerator: { id: 'mediation.successful_cases', value: 242 }, denominator: null });
    expect(byId.get('public_service.ticket_closure_rate')).toMatchObject({ unit: '%', value: 100, numerator: { value: 21349 }, denominator: { value: 21349 } });
    expect(doc.indicators.length).toBeGreaterThanOrEqual(40);
  });

  it('prints an aligned table and filters by prefix', async () => {
    const { code, stdout } = await runCli('metrics', '--dataset', seed, '--year', '2024', '--format', 'table', '--only', 'mediation.');
    expect(code).toBe(0);
    expect(stdout).toContain('mediation.successful_cases');
    expect(stdout).not.toContain('legal_aid.');
    expect(stdout).toMatch(/成功调处矛盾纠纷\s+242宗/);
  });

  it('selects an org unit by name and rolls up its subtree only', async () => {
    const all = JSON.parse((await runCli('metrics', '--dataset', seed, '--year', '2024', '--format', 'json')).stdout);
    const orgs = readFileSync(join(seed, 'orgs.csv'), 'utf8').split('\n').slice(1).filter(Boolean);
    const [committeeId, , , committee] = orgs.find((l) => l.includes('调解委员会'))!.split(',');
    const res = await runCli('metrics', '--dataset', seed, '--year', '2024', '--format', 'json', '--org', committee!);
    expect(res.code).toBe(0);
    const one = JSON.parse(res.stdout);
    expect(one.org.id).toBe(committeeId);
    const cases = (d: { indicators: { id: string; value: number }[] }) => d.indicators.find((i) => i.id === 'mediation.successful_cases')!.value;
    expect(cases(one)).toBeGreaterThan(0);
    expect(cases(one)).toBeLessThan(cases(all));
  });
});

describe('fazhi report', () => {
  it('writes DOCX and HTML files and Markdown to stdout', async () => {
    const dir = tmp();
    const md = await runCli('report', '--dataset', seed, '--year', '2024', '--format', 'markdown');
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# 南沙街道2024年法治政府建设情况报告/);
    for (const format of ['docx', 'html']) {
      const out = join(dir, `report.${format}`);
      const res = await runCli('report', '--dataset', seed, '--year', '2024', '--format', format, '--out', out);
      expect(res.code).toBe(0);
      expect(existsSync(out)).toBe(true);
    }
    expect(readFileSync(join(dir, 'report.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<html lang="zh-CN">');
  });

  it('uses a narrative file given with --narrative, and marks missing text without one', async () => {
    const dir = tmp();
    const file = join(dir, 'n.md');
    writeFileSync(file, '## problems\n一是测试用的不足。\n');
    const res = await runCli('report', '--dataset', seed, '--year', '2024', '--narrative', file);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('一是测试用的不足。');
    expect(res.stdout).toContain('【待补充】');
  });

  it('rejects a narrative file with unknown sections, naming the line', async () => {
    const dir = tmp();
    const file = join(dir, 'n.md');
    writeFileSync(file, '## problemz\n文字\n');
    const res = await runCli('report', '--dataset', seed, '--year', '2024', '--narrative', file);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('第1行：未知的段落“problemz”');
  });
});

describe('bad input', () => {
  it('lists every problem of a bad dataset with file, row and field, and exits non-zero', async () => {
    const dir = join(tmp(), 'ds');
    cpSync(seed, dir, { recursive: true });
    const file = join(dir, 'mediation_cases.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    const header = lines[0]!.split(',');
    const row = lines[1]!.split(',');
    row[header.indexOf('result')] = '成了';
    row[header.indexOf('partiesCount')] = '三人';
    lines[1] = row.join(',');
    writeFileSync(file, lines.join('\n'));
    const res = await runCli('metrics', '--dataset', dir, '--year', '2024');
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/mediation_cases\.csv 第2行「调解结果」/);
    expect(res.stderr).toMatch(/mediation_cases\.csv 第2行「涉及人数」.*三人/);
  });

  it('reports a missing dataset folder and usage mistakes in Chinese', async () => {
    expect((await runCli('metrics', '--dataset', '/no/such/dir', '--year', '2024')).stderr).toContain('数据集目录“/no/such/dir”不存在');
    const unknown = await runCli('metrics', '--dataset', seed, '--year', '2024', '--colour');
    expect([unknown.code, unknown.stderr.split('\n')[0]]).toEqual([2, '错误：未知的选项 --colour']);
    expect((await runCli('report', '--dataset', seed, '--year', '24')).stderr).toContain('--year 应为四位年份');
    expect((await runCli('report', '--dataset', seed, '--year', '2024', '--format', 'docx')).stderr).toContain('DOCX 格式需要用 --out');
    expect((await runCli('report', '--dataset', seed, '--year', '2024', '--org', '火星街道')).stderr).toContain('找不到机构“火星街道”');
    expect((await runCli('frobnicate')).code).toBe(2);
  });
});
