import type { EnumOption, FieldDef } from './fields.js';
import { describeOptions, optionLabel } from './fields.js';

/** Chinese validation messages. Every message names the field by its label: 「调解结果」… */
export const q = (label: string) => `「${label}」`;

/**
 * A submitted value as a message may quote it: text as it is, anything else as JSON-ish text.
 * `String(v)` throws for objects whose `toString` is not a function (`{ toString: {} }`, which
 * a request body can carry), and a message must never throw.
 */
export function quotable(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return String(value);
  try {
    return JSON.stringify(value) ?? Object.prototype.toString.call(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

export const messages = {
  /** A value of an enum field as a message names it; `oneOf` joins several: “成功”或“部分成功”. */
  optionName: (f: FieldDef, value: string) => optionLabel(f, value),
  oneOf: (names: readonly string[]) => names.map((n) => `“${n}”`).join('或'),
  required: (f: FieldDef) => `${q(f.label)}为必填项`,
  notText: (f: FieldDef) => `${q(f.label)}应为文本`,
  tooLong: (f: FieldDef, max: number) => `${q(f.label)}不能超过${max}个字`,
  pattern: (f: FieldDef, hint: string) => `${q(f.label)}格式不正确，应为${hint}`,
  notInteger: (f: FieldDef) => `${q(f.label)}应为整数`,
  notNumber: (f: FieldDef) => `${q(f.label)}应为数字`,
  tooManyDecimals: (f: FieldDef, scale: number) => `${q(f.label)}最多保留${scale}位小数`,
  min: (f: FieldDef, min: number) => `${q(f.label)}不能小于${min}`,
  max: (f: FieldDef, max: number) => `${q(f.label)}不能大于${max}`,
  moneyNegative: (f: FieldDef) => `${q(f.label)}不能为负数`,
  moneyFormat: (f: FieldDef) => `${q(f.label)}应为金额（元，最多两位小数）`,
  notDate: (f: FieldDef) => `${q(f.label)}应为日期，格式如 2024-03-05`,
  notDateTime: (f: FieldDef) => `${q(f.label)}应为日期时间，格式如 2024-03-05 09:30`,
  notBoolean: (f: FieldDef) => `${q(f.label)}应为“是”或“否”`,
  notOption: (f: FieldDef & { options: readonly EnumOption[] }, got: unknown) =>
    `${q(f.label)}的值“${quotable(got)}”无效，应为：${describeOptions(f.options)}`,
  notRef: (f: FieldDef) => `${q(f.label)}应为所引用记录的编号`,
  order: (earlier: FieldDef, later: FieldDef) => `${q(later.label)}不能早于${q(earlier.label)}`,
  requiredWhen: (f: FieldDef, when: FieldDef, values: string) => `${q(when.label)}为${values}时，${q(f.label)}为必填项`,
  atMost: (f: FieldDef, limit: FieldDef) => `${q(f.label)}不能大于${q(limit.label)}`,
  inFuture: (f: FieldDef, today: string) => `${q(f.label)}不能晚于今天（${today}）`,
  /** One bad piece of a checked text (an ID number, a phone number), with the reason. */
  badPiece: (f: FieldDef, piece: string, reason: string) => `${q(f.label)}“${piece}”${reason}`,
  emptyPiece: (f: FieldDef) => `${q(f.label)}有空的一项：多个值之间以一个“、”分隔`,
  duplicateKey: (key: FieldDef, value: string, kindLabel: string, period: FieldDef, periodValue: string) =>
    `${key.label}“${value}”在本街道已存在（${kindLabel}，${period.label} ${periodValue}）`,
} as const;

/** The set of validation messages a schema speaks (`SchemaOptions.messages`). */
export type ValidationMessages = { readonly [K in keyof typeof messages]: (typeof messages)[K] };

const en = (f: Pick<FieldDef, 'label' | 'labelEn'>) => `"${f.labelEn ?? f.label}"`;

/**
 * The same messages in English, for the console's English mode: fields by their `labelEn`.
 * Checks of ID and phone numbers explain their reason in Chinese (`badPiece`'s reason comes
 * from the checker).
 */
export const messagesEn: ValidationMessages = {
  optionName: (f, value) => (f.type === 'enum' || f.type === 'enum-set' ? (f.options.find((o) => o.value === value)?.labelEn ?? optionLabel(f, value)) : value),
  oneOf: (names) => names.map((n) => `"${n}"`).join(' or '),
  required: (f) => `${en(f)} is required`,
  notText: (f) => `${en(f)} must be text`,
  tooLong: (f, max) => `${en(f)} must be at most ${max} characters`,
  pattern: (f, hint) => `${en(f)} is not in the expected form: ${hint}`,
  notInteger: (f) => `${en(f)} must be a whole number`,
  notNumber: (f) => `${en(f)} must be a number`,
  tooManyDecimals: (f, scale) => `${en(f)} takes at most ${scale} decimal places`,
  min: (f, min) => `${en(f)} must be at least ${min}`,
  max: (f, max) => `${en(f)} must be at most ${max}`,
  moneyNegative: (f) => `${en(f)} cannot be negative`,
  moneyFormat: (f) => `${en(f)} must be an amount in yuan with at most two decimals`,
  notDate: (f) => `${en(f)} must be a date such as 2024-03-05`,
  notDateTime: (f) => `${en(f)} must be a date and time such as 2024-03-05 09:30`,
  notBoolean: (f) => `${en(f)} must be yes or no`,
  notOption: (f, got) => `${en(f)}: "${quotable(got)}" is not one of ${f.options.map((o) => `"${o.labelEn ?? o.label}" (${o.value})`).join(', ')}`,
  notRef: (f) => `${en(f)} must be the id of the record it refers to`,
  order: (earlier, later) => `${en(later)} cannot be before ${en(earlier)}`,
  requiredWhen: (f, when, values) => `${en(f)} is required when ${en(when)} is ${values}`,
  atMost: (f, limit) => `${en(f)} cannot exceed ${en(limit)}`,
  inFuture: (f, today) => `${en(f)} cannot be later than today (${today})`,
  badPiece: (f, piece, reason) => `${en(f)} "${piece}": ${reason}`,
  emptyPiece: (f) => `${en(f)} has an empty item: separate values with one "、"`,
  duplicateKey: (key, value, kindLabel, period, periodValue) => `${en(key)} "${value}" already exists in this street (${kindLabel}, ${en(period)} ${periodValue})`,
};
