import { describe, expect, it } from 'vitest';
import { parseSentence, renderSentence, type ResolvedSlot } from './figure-sentence.js';
import { inlineText } from './model.js';

/** Figures by id: a count, or a rate (ids ending in _rate); `{year}` is a variable. */
function render(text: string, values: Record<string, number | null>): string {
  const resolve = (name: string): ResolvedSlot => {
    if (!name.includes('.')) return { inline: { type: 'text', text: '2024' } };
    const value = values[name] ?? null;
    const rate = name.endsWith('_rate');
    return {
      inline: { type: 'figure', indicatorId: name, value, text: value === null ? '—' : `${value}${rate ? '%' : '次'}` },
      figure: { value, label: name, rate },
    };
  };
  const r = renderSentence(parseSentence(text), resolve);
  return r.type === 'sentence' ? inlineText(r.inlines) : r.type === 'omitted' ? '(omitted)' : `(unready: ${r.missing.join('、')})`;
}

const list = '全年[办理咨询{a.x}]、[审查合同{a.y}]、[出具意见{a.z}]。';
const inside = '全年办理咨询{a.x}[、审查合同{a.y}][、出具意见{a.z}]。';

describe('figures sentences adapt to the data', () => {
  it('keeps a list\'s marks right whichever of its parts drop out', () => {
    expect(render(list, { 'a.x': 1, 'a.y': 2, 'a.z': 3 })).toBe('全年办理咨询1次、审查合同2次、出具意见3次。');
    expect(render(list, { 'a.x': 0, 'a.y': 2, 'a.z': 3 })).toBe('全年审查合同2次、出具意见3次。');
    expect(render(list, { 'a.x': 1, 'a.y': 0, 'a.z': 3 })).toBe('全年办理咨询1次、出具意见3次。');
    expect(render(list, { 'a.x': 1, 'a.y': 2, 'a.z': 0 })).toBe('全年办理咨询1次、审查合同2次。');
    expect(render(inside, { 'a.x': 1, 'a.y': 0, 'a.z': 3 })).toBe('全年办理咨询1次、出具意见3次。');
  });

  it('leaves out a sentence whose figures are all zero, and never prints a missing figure', () => {
    expect(render(list, { 'a.x': 0, 'a.y': 0, 'a.z': 0 })).toBe('(omitted)');
    expect(render(inside, { 'a.x': 0, 'a.y': 0, 'a.z': 0 })).toBe('(omitted)');
    expect(render('负责人出庭{a.n}[，出庭率为{a.b_rate}]。', { 'a.n': 2, 'a.b_rate': null })).toBe('负责人出庭2次。');
    expect(render('出庭率为{a.b_rate}。', { 'a.b_rate': null })).toBe('(unready: a.b_rate)');
  });

  it('reports a rate of 0% with its counts: that is a fact, not an empty part', () => {
    expect(render('庭审{a.d}[，负责人出庭{a.n}，出庭率为{a.b_rate}]。', { 'a.d': 3, 'a.n': 0, 'a.b_rate': 0 })).toBe('庭审3次，负责人出庭0次，出庭率为0%。');
  });

  it('drops nested parts on their own', () => {
    const nested = '全年[组织活动{a.e}[，参与群众{a.p}]]，[发布视频{a.v}]。';
    expect(render(nested, { 'a.e': 5, 'a.p': 0, 'a.v': 2 })).toBe('全年组织活动5次，发布视频2次。');
    expect(render(nested, { 'a.e': 0, 'a.p': 0, 'a.v': 2 })).toBe('全年发布视频2次。');
    expect(render(nested, { 'a.e': 5, 'a.p': 9, 'a.v': 0 })).toBe('全年组织活动5次，参与群众9次。');
  });

  it('keeps a sentence without figures as it is', () => {
    expect(render('{year}年无数字的话。', {})).toBe('2024年无数字的话。');
  });
});
