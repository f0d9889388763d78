import { createRegistry, OrgTree, periodRange, yearPeriod, type AnyRecord, type OrgUnit } from '@fazhi/domain';
import { describe, expect, it } from 'vitest';
import { builtInCatalog } from './catalog/index.js';
import { checkCatalog } from './check-catalog.js';
import { generateMeasure, generateMeasureGroup } from './codegen.js';
import { interpretMeasure } from './compile.js';
import type { Catalog, Measure } from './definitions.js';
import { Evaluator } from './evaluate.js';
import { formatChange } from './format.js';

const orgs: OrgUnit[] = [
  { id: 'd', parentId: null, kind: 'district', name: '区' },
  { id: 's1', parentId: 'd', kind: 'street', name: '甲街道' },
  { id: 'c1', parentId: 's1', kind: 'community', name: '一社区' },
  { id: 'm1', parentId: 'c1', kind: 'mediation_committee', name: '一社区调委会' },
  { id: 's2', parentId: 'd', kind: 'street', name: '乙街道' },
];

let seq = 0;
const rec = (orgId: string, fields: Record<string, unknown>, deletedAt: string | null = null): AnyRecord => ({ id: `r${++seq}`, orgId, deletedAt, ...fields });

const mediation = [
  rec('m1', { result: 'success', closedOn: '2024-01-01', acceptedOn: '2023-12-20', partiesCount: 2, amount: 100 }),
  rec('s1', { result: 'success', closedOn: '2024-12-31', acceptedOn: '2024-12-01', partiesCount: 3, amount: 250 }),
  rec('s1', { result: 'failure', closedOn: '2024-05-01', acceptedOn: '2024-04-01', partiesCount: 5, amount: 999 }),
  rec('s1', { result: 'success', closedOn: '2025-01-01', acceptedOn: '2024-12-30', partiesCount: 7, amount: 999 }),
  rec('s1', { result: 'success', closedOn: '2024-06-01', acceptedOn: '2024-05-01', partiesCount: 11, amount: 999 }, '2024-07-01T10:00:00+08:00'),
  rec('s2', { result: 'success', closedOn: '2024-06-01', acceptedOn: '2024-06-01', partiesCount: 13, amount: 999 }),
  rec('s1', { result: 'success', closedOn: '2023-06-01', acceptedOn: '2023-06-01', partiesCount: 1, amount: 40 }),
  rec('s1', { result: null, status: 'mediating', closedOn: null, acceptedOn: '2024-11-11', partiesCount: 2, amount: null }),
];

const tickets = [
  rec('s1', { receivedAt: '2023-12-31T23:59:59+08:00', dueAt: '2024-01-05T00:00:00+08:00', closedAt: '2024-01-02T10:00:00+08:00', satisfaction: 'satisfied' }),
  rec('s1', { receivedAt: '2024-01-01T00:00:00+08:00', dueAt: '2024-01-05T00:00:00+08:00', closedAt: '2024-01-06T10:00:00+08:00', satisfaction: 'basically' }),
  rec('s1', { receivedAt: '2024-03-01T08:00:00+08:00', dueAt: '2024-03-05T00:00:00+08:00', closedAt: '2024-03-04T10:00:00+08:00', satisfaction: 'dissatisfied' }),
  rec('s1', { receivedAt: '2024-03-02T08:00:00+08:00', dueAt: '2024-03-05T00:00:00+08:00', closedAt: null, satisfaction: null }),
];

const trainings = [
  rec('s1', { officerId: 'o1', trainedOn: '2024-02-01', hours: 40 }),
  rec('s1', { officerId: 'o1', trainedOn: '2024-09-01', hours: 20 }),
  rec('s1', { officerId: 'o2', trainedOn: '2024-09-01', hours: 59 }),
  rec('s1', { officerId: 'o2', trainedOn: '2023-09-01', hours: 30 }),
];
const officers = [
  rec('s1', { since: '2020-01-01', until: null }),
  rec('s1', { since: '2020-01-01', until: '2024-06-30' }),
  rec('s1', { since: '2020-01-01', until: '2024-01-01' }), // left on the first day: not in post during 2024
  rec('s1', { since: '2025-01-01', until: null }),
];
const attributes = [
  rec('s1', { attribute: 'legal_service_hall_area', value: 60, effectiveOn: '2019-05-01' }),
  rec('s1', { attribute: 'legal_service_hall_area', value: 106, effectiveOn: '2024-08-01' }),
  rec('s1', { attribute: 'legal_service_hall_area', value: 300, effectiveOn: '2025-02-01' }),
];
const items = [
  rec('s1', { listedOn: '2022-01-01', delistedOn: null }),
  rec('s1', { listedOn: '2022-01-01', delistedOn: '2024-12-31' }),
  rec('s1', { listedOn: '2022-01-01', delistedOn: '2025-01-01' }),
  rec('s1', { listedOn: '2025-01-01', delistedOn: null }),
];

const evaluator = new Evaluator({
  orgs: new OrgTree(orgs),
  catalog: builtInCatalog,
  records: new Map([
    ['mediation_cases', mediation],
    ['hotline_tickets', tickets],
    ['officer_trainings', trainings],
    ['enforcement_officers', officers],
    ['org_attributes', attributes],
    ['service_items', items],
  ]),
});
const y2024 = yearPeriod(2024);

describe('built-in catalog', () => {
  it('passes its own consistency check against the built-in record kinds', () => {
    expect(() => checkCatalog(builtInCatalog, createRegistry())).not.toThrow();
    expect(builtInCatalog.indicators.length).toBeGreaterThanOrEqual(40);
  });

  it('rejects unknown fields, wrong types and enum values that do not exist', () => {
    const broken: Catalog = {
      measures: [
        { id: 'x.a', label: 'A', kind: 'mediation_cases', aggregation: { type: 'sum', field: 'caseNo' }, period: { type: 'within', field: 'closedOn' }, filters: [{ field: 'result', op: 'eq', value: 'won' }], valueType: 'count', unit: '宗', description: '' },
        { id: 'x.a', label: 'B', kind: 'no_such_kind', aggregation: { type: 'count' }, period: { type: 'within', field: 'x' }, filters: [], valueType: 'count', unit: '宗', description: '' },
      ],
      indicators: [{ id: 'x.i', label: 'I', area: 'x', numerator: 'x.missing', factor: 1, unit: '宗', valueType: 'count', decimals: 0, description: '' }],
    };
    expect(() => checkCatalog(broken, createRegistry())).toThrow(
      /汇总字段“案件编号”类型为 text[\s\S]*筛选值“won”不是「调解结果」的可选值[\s\S]*编号“x.a”重复[\s\S]*未知的记录类型“no_such_kind”[\s\S]*不存在的口径“x.missing”/,
    );
  });
});

describe('in-memory evaluation', () => {
  it('counts and sums over the subtree, the period and the filters, skipping soft-deleted rows', () => {
    const r = evaluator.evaluate('mediation.successful_cases', 's1', y2024);
    expect(r.value).toBe(2);
    expect(evaluator.evaluate('mediation.successful_parties', 's1', y2024).value).toBe(5);
    expect(evaluator.evaluate('mediation.successful_amount', 's1', y2024).value).toBe(350);
    expect(evaluator.evaluate('mediation.successful_cases', 'd', y2024).value).toBe(3);
    expect(evaluator.evaluate('mediation.successful_cases', 'c1', y2024).value).toBe(1);
  });

  it('computes rates as ratios of totals and keeps their components', () => {
    const r = evaluator.evaluate('mediation.success_rate', 's1', y2024);
    // accepted in 2024 (not deleted): 4; of those successful: 2 (one closed in 2025 counts by acceptance)
    expect(r.numerator.value).toBe(2);
    expect(r.denominator?.value).toBe(4);
    expect(r.value).toBe(50);
  });

  it('returns null when the denominator is zero', () => {
    expect(evaluator.evaluate('mediation.success_rate', 's1', yearPeriod(2022)).value).toBeNull();
    expect(evaluator.evaluate('admin_disputes.head_appearance_rate', 's1', y2024).value).toBeNull();
  });

  it('places date-times at period boundaries by their +08:00 date and compares fields', () => {
    expect(evaluator.evaluate('public_service.tickets_received', 's1', y2024).value).toBe(3);
    const closure = evaluator.evaluate('public_service.ticket_closure_rate', 's1', y2024);
    expect([closure.numerator.value, closure.denominator?.value]).toEqual([2, 3]);
    expect(evaluator.evaluate('public_service.ticket_on_time_rate', 's1', y2024).numerator.value).toBe(1);
    const sat = evaluator.evaluate('public_service.ticket_satisfaction_rate', 's1', y2024);
    expect([sat.numerator.value, sat.denominator?.value]).toEqual([1, 2]);
  });

  it('counts groups reaching a threshold against the officers in post', () => {
    const r = evaluator.evaluate('enforcement.training_compliance_rate', 's1', y2024);
    expect(r.numerator.value).toBe(1); // o1: 60 hours; o2: 59 in 2024
    expect(r.denominator?.value).toBe(2); // in post during 2024: two of four
    expect(r.value).toBe(50);
  });

  it('reads stocks at the end of the period and the latest dated attribute', () => {
    expect(evaluator.evaluate('public_service.catalogue_items', 's1', y2024).value).toBe(2);
    expect(evaluator.evaluate('public_legal_service.hall_area', 's1', y2024).value).toBe(106);
    expect(evaluator.evaluate('public_legal_service.hall_area', 's1', yearPeriod(2023)).value).toBe(60);
    expect(evaluator.evaluate('public_legal_service.hall_area', 's1', yearPeriod(2018)).value).toBeNull();
  });

  it('compares with the previous year', () => {
    const c = evaluator.compare('mediation.successful_cases', 's1', y2024);
    expect([c.current.value, c.previous?.value, c.difference, c.relativeChange]).toEqual([2, 1, 1, 100]);
    expect(formatChange(c)).toBe('同比增长100%');
    const rate = evaluator.compare('mediation.success_rate', 's1', y2024);
    expect(formatChange(rate)).toBe('同比下降50个百分点');
  });

  it('compares a running year up to yesterday with the same days of last year', () => {
    const onDec2 = new Evaluator({ orgs: new OrgTree(orgs), catalog: builtInCatalog, records: new Map([['mediation_cases', mediation]]), today: () => '2024-12-02' });
    // counted: 1 January – 1 December 2024; the case closed on 31 December is not in yet, and
    // the one closed on 1 June 2023 is in the previous days
    const c = onDec2.compare('mediation.successful_cases', 's1', y2024);
    expect(c.current.range).toEqual({ start: '2024-01-01', end: '2024-12-02' });
    expect(c.previous?.range).toEqual({ start: '2023-01-01', end: '2023-12-02' });
    expect([c.current.value, c.previous?.value, c.relativeChange]).toEqual([1, 1, 0]);
    expect(evaluator.evaluate('mediation.successful_cases', 's1', y2024).value).toBe(2); // the whole year
    expect(c.basis).toMatchObject({ comparable: true, asOf: '2024-12-01' });
  });

  it('gives no change when the previous year lies outside the ledgers', () => {
    const spanned = orgs.map((u) => (u.id === 's1' ? { ...u, ledgerSpan: { from: '2024-01-01', to: null } } : u));
    const ev = new Evaluator({ orgs: new OrgTree(spanned), catalog: builtInCatalog, records: new Map([['mediation_cases', mediation]]), today: () => '2026-12-04' });
    const c = ev.compare('mediation.successful_cases', 'm1', y2024); // inherits s1's span
    expect([c.current.value, c.previous, c.difference, c.relativeChange]).toEqual([1, null, null, null]);
    expect(c.basis).toMatchObject({ comparable: false, reason: 'no_previous_data' });
    expect(formatChange(c)).toBe('上年无数据');
    // s2 declares nothing and the district's roll-up follows s1's span
    expect(ev.compare('mediation.successful_cases', 's2', y2024).basis.comparable).toBe(true);
    expect(ev.compareAll('d', y2024).every((x) => !x.basis.comparable && x.previous === null)).toBe(true);
    expect(ev.compare('mediation.successful_cases', 'd', yearPeriod(2025)).basis.comparable).toBe(true);
  });

  it('evaluates monthly trends', () => {
    const months = Array.from({ length: 12 }, (_, i) => ({ kind: 'month' as const, year: 2024, month: i + 1 }));
    const trend = evaluator.trend('mediation.successful_cases', 's1', months).map((r) => r.value);
    expect(trend).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });
});

describe('rows selected once per period binding', () => {
  it('give every indicator the value a fresh evaluator computes over all rows', () => {
    const input = { orgs: new OrgTree(orgs), catalog: builtInCatalog, records: (evaluator as unknown as { input: { records: ReadonlyMap<string, readonly AnyRecord[]> } }).input.records };
    const shared = new Evaluator(input);
    const ids = builtInCatalog.indicators.map((i) => i.id);
    let compared = 0;
    for (const orgId of ['d', 's1', 's2']) {
      for (const period of [yearPeriod(2023), y2024]) {
        // The shared evaluator answers each binding's later measures from its selection.
        const together = shared.evaluateAll(orgId, period, ids);
        ids.forEach((id, n) => {
          const alone = new Evaluator(input).evaluate(id, orgId, period);
          expect(together[n]!.value, `${id} ${orgId} ${period.year}`).toBe(alone.value);
          if (alone.value !== null && alone.value !== 0) compared++;
        });
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
});

describe('measures of a kind and binding computed in one pass', () => {
  it('give each measure the value of its reference loop (interpretMeasure), every unit and year', () => {
    const records = (evaluator as unknown as { input: { records: ReadonlyMap<string, readonly AnyRecord[]> } }).input.records;
    const tree = new OrgTree(orgs);
    const groups = new Map<string, Measure[]>();
    for (const m of builtInCatalog.measures) {
      const key = `${m.kind}|${JSON.stringify(m.period)}`;
      groups.set(key, [...(groups.get(key) ?? []), m]);
    }
    let compared = 0;
    for (const group of [...groups.values()].filter((g) => g.length > 1)) {
      const fused = generateMeasureGroup(group)!;
      for (const orgId of ['d', 's1', 's2']) {
        for (const range of [periodRange(yearPeriod(2023)), periodRange(yearPeriod(2024)), { start: '2024-01-01', end: '2024-03-02' }]) {
          const rows = records.get(group[0]!.kind) ?? [];
          const values = fused(rows, tree.subtreeIds(orgId), range);
          group.forEach((m, k) => {
            expect(values[k], `${m.id} ${orgId} ${range.start}`).toBe(interpretMeasure(m)(rows, tree.subtreeIds(orgId), range));
            if (values[k] !== null && values[k] !== 0) compared++;
          });
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
});

describe('generated loops over objects', () => {
  it('leave out a period value that compares with nothing (a number against ISO dates), as the interpreter does', () => {
    const rows = [rec('s1', { on: 1 }), rec('s1', { on: '2024-05-01' })];
    const subtree = new OrgTree(orgs).subtreeIds('s1');
    for (const period of [{ type: 'within', field: 'on' }, { type: 'asOfEnd', field: 'on' }, { type: 'active', from: 'on', to: 'off', at: 'end' }] as const) {
      const m: Measure = { id: 'x.n', label: '计数', kind: 'things', valueType: 'count', unit: '个', description: '', period, filters: [], aggregation: { type: 'count' } };
      expect(generateMeasure(m)!(rows, subtree, periodRange(y2024)), period.type).toBe(1);
      expect(interpretMeasure(m)(rows, subtree, periodRange(y2024)), period.type).toBe(1);
    }
  });
});
