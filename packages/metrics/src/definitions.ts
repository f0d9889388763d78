import type { Scalar } from '@fazhi/domain';

/**
 * Measures and indicators are declared as plain data (no closures), so the in-memory evaluator and
 * the SQL evaluator compile the very same definition and must agree.
 */

/** A condition on a record; measures AND their filters together. */
export type Filter =
  | { field: string; op: 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte'; value: Scalar }
  | { field: string; op: 'in' | 'nin'; value: readonly Scalar[] }
  | { field: string; op: 'null' | 'notnull' }
  /** Compares two fields of the same record, e.g. closed on or before the deadline. Null on either side fails. */
  | { field: string; op: 'lte_field' | 'lt_field' | 'gte_field' | 'gt_field'; ref: string };

/**
 * How a record falls into a period [start, end).
 * - within: start ≤ record[field] < end (flows: cases closed in the year)
 * - active: the record's [from, to) interval overlaps the period (`at: 'any'`) or contains its last
 *   day (`at: 'end'`) — stocks such as officers in post or catalogue items in force.
 * - asOfEnd: record[field] < end (dated attributes: the value in force at the end of the period).
 */
export type PeriodBinding =
  | { type: 'within'; field: string }
  | { type: 'active'; from: string; to: string; at: 'any' | 'end' }
  | { type: 'asOfEnd'; field: string };

/** The measure owns its aggregation (DHIS2-style): a ratio is never an average of ratios. */
export type Aggregation =
  | { type: 'count' }
  | { type: 'sum'; field: string }
  | { type: 'countDistinct'; field: string }
  /** Value of `field` on the record with the greatest `by` (ties: greatest id). Null when none. */
  | { type: 'latest'; field: string; by: string }
  /** Number of distinct `groupBy` values whose summed `sumField` reaches `atLeast`. */
  | { type: 'countGroups'; groupBy: string; sumField: string; atLeast: number };

/** What a measure's value is, for rendering: money is integer fen. */
export type ValueType = 'count' | 'money' | 'quantity';

export interface Measure {
  /** `area.name`, e.g. `mediation.successful_cases`. */
  id: string;
  label: string;
  labelEn?: string;
  /** Record kind id (table). */
  kind: string;
  aggregation: Aggregation;
  period: PeriodBinding;
  filters: readonly Filter[];
  valueType: ValueType;
  /** Unit shown after the number: 宗, 人, 元 (money), 平方米 … */
  unit: string;
  description: string;
}

export interface Indicator {
  id: string;
  label: string;
  labelEn?: string;
  area: string;
  numerator: string;
  /** Absent for plain figures (the value is the numerator itself). */
  denominator?: string;
  /** 100 for percentages. */
  factor: number;
  /** `%` for rates; otherwise the numerator's unit. */
  unit: string;
  valueType: ValueType | 'percent';
  /** Decimal places shown for percentages and quantities. */
  decimals: number;
  description: string;
  /** Numerator/denominator descriptions, as DHIS2 keeps them beside the formula. */
  numeratorDescription?: string;
  denominatorDescription?: string;
}

export interface Catalog {
  measures: readonly Measure[];
  indicators: readonly Indicator[];
}
