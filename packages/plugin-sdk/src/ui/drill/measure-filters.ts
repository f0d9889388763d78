import { findField, type FieldDef, type PeriodRange, type RecordKind, type Scalar } from '@fazhi/domain';
import type { Filter, Measure, PeriodBinding } from '@fazhi/metrics';
import type { CrudFilter } from '@refinedev/core';

/**
 * A measure as list filters: the records a figure counts, for the data providers (both backends)
 * to select. Each piece mirrors the evaluators' semantics (packages/metrics `compile.ts`): a
 * comparison is never true for an empty value, `within` is [start, end), `active` overlaps or
 * contains the period's last day, `asOfEnd` is before the end. Soft-deleted records never count,
 * and lists leave them out unless asked.
 */
export function measureFilter(f: Filter): CrudFilter {
  switch (f.op) {
    case 'null':
      return { field: f.field, operator: 'null', value: true };
    case 'notnull':
      return { field: f.field, operator: 'nnull', value: true };
    case 'in':
    case 'nin':
      return { field: f.field, operator: f.op, value: [...f.value] };
    case 'lt_field':
    case 'lte_field':
    case 'gt_field':
    case 'gte_field':
      // Two columns of the same row: the providers read `{ ref }` as the other column.
      return { field: f.field, operator: f.op.slice(0, -6) as 'lt' | 'lte' | 'gt' | 'gte', value: { ref: f.ref } };
    default:
      return { field: f.field, operator: f.op, value: f.value };
  }
}

export function periodFilters(p: PeriodBinding, range: PeriodRange): CrudFilter[] {
  switch (p.type) {
    case 'within':
      return [{ field: p.field, operator: 'gte', value: range.start }, { field: p.field, operator: 'lt', value: range.end }];
    case 'asOfEnd':
      return [{ field: p.field, operator: 'lt', value: range.end }];
    case 'active':
      return [
        { field: p.from, operator: 'lt', value: range.end },
        {
          operator: 'or',
          value: [
            { field: p.to, operator: 'null', value: true },
            { field: p.to, operator: p.at === 'any' ? 'gt' : 'gte', value: p.at === 'any' ? range.start : range.end },
          ],
        },
      ];
  }
}

/** Everything a measure selects, under one key so a list keeps it apart from its own filter form. */
export function measureListFilters(m: Measure, range: PeriodRange, orgIds: readonly string[]): CrudFilter {
  return {
    key: 'fazhi-drill',
    operator: 'and',
    value: [{ field: 'orgId', operator: 'in', value: [...orgIds] }, ...periodFilters(m.period, range), ...m.filters.map(measureFilter)],
  };
}

/** How a condition reads; `t` is the labels layer's translate (keys under `fazhi.drill.op`). */
type Translate = (key: string, options?: Record<string, unknown>) => string;
export interface ConditionWords {
  t: Translate;
  field: (f: Pick<FieldDef, 'label' | 'labelEn'>) => string;
  option: (f: FieldDef, value: string) => string;
}

function valueText(field: FieldDef | undefined, v: Scalar, w: ConditionWords): string {
  if (v === null) return w.t('fazhi.empty');
  if (typeof v === 'boolean') return w.t(v ? 'fazhi.yes' : 'fazhi.no');
  if (field && (field.type === 'enum' || field.type === 'enum-set')) return w.option(field, String(v));
  if (field?.type === 'money' && typeof v === 'number') return `${v / 100}${w.t('fazhi.yuan')}`;
  return String(v);
}

/** One measure filter in plain words: 调解结果为调解成功, 办结时间不晚于办理时限 … */
export function filterText(kind: RecordKind, f: Filter, w: ConditionWords): string {
  const field = findField(kind, f.field);
  const name = field ? w.field(field) : f.field;
  switch (f.op) {
    case 'null':
    case 'notnull':
      return w.t(`fazhi.drill.op.${f.op}`, { field: name });
    case 'in':
    case 'nin':
      return w.t(`fazhi.drill.op.${f.op}`, { field: name, value: f.value.map((v) => valueText(field, v, w)).join(w.t('fazhi.drill.or')) });
    case 'lt_field':
    case 'lte_field':
    case 'gt_field':
    case 'gte_field': {
      const ref = findField(kind, f.ref);
      return w.t(`fazhi.drill.op.${f.op}`, { field: name, ref: ref ? w.field(ref) : f.ref });
    }
    default:
      return w.t(`fazhi.drill.op.${f.op}`, { field: name, value: valueText(field, f.value, w) });
  }
}

const lastDay = (end: string) => {
  const d = new Date(`${end}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

export function periodText(kind: RecordKind, p: PeriodBinding, range: PeriodRange, w: ConditionWords): string {
  const name = (key: string) => {
    const f = findField(kind, key);
    return f ? w.field(f) : key;
  };
  const last = lastDay(range.end);
  switch (p.type) {
    case 'within':
      return w.t('fazhi.drill.period.within', { field: name(p.field), start: range.start, last });
    case 'asOfEnd':
      return w.t('fazhi.drill.period.asOfEnd', { field: name(p.field), last });
    case 'active':
      return w.t(`fazhi.drill.period.${p.at === 'any' ? 'activeAny' : 'activeEnd'}`, { from: name(p.from), to: name(p.to), start: range.start, last });
  }
}
