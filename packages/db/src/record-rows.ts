import { createHash } from 'node:crypto';
import { columnName, type AnyRecord, type FieldDef, type RecordKind } from '@fazhi/domain';

/**
 * The mapping between @fazhi/domain records and rows of their tables (docs/database.md, "Naming"):
 * table = kind id, column = `columnName(field key)`, plus `id`, `org_id`, `deleted_at`.
 */

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The uuid a dataset id is stored under: the id itself when it is a uuid (as generated datasets
 * use), else a name-based uuid (version 5 layout over SHA-1), so small hand-written datasets with
 * ids like `s1` load too and load the same way every time.
 */
export function uuidFor(id: string): string {
  if (uuidPattern.test(id)) return id.toLowerCase();
  const h = createHash('sha1').update(`fazhi:${id}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Columns written for a record, in table order: `id`, `org_id`, the kind's fields, `deleted_at`. */
export function recordColumns(kind: RecordKind): string[] {
  return ['id', 'org_id', ...kind.fields.map((f) => columnName(f.key)), 'deleted_at'];
}

/** Column → value of one record, ready for SQL (money stays integer fen, enum-sets arrays). */
export function recordRow(kind: RecordKind, rec: AnyRecord): Record<string, unknown> {
  const row: Record<string, unknown> = { id: uuidFor(rec.id), org_id: uuidFor(rec.orgId) };
  for (const f of kind.fields) {
    const v = rec[f.key] ?? null;
    row[columnName(f.key)] = f.type === 'ref' && typeof v === 'string' ? uuidFor(v) : v;
  }
  row.deleted_at = rec.deletedAt ?? null;
  return row;
}

function fieldValue(f: FieldDef, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (f.type) {
    case 'integer':
    case 'money':
    case 'decimal':
      // numeric arrives as exact text; records hold numbers (decimal fields have a few places).
      return typeof v === 'number' ? v : Number(v);
    default:
      return v;
  }
}

/** A row read with `select id, org_id, <columns>, deleted_at` back into a record. */
export function recordFromRow(kind: RecordKind, row: Record<string, unknown>): AnyRecord {
  const rec: AnyRecord = { id: row.id as string, orgId: row.org_id as string, deletedAt: (row.deleted_at as string | null) ?? null };
  for (const f of kind.fields) rec[f.key] = fieldValue(f, row[columnName(f.key)]);
  return rec;
}

/**
 * Kinds ordered so that a kind comes after the kinds its `ref` fields point to (officer trainings
 * after officers), which is the order their rows can be inserted in.
 */
export function insertOrder(kinds: readonly RecordKind[]): RecordKind[] {
  const byId = new Map(kinds.map((k) => [k.id, k]));
  const out: RecordKind[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (k: RecordKind) => {
    if (state.get(k.id) === 'done' || state.get(k.id) === 'visiting') return;
    state.set(k.id, 'visiting');
    for (const f of k.fields) if (f.type === 'ref' && f.target !== k.id && byId.has(f.target)) visit(byId.get(f.target)!);
    state.set(k.id, 'done');
    out.push(k);
  };
  kinds.forEach(visit);
  return out;
}
