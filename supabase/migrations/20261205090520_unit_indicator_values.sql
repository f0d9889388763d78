-- A unit's figures, faster for whoever may read everything under the unit: the dashboards' and
-- the annual report's one call (the SQL evaluator and the Supabase backend call this, not
-- public.indicator_values directly).
--
-- As for the district comparison (20261205090510): when the caller may read every record under
-- the unit in every work area (private.reads_everything_under: a street admin on their street, a
-- district supervisor), row-level security would filter nothing, and checking it row by row is
-- most of the time the figures take; the same rows come from public.indicator_values run with the
-- owner's rights. Anyone who reads less (a clerk of one area, a viewer of one community) gets
-- public.indicator_values under their RLS, as before. public.indicator_values itself is generated
-- (recreated by every catalog change), so the choice lives here, beside it.

create function private.indicator_values_unrestricted(p_org uuid, p_start date, p_end date)
returns table (indicator_id text, value double precision, numerator numeric, denominator numeric)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not private.reads_everything_under(p_org) then
    raise exception using errcode = '42501', message = '没有权限查看该单位的全部记录';
  end if;
  return query select * from public.indicator_values(p_org, p_start, p_end);
end
$$;
revoke all on function private.indicator_values_unrestricted(uuid, date, date) from public, anon;
grant execute on function private.indicator_values_unrestricted(uuid, date, date) to authenticated, service_role;

create function public.unit_indicator_values(p_org uuid, p_start date, p_end date)
returns table (indicator_id text, value double precision, numerator numeric, denominator numeric)
language plpgsql stable security invoker set search_path = ''
as $$
begin
  -- The owner and the service role are not held back by row-level security: nothing to choose.
  if private.restricted_caller() then
    if private.reads_everything_under(p_org) then
      return query select * from private.indicator_values_unrestricted(p_org, p_start, p_end);
      return;
    end if;
  end if;
  return query select * from public.indicator_values(p_org, p_start, p_end);
end
$$;
revoke all on function public.unit_indicator_values(uuid, date, date) from public, anon;
grant execute on function public.unit_indicator_values(uuid, date, date) to authenticated, service_role;
comment on function public.unit_indicator_values(uuid, date, date) is
  '单位的全部指标（同 indicator_values；调用者可读该单位下全部记录时以所有者权限计算，结果相同而更快）';
