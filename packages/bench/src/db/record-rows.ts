import { columnName, type AnyRecord, type OrgUnit, type RecordKind } from '@fazhi/domain';

/** The columns a bulk load writes, in order: the base columns, then the kind's fields. */
export function loadColumns(kind: RecordKind): string[] {
  return ['id', 'org_id', 'deleted_at', ...kind.fields.map((f) => columnName(f.key))];
}

function values(kind: RecordKind, r: AnyRecord): unknown[] {
  return [r.id, r.orgId, r.deletedAt ?? null, ...kind.fields.map((f) => r[f.key] ?? null)];
}

const csvText = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** One value as a CSV field for `copy … (format csv)`: unquoted empty is null, arrays as `{…}`. */
function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return csvText(`{${v.map((x) => `"${String(x).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  return csvText(String(v));
}

export function recordsCsv(kind: RecordKind, records: readonly AnyRecord[]): string {
  let out = '';
  for (const r of records) out += `${values(kind, r).map(csvField).join(',')}\n`;
  return out;
}

/** A record as a JSON object keyed by column, for `json_populate_recordset`. */
export function recordJson(kind: RecordKind, r: AnyRecord): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const vs = values(kind, r);
  loadColumns(kind).forEach((c, i) => (row[c] = vs[i]));
  return row;
}

/** Parents before children, for the org_units parent foreign key. */
export function orgRows(units: readonly OrgUnit[]): Record<string, unknown>[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const depth = (u: OrgUnit): number => (u.parentId ? 1 + depth(byId.get(u.parentId)!) : 0);
  return [...units]
    .sort((a, b) => depth(a) - depth(b))
    .map((u) => ({ id: u.id, parent_id: u.parentId, kind: u.kind, code: u.id, name: u.name, short_name: u.shortName ?? null }));
}
