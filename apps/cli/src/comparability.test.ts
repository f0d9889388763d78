import { docxText } from '@fazhi/report/docx';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.test-helper.js';

/**
 * 同比 that compares like with like, end to end on the seed: its ledgers cover 2023–2024, so 2023
 * has no previous year to compare with, 2024 compares with 2023, and a year still running (a
 * fixed `--today`) is compared day for day.
 */
const seed = fileURLToPath(new URL('../../../seeds/nansha-2024', import.meta.url));
const today = ['--today', '2026-12-04'];
/** Any 同比 figure: a change in words, a percentage or points after 同比. */
const yoyFigure = /同比(增长|下降|增加|减少|提高|持平|基本持平)/;
const outDir = mkdtempSync(join(tmpdir(), 'fazhi-cli-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('fazhi report and 同比', () => {
  it('gives the 2023 report no 同比 figure, in Markdown and in the DOCX text, and says why', async () => {
    const md = await runCli('report', '--dataset', seed, '--year', '2023', ...today);
    expect(md.code).toBe(0);
    expect(md.stdout).not.toMatch(yoyFigure);
    expect(md.stdout).toContain('成功调处矛盾纠纷221宗（台账自2023年起建立，暂无上年同期数据可比）');
    expect(md.stdout).toMatch(/\| 受理矛盾纠纷 \| 247宗 \| — \| 上年无数据 \|/);
    expect(md.stdout).not.toContain('3428.6%');

    const out = join(outDir, '2023.docx');
    expect((await runCli('report', '--dataset', seed, '--year', '2023', '--format', 'docx', '--out', out, ...today)).code).toBe(0);
    const text = await docxText(readFileSync(out));
    expect(text).toContain('成功调处矛盾纠纷221宗（台账自2023年起建立，暂无上年同期数据可比）');
    expect(text).toContain('上年无数据');
    expect(text).not.toMatch(yoyFigure);
  });

  it('keeps the 2024 report’s 同比 figures, in Markdown and in the DOCX text', async () => {
    const md = await runCli('report', '--dataset', seed, '--year', '2024', ...today);
    expect(md.stdout).toMatch(/成功调处矛盾纠纷242宗（同比(增长|下降)[\d.]+%）/);
    expect(md.stdout).toMatch(/\| 受理矛盾纠纷 \| 279宗 \| 247宗 \| 同比增长[\d.]+% \|/);
    expect(md.stdout).not.toMatch(/上年无数据|数据不完整/);

    const out = join(outDir, '2024.docx');
    expect((await runCli('report', '--dataset', seed, '--year', '2024', '--format', 'docx', '--out', out, ...today)).code).toBe(0);
    expect(await docxText(readFileSync(out))).toMatch(/成功调处矛盾纠纷242宗（同比(增长|下降)[\d.]+%）/);
  });

  it('is reproducible with --today: a running 2024 is counted to the day before and compared day for day', async () => {
    const md = await runCli('report', '--dataset', seed, '--year', '2024', '--today', '2024-12-01');
    expect(md.stdout).toMatch(/成功调处矛盾纠纷\d+宗（截至11月30日，同比(增长|下降|增加|减少)/);
    expect(md.stdout).toContain('| 指标 | 2024年（截至11月30日） | 2023年同期 | 同比 |');
    expect(md.stdout).not.toContain('成功调处矛盾纠纷242宗');
  });
});

describe('fazhi metrics and 同比', () => {
  it('carries the reason in JSON: no previous value and no change, never a percentage', async () => {
    const { code, stdout } = await runCli('metrics', '--dataset', seed, '--year', '2023', '--format', 'json', ...today);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.comparison).toEqual({
      today: '2026-12-04',
      comparable: false,
      reason: 'no_previous_data',
      note: '上年无数据',
      asOf: null,
      current: { start: '2023-01-01', end: '2024-01-01' },
      previous: null,
      ledgerSpan: { from: '2023-01-01', to: '2024-12-31' },
    });
    for (const i of doc.indicators) {
      expect(i.previous, i.id).toBeNull();
      expect(i.change, i.id).toEqual({ difference: null, relativeChange: null, text: '上年无数据', reason: 'no_previous_data' });
    }
  });

  it('says 数据不完整 for a year past the ledgers and carries the day counted to for a running year', async () => {
    const after = JSON.parse((await runCli('metrics', '--dataset', seed, '--year', '2025', '--format', 'json', ...today)).stdout);
    expect(after.comparison).toMatchObject({ comparable: false, reason: 'incomplete', note: '数据不完整' });
    const running = JSON.parse((await runCli('metrics', '--dataset', seed, '--period', '2024Q4', '--format', 'json', '--today', '2024-11-15')).stdout);
    expect(running.comparison).toMatchObject({ comparable: true, note: '截至11月14日', asOf: '2024-11-14', current: { start: '2024-10-01', end: '2024-11-15' }, previous: { start: '2023-10-01', end: '2023-11-15' } });
  });

  it('prints the reason above the table and a dash for last year', async () => {
    const { stdout } = await runCli('metrics', '--dataset', seed, '--year', '2023', '--only', 'mediation.accepted', ...today);
    expect(stdout).toContain('同比：上年无数据，不作比较（建账：2023年1月1日至2024年12月31日）');
    expect(stdout).toMatch(/受理矛盾纠纷\s+247宗\s+—\s+上年无数据/);
    const running = await runCli('metrics', '--dataset', seed, '--year', '2024', '--only', 'mediation.accepted', '--today', '2024-12-01');
    expect(running.stdout).toContain('统计截至11月30日，与上年同期（2023-01-01 至 2023-11-30）比较');
  });

  it('rejects a --today that is not a real date', async () => {
    const res = await runCli('metrics', '--dataset', seed, '--year', '2024', '--today', '2023-02-29');
    expect([res.code, res.stderr]).toEqual([2, '错误：--today 应为 YYYY-MM-DD 格式的实际日期，收到“2023-02-29”\n']);
  });
});
