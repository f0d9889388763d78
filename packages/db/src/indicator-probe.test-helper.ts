import { createRegistry, defineRecordKind, type AnyRecord, type FieldDef, type OrgUnit, type RecordKindRegistry } from '@fazhi/domain';
import { mergeCatalogs, builtInCatalog, type Catalog, type Filter, type Indicator, type Measure, type PeriodBinding } from '@fazhi/metrics';

/**
 * Test material for the SQL evaluator's semantics: a record kind with every field type, measures
 * that use every filter op, period binding and aggregation (including the edge cases the built-in
 * catalog never touches: mixed date / date-time comparisons, type-mismatched literals, empty lists,
 * ties), and a random data set dense in nulls and period boundaries.
 */
const abc = [
  { value: 'a', label: '甲' },
  { value: 'b', label: '乙' },
  { value: 'c', label: '丙' },
];

export const probeKind = defineRecordKind({
  id: 'probe_records',
  label: '测试记录',
  area: 'organisation',
  measureWord: '条',
  periodField: 'day',
  titleField: 'txt',
  fields: [
    { key: 'txt', label: '文本', type: 'text' },
    { key: 'num', label: '整数', type: 'integer' },
    { key: 'dec', label: '小数', type: 'decimal', scale: 2 },
    { key: 'amt', label: '金额', type: 'money' },
    { key: 'day', label: '日期', type: 'date' },
    { key: 'day2', label: '日期二', type: 'date' },
    { key: 'at', label: '时间', type: 'datetime' },
    { key: 'at2', label: '时间二', type: 'datetime' },
    { key: 'flag', label: '是否', type: 'boolean' },
    { key: 'choice', label: '选项', type: 'enum', options: abc },
    { key: 'tags', label: '多选', type: 'enum-set', options: abc },
    { key: 'ref', label: '关联', type: 'ref', target: 'probe_records' },
  ],
});

/** Ids `ref` values are drawn from, so groups and distinct counts have repeats. */
export const refPool = ['0b9a6d3e-0000-4000-8000-000000000001', '0b9a6d3e-0000-4000-8000-000000000002', '7f000000-0000-4000-8000-00000000000a', 'f0000000-0000-4000-8000-0000000000ff'];

const p = (over: Partial<Measure> & Pick<Measure, 'id'>): Measure => ({
  label: over.id,
  kind: probeKind.id,
  aggregation: { type: 'count' },
  period: { type: 'within', field: 'day' },
  filters: [],
  valueType: 'count',
  unit: '条',
  description: over.id,
  ...over,
});
const f = (field: string, op: Filter['op'], value?: unknown, ref?: string): Filter => ({ field, op, ...(value !== undefined ? { value } : {}), ...(ref ? { ref } : {}) }) as Filter;
const withinAt: PeriodBinding = { type: 'within', field: 'at' };
const mid = '2024-06-30';
const midAt = '2024-06-30T12:00:00+08:00';

export const probeMeasures: Measure[] = [
  p({ id: 'probe.eq', filters: [f('choice', 'eq', 'a')] }),
  p({ id: 'probe.ne', filters: [f('choice', 'ne', 'a')] }),
  p({ id: 'probe.in', period: withinAt, filters: [f('choice', 'in', ['a', 'b'])] }),
  p({ id: 'probe.nin', period: withinAt, filters: [f('choice', 'nin', ['a', 'b'])] }),
  p({ id: 'probe.in_empty', filters: [f('choice', 'in', [])] }),
  p({ id: 'probe.nin_empty', filters: [f('choice', 'nin', [])] }),
  p({ id: 'probe.null', filters: [f('flag', 'null')] }),
  p({ id: 'probe.false', filters: [f('flag', 'notnull'), f('flag', 'eq', false)] }),
  p({ id: 'probe.ne_true', filters: [f('flag', 'ne', true)] }),
  p({ id: 'probe.num_range', filters: [f('num', 'lt', 50), f('num', 'gte', 10)] }),
  p({ id: 'probe.dec_range', filters: [f('dec', 'gt', 500.5), f('dec', 'lte', 900)] }),
  p({ id: 'probe.num_eq_string', filters: [f('num', 'eq', '5')] }),
  p({ id: 'probe.num_ne_string', filters: [f('num', 'ne', '5')] }),
  p({ id: 'probe.in_mixed_types', filters: [f('num', 'in', [5, '6', 7, true])] }),
  p({ id: 'probe.text_lt', filters: [f('txt', 'lt', 'm')] }),
  p({ id: 'probe.text_gte', filters: [f('txt', 'gte', '中')] }),
  p({ id: 'probe.text_ne', filters: [f('txt', 'ne', 'Zeta')] }),
  p({ id: 'probe.ref_eq', filters: [f('ref', 'eq', refPool[0])] }),
  p({ id: 'probe.ref_gt', filters: [f('ref', 'gt', refPool[1])] }),
  p({ id: 'probe.ref_eq_upper', filters: [f('ref', 'eq', refPool[3]!.toUpperCase())] }),
  p({ id: 'probe.tags_eq', filters: [f('tags', 'eq', 'a')] }),
  p({ id: 'probe.tags_ne', filters: [f('tags', 'ne', 'a')] }),
  p({ id: 'probe.tags_null', filters: [f('tags', 'notnull')] }),
  p({ id: 'probe.day_lt_day2', filters: [f('day', 'lt_field', undefined, 'day2')] }),
  p({ id: 'probe.day_gte_day2', filters: [f('day', 'gte_field', undefined, 'day2')] }),
  p({ id: 'probe.at_lte_at2', period: withinAt, filters: [f('at', 'lte_field', undefined, 'at2')] }),
  p({ id: 'probe.day_lt_at', filters: [f('day', 'lt_field', undefined, 'at')] }),
  p({ id: 'probe.day_lte_at', filters: [f('day', 'lte_field', undefined, 'at')] }),
  p({ id: 'probe.day_gt_at', filters: [f('day', 'gt_field', undefined, 'at')] }),
  p({ id: 'probe.day_gte_at', filters: [f('day', 'gte_field', undefined, 'at')] }),
  p({ id: 'probe.at_lt_day2', period: withinAt, filters: [f('at', 'lt_field', undefined, 'day2')] }),
  p({ id: 'probe.at_lte_day2', period: withinAt, filters: [f('at', 'lte_field', undefined, 'day2')] }),
  p({ id: 'probe.at_gt_day2', period: withinAt, filters: [f('at', 'gt_field', undefined, 'day2')] }),
  p({ id: 'probe.at_gte_day2', period: withinAt, filters: [f('at', 'gte_field', undefined, 'day2')] }),
  p({ id: 'probe.at_lt_date', filters: [f('at', 'lt', mid)] }),
  p({ id: 'probe.at_lte_date', filters: [f('at', 'lte', mid)] }),
  p({ id: 'probe.at_gt_date', filters: [f('at', 'gt', mid)] }),
  p({ id: 'probe.at_gte_date', filters: [f('at', 'gte', mid)] }),
  p({ id: 'probe.day_lt_datetime', filters: [f('day', 'lt', midAt)] }),
  p({ id: 'probe.day_lte_datetime', filters: [f('day', 'lte', midAt)] }),
  p({ id: 'probe.day_gt_datetime', filters: [f('day', 'gt', midAt)] }),
  p({ id: 'probe.day_gte_datetime', filters: [f('day', 'gte', midAt)] }),
  p({ id: 'probe.at_eq_datetime', filters: [f('at', 'eq', '2024-03-31T23:59:59+08:00')] }),
  p({ id: 'probe.at_eq_date', filters: [f('at', 'eq', '2024-03-31')] }),
  p({ id: 'probe.day_eq_date', filters: [f('day', 'eq', '2024-03-31')] }),
  p({ id: 'probe.day_ne_datetime', filters: [f('day', 'ne', midAt)] }),
  p({ id: 'probe.day_in_mixed', period: withinAt, filters: [f('day', 'in', ['2024-03-31', midAt, '2024-3-31', '2024-12-31'])] }),
  p({ id: 'probe.at_in_mixed', filters: [f('at', 'in', ['2024-03-31', '2024-03-31T23:59:59+08:00', '2024-12-31T00:00:00+08:00'])] }),
  p({ id: 'probe.sum_num', period: withinAt, aggregation: { type: 'sum', field: 'num' }, valueType: 'quantity' }),
  p({ id: 'probe.sum_dec', aggregation: { type: 'sum', field: 'dec' }, valueType: 'quantity', filters: [f('choice', 'eq', 'b')] }),
  p({ id: 'probe.sum_amt', aggregation: { type: 'sum', field: 'amt' }, valueType: 'money' }),
  p({ id: 'probe.distinct_txt', aggregation: { type: 'countDistinct', field: 'txt' } }),
  p({ id: 'probe.distinct_day', period: withinAt, aggregation: { type: 'countDistinct', field: 'day' } }),
  p({ id: 'probe.distinct_at', aggregation: { type: 'countDistinct', field: 'at' } }),
  p({ id: 'probe.distinct_ref', aggregation: { type: 'countDistinct', field: 'ref' }, filters: [f('flag', 'eq', true)] }),
  p({ id: 'probe.distinct_dec', aggregation: { type: 'countDistinct', field: 'dec' } }),
  p({ id: 'probe.latest_num_by_day', period: { type: 'asOfEnd', field: 'day' }, aggregation: { type: 'latest', field: 'num', by: 'day' }, valueType: 'quantity' }),
  p({ id: 'probe.latest_dec_by_at', period: withinAt, aggregation: { type: 'latest', field: 'dec', by: 'at' }, valueType: 'quantity', filters: [f('choice', 'eq', 'c')] }),
  p({ id: 'probe.groups_ref', aggregation: { type: 'countGroups', groupBy: 'ref', sumField: 'num', atLeast: 100 } }),
  p({ id: 'probe.groups_choice_zero', period: withinAt, aggregation: { type: 'countGroups', groupBy: 'choice', sumField: 'dec', atLeast: 0 } }),
  p({ id: 'probe.groups_day', aggregation: { type: 'countGroups', groupBy: 'day', sumField: 'amt', atLeast: 1_000_000 } }),
  p({ id: 'probe.active_any', period: { type: 'active', from: 'day', to: 'day2', at: 'any' } }),
  p({ id: 'probe.active_end', period: { type: 'active', from: 'at', to: 'at2', at: 'end' } }),
  p({ id: 'probe.active_any_mixed', period: { type: 'active', from: 'day', to: 'at2', at: 'any' } }),
  p({ id: 'probe.active_end_mixed', period: { type: 'active', from: 'at', to: 'day2', at: 'end' }, filters: [f('flag', 'eq', true)] }),
  p({ id: 'probe.as_of_end_day', period: { type: 'asOfEnd', field: 'day' } }),
  p({ id: 'probe.as_of_end_at', period: { type: 'asOfEnd', field: 'at' }, aggregation: { type: 'sum', field: 'amt' }, valueType: 'money' }),
];

const figure = (m: Measure): Indicator => ({ id: m.id, label: m.label, area: 'organisation', numerator: m.id, factor: 1, unit: m.unit, valueType: m.valueType, decimals: 0, description: m.description });
const rate = (id: string, numerator: string, denominator: string, factor = 100): Indicator => ({
  id,
  label: id,
  area: 'organisation',
  numerator,
  denominator,
  factor,
  unit: '%',
  valueType: 'percent',
  decimals: 1,
  description: id,
});

export const probeCatalog: Catalog = {
  measures: probeMeasures,
  indicators: [
    ...probeMeasures.map(figure),
    rate('probe.rate_eq', 'probe.eq', 'probe.ne'),
    // Denominators that are null (no latest value) or 0, and a decimal ratio.
    rate('probe.rate_over_latest', 'probe.eq', 'probe.latest_dec_by_at'),
    rate('probe.rate_over_empty', 'probe.eq', 'probe.in_empty'),
    rate('probe.rate_dec', 'probe.sum_dec', 'probe.sum_num', 7),
    rate('probe.rate_latest_num', 'probe.latest_num_by_day', 'probe.num_range'),
  ],
};

/** The built-in kinds plus the probe kind, and the built-in catalog plus the probe catalog. */
export function probeSetup(): { registry: RecordKindRegistry; catalog: Catalog } {
  return { registry: createRegistry([probeKind]), catalog: mergeCatalogs(builtInCatalog, probeCatalog) };
}

/** A small deterministic PRNG (mulberry32), so a failure reproduces. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[int(16)]).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(4)]}${hex(3)}-${hex(12)}`;
  return { next, int, pick, uuid };
}
export type Rng = ReturnType<typeof rng>;

/** Period edges and their neighbours: where off-by-one and time-zone mistakes show. */
const edgeDays = ['2022-12-31', '2023-01-01', '2023-06-30', '2023-12-31', '2024-01-01', '2024-01-31', '2024-02-01', '2024-02-29', '2024-03-01', '2024-03-31', '2024-04-01', '2024-06-30', '2024-07-01', '2024-09-30', '2024-10-01', '2024-11-30', '2024-12-01', '2024-12-31', '2025-01-01', '2025-01-31'];
const edgeTimes = ['00:00:00', '00:00:01', '07:59:59', '08:00:00', '12:00:00', '15:59:59', '16:00:00', '23:59:59'];

function randomDay(r: Rng): string {
  if (r.next() < 0.6) return r.pick(edgeDays);
  const d = new Date(Date.UTC(2022, 11, 1) + r.int(800) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

const randomDateTime = (r: Rng) => `${randomDay(r)}T${r.next() < 0.7 ? r.pick(edgeTimes) : `${String(r.int(24)).padStart(2, '0')}:${String(r.int(60)).padStart(2, '0')}:${String(r.int(60)).padStart(2, '0')}`}+08:00`;

const texts = ['alpha', 'Zeta', 'm', 'mango', 'M', '中', '中文', '乙方', 'Ωmega', 'ä', 'z'];

function randomValue(fd: FieldDef, r: Rng): unknown {
  // Nulls everywhere, required or not: the SQL must treat them as present() does.
  if (r.next() < 0.15) return fd.type === 'enum-set' ? (r.next() < 0.5 ? [] : null) : null;
  switch (fd.type) {
    case 'text':
    case 'longtext':
      return r.pick(texts);
    case 'integer':
      return fd.key === 'hours' ? 1 + r.int(40) : r.int(120) - 5;
    case 'decimal':
      return Math.round(r.next() * 200_000) / 100;
    case 'money':
      return r.int(5_000_000);
    case 'date':
      return randomDay(r);
    case 'datetime':
      return randomDateTime(r);
    case 'boolean':
      return r.next() < 0.5;
    case 'enum':
      return r.pick(fd.options).value;
    case 'enum-set':
      return fd.options.filter(() => r.next() < 0.4).map((o) => o.value);
    case 'ref':
      return r.pick(refPool);
  }
}

/** District → 2 streets → communities, committees, departments; plus a district-level bureau. */
export function probeOrgs(r: Rng): OrgUnit[] {
  const units: OrgUnit[] = [];
  const add = (parentId: string | null, kind: OrgUnit['kind'], name: string) => {
    const u: OrgUnit = { id: r.uuid(), parentId, kind, name, shortName: null };
    units.push(u);
    return u;
  };
  const district = add(null, 'district', '测试区');
  add(district.id, 'department', '区司法局');
  for (const s of ['东街道', '西街道']) {
    const street = add(district.id, 'street', s);
    add(street.id, 'department', `${s}司法所`);
    const community = add(street.id, 'community', `${s}一社区`);
    add(community.id, 'mediation_committee', `${s}一社区调委会`);
    add(street.id, 'community', `${s}二社区`);
  }
  return units;
}

/** `perKind` random records of every kind in the registry, some soft-deleted. */
export function probeRecords(registry: RecordKindRegistry, orgs: readonly OrgUnit[], r: Rng, perKind: number): Map<string, AnyRecord[]> {
  const out = new Map<string, AnyRecord[]>();
  for (const kind of registry.list()) {
    const rows: AnyRecord[] = [];
    for (let n = 0; n < perKind; n++) {
      const rec: AnyRecord = { id: r.uuid(), orgId: r.pick(orgs).id, deletedAt: r.next() < 0.1 ? '2024-05-01T10:00:00+08:00' : null };
      for (const fd of kind.fields) rec[fd.key] = randomValue(fd, r);
      // Same `by` on several records: latest must break ties by id, as in memory.
      if (kind.id === 'org_attributes' && r.next() < 0.5) rec.attribute = 'legal_service_hall_area';
      rows.push(rec);
    }
    if (kind.id === probeKind.id) pinEdgeCases(rows);
    out.set(kind.id, rows);
  }
  return out;
}

/** Values that exact-match filters look for, which random draws would rarely hit. */
function pinEdgeCases(rows: AnyRecord[]): void {
  const pins: Partial<AnyRecord>[] = [
    { day: '2024-03-31', at: '2024-03-31T23:59:59+08:00', num: 5, deletedAt: null },
    { day: '2024-12-31', at: '2024-12-31T00:00:00+08:00', num: 7, deletedAt: null },
    { day: '2024-06-30', at: '2024-06-30T00:00:00+08:00', day2: '2024-06-30', at2: '2024-06-30T12:00:00+08:00', deletedAt: null },
    { day: '2024-06-30', at: '2024-06-30T12:00:00+08:00', day2: '2024-07-01', deletedAt: null },
  ];
  pins.forEach((pin, n) => Object.assign(rows[n]!, pin));
}
