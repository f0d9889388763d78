import type { FieldDef } from './fields.js';
import { describeOptions } from './fields.js';

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
  notOption: (f: FieldDef & { options: readonly { value: string; label: string }[] }, got: unknown) =>
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
