import {
  columnName,
  defaultLongTextMaxLength,
  defaultTextMaxLength,
  getField,
  type FieldDef,
  type RecordKind,
  type RecordRule,
} from '@fazhi/domain';
import { ident, literal, pgName, scalarLiteral } from './sql-text.js';

/**
 * How each field of a record kind becomes a column and CHECK constraints: one rule of the zod
 * schema, one named constraint, so a 23514 error names the field and the rule it broke
 * (`<table>_<column>_<rule>`), and a client can turn it into the Chinese message for that rule.
 */

/** Largest integer a JS number holds exactly; money in fen beyond it cannot round-trip. */
export const maxSafeMoney = 9007199254740991;

/** The SQL type of a field's column (`ref` columns are uuids; their FK is added separately). */
export function columnType(f: FieldDef): string {
  switch (f.type) {
    case 'text':
    case 'longtext':
      return 'text';
    case 'integer':
      return 'integer';
    case 'decimal':
      return `numeric(14, ${f.scale})`;
    case 'money':
      return 'bigint';
    case 'date':
      return 'date';
    case 'datetime':
      return 'timestamptz';
    case 'boolean':
      return 'boolean';
    case 'enum':
      return 'text';
    case 'enum-set':
      return 'text[]';
    case 'ref':
      return 'uuid';
  }
}

export interface Check {
  name: string;
  expression: string;
}

/** The CHECK constraints of one field (not-null is on the column itself). */
export function fieldChecks(table: string, f: FieldDef): Check[] {
  const col = columnName(f.key);
  const c = ident(col);
  const check = (rule: string, expression: string): Check => ({ name: pgName(table, col, rule), expression });
  const out: Check[] = [];
  switch (f.type) {
    case 'text':
    case 'longtext': {
      // zod trims text and turns blank optional text into null: blank is never a stored value.
      out.push(check('not_blank', `${c} ~ '\\S'`));
      const max = f.maxLength ?? (f.type === 'text' ? defaultTextMaxLength : defaultLongTextMaxLength);
      out.push(check('max_length', `char_length(${c}) <= ${max}`));
      if (f.type === 'text' && f.pattern) out.push(check('pattern', `${c} ~ ${literal(f.pattern.regex)}`));
      break;
    }
    case 'integer':
    case 'decimal':
      if (f.min !== undefined) out.push(check('min', `${c} >= ${scalarLiteral(f.min)}`));
      if (f.max !== undefined) out.push(check('max', `${c} <= ${scalarLiteral(f.max)}`));
      break;
    case 'money':
      out.push(check('min', `${c} >= 0`));
      out.push(check('max', `${c} <= ${maxSafeMoney}`));
      break;
    case 'enum':
      out.push(check('options', `${c} in (${f.options.map((o) => literal(o.value)).join(', ')})`));
      break;
    case 'enum-set':
      out.push(check('options', `${c} <@ array[${f.options.map((o) => literal(o.value)).join(', ')}]::text[]`));
      if (f.required) out.push(check('not_empty', `cardinality(${c}) > 0`));
      break;
    default:
      break;
  }
  return out;
}

/** The named CHECK constraint of one cross-field rule. NULLs pass, as in `checkRule`. */
export function ruleCheck(table: string, kind: RecordKind, rule: RecordRule): Check {
  const col = (key: string) => {
    getField(kind, key);
    return columnName(key);
  };
  switch (rule.type) {
    case 'order': {
      const [earlier, later] = [col(rule.earlier), col(rule.later)];
      return { name: pgName(table, later, 'not_before', earlier), expression: `${ident(later)} >= ${ident(earlier)}` };
    }
    case 'required-when': {
      const [field, when] = [col(rule.field), col(rule.when.field)];
      const values = rule.when.in.map(scalarLiteral).join(', ');
      return {
        name: pgName(table, field, 'required_when', when),
        expression: `${ident(field)} is not null or ${ident(when)} is null or ${ident(when)} not in (${values})`,
      };
    }
    case 'at-most': {
      const [field, limit] = [col(rule.field), col(rule.limit)];
      return { name: pgName(table, field, 'at_most', limit), expression: `${ident(field)} <= ${ident(limit)}` };
    }
  }
}

/** Every CHECK of a kind, field by field then rule by rule, names made unique. */
export function kindChecks(kind: RecordKind): Check[] {
  const all = [...kind.fields.flatMap((f) => fieldChecks(kind.id, f)), ...(kind.rules ?? []).map((r) => ruleCheck(kind.id, kind, r))];
  const seen = new Map<string, number>();
  return all.map((c) => {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    return n === 1 ? c : { ...c, name: pgName(c.name, String(n)) };
  });
}
