import { OrgTree, yearPeriod, type AnyRecord, type LedgerSpan } from '@fazhi/domain';
import { builtInCatalog, Evaluator } from '@fazhi/metrics';
import { describe, expect, it } from 'vitest';
import { buildReport } from './build-report.js';
import { inlineText, type Block, type Section } from './model.js';
import { reportDataFromEvaluator } from './report-data.js';
import { streetAnnualTemplate } from './street-annual-template.js';

const r = (orgId: string, f: Record<string, unknown>): AnyRecord => ({ id: Math.random().toString(36), orgId, deletedAt: null, ...f });
const records = new Map<string, AnyRecord[]>([
  [
    'mediation_cases',
    [
      r('c', { result: 'success', closedOn: '2024-03-01', acceptedOn: '2024-02-01', partiesCount: 2, amount: 100 }),
      r('c', { result: 'success', closedOn: '2024-12-20', acceptedOn: '2024-12-01', partiesCount: 2, amount: 100 }),
      r('s', { result: 'success', closedOn: '2023-03-01', acceptedOn: '2023-02-01', partiesCount: 2, amount: 1 }),
    ],
  ],
]);

/** The 2024 report of a street whose ledgers cover `span`, on `today`. */
function report(span: LedgerSpan | null, today: string) {
  const orgs = new OrgTree([
    { id: 's', parentId: null, kind: 'street', name: '甲街道', ledgerSpan: span },
    { id: 'c', parentId: 's', kind: 'community', name: '乙社区' },
  ]);
  const evaluator = new Evaluator({ orgs, records, catalog: builtInCatalog, today: () => today });
  const data = reportDataFromEvaluator(evaluator, streetAnnualTemplate, 's', yearPeriod(2024), records, orgs.subtreeIds('s'));
  const doc = buildReport({ template: streetAnnualTemplate, orgName: '甲街道', period: yearPeriod(2024), data });
  const blocks = (sections: readonly Section[]): Block[] => sections.flatMap((s) => [...s.blocks, ...blocks(s.sections)]);
  const all = blocks(doc.sections);
  const mediation = all.map((b) => (b.type === 'paragraph' ? inlineText(b.inlines) : '')).find((t) => t.includes('成功调处矛盾纠纷'))!;
  const table = blocks(doc.attachments ?? []).find((b) => b.type === 'table')!;
  if (table.type !== 'table') throw new Error('no table');
  const row = table.rows.find((x) => x[0] === '成功调处矛盾纠纷')!;
  return { mediation, columns: table.columns, row };
}

describe('同比 wording in the report', () => {
  it('words the change when both years lie inside the ledgers', () => {
    const { mediation, columns, row } = report({ from: '2023-01-01', to: null }, '2026-12-04');
    expect(mediation).toContain('成功调处矛盾纠纷2宗（同比增长100%）');
    expect(columns).toEqual(['指标', '2024年', '2023年', '同比']);
    expect(row).toEqual(['成功调处矛盾纠纷', '2宗', '1宗', '同比增长100%']);
  });

  it('says the ledgers began with the year and gives no change, never a percentage (上年无数据)', () => {
    const { mediation, row } = report({ from: '2024-01-01', to: null }, '2026-12-04');
    expect(mediation).toContain('成功调处矛盾纠纷2宗（台账自2024年起建立，暂无上年同期数据可比）');
    expect(row).toEqual(['成功调处矛盾纠纷', '2宗', '—', '上年无数据']);
  });

  it('names the day ledgers began mid-year and calls last year incomplete (数据不完整)', () => {
    const { mediation, row } = report({ from: '2023-07-01', to: null }, '2026-12-04');
    expect(mediation).toContain('（台账自2023年7月1日起建立，上年同期数据不完整，未作同比）');
    expect(row).toEqual(['成功调处矛盾纠纷', '2宗', '—', '数据不完整']);
    // the report's own year runs outside the ledgers
    expect(report({ from: '2024-03-01', to: null }, '2026-12-04').mediation).toContain('（本期部分时段未纳入台账，未作同比）');
  });

  it('compares a running year up to yesterday with the same days of last year (截至)', () => {
    const { mediation, columns, row } = report({ from: '2023-01-01', to: null }, '2024-12-01');
    // the case closed on 20 December is not yet counted
    expect(mediation).toContain('成功调处矛盾纠纷1宗（截至11月30日，同比持平）');
    expect(columns).toEqual(['指标', '2024年（截至11月30日）', '2023年同期', '同比']);
    expect(row).toEqual(['成功调处矛盾纠纷', '1宗', '1宗', '同比持平']);
  });
});
