-- Ledger import at speed, fourth step (issue 15: a 21,349-row import on PGlite).
--
-- private.refuse_locked_year runs before every insert, update and delete of every record kind
-- (the `<kind>_year_lock` triggers). On an insert it called private.refuse_retired_org (a nested
-- PL/pgSQL call and its query) and then probed report_year_locks: two queries and a function call
-- per row. Measured on PGlite, 21,349 hotline tickets through public.import_records: about 150 ms
-- of the write's 2.6 s of CPU went to that. Now an insert into a live unit while no year is locked
-- answers from one query; any other case (a retired unit, a locked year, an update or a delete)
-- takes the same path as before, so every refusal and its message are unchanged.

create or replace function private.refuse_locked_year() returns trigger
language plpgsql security definer set search_path = ''
as $function$
declare
  period_column text := tg_argv[0];
  images jsonb[];
  image jsonb;
  period_year integer;
  lock_unit text;
begin
  -- An insert into a live unit while no year is locked (every row of a seed or of a ledger import
  -- into an open year): one query, then nothing else to check.
  if tg_op = 'INSERT'
    and not exists (select 1 from public.org_units u where u.id = new.org_id and u.retired_at is not null)
    and not exists (select 1 from public.report_year_locks l where l.reopened_at is null) then
    return new;
  end if;
  if tg_op = 'INSERT' then
    perform private.refuse_retired_org(tg_table_name, new.org_id);
  elsif tg_op = 'UPDATE' then
    if new.org_id is distinct from old.org_id then
      perform private.refuse_retired_org(tg_table_name, new.org_id);
    end if;
  end if;
  -- Nothing is locked (the usual case): one index probe.
  if not exists (select 1 from public.report_year_locks l where l.reopened_at is null) then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  images := case tg_op
    when 'INSERT' then array[to_jsonb(new)]
    when 'DELETE' then array[to_jsonb(old)]
    else array[to_jsonb(old), to_jsonb(new)]
  end;
  foreach image in array images loop
    continue when image ->> period_column is null or image ->> 'org_id' is null;
    period_year := extract(year from (image ->> period_column)::timestamptz)::integer;
    select u.name into lock_unit
    from public.report_year_locks l join public.org_units u on u.id = l.org_id
    where l.reopened_at is null and l.year = period_year
      and l.org_id = any (private.org_and_ancestors((image ->> 'org_id')::uuid))
    limit 1;
    if found then
      raise exception using errcode = 'FZ423', schema = 'public', table = tg_table_name, column = period_column,
        message = format('%s年度已封账（%s的年度报告已定稿），该年度的%s不能新增、修改或删除；如需更正，请街道管理员先重新开启该年度',
          period_year, lock_unit, coalesce((select k.label from private.record_kinds k where k.kind_id = tg_table_name), '记录'));
    end if;
  end loop;
  return case when tg_op = 'DELETE' then old else new end;
end
$function$;
