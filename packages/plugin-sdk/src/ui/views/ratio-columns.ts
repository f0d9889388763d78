import { formatPercent } from '@fazhi/metrics';
import type { RatioColumn } from '../../plugin.js';

/**
 * A ratio column's value for one record, in percent: numerator ÷ denominator × 100, or null when
 * either number is missing or the denominator is 0 (the row's own figures cannot give a rate).
 */
export function ratioOf(col: RatioColumn, record: Record<string, unknown>): number | null {
  const present = (v: unknown) => v !== null && v !== undefined && v !== '';
  const n = record[col.numerator];
  const d = record[col.denominator];
  if (!present(n) || !present(d)) return null;
  const num = Number(n);
  const den = Number(d);
  if (!Number.isFinite(num) || !Number.isFinite(den) || den === 0) return null;
  return (num / den) * 100;
}

/** The column's text for one record: 98.9%, or null when there is no rate. */
export function ratioText(col: RatioColumn, record: Record<string, unknown>): string | null {
  const value = ratioOf(col, record);
  return value === null ? null : formatPercent(value, col.decimals ?? 1);
}
