import { describe, expect, it } from 'vitest';
import { NarrativeError, narrativeSkeleton, parseNarrative } from './narrative.js';

describe('narrative files', () => {
  it('reads settings, hedges and paragraphs by key', () => {
    const n = parseNarrative(
      ['---', 'signature: 南沙街道办事处', 'date: 2025年1月20日', 'hedge:', '  enforcement.aux_staff_recruited: 余', '---', '', '## problems', '一是学习不够深入。', '', '二是执法基础薄弱。', '## plans', '<!-- 提示 -->', ''].join('\n'),
      { knownKeys: ['problems', 'plans'] },
    );
    expect(n.signature).toBe('南沙街道办事处');
    expect(n.date).toBe('2025年1月20日');
    expect(n.hedge.get('enforcement.aux_staff_recruited')).toBe('yu');
    expect(n.sections.get('problems')).toEqual(['一是学习不够深入。', '二是执法基础薄弱。']);
    expect(n.sections.has('plans')).toBe(false); // only a comment: still missing
  });

  it('lists every problem with its line number', () => {
    const text = ['---', 'hedge:', '  a.b: 大约', 'colour: red', '---', '孤立的正文', '## problemz', '文字'].join('\n');
    try {
      parseNarrative(text, { file: 'n.md', knownKeys: ['problems'] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NarrativeError);
      expect((e as NarrativeError).problems).toEqual([
        '第3行：指标“a.b”的约数写法“大约”无效，应为 余、多、超 或 近',
        '第4行：未知的设置“colour”，可用 signature、date、hedge',
        '第6行：正文必须写在“## 段落名”之下',
        '第7行：未知的段落“problemz”，可用：problems',
      ]);
    }
  });

  it('asks for the 成文日期 with year, month and day', () => {
    expect(() => parseNarrative(['---', 'date: 2025年1月', '---'].join('\n'), { file: 'n.md' })).toThrow('第2行：成文日期“2025年1月”应写明年、月、日，如 2025年1月20日');
    expect(() => parseNarrative(['---', 'date: 2025-01-20', '---'].join('\n'))).toThrow('成文日期“2025-01-20”应写明年、月、日');
    expect(parseNarrative(['---', 'date: 2025年12月31日', '---'].join('\n')).date).toBe('2025年12月31日');
  });

  it('produces a skeleton that parses back to an empty narrative', () => {
    const skeleton = narrativeSkeleton([{ key: 'problems', prompt: '写明不足' }]);
    const n = parseNarrative(skeleton, { knownKeys: ['problems'] });
    expect(n.sections.size).toBe(0);
  });
});
