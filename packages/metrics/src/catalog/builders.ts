import type { Scalar } from '@fazhi/domain';
import type { Aggregation, Filter, Indicator, Measure, PeriodBinding } from '../definitions.js';

/** Terse constructors for the built-in catalog; they only build data. */
export const within = (field: string): PeriodBinding => ({ type: 'within', field });
export const activeDuring = (from: string, to: string): PeriodBinding => ({ type: 'active', from, to, at: 'any' });
export const activeAtEnd = (from: string, to: string): PeriodBinding => ({ type: 'active', from, to, at: 'end' });
export const asOfEnd = (field: string): PeriodBinding => ({ type: 'asOfEnd', field });

export const eq = (field: string, value: Scalar): Filter => ({ field, op: 'eq', value });
export const ne = (field: string, value: Scalar): Filter => ({ field, op: 'ne', value });
export const isIn = (field: string, value: readonly Scalar[]): Filter => ({ field, op: 'in', value });
export const notNull = (field: string): Filter => ({ field, op: 'notnull' });
export const notLaterThan = (field: string, ref: string): Filter => ({ field, op: 'lte_field', ref });

export const count: Aggregation = { type: 'count' };
export const sum = (field: string): Aggregation => ({ type: 'sum', field });

type MeasureInput = Omit<Measure, 'filters' | 'aggregation' | 'valueType'> &
  Partial<Pick<Measure, 'filters' | 'aggregation' | 'valueType'>>;

/** A measure; counts by default. */
export function measure(m: MeasureInput): Measure {
  return { aggregation: count, filters: [], valueType: 'count', ...m };
}

/**
 * The value of a dated org attribute (`org_attributes`) in force at the end of the period: the
 * latest by effective date, null when none is recorded yet.
 */
export function attributeValue(m: { id: string; label: string; labelEn?: string; attribute: string; unit: string; description: string }): Measure {
  const { attribute, ...rest } = m;
  return measure({
    ...rest,
    kind: 'org_attributes',
    period: asOfEnd('effectiveOn'),
    filters: [eq('attribute', attribute)],
    aggregation: { type: 'latest', field: 'value', by: 'effectiveOn' },
    valueType: 'quantity',
  });
}

/** A plain figure: the indicator is its measure's value, under the same id. */
export function figure(m: Measure, area: string, extra: Partial<Indicator> = {}): Indicator {
  return {
    id: m.id,
    label: m.label,
    ...(m.labelEn ? { labelEn: m.labelEn } : {}),
    area,
    numerator: m.id,
    factor: 1,
    unit: m.unit,
    valueType: m.valueType,
    decimals: m.valueType === 'quantity' ? 2 : 0,
    description: m.description,
    ...extra,
  };
}

/** A percentage: numerator ÷ denominator × 100, null when the denominator is 0. */
export function rate(r: {
  id: string;
  label: string;
  labelEn?: string;
  area: string;
  numerator: Measure;
  denominator: Measure;
  description: string;
  decimals?: number;
}): Indicator {
  return {
    id: r.id,
    label: r.label,
    ...(r.labelEn ? { labelEn: r.labelEn } : {}),
    area: r.area,
    numerator: r.numerator.id,
    denominator: r.denominator.id,
    factor: 100,
    unit: '%',
    valueType: 'percent',
    decimals: r.decimals ?? 1,
    description: r.description,
    numeratorDescription: r.numerator.description,
    denominatorDescription: r.denominator.description,
  };
}
