import { columnName, getField, messages, optionLabel, q, type FieldDef, type RecordKind } from '@fazhi/domain';
import { fieldChecks, kindChecks, maxSafeMoney, ruleCheck } from '../generate/record-columns.js';
import { pgName } from '../generate/sql-text.js';

/**
 * CHECK constraint name → the field it guards and the Chinese message for breaking it. Built from
 * the same generator that names the constraints in the records migration, so a 23514 maps back to
 * exactly one field and rule, never by guessing from the name's shape.
 */
export interface ConstraintInfo {
  key: string;
  /** `values`: the submitted record (camelCase), for messages that quote the value. */
  message(values: Readonly<Record<string, unknown>>): string;
}

const fieldRules = ['not_blank', 'max_length', 'pattern', 'min', 'max', 'options', 'not_empty'] as const;

function fieldRuleMessage(f: FieldDef, rule: (typeof fieldRules)[number]): ConstraintInfo['message'] {
  switch (rule) {
    case 'not_blank':
    case 'not_empty':
      return () => messages.required(f);
    case 'max_length': {
      const max = 'maxLength' in f && f.maxLength !== undefined ? f.maxLength : f.type === 'longtext' ? 5000 : 200;
      return () => messages.tooLong(f, max);
    }
    case 'pattern':
      return () => (f.type === 'text' && f.pattern ? messages.pattern(f, f.pattern.hint) : `${q(f.label)}格式不正确`);
    case 'min':
      if (f.type === 'money') return () => messages.moneyNegative(f);
      return () => messages.min(f, 'min' in f && f.min !== undefined ? f.min : 0);
    case 'max':
      if (f.type === 'money') return () => messages.max(f, maxSafeMoney);
      return () => messages.max(f, 'max' in f && f.max !== undefined ? f.max : 0);
    case 'options':
      return (values) => {
        if (f.type !== 'enum' && f.type !== 'enum-set') return `${q(f.label)}的值无效`;
        const v = values[f.key];
        const bad = Array.isArray(v) ? v.find((x) => !f.options.some((o) => o.value === x)) : v;
        return messages.notOption(f, bad ?? '');
      };
  }
}

const cache = new WeakMap<RecordKind, Map<string, ConstraintInfo>>();

export function constraintIndex(kind: RecordKind): Map<string, ConstraintInfo> {
  const hit = cache.get(kind);
  if (hit) return hit;
  // Same order as kindChecks (field by field, then rules), so names zip with their origins.
  const origins: (ConstraintInfo | undefined)[] = [];
  for (const f of kind.fields) {
    const col = columnName(f.key);
    for (const check of fieldChecks(kind.id, f)) {
      const rule = fieldRules.find((r) => check.name === pgName(kind.id, col, r));
      origins.push(rule ? { key: f.key, message: fieldRuleMessage(f, rule) } : undefined);
    }
  }
  for (const r of kind.rules ?? []) {
    ruleCheck(kind.id, kind, r); // validates the rule's keys as the generator does
    switch (r.type) {
      case 'order': {
        const [earlier, later] = [getField(kind, r.earlier), getField(kind, r.later)];
        origins.push({ key: later.key, message: () => messages.order(earlier, later) });
        break;
      }
      case 'required-when': {
        const [field, when] = [getField(kind, r.field), getField(kind, r.when.field)];
        const values = r.when.in.map((v) => `“${optionLabel(when, String(v))}”`).join('或');
        origins.push({ key: field.key, message: () => messages.requiredWhen(field, when, values) });
        break;
      }
      case 'at-most': {
        const [field, limit] = [getField(kind, r.field), getField(kind, r.limit)];
        origins.push({ key: field.key, message: () => messages.atMost(field, limit) });
        break;
      }
    }
  }
  const index = new Map<string, ConstraintInfo>();
  kindChecks(kind).forEach((check, i) => {
    const origin = origins[i];
    if (origin) index.set(check.name, origin);
  });
  cache.set(kind, index);
  return index;
}
