import { columnName, type FieldDef, type RecordKind, type RecordKindRegistry } from '@fazhi/domain';
import { builtInCatalog, type Catalog } from '@fazhi/metrics';
import { policiesSql, privilegesSql, triggersSql, viewSql } from './record-access.js';
import { columnType, kindChecks } from './record-columns.js';
import { kindIndexes, type IndexSpec } from './record-indexes.js';
import { ident, literal, pgName } from './sql-text.js';

/**
 * `supabase/migrations/*_records.sql`: one table per record kind with its masked view, privileges,
 * policies, triggers and indexes, all derived from the domain registry (and, for indexes, from the
 * measures of the metrics catalog). Deterministic: registry order, no timestamps.
 */
export function recordsMigrationSql(registry: RecordKindRegistry, catalog: Catalog = builtInCatalog): string {
  const kinds = registry.list();
  const known = new Set(kinds.map((k) => k.id));
  for (const k of kinds) {
    for (const f of k.fields) {
      if (f.type === 'ref' && !known.has(f.target)) {
        throw new Error(`记录类型“${k.label}”（${k.id}）的字段“${f.label}”引用了未注册的记录类型“${f.target}”`);
      }
    }
  }
  const created = new Set<string>();
  const forwardRefs: string[] = [];
  const blocks = kinds.map((k) => {
    created.add(k.id);
    const table = tableSql(k, created, forwardRefs);
    return [
      `-- ${k.id}: ${k.label}（${k.area}） ${'-'.repeat(Math.max(4, 80 - k.id.length - k.area.length))}`,
      table,
      viewSql(k),
      privilegesSql(k),
      policiesSql(k),
      triggersSql(k),
      indexesSql(k, catalog),
    ].join('\n\n');
  });
  return [
    header(),
    recordKindsSql(kinds),
    ...blocks,
    ...(forwardRefs.length ? [`-- References to kinds declared further down ${'-'.repeat(52)}\n${forwardRefs.join('\n')}`] : []),
  ].join('\n\n') + '\n';
}

function header(): string {
  return [
    '-- generated — do not edit.',
    '-- Source: the record kinds of @fazhi/domain (and the measures of @fazhi/metrics for indexes).',
    '-- Regenerate with `pnpm --filter @fazhi/db generate`; a test fails when this file is stale.',
    '-- Layout per kind: table, masked view, privileges, row-level security, triggers, indexes.',
  ].join('\n');
}

/** Fills private.record_kinds, which the storage policies use to find a kind's area. */
export function recordKindsSql(kinds: readonly RecordKind[]): string {
  const rows = kinds.map((k) => `  (${literal(k.id)}, ${literal(k.area)}, ${literal(k.label)})`);
  return [
    'insert into private.record_kinds (kind_id, area, label) values',
    rows.join(',\n'),
    'on conflict (kind_id) do update set area = excluded.area, label = excluded.label;',
  ].join('\n');
}

/**
 * `create table` of one kind. A reference to a kind not in `created` yet is left out and its
 * constraint pushed to `forwardRefs`, to be added once every table exists.
 */
export function tableSql(k: RecordKind, created: ReadonlySet<string>, forwardRefs: string[]): string {
  const lines: string[] = [
    'id uuid primary key default gen_random_uuid()',
    'org_id uuid not null references public.org_units (id)',
  ];
  const comments = new Map<number, string>();
  for (const f of k.fields) {
    comments.set(lines.length, `${f.label}${f.personal ? '（个人信息）' : ''}`);
    lines.push(columnSql(k, f, created, forwardRefs));
  }
  lines.push(
    'version integer not null default 1',
    'created_at timestamptz not null default now()',
    'created_by uuid',
    'updated_at timestamptz not null default now()',
    'updated_by uuid',
    'deleted_at timestamptz',
    'deleted_by uuid',
  );
  for (const c of kindChecks(k)) lines.push(`constraint ${c.name} check (${c.expression})`);
  const body = lines.map((l, i) => `  ${l}${i < lines.length - 1 ? ',' : ''}${comments.has(i) ? ` -- ${comments.get(i)}` : ''}`);
  return [`create table public.${ident(k.id)} (`, ...body, ');', `comment on table public.${ident(k.id)} is ${literal(k.label)};`].join('\n');
}

/** One field's column definition, as in `create table` and `alter table … add column`. */
export function columnSql(k: RecordKind, f: FieldDef, created: ReadonlySet<string>, forwardRefs: string[]): string {
  const col = columnName(f.key);
  let line = `${ident(col)} ${columnType(f)}${f.required ? ' not null' : ''}`;
  if (f.type === 'ref') {
    const name = pgName(k.id, col, 'fkey');
    const target = `public.${ident(f.target)} (id)`;
    if (created.has(f.target)) line += ` constraint ${name} references ${target}`;
    else forwardRefs.push(`alter table public.${ident(k.id)} add constraint ${name} foreign key (${ident(col)}) references ${target};`);
  }
  return line;
}

export function indexSql(k: RecordKind, i: IndexSpec): string {
  return `create index ${i.name} on public.${ident(k.id)} (${i.columns.map(ident).join(', ')}); -- ${i.reason}`;
}

function indexesSql(k: RecordKind, catalog: Catalog): string {
  return kindIndexes(k, catalog)
    .map((i) => indexSql(k, i))
    .join('\n');
}
