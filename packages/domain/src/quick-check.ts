import { defaultLongTextMaxLength, defaultTextMaxLength, type FieldDef } from './fields.js';
import type { AnyRecord, RecordKind } from './record-kind.js';
import { textFormatProblem } from './text-format.js';

/**
 * A record's fields checked by plain code instead of its zod schema: the same rules, written for
 * the case that matters for speed, a valid record. Each check returns the value the schema would
 * yield, or `refused` whenever it is not sure; the caller then asks the schema, which also words
 * the messages. So it may refuse what the schema accepts (only slower), never the other way round:
 * a property test holds it to that on every built-in kind.
 */
export const refused: unique symbol = Symbol('refused');
type Check = (value: unknown, today: () => string) => unknown;

/** Dependencies the schema module passes in (it owns them; importing it here would be circular). */
export interface QuickDeps {
  isRealDate: (text: string) => boolean;
  /** `isRealDate(text.slice(0, 10))` for a text that matches `isoDateTimePattern`. */
  hasRealDatePart: (text: string) => boolean;
  isoDateTimePattern: RegExp;
  decimalsOf: (n: number) => number;
  holdsRules: (kind: RecordKind, record: Record<string, unknown>) => boolean;
}

function valueCheck(f: FieldDef, deps: QuickDeps): Check {
  switch (f.type) {
    case 'text':
    case 'longtext': {
      const max = f.maxLength ?? (f.type === 'text' ? defaultTextMaxLength : defaultLongTextMaxLength);
      const pattern = f.type === 'text' && f.pattern ? new RegExp(f.pattern.regex) : null;
      const formatted = f.type === 'text' && !!f.format;
      const minLength = f.required ? 1 : 0;
      return (v, today) => {
        if (typeof v !== 'string') return refused;
        const t = v.trim();
        if (t.length > max || t.length < minLength) return refused;
        if (pattern && !pattern.test(t)) return refused;
        if (formatted && textFormatProblem(f, t, today()) !== null) return refused;
        return t;
      };
    }
    case 'integer':
      return (v) => (Number.isSafeInteger(v) && (f.min === undefined || (v as number) >= f.min) && (f.max === undefined || (v as number) <= f.max) ? v : refused);
    case 'decimal':
      return (v) => (typeof v === 'number' && Number.isFinite(v) && (f.min === undefined || v >= f.min) && (f.max === undefined || v <= f.max) && deps.decimalsOf(v) <= f.scale ? v : refused);
    case 'money':
      return (v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? v : refused);
    case 'date':
      return (v, today) => (typeof v === 'string' && deps.isRealDate(v) && !(f.notFuture && v > today()) ? v : refused);
    case 'datetime':
      return (v, today) => (typeof v === 'string' && deps.isoDateTimePattern.test(v) && deps.hasRealDatePart(v) && !(f.notFuture && v.slice(0, 10) > today()) ? v : refused);
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? v : refused);
    case 'enum': {
      const allowed = new Set(f.options.map((o) => o.value));
      return (v) => (typeof v === 'string' && allowed.has(v) ? v : refused);
    }
    case 'enum-set': {
      const allowed = new Set(f.options.map((o) => o.value));
      return (v) => {
        if (!Array.isArray(v) || (f.required && v.length === 0)) return refused;
        for (const item of v) if (typeof item !== 'string' || !allowed.has(item)) return refused;
        return [...(v as string[])];
      };
    }
    case 'ref':
      return (v) => (typeof v === 'string' && v.length > 0 ? v : refused);
  }
}

/** Optional fields are present in a parsed record, as null when empty (the schema's transform). */
function fieldCheck(f: FieldDef, deps: QuickDeps): Check {
  const check = valueCheck(f, deps);
  if (f.required) return check;
  return (v, today) => {
    if (v === null || v === undefined) return null;
    const out = check(v, today);
    return out === '' ? null : out;
  };
}

const nonEmptyText: Check = (v) => (typeof v === 'string' && v.length > 0 ? v : refused);

interface QuickKind {
  keys: string[];
  checks: Check[];
  known: Set<string>;
}

function compileKind(kind: RecordKind, deps: QuickDeps): QuickKind {
  const deletedAt: Check = (v) => (v === null || v === undefined ? null : typeof v === 'string' && deps.isoDateTimePattern.test(v) ? v : refused);
  const keys = [...recordKeys(kind)];
  const checks = [nonEmptyText, nonEmptyText, deletedAt, ...kind.fields.map((f) => fieldCheck(f, deps))];
  return { keys, checks, known: new Set(keys) };
}

const compiled = new WeakMap<RecordKind, QuickKind>();

function quickKind(kind: RecordKind, deps: QuickDeps): QuickKind {
  let q = compiled.get(kind);
  if (!q) compiled.set(kind, (q = compileKind(kind, deps)));
  return q;
}

/** The keys of a kind's records, in the order a parsed record has them: id, orgId, deletedAt, then the fields. */
export function recordKeys(kind: RecordKind): readonly string[] {
  return ['id', 'orgId', 'deletedAt', ...kind.fields.map((f) => f.key)];
}

/** The record the kind's schema would yield for `input`, or null when unsure (ask the schema). */
export function quickRecord(kind: RecordKind, input: unknown, today: () => string, deps: QuickDeps): AnyRecord | null {
  if (typeof input !== 'object' || input === null) return null;
  const proto = Object.getPrototypeOf(input) as unknown;
  if (proto !== Object.prototype && proto !== null) return null;
  const q = quickKind(kind, deps);
  const source = input as Record<string, unknown>;
  for (const key in source) if (!q.known.has(key)) return null;
  return quickValues(kind, q.keys.map((key) => source[key]), today, deps);
}

/**
 * `quickRecord` of the record whose values, in `recordKeys` order, are `values`: what a loader
 * has of a row, checked without building an input object first.
 */
export function quickValues(kind: RecordKind, values: readonly unknown[], today: () => string, deps: QuickDeps): AnyRecord | null {
  const q = quickKind(kind, deps);
  const out: Record<string, unknown> = {};
  for (let i = 0; i < q.keys.length; i++) {
    const value = q.checks[i]!(values[i], today);
    if (value === refused) return null;
    out[q.keys[i]!] = value;
  }
  return deps.holdsRules(kind, out) ? (out as AnyRecord) : null;
}
