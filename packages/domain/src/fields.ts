/**
 * Field metadata: one declaration per field drives validation (zod), parsing of ledger cells,
 * console forms and lists, SQL columns and personal-data masking.
 */
export interface EnumOption<V extends string = string> {
  value: V;
  label: string;
  labelEn?: string;
}

interface FieldCommon<K extends string = string> {
  /** camelCase key in records; the SQL column is its snake_case form. */
  key: K;
  /** zh-CN label shown to users and used in every message about the field. */
  label: string;
  labelEn?: string;
  required?: boolean;
  /** Personal data (names, ID numbers, phones): masked unless the viewer holds the right. */
  personal?: boolean;
  /** Display unit, e.g. 人, 学时, 平方米. Money fields are always 元 for display. */
  unit?: string;
  description?: string;
  descriptionEn?: string;
  /** Shown as a column in lists by default. */
  listed?: boolean;
}

/** Checked content of a text field (zod and the database's rules trigger). */
export type TextFormat = 'id-number' | 'phone';

interface TextChecks {
  maxLength?: number;
  pattern?: { regex: string; hint: string };
  format?: TextFormat;
  /** Several values separated by 、 (e.g. one ID number per party); each piece is checked. */
  multiple?: boolean;
  /** `format: 'id-number'` only: also accept legacy 15-digit numbers (paper-era records). */
  legacyIdNumbers?: boolean;
}

/** Dates of things that have happened (受理日期, 结案日期…): refused when after today in Shanghai. */
interface DateChecks {
  notFuture?: boolean;
}

export type FieldDef<K extends string = string> =
  | (FieldCommon<K> & { type: 'text' } & TextChecks)
  | (FieldCommon<K> & { type: 'longtext'; maxLength?: number })
  | (FieldCommon<K> & { type: 'integer'; min?: number; max?: number })
  | (FieldCommon<K> & { type: 'decimal'; scale: number; min?: number; max?: number })
  /** Money as an integer number of fen (分); never a float of yuan. */
  | (FieldCommon<K> & { type: 'money' })
  | (FieldCommon<K> & { type: 'date' } & DateChecks)
  /** ISO date-time, stored with the +08:00 offset (China Standard Time). */
  | (FieldCommon<K> & { type: 'datetime' } & DateChecks)
  | (FieldCommon<K> & { type: 'boolean' })
  | (FieldCommon<K> & { type: 'enum'; options: readonly EnumOption[] })
  | (FieldCommon<K> & { type: 'enum-set'; options: readonly EnumOption[] })
  /** Id of another record of kind `target` (e.g. a training's officer). */
  | (FieldCommon<K> & { type: 'ref'; target: string });

export type FieldType = FieldDef['type'];

export const defaultTextMaxLength = 200;
export const defaultLongTextMaxLength = 5000;

/** The SQL column of a field key: `closedOn` → `closed_on`. */
export function columnName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The field key of a SQL column: `closed_on` → `closedOn`. */
export function fieldKey(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function optionLabel(field: FieldDef, value: string): string {
  if (field.type !== 'enum' && field.type !== 'enum-set') return value;
  return field.options.find((o) => o.value === value)?.label ?? value;
}

/** 「成功」、「不成功」或「终止」 style list for messages. */
export function describeOptions(options: readonly EnumOption[]): string {
  return options.map((o) => `“${o.label}”(${o.value})`).join('、');
}

/** Maps a field declaration to the TypeScript type of its value in a record. */
type BaseValue<F extends FieldDef> = F extends { type: 'enum'; options: readonly (infer O)[] }
  ? O extends EnumOption<infer V> ? V : string
  : F extends { type: 'enum-set'; options: readonly (infer O)[] }
    ? Array<O extends EnumOption<infer V> ? V : string>
    : F extends { type: 'integer' | 'decimal' | 'money' }
      ? number
      : F extends { type: 'boolean' }
        ? boolean
        : string;

export type FieldValue<F extends FieldDef> = F extends { required: true } ? BaseValue<F> : BaseValue<F> | null;

export type FieldValues<Fs extends readonly FieldDef[]> = {
  [F in Fs[number] as F['key']]: FieldValue<F>;
};
