import { columnName, type FieldDef, type RecordKind, type RecordKindRegistry } from '@fazhi/domain';
import { leadingColumns, trackingColumns, viewName } from './record-access.js';
import { columnType } from './record-columns.js';
import { ident, literal, pgName } from './sql-text.js';

/**
 * `supabase/migrations/*_personal_fields.sql`: replaces the owner's-rights views of the records
 * migration. Each `<kind>_view` becomes `security_invoker` (RLS on the table decides which rows
 * exist for the caller), and its personal columns come from `private.<kind>_personal(id, column)`,
 * a security definer function that reads the one row and returns the value as it is, masked, or
 * nothing, by the caller's own rights for that row's org (`private.personal_visibility`). A
 * trigger on the table refuses to store a masked value over the real one. Deterministic.
 */
export function personalFieldsMigrationSql(registry: RecordKindRegistry): string {
  const blocks = registry.list().map((k) =>
    [`-- ${k.id}: ${k.label} ${'-'.repeat(Math.max(4, 90 - k.id.length - k.label.length * 2))}`, ...personalKindParts(k)].join('\n\n'),
  );
  return [header(), ...blocks].join('\n\n') + '\n';
}

function header(): string {
  return [
    '-- generated — do not edit.',
    '-- Source: the record kinds of @fazhi/domain (their personal fields).',
    '-- Regenerate with `pnpm --filter @fazhi/db generate`; a test fails when this file is stale.',
    '-- Per kind: the personal-value function, the security_invoker view, the masked-write guard.',
  ].join('\n');
}

/**
 * One kind's part, on top of its table: the personal-value function (when it has personal fields),
 * the `security_invoker` view, the masked-write guard (when it has personal text).
 */
export function personalKindParts(k: RecordKind): string[] {
  const personal = personalFields(k);
  return [
    ...(personal.length ? [personalValueFunctionSql(k, personal)] : []),
    viewSql(k),
    ...(personal.some(isText) ? [maskedWriteTriggerSql(k, personal.filter(isText))] : []),
  ];
}

export const maskedWriteTriggerName = (k: RecordKind) => pgName(k.id, 'refuse_masked_write');

const personalFields = (k: RecordKind): FieldDef[] => k.fields.filter((f) => f.personal);

/** Masking keeps a hint of text (张**); any other personal value is withheld entirely. */
const isText = (f: FieldDef) => f.type === 'text' || f.type === 'longtext';

export const personalValueFunction = (k: RecordKind) => `private.${ident(pgName(k.id, 'personal'))}`;

function personalValueFunctionSql(k: RecordKind, personal: readonly FieldDef[]): string {
  const fn = personalValueFunction(k);
  const cases = (value: (f: FieldDef, c: string) => string | undefined) =>
    personal.flatMap((f) => {
      const c = ident(columnName(f.key));
      const v = value(f, c);
      return v === undefined ? [] : [`when ${literal(columnName(f.key))} then ${v}`];
    });
  const clear = cases((f, c) => (isText(f) ? `t.${c}` : `t.${c}::text`));
  const masked = cases((f, c) => (isText(f) ? `private.mask(t.${c})` : undefined));
  return [
    `-- Personal column \`p_column\` of one row, as the caller may see it (null when they may not read the row).`,
    `create or replace function ${fn}(p_id uuid, p_column text) returns text`,
    `language sql stable security definer set search_path = ''`,
    `as $$`,
    `  select case private.personal_visibility(t.org_id, ${literal(k.area)})`,
    `    when true then case p_column ${clear.join(' ')} end`,
    `    when false then ${masked.length ? `case p_column ${masked.join(' ')} end` : 'null'}`,
    `  end`,
    `  from public.${ident(k.id)} t`,
    `  where t.id = p_id`,
    `$$;`,
    `revoke all on function ${fn}(uuid, text) from public;`,
    `grant execute on function ${fn}(uuid, text) to authenticated, service_role;`,
  ].join('\n');
}

function viewSql(k: RecordKind): string {
  const fn = personalValueFunction(k);
  const cols = [
    ...leadingColumns.map((c) => `t.${c}`),
    ...k.fields.map((f) => {
      const c = ident(columnName(f.key));
      if (!f.personal) return `t.${c}`;
      const value = `${fn}(t.id, ${literal(columnName(f.key))})`;
      return `${isText(f) ? value : `${value}::${columnType(f)}`} as ${c}`;
    }),
    ...trackingColumns.map((c) => `t.${c}`),
  ];
  return [
    `-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.`,
    `create or replace view public.${ident(viewName(k))} with (security_invoker = true) as`,
    `select`,
    cols.map((c) => `  ${c}`).join(',\n'),
    `from public.${ident(k.id)} t;`,
  ].join('\n');
}

/** Only text is masked into something that could be saved back; other personal values read as null. */
function maskedWriteTriggerSql(k: RecordKind, texts: readonly FieldDef[]): string {
  const changed = texts.map((f) => `new.${ident(columnName(f.key))} is distinct from old.${ident(columnName(f.key))}`).join(' or ');
  const args = texts.map((f) => `${literal(columnName(f.key))}, ${literal(f.label)}`).join(', ');
  return [
    `create trigger ${maskedWriteTriggerName(k)} before update on public.${ident(k.id)}`,
    `  for each row when (${changed})`,
    `  execute function private.refuse_masked_write(${args});`,
  ].join('\n');
}
