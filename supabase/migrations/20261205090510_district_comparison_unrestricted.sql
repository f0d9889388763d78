-- The district comparison, faster for whoever may read everything under the unit compared.
--
-- Profiled on a synthetic district of 10 streets (523 000 records, packages/bench
-- src/db/district-comparison.ts) on PostgreSQL 15: public.district_comparison took 3.7 s as the
-- district supervisor and 1.3 s for the same rows as the owner; measure_values of one street 0.25 s
-- against 0.07 s. The difference is row-level security: every record of every scan is checked by
-- its table's policy, `org_id = any (readable_org_ids(area))`, an array of the whole district's
-- units, compared element by element, row by row.
--
-- When the caller may read every record under the unit in every work area (a district
-- supervisor, a street admin on their street), the policies would filter nothing, so the rows are
-- the same computed with the owner's rights: public.district_comparison then runs the comparison
-- through the security-definer private.district_comparison_unrestricted. Anyone whose reading is
-- narrower (a clerk of one area) keeps the invoker's path, filtered by their RLS as before.

-- The comparison's rows, with the rights of whoever runs it (the caller's, or the owner's when
-- called from the definer below). Callers check the year and the caller's right to ask first.
create function private.district_comparison_rows(p_parent uuid, p_year integer)
returns table (org_id uuid, org_name text, row_kind text, indicator_id text, value double precision, numerator numeric, denominator numeric, ord integer)
language plpgsql stable security invoker set search_path = ''
as $$
#variable_conflict use_column
declare
  p_start date;
  p_end date;
  street_ids uuid[];
begin
  p_start := make_date(p_year, 1, 1);
  p_end := make_date(p_year + 1, 1, 1);
  -- Streets and towns (the units that write annual reports) sit only under a district or at the
  -- top (private.check_org_unit), so none is inside another.
  -- The subtree is read once (in FROM), not once per unit compared with it.
  select coalesce(array_agg(u.id), '{}') into street_ids
  from unnest(private.subtree_ids(array[p_parent])) as sub (id)
  join public.org_units u on u.id = sub.id
  where u.kind in ('street', 'town') and u.id <> p_parent;
  return query
  with streets as (
    select u.id, coalesce(u.short_name, u.name) as name
    from public.org_units u
    where u.id = any (street_ids)
  ),
  street_rows as (
    select s.id, s.name, f.indicator_id, f.value, f.numerator, f.denominator, f.ord::integer as ord
    from streets s
    cross join lateral public.indicator_values(s.id, p_start, p_end) with ordinality as f (indicator_id, value, numerator, denominator, ord)
  ),
  total_rows as (
    select f.indicator_id, f.value, f.numerator, f.denominator, f.ord::integer as ord
    from public.indicator_values(p_parent, p_start, p_end) with ordinality as f (indicator_id, value, numerator, denominator, ord)
  ),
  factors as (
    select x.indicator_id,
      round(max(case when x.numerator <> 0 and x.value is not null then (x.value * coalesce(x.denominator, 1)::double precision / x.numerator::double precision)::numeric end), 6)::double precision as factor
    from (select r.indicator_id, r.value, r.numerator, r.denominator from street_rows r union all select t.indicator_id, t.value, t.numerator, t.denominator from total_rows t) x
    group by x.indicator_id
  ),
  street_sums as (
    select r.indicator_id, sum(r.numerator) as numerator, sum(r.denominator) as denominator
    from street_rows r group by r.indicator_id
  ),
  direct_rows as (
    select t.indicator_id, t.ord,
      t.numerator - coalesce(ss.numerator, 0) as numerator,
      case when t.denominator is null then null else t.denominator - coalesce(ss.denominator, 0) end as denominator,
      t.denominator is not null as has_denominator,
      coalesce(fa.factor, 1) as factor
    from total_rows t
    join factors fa on fa.indicator_id = t.indicator_id
    left join street_sums ss on ss.indicator_id = t.indicator_id
  ),
  parent as (select coalesce(u.short_name, u.name) as name from public.org_units u where u.id = p_parent)
  select r.id, r.name, 'street'::text, r.indicator_id, r.value, r.numerator, r.denominator, r.ord
  from street_rows r
  union all
  select p_parent, '区直', 'direct'::text, d.indicator_id,
    case
      when d.numerator is null then null
      when not d.has_denominator then d.numerator::double precision * d.factor
      when d.denominator is null or d.denominator = 0 then null
      else d.numerator::double precision * d.factor / d.denominator::double precision
    end,
    d.numerator, d.denominator, d.ord
  from direct_rows d
  union all
  select p_parent, (select name from parent), 'total'::text, t.indicator_id, t.value, t.numerator, t.denominator, t.ord
  from total_rows t;
end
$$;
revoke all on function private.district_comparison_rows(uuid, integer) from public, anon;
grant execute on function private.district_comparison_rows(uuid, integer) to authenticated, service_role;

-- Whether row-level security would hide nothing under p_parent from the caller: every unit of its
-- subtree is readable in every work area that has records, and the caller is a member there.
create function private.reads_everything_under(p_parent uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  with subtree as (select private.org_subtree(array[p_parent]) as ids)
  select (select ids from subtree) <@ private.member_org_ids()
    and not exists (
      select 1 from (select distinct k.area from private.record_kinds k) a
      where not ((select ids from subtree) <@ private.readable_org_ids(a.area))
    )
$$;
revoke all on function private.reads_everything_under(uuid) from public, anon;
grant execute on function private.reads_everything_under(uuid) to authenticated, service_role;

-- The same rows with the owner's rights: only for a caller who reads everything under p_parent.
create function private.district_comparison_unrestricted(p_parent uuid, p_year integer)
returns table (org_id uuid, org_name text, row_kind text, indicator_id text, value double precision, numerator numeric, denominator numeric, ord integer)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not private.reads_everything_under(p_parent) then
    raise exception using errcode = '42501', message = '没有权限查看该单位的全部记录';
  end if;
  return query select * from private.district_comparison_rows(p_parent, p_year);
end
$$;
revoke all on function private.district_comparison_unrestricted(uuid, integer) from public, anon;
grant execute on function private.district_comparison_unrestricted(uuid, integer) to authenticated, service_role;

create or replace function public.district_comparison(p_parent uuid, p_year integer)
returns table (org_id uuid, org_name text, row_kind text, indicator_id text, value double precision, numerator numeric, denominator numeric, ord integer)
language plpgsql stable security invoker set search_path = ''
as $$
begin
  perform private.check_report_year(p_year);
  if p_parent is null or not private.may_ask_about(p_parent) then
    raise exception using errcode = '42501', message = '没有权限查看该单位';
  end if;
  if private.reads_everything_under(p_parent) then
    return query select * from private.district_comparison_unrestricted(p_parent, p_year);
  else
    return query select * from private.district_comparison_rows(p_parent, p_year);
  end if;
end
$$;
