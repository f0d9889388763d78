-- Annual reports, second look (20261205040400_annual_reports.sql, 20261205040410):
-- - public.district_comparison compares towns (镇, the rural peers of streets, which write annual
--   reports too) beside streets, and no longer asks private.org_and_ancestors about units: streets
--   and towns never sit inside one another (private.check_org_unit).
-- - Helpers only the security-definer report functions and the 封账 trigger call are no longer
--   executable by signed-in users: private.org_and_ancestors answered about any unit (the ids above
--   a unit of another street), private.refuse_when_year_locked whether another unit's year is
--   locked, and private.report_drafter_org_ids / report_status_label have no caller outside them.

create or replace function public.district_comparison(p_parent uuid, p_year integer)
returns table (org_id uuid, org_name text, row_kind text, indicator_id text, value double precision, numerator numeric, denominator numeric, ord integer)
language plpgsql stable security invoker set search_path = ''
as $$
#variable_conflict use_column
declare
  p_start date;
  p_end date;
  street_ids uuid[];
begin
  perform private.check_report_year(p_year);
  if p_parent is null or not private.may_ask_about(p_parent) then
    raise exception using errcode = '42501', message = '没有权限查看该单位';
  end if;
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

revoke all on function
  private.org_and_ancestors(uuid), private.refuse_when_year_locked(uuid, integer),
  private.report_drafter_org_ids(), private.report_status_label(text)
from public, anon, authenticated;
grant execute on function
  private.org_and_ancestors(uuid), private.refuse_when_year_locked(uuid, integer),
  private.report_drafter_org_ids(), private.report_status_label(text)
to service_role;
