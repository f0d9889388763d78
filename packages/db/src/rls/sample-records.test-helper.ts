import { columnName, type FieldDef, type RecordKind } from '@fazhi/domain';

/**
 * A valid value for every field of a kind (optional ones too, so every `required-when` rule holds
 * whatever the first enum option is; equal dates and numbers satisfy every order and at-most rule).
 * Personal text looks like what it is, so masking can be checked.
 */
export function sampleValue(f: FieldDef, refs: (target: string) => string): unknown {
  switch (f.type) {
    case 'text':
    case 'longtext': {
      if (!f.personal) return `${f.label}示例`.slice(0, f.type === 'text' ? (f.maxLength ?? 200) : 5000);
      if (/IdNumber/.test(f.key)) return '440115199001011231';
      if (/Phone/.test(f.key)) return '13812345678';
      return '张三丰';
    }
    case 'integer':
    case 'decimal':
      return Math.min(Math.max(1, f.min ?? 1), f.max ?? Number.MAX_SAFE_INTEGER);
    case 'money':
      return 150000;
    case 'date':
      return '2024-03-05';
    case 'datetime':
      return '2024-03-05T09:30:00+08:00';
    case 'boolean':
      return true;
    case 'enum':
      return f.options[0]!.value;
    case 'enum-set':
      return [f.options[0]!.value];
    case 'ref':
      return refs(f.target);
  }
}

let samples = 0;

/** Column names and values of a sample record, ready for a parameterised insert. */
export function sampleColumns(kind: RecordKind, refs: (target: string) => string): { columns: string[]; values: unknown[] } {
  const columns = kind.fields.map((f) => columnName(f.key));
  // Business keys are unique per street: every sample gets a number of its own.
  const values = kind.fields.map((f) => (f.key === kind.businessKey ? `${f.label}示例-${++samples}` : sampleValue(f, refs)));
  return { columns, values };
}

export function insertSql(table: string, columns: readonly string[], extra: Record<string, unknown> = {}): { sql: string; extraValues: unknown[] } {
  const all = [...Object.keys(extra), ...columns];
  const placeholders = all.map((_, i) => `$${i + 1}`);
  return {
    sql: `insert into public.${table} (${all.map((c) => `"${c}"`).join(', ')}) values (${placeholders.join(', ')})`,
    extraValues: Object.values(extra),
  };
}
