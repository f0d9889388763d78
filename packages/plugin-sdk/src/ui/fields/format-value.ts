import { formatYuan, type FieldDef } from '@fazhi/domain';
import { formatShanghaiDateTime } from './shanghai-time.js';

/** Groups the integer part of a yuan string: 1234567.80 → 1,234,567.80. */
export function groupYuan(text: string): string {
  const [int, dec] = text.split('.');
  const sign = int!.startsWith('-') ? '-' : '';
  const digits = sign ? int!.slice(1) : int!;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${dec === undefined ? '' : `.${dec}`}`;
}

export interface FormatContext {
  option: (f: FieldDef, value: string) => string;
  yes: string;
  no: string;
  yuan: string;
  /** A unit in the page's language (the declared one by default). */
  unit?: (unit: string) => string;
  /** Joins the options of a multiple choice (、 by default). */
  join?: (items: readonly string[]) => string;
}

/**
 * A field's value as list and detail pages show it: enum labels, money in 元 with two decimals
 * (stored as integer fen), dates as YYYY-MM-DD, date-times as YYYY-MM-DD HH:mm in Shanghai time, booleans as 是/否. Null for an empty value.
 */
export function formatFieldValue(f: FieldDef, value: unknown, ctx: FormatContext): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (f.type) {
    case 'enum':
      return ctx.option(f, String(value));
    case 'enum-set':
      return Array.isArray(value) && value.length ? (ctx.join ?? ((items) => items.join('、')))(value.map((v) => ctx.option(f, String(v)))) : null;
    case 'money':
      return typeof value === 'number' ? `${groupYuan(formatYuan(value))} ${ctx.yuan}` : String(value);
    case 'date':
      return String(value).slice(0, 10);
    case 'datetime':
      return formatShanghaiDateTime(String(value));
    case 'boolean':
      return value ? ctx.yes : ctx.no;
    case 'integer':
    case 'decimal':
    {
      const unit = f.unit === undefined ? '' : (ctx.unit?.(f.unit) ?? f.unit);
      return unit ? `${value} ${unit}` : String(value);
    }
    default:
      return String(value);
  }
}

/** A personal value as the database returns it to a reader without the right (private.mask). */
export const looksMasked = (value: unknown) => typeof value === 'string' && value.includes('*');
