import { findField, type FieldDef, type RecordKind, type RecordKindRegistry } from '@fazhi/domain';
import type { Catalog, Filter, Measure, PeriodBinding } from './definitions.js';

const numericTypes = new Set(['integer', 'decimal', 'money']);
const dateTypes = new Set(['date', 'datetime']);

function checkMeasure(m: Measure, kind: RecordKind, problems: string[]) {
  const where = `指标口径“${m.label}”（${m.id}）`;
  const field = (key: string, what: string, allowed?: Set<string>): FieldDef | undefined => {
    const f = findField(kind, key);
    if (!f) problems.push(`${where}的${what}引用了“${kind.label}”中不存在的字段“${key}”`);
    else if (allowed && !allowed.has(f.type)) problems.push(`${where}的${what}“${f.label}”类型为 ${f.type}，不适用`);
    return f;
  };
  const p: PeriodBinding = m.period;
  if (p.type === 'active') {
    field(p.from, '期间起始字段', dateTypes);
    field(p.to, '期间结束字段', dateTypes);
  } else field(p.field, '期间字段', dateTypes);

  const a = m.aggregation;
  if (a.type === 'sum') field(a.field, '汇总字段', numericTypes);
  if (a.type === 'countDistinct') field(a.field, '去重字段');
  if (a.type === 'latest') {
    field(a.field, '取值字段', numericTypes);
    field(a.by, '排序字段', dateTypes);
  }
  if (a.type === 'countGroups') {
    field(a.groupBy, '分组字段');
    field(a.sumField, '汇总字段', numericTypes);
  }
  if ((m.valueType === 'money') !== (a.type === 'sum' && findField(kind, a.field)?.type === 'money')) {
    problems.push(`${where}的取值类型 money 必须且只能用于金额字段求和`);
  }
  m.filters.forEach((flt: Filter) => {
    const f = field(flt.field, '筛选条件');
    if ('ref' in flt) field(flt.ref, '比较字段');
    if (f && (f.type === 'enum' || f.type === 'enum-set') && 'value' in flt) {
      const values = Array.isArray(flt.value) ? flt.value : [flt.value];
      for (const v of values) {
        if (!f.options.some((o) => o.value === v)) problems.push(`${where}的筛选值“${String(v)}”不是「${f.label}」的可选值`);
      }
    }
  });
}

/**
 * Checks a catalog against the record kinds it reads: unique ids, existing kinds and fields, field
 * types that fit each aggregation, enum filter values that exist. Throws one Chinese message listing
 * every problem; run it when a plugin adds measures.
 */
export function checkCatalog(catalog: Catalog, registry: RecordKindRegistry): void {
  const problems: string[] = [];
  const measureIds = new Set<string>();
  for (const m of catalog.measures) {
    if (measureIds.has(m.id)) problems.push(`指标口径编号“${m.id}”重复`);
    measureIds.add(m.id);
    if (!registry.has(m.kind)) problems.push(`指标口径“${m.id}”引用了未知的记录类型“${m.kind}”`);
    else checkMeasure(m, registry.get(m.kind), problems);
  }
  const indicatorIds = new Set<string>();
  for (const i of catalog.indicators) {
    if (indicatorIds.has(i.id)) problems.push(`指标编号“${i.id}”重复`);
    indicatorIds.add(i.id);
    for (const ref of [i.numerator, i.denominator]) {
      if (ref !== undefined && !measureIds.has(ref)) problems.push(`指标“${i.label}”（${i.id}）引用了不存在的口径“${ref}”`);
    }
    if (i.denominator === undefined && i.factor !== 1) problems.push(`指标“${i.id}”没有分母，系数应为1`);
  }
  if (problems.length) throw new Error(`指标目录有误：\n${problems.join('\n')}`);
}

/** Merges catalogs (built-in plus plugins'); `checkCatalog` catches clashing ids. */
export function mergeCatalogs(...catalogs: Catalog[]): Catalog {
  return { measures: catalogs.flatMap((c) => c.measures), indicators: catalogs.flatMap((c) => c.indicators) };
}
