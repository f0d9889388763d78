import { OrgTree, type AnyRecord, type OrgUnit, type PeriodRange } from '@fazhi/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpretMeasure } from '../compile.js';
import type { Aggregation, Filter, Measure, PeriodBinding } from '../definitions.js';
import { Evaluator } from '../evaluate.js';
import { Unsupported } from './codegen.js';
import { ColumnarRecords } from './records.js';

/**
 * Measures over columns against the reference interpreter, on generated records and measures:
 * dates and date-times at period boundaries, numbers (-0 and fractions among them), enum strings,
 * booleans, a field of mixed types, nulls and missing keys, deleted rows, units outside the tree,
 * and literals of the wrong type. Shapes the columns cannot do exactly must say so and still give
 * the reference value through the evaluator.
 */
const orgs: OrgUnit[] = [
  { id: 'd', parentId: null, kind: 'district', name: '区' },
  { id: 's1', parentId: 'd', kind: 'street', name: '甲街道' },
  { id: 'c1', parentId: 's1', kind: 'community', name: '一社区' },
  { id: 'm1', parentId: 'c1', kind: 'mediation_committee', name: '一社区调委会' },
  { id: 's2', parentId: 'd', kind: 'street', name: '乙街道' },
];
const tree = new OrgTree(orgs);

const days = ['2023-12-31', '2024-01-01', '2024-03-01', '2024-06-30', '2024-12-31', '2025-01-01'];
const dates = [...days, '2024-01-01T00:00:00+08:00', '2024-12-31T23:59:59+08:00', '2024-06-30T12:00:00+08:00'];
const numbers = [0, -0, 1, -1, 2.5, 20, 40, 60, 100];
const words = ['a', 'b', 'c', ''];
const mixed = [1, '1', true, 'a', 2.5, false];
const literals: unknown[] = [...days, ...numbers, ...words, ...mixed, NaN];

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(fc.option(arb, { nil: undefined, freq: 6 }), { nil: null, freq: 6 });
const fields = { on: dates, off: dates, n: numbers, s: words, b: [true, false], g: ['o1', 'o2', 'o3'], mixed } as const;
type FieldName = keyof typeof fields;
const fieldNames = Object.keys(fields) as FieldName[];

const recordArb = fc.record({
  orgId: fc.constantFrom('d', 's1', 'c1', 'm1', 's2', 'elsewhere'),
  deletedAt: fc.constantFrom(null, null, null, undefined, '2024-07-01T10:00:00+08:00'),
  ...Object.fromEntries(fieldNames.map((f) => [f, maybe(fc.constantFrom<unknown>(...fields[f]))])),
});
const recordsArb = fc.array(recordArb, { minLength: 10, maxLength: 80 }).map((rs) =>
  // Missing keys as well as undefined ones; ids with ties broken by the id's text.
  rs.map((r, n) => Object.fromEntries(Object.entries({ id: `r${n % 7}-${n}`, ...r }).filter(([, v]) => v !== undefined || n % 2 === 0)) as AnyRecord),
);

const field = fc.constantFrom(...fieldNames);
const literal = fc.constantFrom(...literals);
/** Mostly a value the field holds, sometimes any literal (of another type, or NaN). */
const literalFor = (f: FieldName) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom<unknown>(...fields[f]) }, { weight: 1, arbitrary: literal });
const filterArb: fc.Arbitrary<Filter> = fc.oneof(
  field.chain((f) => fc.record({ field: fc.constant(f), op: fc.constantFrom('eq', 'ne', 'lt', 'lte', 'gt', 'gte'), value: literalFor(f) })),
  field.chain((f) => fc.record({ field: fc.constant(f), op: fc.constantFrom('in', 'nin'), value: fc.array(literalFor(f), { maxLength: 4 }) })),
  fc.record({ field, op: fc.constantFrom('null', 'notnull') }),
  fc.record({ field, op: fc.constantFrom('lt_field', 'lte_field', 'gt_field', 'gte_field'), ref: field }),
) as fc.Arbitrary<Filter>;
const dateField = fc.constantFrom<FieldName>('on', 'off', 'on', 'off', 'on', 'off', 'mixed', 'n');
const periodArb: fc.Arbitrary<PeriodBinding> = fc.oneof(
  fc.record({ type: fc.constant('within' as const), field: dateField }),
  fc.record({ type: fc.constant('asOfEnd' as const), field: dateField }),
  fc.record({ type: fc.constant('active' as const), from: dateField, to: dateField, at: fc.constantFrom('any' as const, 'end' as const) }),
);
/** Mostly the field an aggregation is meant for, sometimes any. */
const mostly = (f: FieldName) => fc.oneof({ weight: 3, arbitrary: fc.constant(f) }, { weight: 1, arbitrary: field });
const aggregationArb: fc.Arbitrary<Aggregation> = fc.oneof(
  fc.constant({ type: 'count' as const }),
  fc.record({ type: fc.constant('sum' as const), field: mostly('n') }),
  fc.record({ type: fc.constant('countDistinct' as const), field }),
  fc.record({ type: fc.constant('latest' as const), field, by: mostly('on') }),
  fc.record({ type: fc.constant('countGroups' as const), groupBy: mostly('g'), sumField: mostly('n'), atLeast: fc.constantFrom(-1, 0, 1, 40, 60) }),
);
const measureArb = fc
  .record({ period: periodArb, filters: fc.array(filterArb, { maxLength: 2 }), aggregation: aggregationArb })
  .map((m): Measure => ({ id: 'x.generated', label: '生成的口径', kind: 'things', valueType: 'count', unit: '个', description: '', ...m }));
// Mostly a real range (start before end), sometimes an empty or reversed one.
const rangeArb = fc.tuple(fc.constantFrom(...days), fc.constantFrom(...days)).map(([a, b]): PeriodRange => (a < b || a === '2024-06-30' ? { start: a, end: b } : { start: b, end: a }));
const unitArb = fc.constantFrom('d', 's1', 'c1', 'm1', 's2');

describe('measures over columns', () => {
  it('equal the reference interpreter on generated records and measures, or say why they cannot run over columns', () => {
    let overColumns = 0;
    let fellBack = 0;
    let telling = 0; // values other than 0 and null, which a wrong loop would more likely miss
    fc.assert(
      fc.property(recordsArb, measureArb, unitArb, rangeArb, (rows, m, orgId, range) => {
        const records = new ColumnarRecords(new Map([['things', rows]]));
        const expected = interpretMeasure(m)(rows, tree.subtreeIds(orgId), range);
        const fn = records.measure(m);
        if (fn instanceof Unsupported) {
          fellBack++;
          expect(fn.reason).toMatch(/[\u4e00-\u9fff]/);
        } else {
          overColumns++;
          expect(fn(tree.subtreeIds(orgId), range)).toBe(expected);
          if (expected !== 0 && expected !== null) telling++;
        }
        // The evaluator answers either way, with the same value.
        const evaluator = new Evaluator({ orgs: tree, records, catalog: { measures: [m], indicators: [] } });
        expect(evaluator.measure(m.id, orgId, range)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
    // Most generated shapes run over columns; the rest exercise the fallback.
    expect(overColumns).toBeGreaterThan(2500);
    expect(fellBack).toBeGreaterThan(500);
    expect(telling).toBeGreaterThan(500);
  });

  it('keep a snapshot of the rows: rows pushed to the caller’s array later do not count', () => {
    const rows: AnyRecord[] = [{ id: 'r1', orgId: 's1', deletedAt: null, on: '2024-05-01' }];
    const records = new ColumnarRecords(new Map([['things', rows]]));
    const m: Measure = { id: 'x.count', label: '计数', kind: 'things', valueType: 'count', unit: '个', description: '', period: { type: 'within', field: 'on' }, filters: [], aggregation: { type: 'count' } };
    const count = () => new Evaluator({ orgs: tree, records, catalog: { measures: [m], indicators: [] } }).measure(m.id, 's1', { start: '2024-01-01', end: '2025-01-01' });
    expect(count()).toBe(1);
    rows.push({ id: 'r2', orgId: 's1', deletedAt: null, on: '2024-06-01' });
    expect(count()).toBe(1);
    expect(Object.isFrozen(records.get('things'))).toBe(true);
  });
});
