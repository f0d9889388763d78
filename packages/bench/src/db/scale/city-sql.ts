import { columnName, type FieldDef, type RecordKind } from '@fazhi/domain';

/**
 * The SQL that builds the synthetic city inside PostgreSQL from one template street (the seed
 * street's subtree and its records, loaded into schema `bench_scale`): every street of the city is
 * the template's units under fresh ids, and its records are `copies` clones of the template's, each
 * moved by a whole number of years plus a few days (all date columns of a record by the same
 * interval, so durations, deadlines and overdue checks keep their meaning). Ids are md5 uuids of
 * (street, copy, template id), so references between records stay inside their clone without a
 * mapping table, and the same inputs always build the same city.
 */
export const schema = 'bench_scale';

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

export const helpersSql = `create schema if not exists ${schema};
-- A stable uuid for (street, copy, template id): references are remapped by the same function.
create or replace function ${schema}.uid(variadic parts text[]) returns uuid
language sql immutable parallel safe as $$ select md5(array_to_string(parts, ':'))::uuid $$;
create table if not exists ${schema}.units (id uuid primary key, parent_id uuid, kind text not null, name text not null, short_name text);
-- One row per clone: the street it belongs to, its number there and how far its dates move.
create table if not exists ${schema}.copies (street integer not null, copy integer not null, shift interval not null, primary key (street, copy));`;

/** The template table of one kind: the public table's columns, no constraints or triggers. */
export const templateTableSql = (kind: RecordKind) =>
  `create table if not exists ${schema}.${q(kind.id)} (like public.${q(kind.id)} including defaults)`;

/**
 * How many clones each street gets: `total` spread over `streets` by a skewed weight (the largest
 * street about five times the smallest, as a city's busy centre and quiet outskirts), at least one
 * each. The template holds two years (2023 and 2024), so odd copies move back 52 weeks (weekdays
 * kept): the city spans 2022–2024, its middle year twice as full as the others; every copy also
 * moves by a few days. Whole days, never years: a year's shift clamps 29 February and could put a record
 * closed that day before it was received.
 */
export function copiesSql(streets: number, total: number): string {
  return `insert into ${schema}.copies (street, copy, shift)
select s.n, k.n, make_interval(days => -364 * (k.n % 2) + ((s.n * 7 + k.n * 13) % 21) - 10)
from (
  select n, greatest(1, round(${total}::numeric * w / sum(w) over ()))::int as copies
  from (select n, 0.4 + 1.6 * ((n * 37) % 100) / 100.0 as w from generate_series(0, ${streets - 1}) as g (n)) x
) s
cross join lateral generate_series(0, s.copies - 1) as k (n)`;
}

/** The city's units: one top unit (the model's top level is a district) over `streets` streets. */
export function unitsSql(cityId: string, streets: number): string {
  return `insert into public.org_units (id, parent_id, kind, code, name, short_name)
values ('${cityId}', null, 'district', 'bench-city', '合成市（${streets} 个街道）', '合成市');
insert into public.org_units (id, parent_id, kind, code, name, short_name)
select ${schema}.uid('u', s.n::text, u.id::text),
  case when u.parent_id is null then '${cityId}'::uuid else ${schema}.uid('u', s.n::text, u.parent_id::text) end,
  u.kind, 'bench-' || s.n || '-' || u.id,
  case when u.parent_id is null then '合成街道' || (s.n + 1) else u.name || '（' || (s.n + 1) || '）' end,
  case when u.parent_id is null then '街道' || (s.n + 1) else u.short_name end
from ${schema}.units u cross join generate_series(0, ${streets - 1}) as s (n)`;
}

/** The id of template unit `unitId` in street `street` (as unitsSql computes it in SQL). */
export const streetUnitIdSql = (street: number, unitId: string) => `${schema}.uid('u', '${street}', '${unitId}')`;

function fieldExpr(kind: RecordKind, f: FieldDef): string {
  const col = `t.${q(columnName(f.key))}`;
  if (f.type === 'date') return `(${col} + c.shift)::date`;
  if (f.type === 'datetime') return `${col} + c.shift`;
  // uid() is variadic, so a null part would be skipped, not make it null: keep nulls null.
  if (f.type === 'ref') return `case when ${col} is null then null else ${schema}.uid('r', c.street::text, c.copy::text, ${col}::text) end`;
  // Business keys are unique in a street: later clones get a suffix.
  if (f.key === kind.businessKey) return `case when c.copy = 0 then ${col} else ${col} || '-' || c.copy end`;
  return col;
}

/** Inserts the clones of one kind's template for streets [from, to]. */
export function recordsSql(kind: RecordKind, from: number, to: number): string {
  const cols = ['id', 'org_id', 'deleted_at', ...kind.fields.map((f) => columnName(f.key))];
  const exprs = [
    `${schema}.uid('r', c.street::text, c.copy::text, t.id::text)`,
    `${schema}.uid('u', c.street::text, t.org_id::text)`,
    't.deleted_at + c.shift',
    ...kind.fields.map((f) => fieldExpr(kind, f)),
  ];
  return `insert into public.${q(kind.id)} (${cols.map(q).join(', ')})
select ${exprs.join(',\n  ')}
from ${schema}.copies c cross join ${schema}.${q(kind.id)} t
where c.street between ${from} and ${to}`;
}
