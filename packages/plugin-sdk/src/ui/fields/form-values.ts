import { checkRule, formatYuan, parseYuan, validateRecord, type AnyRecord, type FieldDef, type RecordKind, type ValidationMessages } from '@fazhi/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { dateTimeToPicker, dateToPicker, pickerToDate, pickerToDateTime } from './shanghai-time.js';

/**
 * Between a record (integer fen, ISO dates) and an antd form (money typed in 元 as text, dates as
 * dayjs). Conversion is exact: money goes through `parseYuan`/`formatYuan`, never floats; dates
 * and date-times go through shanghai-time.ts, so the device's time zone never moves them.
 */
export type FormValues = Record<string, unknown>;

/** A money text that is not an amount: zod then reports 「…」应为金额（元，最多两位小数）. */
const badMoney = Number.NaN;

export function fieldToForm(f: FieldDef, value: unknown): unknown {
  if (value === null || value === undefined) return f.type === 'enum-set' ? [] : undefined;
  switch (f.type) {
    case 'money':
      return typeof value === 'number' ? formatYuan(value) : value;
    case 'date':
      return dateToPicker(String(value));
    case 'datetime':
      return dateTimeToPicker(String(value));
    default:
      return value;
  }
}

export function fieldFromForm(f: FieldDef, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  switch (f.type) {
    case 'money': {
      const text = String(value).trim();
      if (text === '') return null;
      return parseYuan(text) ?? badMoney;
    }
    case 'date':
      return dayjs.isDayjs(value) ? pickerToDate(value as Dayjs) : String(value);
    case 'datetime':
      // The picker holds the Shanghai wall clock (shanghai-time.ts); the stored form carries the offset.
      return dayjs.isDayjs(value) ? pickerToDateTime(value as Dayjs) : String(value);
    case 'text':
    case 'longtext': {
      const text = String(value).trim();
      if (text === '') return null;
      // An ID number's check character is X; people type x as often (as imports do, coerceCell).
      return f.type === 'text' && f.format === 'id-number' ? text.replace(/x/g, 'X') : text;
    }
    case 'enum':
    case 'ref':
      return value === '' ? null : value;
    case 'enum-set':
      return Array.isArray(value) ? value : [];
    default:
      return value;
  }
}

/** Form values of a record (or of a new record's defaults). */
export function recordToForm(kind: RecordKind, record: Partial<AnyRecord> & Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const f of kind.fields) out[f.key] = fieldToForm(f, record[f.key]);
  if (record.orgId !== undefined) out.orgId = record.orgId;
  if (record.version !== undefined) out.version = record.version;
  return out;
}

/** The kind's field values present in a form, typed as records store them. */
export function formToFields(kind: RecordKind, values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of kind.fields) if (f.key in values) out[f.key] = fieldFromForm(f, values[f.key]);
  return out;
}

/**
 * Validates form values with the kind's zod schema (`validateRecord`), the same one imports and
 * the database's CHECK constraints are generated from. Returns messages by field key; cross-field
 * rules land on the field the rule blames (e.g. 结案日期 for 结案日期不能早于受理日期).
 */
export function validateForm(kind: RecordKind, values: FormValues, base: Record<string, unknown> = {}, messages?: ValidationMessages): Map<string, string[]> {
  const record = { ...base, ...formToFields(kind, values) };
  for (const f of kind.fields) if (!(f.key in record)) record[f.key] = null;
  const res = validateRecord(kind, { ...pick(kind, record), id: 'form', orgId: 'form', deletedAt: null }, messages ? { messages } : {});
  const out = new Map<string, string[]>();
  if (res.ok) return out;
  const add = (field: string, message: string) => {
    const list = out.get(field) ?? [];
    if (!list.includes(message)) out.set(field, [...list, message]);
  };
  for (const issue of res.issues) add(issue.field, issue.message);
  // zod skips the record's refinements while any field is invalid; a form shows everything at
  // once, so the cross-field rules are checked here too (on fields that are themselves valid).
  for (const rule of kind.rules ?? []) {
    const broken = checkRule(kind, rule, record, messages);
    if (broken && !out.has(broken.field)) add(broken.field, broken.message);
  }
  return out;
}

function pick(kind: RecordKind, r: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of kind.fields) out[f.key] = r[f.key];
  return out;
}

/** Fields that must be re-validated when `key` changes: the other side of every rule naming it. */
export function dependentFields(kind: RecordKind, key: string): string[] {
  const out = new Set<string>();
  for (const r of kind.rules ?? []) {
    const keys = r.type === 'order' ? [r.earlier, r.later] : r.type === 'required-when' ? [r.field, r.when.field] : [r.field, r.limit];
    if (keys.includes(key)) keys.filter((k) => k !== key).forEach((k) => out.add(k));
  }
  return [...out];
}
