import { badRequest } from './http-error.js';
import type { ColumnInfo, KindTable } from './kind-table.js';
import { toWriteParam } from './values.js';

/**
 * The columns a create or update may set, from a form's variables. Read-only system keys a form
 * echoes back (version, createdAt …) are skipped, unknown keys are refused, and every value is
 * checked; all problems are reported together, keyed by field.
 */
export interface WriteValue {
  column: ColumnInfo;
  value: unknown;
}

const echoed = new Set(['version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deletedAt', 'deletedBy']);

export function writeValues(t: KindTable, variables: unknown, op: 'create' | 'update'): WriteValue[] {
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) throw badRequest('提交的数据应为一条记录');
  const out: WriteValue[] = [];
  // A Map: a key like `__proto__` from a request body must be reported, not become a prototype.
  const errors = new Map<string, string[]>();
  for (const [key, raw] of Object.entries(variables)) {
    if (raw === undefined || echoed.has(key)) continue;
    if (key === 'id' && op === 'update') continue;
    const column = t.columns.get(key);
    if (!column || (!column.writable && key !== 'id')) {
      errors.set(key, [`「${t.kind.label}」没有可填写的字段“${key}”`]);
      continue;
    }
    try {
      out.push({ column, value: toWriteParam(column, raw) });
    } catch (e) {
      const fieldErrors = (e as { errors?: Record<string, string[]> }).errors;
      if (!fieldErrors) throw e;
      for (const [k, v] of Object.entries(fieldErrors)) errors.set(k, v);
    }
  }
  const messages = [...errors.values()].flat();
  if (messages.length) throw badRequest(messages.join('；'), Object.fromEntries(errors));
  return out;
}
