import { describe, expect, it } from 'vitest';
import { escapeHtml, renderHtml } from './render-html.js';
import { sampleReport } from './sample-report.test-helper.js';

describe('renderHtml', () => {
  const html = renderHtml(sampleReport());

  it('is a standalone zh-CN HTML5 document', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain('<title>南沙街道2024年法治政府建设年度报告</title>');
    expect(html.trimEnd().endsWith('</body>\n</html>')).toBe(true);
    expect(html).not.toMatch(/<(link|script)\b/);
  });

  it('maps the title and heading levels to h1–h4 in document order', () => {
    const headings = [...html.matchAll(/<(h[1-4])[^>]*>([^<]*)<\/\1>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings).toEqual([
      'h1 南沙街道2024年法治政府建设年度报告',
      'h2 一、2024年推进法治政府建设的主要举措和成效',
      'h3 （一）多元化解矛盾纠纷',
      'h4 1.法律援助',
      'h2 二、存在的不足和原因',
      'h2 主要指标统计表',
    ]);
    expect(html).toContain('<section id="mediation" class="level-2">');
  });

  it('wraps figures in traceable spans and escapes text', () => {
    expect(html).toContain(
      '<p>全年各级人民调解组织受理矛盾纠纷<span class="figure" data-indicator="mediation.accepted" data-value="242">242宗</span>，调解成功率<span class="figure" data-indicator="mediation.success_rate" data-value="100">100%</span>，涉及金额<span class="figure" data-indicator="mediation.amount" data-value="5602200">560.22万元</span>；“调解&lt;诉讼”理念与“访调对接&amp;诉调对接”机制深入人心。</p>',
    );
    expect(html).not.toContain('调解<诉讼');
  });

  it('omits data-value for a figure without a value and escapes attributes', () => {
    const doc = sampleReport();
    doc.preamble = [{ type: 'paragraph', inlines: [{ type: 'figure', indicatorId: 'a"b<c', text: '—', value: null }] }];
    expect(renderHtml(doc)).toContain('<p><span class="figure" data-indicator="a&quot;b&lt;c">—</span></p>');
  });

  it('highlights missing narrative', () => {
    expect(html).toContain('<p class="missing">【待补充】请概述本年度法治政府建设存在的不足及原因。</p>');
    expect(html).toMatch(/\.missing \{ background: #ffeb3b; \}/);
  });

  it('renders tables with caption, header cells and escaped line breaks', () => {
    expect(html).toContain(
      '<table>\n<caption>表1 2024年人民调解案件分类统计</caption>\n<thead><tr><th>纠纷类型</th><th>受理（宗）</th><th>备注</th></tr></thead>\n' +
        '<tbody><tr><td>婚姻家庭</td><td>58</td><td>含调解|回访</td></tr><tr><td>物业</td><td>96</td><td>书面协议<br>口头协议</td></tr><tr><td>合计</td><td>242</td><td></td></tr></tbody>\n</table>',
    );
    expect(html).toContain('th, td { border: 1px solid #000;');
  });

  it('names the attachment under the body, then signs, organisation above date, then prints the attachment', () => {
    expect(html).toContain(
      '<p class="attachment-note">附件：主要指标统计表</p>\n<div class="signature"><div class="signature-inner"><p class="signature-org">广州市南沙区人民政府南沙街道办事处</p><p class="signature-date">2025年1月20日</p></div></div>\n<div class="attachment"><p class="attachment-mark">附件</p>',
    );
    expect(html).toContain('.attachment { break-before: page;');
  });

  it('embeds the 公文 page and type settings', () => {
    expect(html).toContain('size: A4;');
    expect(html).toContain('margin: 37mm 26mm 35mm 28mm;');
    expect(html).toMatch(/\.title \{ font-family: "方正小标宋简体"[^}]*font-size: 22pt;[^}]*text-align: center;/);
    expect(html).toMatch(/body \{[^}]*font-family: "仿宋_GB2312", "仿宋", "FangSong"[^}]*"STFangsong", "Noto Serif CJK SC"[^}]*font-size: 16pt; line-height: 28pt;/);
    expect(html).toContain('p, h2, h3, h4 { text-indent: 2em;');
    expect(html).toMatch(/h2 \{ font-family: "黑体"/);
    expect(html).toMatch(/h3 \{ font-family: "楷体_GB2312"/);
    // Page numbers at the outer edge in print: right on odd (right-hand) pages, left on even.
    expect(html).toMatch(/@page :right \{ @bottom-right \{ content: "— " counter\(page\) " —";[^}]*padding-right: 1em;/);
    expect(html).toMatch(/@page :left \{ @bottom-left \{ content: "— " counter\(page\) " —";[^}]*padding-left: 1em;/);
  });
});

describe('escapeHtml', () => {
  it('escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
