import { z } from 'zod';
import { defaultLongTextMaxLength, defaultTextMaxLength, type FieldDef } from './fields.js';
import { messages as zhMessages, q, type ValidationMessages } from './messages.js';
import { getField, type AnyRecord, type RecordKind, type RecordRule } from './record-kind.js';
import { quickRecord, quickValues, recordKeys, type QuickDeps } from './quick-check.js';

export { recordKeys };
import { textFormatProblem } from './text-format.js';
import { todayInShanghai } from './today.js';

export const isoDatePattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** Canonical stored form: seconds and the +08:00 offset always present. */
export const isoDateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

/** Days in a month of the proleptic Gregorian calendar (what `Date` and PostgreSQL use). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const digit = (text: string, at: number) => text.charCodeAt(at) - 48;
const yearOf = (text: string) => digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);

/**
 * Rejects 2024-02-30 and the like, which the pattern alone lets through. Arithmetic, not `Date`
 * nor slices: it runs for every date cell of a dataset, and a `Date` per cell was most of the load time.
 */
export function isRealDate(text: string): boolean {
  return isoDatePattern.test(text) && digit(text, 8) * 10 + digit(text, 9) <= daysInMonth(yearOf(text), digit(text, 5) * 10 + digit(text, 6));
}

/**
 * The date part of a text that matches `isoDateTimePattern` is a real day: what
 * `isRealDate(text.slice(0, 10))` says, without the slice (the pattern has put the digits and
 * dashes in place, so only the ranges remain to check).
 */
export function hasRealDatePart(text: string): boolean {
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(yearOf(text), month);
}

function decimalsOf(n: number): number {
  const s = String(n);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

export interface SchemaOptions {
  /**
   * Today as an ISO date, asked at each parse, for `notFuture` dates and ID numbers' birth dates.
   * Default: the Shanghai date of the system clock.
   */
  today?: () => string;
  /** The language of the messages: zh-CN by default, `messagesEn` for the console's English mode. */
  messages?: ValidationMessages;
}

/**
 * The system clock's Shanghai date, kept for the day it names: every date field with `notFuture`
 * asks for it on every record, and a `Date` per ask showed in dataset load times. A clock set
 * back or forward past that day (tests do) is read again.
 */
const dayMs = 86_400_000;
const shanghaiOffsetMs = 8 * 3_600_000;
let clockDate = '';
let clockDayStart = 0;
let clockDayEnd = -1;
const defaultToday = () => {
  const now = Date.now();
  if (now < clockDayStart || now >= clockDayEnd) {
    clockDate = todayInShanghai(new Date(now));
    clockDayStart = Math.floor((now + shanghaiOffsetMs) / dayMs) * dayMs - shanghaiOffsetMs;
    clockDayEnd = clockDayStart + dayMs;
  }
  return clockDate;
};

/** Not after today; only for values that are real dates (other problems have their own message). */
function notFuture(f: FieldDef, dateOf: (value: string) => string | null, today: () => string, messages: ValidationMessages) {
  return (value: string, ctx: z.core.$RefinementCtx<string>) => {
    const date = dateOf(value);
    if (date === null) return;
    const t = today();
    if (date > t) ctx.addIssue({ code: 'custom', message: messages.inFuture(f, t) });
  };
}

/** The zod type of one field's value (never null: optionality is applied by the caller). */
export function fieldValueSchema(f: FieldDef, options: SchemaOptions = {}): z.ZodType {
  const today = options.today ?? defaultToday;
  const messages = options.messages ?? zhMessages;
  const typeError = (msg: string) => ({ error: (iss: { input?: unknown }) => (iss.input === undefined || iss.input === null ? messages.required(f) : msg) });
  switch (f.type) {
    case 'text':
    case 'longtext': {
      const max = f.maxLength ?? (f.type === 'text' ? defaultTextMaxLength : defaultLongTextMaxLength);
      let s = z.string(typeError(messages.notText(f))).trim().max(max, { error: messages.tooLong(f, max) });
      if (f.required) s = s.min(1, { error: messages.required(f) });
      if (f.type === 'text' && f.pattern) s = s.regex(new RegExp(f.pattern.regex), { error: messages.pattern(f, f.pattern.hint) });
      if (f.type === 'text' && f.format) {
        return s.superRefine((value, ctx) => {
          const problem = textFormatProblem(f, value, today());
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        });
      }
      return s;
    }
    case 'integer': {
      let s = z.number(typeError(messages.notInteger(f))).int({ error: messages.notInteger(f) });
      if (f.min !== undefined) s = s.min(f.min, { error: messages.min(f, f.min) });
      if (f.max !== undefined) s = s.max(f.max, { error: messages.max(f, f.max) });
      return s;
    }
    case 'decimal': {
      let s = z.number(typeError(messages.notNumber(f)));
      if (f.min !== undefined) s = s.min(f.min, { error: messages.min(f, f.min) });
      if (f.max !== undefined) s = s.max(f.max, { error: messages.max(f, f.max) });
      return s.refine((n) => decimalsOf(n) <= f.scale, { error: messages.tooManyDecimals(f, f.scale) });
    }
    case 'money':
      return z
        .number(typeError(messages.moneyFormat(f)))
        .int({ error: messages.moneyFormat(f) })
        .min(0, { error: messages.moneyNegative(f) })
        .max(Number.MAX_SAFE_INTEGER, { error: messages.moneyFormat(f) });
    case 'date': {
      const s = z.string(typeError(messages.notDate(f))).refine(isRealDate, { error: messages.notDate(f) });
      return f.notFuture ? s.superRefine(notFuture(f, (d) => (isRealDate(d) ? d : null), today, messages)) : s;
    }
    case 'datetime': {
      const isDateTime = (t: string) => isoDateTimePattern.test(t) && isRealDate(t.slice(0, 10));
      const s = z.string(typeError(messages.notDateTime(f))).refine(isDateTime, { error: messages.notDateTime(f) });
      // Stored with +08:00, so the first ten characters are the Shanghai date.
      return f.notFuture ? s.superRefine(notFuture(f, (t) => (isDateTime(t) ? t.slice(0, 10) : null), today, messages)) : s;
    }
    case 'boolean':
      return z.boolean(typeError(messages.notBoolean(f)));
    case 'enum':
      return z.enum(f.options.map((o) => o.value) as [string, ...string[]], {
        error: (iss) => (iss.input === undefined || iss.input === null ? messages.required(f) : messages.notOption(f, iss.input)),
      });
    case 'enum-set': {
      const item = z.enum(f.options.map((o) => o.value) as [string, ...string[]], { error: (iss) => messages.notOption(f, iss.input) });
      const arr = z.array(item, typeError(messages.notOption(f, '')));
      return f.required ? arr.min(1, { error: messages.required(f) }) : arr;
    }
    case 'ref':
      return z.string(typeError(messages.notRef(f))).min(1, { error: messages.required(f) });
  }
}

function fieldSchema(f: FieldDef, options: SchemaOptions): z.ZodType {
  const v = fieldValueSchema(f, options);
  // Optional fields are always present in a parsed record, as null when empty.
  return f.required ? v : v.nullable().optional().transform((x) => (x === undefined || x === '' ? null : x));
}

const holds = (value: unknown, allowed: readonly unknown[]) => allowed.includes(value as never);
const present = (v: unknown) => v !== null && v !== undefined && v !== '';

/** Checks one cross-field rule; returns the field to blame and the message, or null when it holds. */
export function checkRule(kind: RecordKind, rule: RecordRule, r: Record<string, unknown>, messages: ValidationMessages = zhMessages): { field: string; message: string } | null {
  switch (rule.type) {
    case 'order': {
      const a = r[rule.earlier];
      const b = r[rule.later];
      // Order rules relate dates and date-times (ISO text, so text order is time order); a value of
      // another type is the field's own error, not this rule's.
      if (typeof a === 'string' && typeof b === 'string' && present(a) && present(b) && b < a) {
        return { field: rule.later, message: messages.order(getField(kind, rule.earlier), getField(kind, rule.later)) };
      }
      return null;
    }
    case 'required-when': {
      if (holds(r[rule.when.field], rule.when.in) && !present(r[rule.field])) {
        const whenField = getField(kind, rule.when.field);
        const values = messages.oneOf(rule.when.in.map((v) => messages.optionName(whenField, String(v))));
        return { field: rule.field, message: messages.requiredWhen(getField(kind, rule.field), whenField, values) };
      }
      return null;
    }
    case 'at-most': {
      const a = r[rule.field];
      const b = r[rule.limit];
      if (typeof a === 'number' && typeof b === 'number' && a > b) {
        return { field: rule.field, message: messages.atMost(getField(kind, rule.field), getField(kind, rule.limit)) };
      }
      return null;
    }
  }
}

/** Schemas of the default clock, per language (message set) and kind. */
const schemaCache = new WeakMap<ValidationMessages, WeakMap<RecordKind, z.ZodType<AnyRecord>>>();

/**
 * The zod schema of a record kind, generated from its field metadata and rules. Parsing yields a
 * record with every declared field present (null when empty); unknown keys are rejected.
 */
export function recordSchema(kind: RecordKind, options: SchemaOptions = {}): z.ZodType<AnyRecord> {
  // Only the default clock's schemas are cached: a given `today` makes a schema of its own.
  const language = options.messages ?? zhMessages;
  const cached = options.today ? undefined : schemaCache.get(language)?.get(kind);
  if (cached) return cached;
  const shape: Record<string, z.ZodType> = {
    id: z.string({ error: `${q('编号')}为必填项` }).min(1, { error: `${q('编号')}为必填项` }),
    orgId: z.string({ error: `${q('所属机构')}为必填项` }).min(1, { error: `${q('所属机构')}为必填项` }),
    deletedAt: z
      .string({ error: `${q('删除时间')}应为日期时间` })
      .refine((t) => isoDateTimePattern.test(t), { error: `${q('删除时间')}应为日期时间` })
      .nullable()
      .optional()
      .transform((x) => x ?? null),
  };
  for (const f of kind.fields) shape[f.key] = fieldSchema(f, options);
  const schema = z
    .strictObject(shape, {
      error: (iss) => {
        if (iss.code === 'unrecognized_keys') return `存在未定义的字段：${(iss as { keys: string[] }).keys.join('、')}`;
        // Only the record itself reaches here with a type error: each field has its own message.
        if (iss.code === 'invalid_type') return '记录应为由各字段组成的对象';
        return undefined;
      },
    })
    .superRefine((r, ctx) => {
      for (const rule of kind.rules ?? []) {
        const broken = checkRule(kind, rule, r, options.messages);
        if (broken) ctx.addIssue({ code: 'custom', path: [broken.field], message: broken.message });
      }
    }) as unknown as z.ZodType<AnyRecord>;
  if (!options.today) {
    if (!schemaCache.has(language)) schemaCache.set(language, new WeakMap());
    schemaCache.get(language)!.set(kind, schema);
  }
  return schema;
}

export interface ValidationIssue {
  /** Field key, or '' for the record as a whole. */
  field: string;
  /** zh-CN label of the field. */
  label: string;
  message: string;
}

export type ValidationResult<T = AnyRecord> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

const baseLabels: Record<string, string> = { id: '编号', orgId: '所属机构', deletedAt: '删除时间' };

const quickDeps: QuickDeps = {
  isRealDate,
  hasRealDatePart,
  isoDateTimePattern,
  decimalsOf,
  holdsRules: (kind, r) => (kind.rules ?? []).every((rule) => checkRule(kind, rule, r) === null),
};

/**
 * Validates a record (typed values, not text) and reports every problem, each naming its field.
 * A valid record is recognised by plain checks first (see quick-check.ts): a dataset has tens of
 * thousands, and the zod schema, which words the messages, is several times slower.
 */
export function validateRecord(kind: RecordKind, input: unknown, options: SchemaOptions = {}): ValidationResult {
  const quick = quickRecord(kind, input, options.today ?? defaultToday, quickDeps);
  if (quick) return { ok: true, value: quick };
  const res = recordSchema(kind, options).safeParse(input);
  if (res.success) return { ok: true, value: res.data };
  return {
    ok: false,
    issues: res.error.issues.map((iss) => {
      const key = String(iss.path[0] ?? '');
      const label = baseLabels[key] ?? kind.fields.find((f) => f.key === key)?.label ?? '';
      return { field: key, label, message: iss.message };
    }),
  };
}

/**
 * `validateRecord` of the record whose values, in `recordKeys(kind)` order, are `values` (a row
 * as a loader reads it): the same result, without an input object unless the plain checks are
 * unsure of it.
 */
export function validateRecordValues(kind: RecordKind, values: readonly unknown[], options: SchemaOptions = {}): ValidationResult {
  const quick = quickValues(kind, values, options.today ?? defaultToday, quickDeps);
  if (quick) return { ok: true, value: quick };
  const keys = recordKeys(kind);
  const input: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) input[keys[i]!] = values[i];
  return validateRecord(kind, input, options);
}
