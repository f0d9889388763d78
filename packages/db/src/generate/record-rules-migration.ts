import {
  columnName,
  getField,
  idNumberReasons,
  landlinePattern,
  maxShownPiece,
  messages,
  mobilePattern,
  phoneReason,
  pieceSeparator,
  provinceCodes,
  type FieldDef,
  type RecordKind,
  type RecordKindRegistry,
} from '@fazhi/domain';
import { ident, literal, pgName } from './sql-text.js';

/**
 * `supabase/migrations/*_record_rules.sql`: the rules a CHECK constraint cannot state, generated
 * from the record kinds' declarations (`notFuture` dates, text `format`s, `businessKey`s):
 *
 * - per kind, a `<kind>_validate_values` trigger refusing dates after today (Shanghai) and malformed
 *   ID and phone numbers, with the zod schema's Chinese message (SQLSTATE 23514);
 * - per kind with a business key, a `<kind>_unique_<column>` trigger keeping the key unique among
 *   the street's live records (SQLSTATE 23505), and `public.duplicate_business_keys(org)` listing
 *   duplicates stored before the rule existed.
 *
 * Triggers check only what a statement writes, so rows stored earlier never make this migration
 * (or a later update of other columns) fail. PostgreSQL fires a table's triggers for one event in
 * name order: `<kind>_refuse_masked_write` runs before `<kind>_validate_values`, so a clerk who
 * saves a masked phone number (138****5678) is told to retype it (PT422), not that it is malformed.
 */
export function recordRulesMigrationSql(registry: RecordKindRegistry): string {
  const kinds = registry.list();
  return [header(), helpersSql(), ...kindRulesBlocks(kinds, 'released'), duplicatesSql(kinds)].join('\n\n') + '\n';
}

/**
 * The triggers of some kinds alone, on top of a schema that has the helpers (the test harness adds
 * them for kinds a plugin declares itself; `duplicate_business_keys` does not list those).
 */
export function kindRulesSql(kinds: readonly RecordKind[]): string {
  return kindRulesBlocks(kinds, 'current').join('\n\n');
}

/**
 * Drops what `kindRulesSql([k])` creates for `k` (if present), so a changed kind's rules can be
 * created again from its new declaration.
 */
export function dropKindRulesSql(k: RecordKind): string {
  const t = `public.${ident(k.id)}`;
  const out = [`drop trigger if exists ${pgName(k.id, 'validate_values')} on ${t};`, `drop function if exists private.${pgName(k.id, 'validate_values')}();`];
  if (k.businessKey) {
    const col = columnName(getField(k, k.businessKey).key);
    const name = pgName(k.id, 'unique', col);
    out.push(
      `drop trigger if exists ${name} on ${t};`,
      `drop trigger if exists ${pgName(k.id, 'unique', col, 'update')} on ${t};`,
      `drop function if exists private.${name}();`,
      `drop index if exists public.${pgName(k.id, col, 'live_idx')};`,
    );
  }
  return out.join('\n');
}

/**
 * `released`: the business-key check as the released record-rules file has it (a row trigger; its
 * drift test keeps that file byte-identical); `current`: the per-statement check every later
 * migration creates (`businessKeyCheckSql`).
 */
function kindRulesBlocks(kinds: readonly RecordKind[], keyCheck: 'released' | 'current'): string[] {
  return kinds.flatMap((k) => {
    const key = keyCheck === 'released' ? businessKeySql(k) : k.businessKey ? `${businessKeyIndexSql(k)}\n${businessKeyCheckSql(k)}` : null;
    const parts = [checkValuesSql(k), key].filter((p): p is string => p !== null);
    return parts.length ? [`-- ${k.id}: ${k.label} ${'-'.repeat(Math.max(4, 90 - k.id.length - k.label.length * 2))}\n${parts.join('\n\n')}`] : [];
  });
}

function header(): string {
  return [
    '-- generated — do not edit.',
    '-- Source: the record kinds of @fazhi/domain (notFuture, format, businessKey).',
    '-- Regenerate with `pnpm --filter @fazhi/db generate`; a test fails when this file is stale.',
  ].join('\n');
}

/** A `format()` template of a domain message: the arguments become %1$s, %2$s… */
function template(build: (...args: string[]) => string, arity: number): string {
  const tokens = Array.from({ length: arity }, (_, i) => `\u0000${i}\u0000`);
  let text = build(...tokens).replace(/%/g, '%%');
  tokens.forEach((t, i) => (text = text.replace(t, `%${i + 1}$s`)));
  return literal(text);
}

const shanghaiToday = `(now() at time zone 'Asia/Shanghai')::date`;

function helpersSql(): string {
  const r = idNumberReasons;
  return `-- Shared checks -----------------------------------------------------------------------------
-- The reason an ID number (GB 11643-1999) is invalid as of \`today\`, or null: the same checks in
-- the same order as idNumberProblem in @fazhi/domain, with its messages.
create function private.id_number_problem(piece text, allow_legacy boolean, today date) returns text
language plpgsql immutable set search_path = ''
as $$
declare
  birth text;
  y integer;
  m integer;
  d integer;
  total integer := 0;
  weights constant integer[] := array[7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
begin
  if piece ~ '^[0-9]{17}[0-9X]$' then
    birth := substr(piece, 7, 8);
  elsif allow_legacy and piece ~ '^[0-9]{15}$' then
    birth := '19' || substr(piece, 7, 6);
  else
    return case when allow_legacy then ${literal(r.shapeOrLegacy)} else ${literal(r.shape)} end;
  end if;
  if left(piece, 2) <> all (array[${provinceCodes.map(literal).join(', ')}]) then
    return ${literal(r.region)};
  end if;
  y := substr(birth, 1, 4)::integer;
  m := substr(birth, 5, 2)::integer;
  d := substr(birth, 7, 2)::integer;
  if y < 1900 then
    return ${literal(r.birthTooEarly)};
  end if;
  if m not between 1 and 12 or d < 1 or d > extract(day from make_date(y, m, 1) + interval '1 month' - interval '1 day') then
    return ${literal(r.birthDate)};
  end if;
  if make_date(y, m, d) > today then
    return ${literal(r.birthInFuture)};
  end if;
  if char_length(piece) = 18 then
    for i in 1..17 loop
      total := total + substr(piece, i, 1)::integer * weights[i];
    end loop;
    if substr('10X98765432', total % 11 + 1, 1) <> substr(piece, 18, 1) then
      return ${literal(r.checksum)};
    end if;
  end if;
  return null;
end
$$;

-- A mobile number (optionally +86) or a landline with area code (phone.ts in @fazhi/domain).
create function private.is_phone_number(piece text) returns boolean
language sql immutable set search_path = ''
as $$ select piece ~ ${literal(mobilePattern)} or piece ~ ${literal(landlinePattern)} $$;

-- The first bad piece of a checked text as {piece as shown, reason}, {'', null} for an empty piece
-- of a multi-value text, or null when all is well (textFormatProblem in @fazhi/domain).
create function private.first_bad_piece(value text, format text, multiple boolean, allow_legacy boolean, today date) returns text[]
language plpgsql immutable set search_path = ''
as $$
declare
  piece text;
  reason text;
begin
  if value is null or value = '' then
    return null;
  end if;
  foreach piece in array case when multiple then string_to_array(value, ${literal(pieceSeparator)}) else array[value] end loop
    if piece = '' then
      return array['', null];
    end if;
    reason := case format
      when 'phone' then case when private.is_phone_number(piece) then null else ${literal(phoneReason)} end
      else private.id_number_problem(piece, allow_legacy, today)
    end;
    if reason is not null then
      return array[case when char_length(piece) > ${maxShownPiece} then left(piece, ${maxShownPiece}) || '…' else piece end, reason];
    end if;
  end loop;
  return null;
end
$$;

-- Raises a rule's error with the field's column and the rule's name, so clients can put the
-- message under the right field (the names follow the CHECK constraints': <table>_<column>_<rule>).
create function private.refuse(errcode text, message text, table_name text, column_name text, constraint_name text) returns void
language plpgsql set search_path = ''
as $$
begin
  raise exception using errcode = refuse.errcode, message = refuse.message, schema = 'public', table = refuse.table_name,
    column = refuse.column_name, constraint = refuse.constraint_name;
end
$$;

-- The street an org belongs to (itself if a street; the top of its tree when no street is above).
-- A signed-in caller learns it only for units they may ask about (null otherwise, see
-- private.may_ask_about): a unit of another street is never equal to one's own street anyway.
create function private.street_of(p_org uuid) returns uuid
language sql stable security definer set search_path = ''
as $$
  with recursive up (id, parent_id, kind, depth) as (
    select u.id, u.parent_id, u.kind, 0 from public.org_units u
    where u.id = p_org and private.may_ask_about(p_org)
    union all
    select p.id, p.parent_id, p.kind, up.depth + 1 from public.org_units p join up on p.id = up.parent_id
    where up.kind <> 'street' and up.depth < 64
  )
  select id from up order by kind = 'street' desc, depth desc limit 1
$$;

revoke all on function
  private.id_number_problem(text, boolean, date), private.is_phone_number(text),
  private.first_bad_piece(text, text, boolean, boolean, date), private.refuse(text, text, text, text, text),
  private.street_of(uuid)
from public;
grant execute on function
  private.id_number_problem(text, boolean, date), private.is_phone_number(text),
  private.first_bad_piece(text, text, boolean, boolean, date), private.refuse(text, text, text, text, text),
  private.street_of(uuid)
to authenticated, service_role;`;
}

/** `today` as the date the rule compares: a datetime's Shanghai date. */
const dateOf = (f: FieldDef, expr: string) => (f.type === 'datetime' ? `(${expr} at time zone 'Asia/Shanghai')::date` : expr);
const changed = (col: string) => `tg_op = 'INSERT' or new.${col} is distinct from old.${col}`;

function checkValuesSql(k: RecordKind): string | null {
  const checks: string[] = [];
  for (const f of k.fields) {
    const col = ident(columnName(f.key));
    const refuse = (rule: string, message: string) =>
      `perform private.refuse('23514', ${message}, ${literal(k.id)}, ${literal(columnName(f.key))}, ${literal(pgName(k.id, columnName(f.key), rule))});`;
    if ((f.type === 'date' || f.type === 'datetime') && f.notFuture) {
      checks.push(
        [
          `  if (${changed(col)}) and ${dateOf(f, `new.${col}`)} > today then`,
          `    ${refuse('not_future', `format(${template((t) => messages.inFuture(f, t), 1)}, to_char(today, 'YYYY-MM-DD'))`)}`,
          `  end if;`,
        ].join('\n'),
      );
    }
    if (f.type === 'text' && f.format) {
      const args = [`new.${col}`, literal(f.format), f.multiple ? 'true' : 'false', f.legacyIdNumbers ? 'true' : 'false', 'today'].join(', ');
      checks.push(
        [
          `  if ${changed(col)} then`,
          `    bad := private.first_bad_piece(${args});`,
          `    if bad is not null then`,
          `      ${refuse('format', `case when bad[2] is null then ${literal(messages.emptyPiece(f))} else format(${template((p, r) => messages.badPiece(f, p, r), 2)}, bad[1], bad[2]) end`)}`,
          `    end if;`,
          `  end if;`,
        ].join('\n'),
      );
    }
  }
  if (!checks.length) return null;
  const fn = `private.${pgName(k.id, 'validate_values')}`;
  return [
    `create function ${fn}() returns trigger`,
    `language plpgsql set search_path = ''`,
    `as $$`,
    `declare`,
    `  today constant date := ${shanghaiToday};`,
    ...(k.fields.some((f) => f.type === 'text' && f.format) ? [`  bad text[];`] : []),
    `begin`,
    checks.join('\n'),
    `  return new;`,
    `end`,
    `$$;`,
    `revoke all on function ${fn}() from public;`,
    `create trigger ${pgName(k.id, 'validate_values')} before insert or update on public.${ident(k.id)}`,
    `  for each row execute function ${fn}();`,
  ].join('\n');
}

/** How the period field reads in the duplicate message: 2024-03-05, or 2024-03-05 09:30 in Shanghai. */
function periodText(f: FieldDef, expr: string): string {
  if (f.type === 'datetime') return `to_char(${expr} at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`;
  if (f.type === 'date') return `to_char(${expr}, 'YYYY-MM-DD')`;
  return `${expr}::text`;
}

function businessKeyIndexSql(k: RecordKind): string {
  const col = columnName(getField(k, k.businessKey!).key);
  return `create index ${pgName(k.id, col, 'live_idx')} on public.${ident(k.id)} (${ident(col)}) where deleted_at is null;`;
}

/** The released row-level check (one advisory lock and one lookup per written row). */
function businessKeySql(k: RecordKind): string | null {
  if (!k.businessKey) return null;
  const key = getField(k, k.businessKey);
  const period = getField(k, k.periodField);
  const col = columnName(key.key);
  const c = ident(col);
  const p = ident(columnName(period.key));
  const name = pgName(k.id, 'unique', col);
  const fn = `private.${name}`;
  const message = `format(${template((v, d) => messages.duplicateKey(key, v, k.label, period, d), 2)}, new.${c}, coalesce(${periodText(period, `other.${p}`)}, '未填'))`;
  return [
    `create index ${pgName(k.id, col, 'live_idx')} on public.${ident(k.id)} (${c}) where deleted_at is null;`,
    `-- Security definer: the key must be unique in the whole street, including records the writer`,
    `-- cannot read. The advisory lock (per kind, street and key, until commit) makes two concurrent`,
    `-- writers of the same key take turns, so the second sees the first's row.`,
    `create function ${fn}() returns trigger`,
    `language plpgsql security definer set search_path = ''`,
    `as $$`,
    `declare`,
    `  street uuid;`,
    `  other record;`,
    `begin`,
    `  if new.deleted_at is not null or new.${c} is null then`,
    `    return new;`,
    `  end if;`,
    `  if tg_op = 'UPDATE' and old.deleted_at is null and new.${c} is not distinct from old.${c} and new.org_id is not distinct from old.org_id then`,
    `    return new;`,
    `  end if;`,
    `  street := private.street_of(new.org_id);`,
    `  perform pg_advisory_xact_lock(hashtextextended(${literal(`${k.id}/`)} || street::text || '/' || new.${c}, 0));`,
    `  select t.${p} into other from public.${ident(k.id)} t`,
    `  -- The key's index finds the few records with this key; only their streets are looked up.`,
    `  where t.${c} = new.${c} and t.deleted_at is null and t.id <> new.id and private.street_of(t.org_id) = street`,
    `  limit 1;`,
    `  if found then`,
    `    perform private.refuse('23505', ${message}, ${literal(k.id)}, ${literal(col)}, ${literal(pgName(k.id, col, 'unique'))});`,
    `  end if;`,
    `  return new;`,
    `end`,
    `$$;`,
    `revoke all on function ${fn}() from public;`,
    `create trigger ${name} before insert or update of org_id, ${c}, deleted_at on public.${ident(k.id)}`,
    `  for each row execute function ${fn}();`,
  ].join('\n');
}

/**
 * Buckets of a street's keys per kind that the per-statement check locks: a statement locks at most
 * this many (PGlite's lock table holds a few thousand locks in all, so one lock per key of a
 * 20,000-row import does not fit); two writers of different keys wait for each other only when
 * their keys share a bucket, and then only until the first commits.
 */
export const businessKeyLockBuckets = 64; // a power of two: the bucket is the hash's low bits

/**
 * The business key kept unique among the street's live records, checked once per statement (a row
 * trigger did it once per row: an advisory lock and a lookup each, which a 20,000-row import could
 * not afford). `<kind>_unique_<key>` after insert and `<kind>_unique_<key>_update` after update
 * hand the statement's rows to `private.<kind>_unique_<key>()`, which
 * 1. takes the rows it must check: live, with a key, and (an update) whose key, unit or deletion
 *    changed; their streets are looked up once per unit;
 * 2. locks their streets' key buckets in order (concurrent writers of a key take turns, so the
 *    second sees the first's row once it commits);
 * 3. with a fresh snapshot, looks for another live record of the street with the same key (rows of
 *    the same statement included) and refuses the first such key (SQLSTATE 23505, the domain's
 *    message). The lookup is planned afresh (EXECUTE): a plan cached while the table was empty
 *    would scan it once per row.
 * Security definer: the key must be unique in the whole street, including records the writer
 * cannot read. Idempotent (replaces the function, recreates the triggers), so a migration can run it
 * over a kind that has the released row-level check.
 */
export function businessKeyCheckSql(k: RecordKind): string {
  const key = getField(k, k.businessKey!);
  const period = getField(k, k.periodField);
  const col = columnName(key.key);
  const c = ident(col);
  const p = ident(columnName(period.key));
  const t = `public.${ident(k.id)}`;
  const name = pgName(k.id, 'unique', col);
  const updateName = pgName(k.id, 'unique', col, 'update');
  const fn = `private.${name}`;
  const message = `format(${template((v, d) => messages.duplicateKey(key, v, k.label, period, d), 2)}, clash.key, coalesce(clash.period, '未填'))`;
  const written = (op: 'INSERT' | 'UPDATE') =>
    op === 'INSERT'
      ? `select n.id, n.org_id, n.${c} as key from new_rows n where n.deleted_at is null and n.${c} is not null`
      : `select n.id, n.org_id, n.${c} as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.${c} is not null and (o.deleted_at is not null or n.${c} is distinct from o.${c} or n.org_id is distinct from o.org_id)`;
  // One text per statement kind: the rows to check with their streets (materialized: one lookup per
  // unit; inlined, the planner would call street_of once per row), then the lock, then the lookup.
  const checks = (op: 'INSERT' | 'UPDATE') => {
    const rows = `with written as (${written(op)}), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)`;
    return [
      `    perform pg_advisory_xact_lock(l.bucket) from (`,
      `      ${rows}`,
      `      select distinct hashtextextended(${literal(`${k.id}/`)} || k.street::text || '/' || (hashtextextended(k.key::text, 0) & ${businessKeyLockBuckets - 1})::text, 0) as bucket from keyed k`,
      `    ) l order by l.bucket;`,
      `    execute ${literal(`${rows} , same_key as materialized (select k.key, k.street, t.org_id, ${periodText(period, `t.${p}`)} as period from keyed k join ${t} t on t.${c} = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1`)} into clash;`,
    ].join('\n');
  };
  return [
    `create or replace function ${fn}() returns trigger`,
    `language plpgsql security definer set search_path = ''`,
    `as $$`,
    `declare`,
    `  clash record;`,
    `begin`,
    `  if tg_op = 'INSERT' then`,
    checks('INSERT'),
    `  else`,
    checks('UPDATE'),
    `  end if;`,
    `  if clash.key is not null then`,
    `    perform private.refuse('23505', ${message}, ${literal(k.id)}, ${literal(col)}, ${literal(pgName(k.id, col, 'unique'))});`,
    `  end if;`,
    `  return null;`,
    `end`,
    `$$;`,
    `revoke all on function ${fn}() from public;`,
    `drop trigger if exists ${name} on ${t};`,
    `drop trigger if exists ${updateName} on ${t};`,
    `create trigger ${name} after insert on ${t} referencing new table as new_rows`,
    `  for each statement execute function ${fn}();`,
    `create trigger ${updateName} after update on ${t} referencing old table as old_rows new table as new_rows`,
    `  for each statement execute function ${fn}();`,
  ].join('\n');
}

/**
 * Lists live records sharing a business key within one street, among those the caller can read.
 * Keys repeated anywhere are found first (one aggregate over the key), so only their few records
 * are joined to their streets.
 */
export function duplicatesSql(kinds: readonly RecordKind[], create: 'create' | 'create or replace' = 'create'): string {
  const selects = kinds.flatMap((k) => {
    if (!k.businessKey) return [];
    const key = getField(k, k.businessKey);
    const c = ident(columnName(key.key));
    const p = ident(columnName(k.periodField));
    return [
      [
        `  select ${literal(k.id)}, ${literal(k.label)}, ${literal(key.label)}, t.${c}, units.street, array_agg(t.id order by t.${p}, t.id)`,
        `  from public.${ident(k.id)} t join units on units.id = t.org_id`,
        `  where t.deleted_at is null`,
        `    and t.${c} in (select d.${c} from public.${ident(k.id)} d where d.deleted_at is null group by d.${c} having count(*) > 1)`,
        `  group by t.${c}, units.street having count(*) > 1`,
      ].join('\n'),
    ];
  });
  const body = selects.length
    ? `  with units as (select u.id, private.street_of(u.id) as street from unnest(private.subtree_ids(array[p_org])) as u (id))\n${selects.join('\n  union all\n')}\n  order by 1, 4`
    : '  select null::text, null::text, null::text, null::text, null::uuid, null::uuid[] where false';
  return `-- Duplicates stored before the business-key rule (the rule never rewrites them) ---------------
-- Security invoker: row-level security limits the list to records the caller can read.
${create} function public.duplicate_business_keys(p_org uuid)
returns table (kind_id text, kind_label text, key_label text, business_key text, street_id uuid, record_ids uuid[])
language sql stable security invoker set search_path = ''
as $$
${body}
$$;
revoke all on function public.duplicate_business_keys(uuid) from public, anon;
grant execute on function public.duplicate_business_keys(uuid) to authenticated, service_role;`;
}
