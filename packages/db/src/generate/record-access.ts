import { columnName, type RecordKind } from '@fazhi/domain';
import { columnType } from './record-columns.js';
import { ident, literal, pgName, policyName, wrapList } from './sql-text.js';

/**
 * Who may touch a record table and how: the masked read view, column privileges, and the four
 * policies. Everything keys on the kind's work area through the `private.*_org_ids(area)` helpers.
 */

/** Columns every record table has before its fields… */
export const leadingColumns = ['id', 'org_id'] as const;
/** …and after them. */
export const trackingColumns = ['version', 'created_at', 'created_by', 'updated_at', 'updated_by', 'deleted_at', 'deleted_by'] as const;

export const viewName = (kind: RecordKind) => `${kind.id}_view`;

const orgIn = (helper: string, area: string) => `org_id = any ((select private.${helper}(${literal(area)}))::uuid[])`;

/** `public.<kind>_view`: every column, personal ones masked unless the reader holds the right. */
export function viewSql(kind: RecordKind): string {
  const t = ident(kind.id);
  const area = literal(kind.area);
  const cols = [
    ...leadingColumns.map((c) => `t.${c}`),
    ...kind.fields.map((f) => {
      const c = ident(columnName(f.key));
      if (!f.personal) return `t.${c}`;
      const masked = f.type === 'text' || f.type === 'longtext' ? `private.mask(t.${c})` : `null::${columnType(f)}`;
      return `case when t.org_id = any ((select private.personal_org_ids(${area}))::uuid[]) then t.${c} else ${masked} end as ${c}`;
    }),
    ...trackingColumns.map((c) => `t.${c}`),
  ];
  return [
    `-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.`,
    `create view public.${ident(viewName(kind))} with (security_barrier) as`,
    `select`,
    cols.map((c) => `  ${c}`).join(',\n'),
    `from public.${t} t`,
    `where t.${orgIn('readable_org_ids', kind.area)};`,
  ].join('\n');
}

/** Column privileges: personal columns are readable only through the view. */
export function privilegesSql(kind: RecordKind): string {
  const t = `public.${ident(kind.id)}`;
  const v = `public.${ident(viewName(kind))}`;
  const fieldCols = kind.fields.map((f) => ident(columnName(f.key)));
  const readable = [...leadingColumns, ...kind.fields.filter((f) => !f.personal).map((f) => ident(columnName(f.key))), ...trackingColumns];
  // id is insertable so imports and uploads can name a record before it exists; never updatable.
  const insertable = ['id', 'org_id', ...fieldCols, 'version', 'deleted_at'];
  const updatable = ['org_id', ...fieldCols, 'version', 'deleted_at'];
  return [
    `revoke all on ${t}, ${v} from anon, authenticated;`,
    `grant select (\n${wrapList(readable, '  ')}\n) on ${t} to authenticated;`,
    `grant insert (\n${wrapList(insertable, '  ')}\n) on ${t} to authenticated;`,
    `grant update (\n${wrapList(updatable, '  ')}\n) on ${t} to authenticated;`,
    `grant delete on ${t} to authenticated;`,
    `grant select on ${v} to authenticated;`,
  ].join('\n');
}

export interface PolicySpec {
  name: string;
  command: 'select' | 'insert' | 'update' | 'delete';
}

export function policySpecs(kind: RecordKind): PolicySpec[] {
  return [
    { name: policyName(`Members can read ${kind.id} of their orgs`), command: 'select' },
    { name: policyName(`Writers can add ${kind.id} to their orgs`), command: 'insert' },
    { name: policyName(`Writers can change ${kind.id} of their orgs`), command: 'update' },
    { name: policyName(`Nobody hard-deletes ${kind.id}`), command: 'delete' },
  ];
}

export function policiesSql(kind: RecordKind): string {
  const t = `public.${ident(kind.id)}`;
  const [read, add, change, remove] = policySpecs(kind).map((p) => ident(p.name));
  const readable = orgIn('readable_org_ids', kind.area);
  const writable = orgIn('writable_org_ids', kind.area);
  return [
    `alter table ${t} enable row level security;`,
    `create policy ${read} on ${t}\n  for select to authenticated\n  using (${readable});`,
    `create policy ${add} on ${t}\n  for insert to authenticated\n  with check (${writable});`,
    `create policy ${change} on ${t}\n  for update to authenticated\n  using (${writable})\n  with check (${writable});`,
    `-- Deleting is setting deleted_at (an update), which an admin can undo.`,
    `create policy ${remove} on ${t}\n  for delete to authenticated\n  using (false);`,
  ].join('\n');
}

export function triggersSql(kind: RecordKind): string {
  const t = `public.${ident(kind.id)}`;
  return [
    `create trigger ${pgName(kind.id, 'stamp_insert')} before insert on ${t}\n  for each row execute function private.stamp_insert();`,
    `create trigger ${pgName(kind.id, 'stamp_update')} before update on ${t}\n  for each row execute function private.stamp_update();`,
    `create trigger ${pgName(kind.id, 'audit')} after insert or update or delete on ${t}\n  for each row execute function private.audit('org_id');`,
  ].join('\n');
}
