import { docxText } from '@fazhi/report/docx';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Every figure of the reference report (FIGURES.md), as it must read in the generated report,
 * run through the exact command forms of the README from the repository root.
 */
const figures: [number, string][] = [
  [1, '出庭应诉率为100%'],
  [2, '办理法律咨询90次'],
  [3, '审查合同1715份'],
  [4, '出具法律意见书6份'],
  [5, '参与行政事项讨论会15次'],
  [6, '办理行政处理决定3宗'],
  [7, '作为被申请人参加行政复议案件6宗'],
  [8, '作为被告参加行政诉讼案件5宗'],
  [9, '开展行政辅导15次'],
  [10, '进行行政约谈11次'],
  [11, '作出行政告诫1次'],
  [12, '培训达标率为100%'],
  [13, '招录执法辅助人员130余名'],
  [14, '成功调处矛盾纠纷242宗'],
  [15, '涉及当事人1692人'],
  [16, '涉及金额560.22万元'],
  [17, '大厅面积为100多平方米'],
  [18, '受理法律援助申请456人次'],
  [19, '涉及金额1568万元'],
  [20, '法治宣传活动168场次'],
  [21, '发布普法视频16期'],
  [22, '商铺招牌双语化改造65家'],
  [23, '为境外人士提供服务97人次'],
  [24, '梳理政务服务事项233个'],
  [25, '开展全覆盖督查9次'],
  [26, '12345热线工单21349件'],
  [27, '组织协调会议及现场勘查25次'],
  [28, '办结率为100%'],
  [29, '满意率为100%'],
  [30, '按期完成率为100%；按期书面报告整改情况的12项，按期报告率为100%'],
];

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const fazhi = (...args: string[]) => execFileSync('pnpm', ['--silent', 'fazhi', ...args], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20 });

describe('the generated report carries every reference figure', () => {
  let markdown = '';
  let docx = '';
  beforeAll(async () => {
    markdown = fazhi('report', '--dataset', 'seeds/nansha-2024', '--year', '2024', '--format', 'markdown');
    const out = join(mkdtempSync(join(tmpdir(), 'fazhi-e2e-')), 'report.docx');
    fazhi('report', '--dataset', 'seeds/nansha-2024', '--year', '2024', '--format', 'docx', '--out', out);
    docx = (await docxText(readFileSync(out))).replace(/\n/g, '');
  }, 120_000);

  it.each(figures)('figure %i (%s) appears in the Markdown report', (_n, text) => {
    expect(markdown).toContain(text);
  });

  it.each(figures)('figure %i (%s) appears in the DOCX text', (_n, text) => {
    expect(docx).toContain(text);
  });

  it('has no missing narrative for the seed year', () => {
    expect(markdown).not.toContain('【待补充】');
    expect(markdown).not.toContain('【待核实】');
  });
});
