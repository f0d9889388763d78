import { describe, expect, it } from 'vitest';
import type { ReportDocument } from './model.js';
import { escapeMarkdown, renderMarkdown } from './render-markdown.js';
import { sampleReport } from './sample-report.test-helper.js';

describe('renderMarkdown', () => {
  const md = renderMarkdown(sampleReport());
  const lines = md.split('\n');

  it('maps the title and heading levels to #, ##, ###, ####', () => {
    expect(lines[0]).toBe('# 南沙街道2024年法治政府建设年度报告');
    expect(lines.filter((l) => l.startsWith('#'))).toEqual([
      '# 南沙街道2024年法治政府建设年度报告',
      '## 一、2024年推进法治政府建设的主要举措和成效',
      '### （一）多元化解矛盾纠纷',
      '#### 1.法律援助',
      '## 二、存在的不足和原因',
      '## 主要指标统计表',
    ]);
  });

  it('writes figures as plain text inside the sentence, escaping markup characters', () => {
    expect(lines).toContain(
      '全年各级人民调解组织受理矛盾纠纷242宗，调解成功率100%，涉及金额560.22万元；“调解\\<诉讼”理念与“访调对接&诉调对接”机制深入人心。',
    );
  });

  it('separates blocks with exactly one blank line', () => {
    expect(md).not.toMatch(/\n\n\n/);
    expect(lines[1]).toBe('');
    expect(lines[2]).toMatch(/^2024年，南沙街道坚持/);
    expect(md.endsWith('\n')).toBe(true);
  });

  it('shows missing narrative as a 待补充 blockquote', () => {
    expect(lines).toContain('> 【待补充】请概述本年度法治政府建设存在的不足及原因。');
  });

  it('renders tables as GFM with a bold caption and escaped cells', () => {
    const start = lines.indexOf('**表1 2024年人民调解案件分类统计**');
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 2, start + 7)).toEqual([
      '| 纠纷类型 | 受理（宗） | 备注 |',
      '| --- | --- | --- |',
      '| 婚姻家庭 | 58 | 含调解\\|回访 |',
      '| 物业 | 96 | 书面协议<br>口头协议 |',
      '| 合计 | 242 |  |',
    ]);
  });

  it('names the attachment under the body, signs, then prints the attachment after a rule', () => {
    const end = md.slice(md.indexOf('附件：'));
    expect(end.split('\n').slice(0, 12)).toEqual([
      '附件：主要指标统计表',
      '',
      '广州市南沙区人民政府南沙街道办事处',
      '',
      '2025年1月20日',
      '',
      '---',
      '',
      '**附件**',
      '',
      '## 主要指标统计表',
      '',
    ]);
  });

  it('omits the signature when there is none, and keeps line breaks in missing blocks quoted', () => {
    const doc: ReportDocument = {
      ...sampleReport(),
      sections: [],
      preamble: [{ type: 'missing', text: '第一行\n第二行' }],
      signature: undefined,
      attachments: [],
    };
    expect(renderMarkdown(doc)).toBe('# 南沙街道2024年法治政府建设年度报告\n\n> 【待补充】第一行\\\n> 第二行\n');
  });
});

describe('escapeMarkdown', () => {
  it('neutralises markup but leaves ordinary prose alone', () => {
    expect(escapeMarkdown('a*b_c [x] <y> `z` 1~3')).toBe('a\\*b\\_c \\[x\\] \\<y> \\`z\\` 1\\~3');
    expect(escapeMarkdown('&amp; & 与')).toBe('\\&amp; & 与');
    expect(escapeMarkdown('南沙街道，50%，#3号楼，1.法律援助，-5')).toBe('南沙街道，50%，#3号楼，1.法律援助，-5');
  });

  it('escapes only line starts that would open a block', () => {
    expect(escapeMarkdown('# 标题\n> 引用\n- 条目\n2024. 年\n---')).toBe(
      '\\# 标题\n\\> 引用\n\\- 条目\n2024\\. 年\n\\---',
    );
  });
});
