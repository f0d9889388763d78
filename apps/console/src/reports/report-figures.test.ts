import { OrgTree, yearPeriod, type AnyRecord } from '@fazhi/domain';
import { builtInCatalog, Evaluator } from '@fazhi/metrics';
import { buildReport, inlineText, reportDataFromEvaluator, type Block, type ReportTemplate } from '@fazhi/report';
import { describe, expect, test } from 'vitest';
import { changedFigures, figuresOf, narrativeOf, withFrozenFigures, withWording } from './report-figures.js';

const orgs = new OrgTree([{ id: 's', parentId: null, kind: 'street', name: '甲街道' }]);
const r = (f: Record<string, unknown>): AnyRecord => ({ id: Math.random().toString(36), orgId: 's', deletedAt: null, ...f });
const records = new Map<string, AnyRecord[]>([
  [
    'mediation_cases',
    [
      r({ result: 'success', closedOn: '2024-03-01', acceptedOn: '2024-02-01', partiesCount: 2, amount: 100 }),
      r({ result: 'success', closedOn: '2024-05-01', acceptedOn: '2024-04-01', partiesCount: 3, amount: 100 }),
      r({ result: 'failed', closedOn: '2024-06-01', acceptedOn: '2024-05-01', partiesCount: 2, amount: 100 }),
      r({ result: 'success', closedOn: '2023-03-01', acceptedOn: '2023-02-01', partiesCount: 2, amount: 1 }),
    ],
  ],
]);
const template: ReportTemplate = {
  id: 't',
  label: 't',
  title: '{org}{year}年报告',
  preamble: [{ type: 'figures', text: '成功调处{mediation.successful_cases}（{mediation.successful_cases|yoy}），成功率{mediation.success_rate}。' }],
  sections: [{ id: 'problems', heading: '存在的不足', blocks: [{ type: 'narrative', key: 'problems', prompt: '写明不足' }] }],
};
const evaluator = new Evaluator({ orgs, records, catalog: builtInCatalog, today: () => '2026-12-04' });
const live = reportDataFromEvaluator(evaluator, template, 's', yearPeriod(2024), records, orgs.subtreeIds('s'));
const text = (data: typeof live) => inlineText((buildReport({ template, orgName: '甲街道', period: yearPeriod(2024), data }).preamble[0] as Extract<Block, { type: 'paragraph' }>).inlines);

describe('the figures of a saved report', () => {
  test('a 定稿 shows its frozen values, with the 同比 recomputed against last year’s', () => {
    expect(text(live)).toBe('成功调处2宗（同比增长100%），成功率66.7%。');
    const frozen = figuresOf(live).map((f) => (f.indicatorId === 'mediation.successful_cases' ? { ...f, numerator: 3 } : f));
    expect(text(withFrozenFigures(live, frozen))).toBe('成功调处3宗（同比增长200%），成功率66.7%。');
    // An indicator the frozen set does not hold (added to the template later) stays live.
    expect(text(withFrozenFigures(live, frozen.filter((f) => f.indicatorId !== 'mediation.success_rate')))).toBe('成功调处3宗（同比增长200%），成功率66.7%。');
  });

  test('the comparison with a 定稿 lists exactly the figures that moved, rates by their value', () => {
    const frozen = figuresOf(live);
    expect(changedFigures(live, frozen).size).toBe(0);
    const moved = frozen.map((f) => (f.indicatorId === 'mediation.success_rate' ? { ...f, numerator: 1 } : f));
    expect([...changedFigures(live, moved)]).toEqual([['mediation.success_rate', { frozen: 100 / 3, now: 200 / 3 }]]);
  });

  test('the narrative: one paragraph per non-empty line, empty keys left out; the wording kept per figure', () => {
    const content = withWording({ narrative: { problems: ' 一是……\n\n二是……', plans: '  ' }, wording: {} }, 'mediation.successful_cases', 'hedged');
    const n = narrativeOf(content, { org: '甲街道办事处', date: '2025年1月20日' });
    expect([...n.sections]).toEqual([['problems', ['一是……', '二是……']]]);
    expect(content.wording).toEqual({ 'mediation.successful_cases': 'hedged' });
    expect(n.signature).toBe('甲街道办事处');
    expect(withWording(content, 'mediation.successful_cases', 'exact').wording).toEqual({});
  });
});
