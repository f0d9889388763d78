import { columnName, type AnyRecord, type OrgUnit, type RecordKind, type RecordKindRegistry } from '@fazhi/domain';
import type { SqlExecutor } from './client.js';
import { columnType } from './generate/record-columns.js';
import { ident } from './generate/sql-text.js';

/**
 * Bare record tables (columns only: no NOT NULL, CHECK, RLS or triggers) so the probe data can put
 * nulls and odd values anywhere the in-memory evaluator could meet them. Needs the base migration
 * (org_units, private.subtree_ids) applied first.
 */
export function bareRecordTablesSql(registry: RecordKindRegistry): string {
  return registry
    .list()
    .map((k) => {
      const cols = k.fields.map((f) => `${ident(columnName(f.key))} ${columnType(f)}`);
      return `drop table if exists public.${ident(k.id)} cascade;\ncreate table public.${ident(k.id)} (id uuid primary key, org_id uuid not null, ${cols.join(', ')}, deleted_at timestamptz);`;
    })
    .join('\n');
}

export async function insertOrgs(db: SqlExecutor, units: readonly OrgUnit[]): Promise<void> {
  // Parents first, for the parent foreign key.
  const depth = (u: OrgUnit): number => (u.parentId ? 1 + depth(units.find((p) => p.id === u.parentId)!) : 0);
  const rows = [...units].sort((a, b) => depth(a) - depth(b)).map((u) => ({ id: u.id, parent_id: u.parentId, kind: u.kind, code: u.id, name: u.name, short_name: u.shortName ?? null }));
  await db.query(
    `insert into public.org_units (id, parent_id, kind, code, name, short_name)
     select id, parent_id, kind, code, name, short_name from json_populate_recordset(null::public.org_units, $1::json)`,
    [JSON.stringify(rows)],
  );
}

/** Records as JSON rows keyed by column: dates, +08:00 date-times and arrays convert on the server. */
export function recordRow(kind: RecordKind, r: AnyRecord): Record<string, unknown> {
  const row: Record<string, unknown> = { id: r.id, org_id: r.orgId, deleted_at: r.deletedAt ?? null };
  for (const f of kind.fields) row[columnName(f.key)] = r[f.key] ?? null;
  return row;
}

export async function insertRecords(db: SqlExecutor, kind: RecordKind, records: readonly AnyRecord[], batch = 2000): Promise<void> {
  const cols = ['id', 'org_id', 'deleted_at', ...kind.fields.map((f) => columnName(f.key))].map(ident).join(', ');
  const table = `public.${ident(kind.id)}`;
  for (let i = 0; i < records.length; i += batch) {
    const rows = records.slice(i, i + batch).map((r) => recordRow(kind, r));
    await db.query(`insert into ${table} (${cols}) select ${cols} from json_populate_recordset(null::${table}, $1::json)`, [JSON.stringify(rows)]);
  }
}

