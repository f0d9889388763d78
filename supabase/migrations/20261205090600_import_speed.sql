-- Ledger import at speed, second step (issue 13's benchmark: 21,349 hotline tickets in one import).
--
-- Profiled on PGlite and PostgreSQL 15 (rolled-back imports with one trigger disabled at a time):
-- the row-level audit trigger was the largest single cost, about 40 % of the write on PGlite and a
-- third on PostgreSQL (one plpgsql call, two jsonb images and one audit_log insert per row), and
-- public.import_records read the 9 MB jsonb argument five times over (shape check, column names,
-- units, duplicate keys, insert), each pass copying every element.
--
-- 1. Inserts are audited per statement: `private.audit_inserted` writes the statement's new rows to
--    audit_log in one insert (the same rows as before: actor, table, record, org, 'INSERT', the row
--    image). Updates and deletes stay per row (each carries its before image and own operation).
--    Every record kind of the schema is switched here; `auditTriggersSql` of @fazhi/db writes the
--    same for kinds a model migration adds.
-- 2. public.import_records, same signature and answer: one pass checks shape and units together,
--    the column names are collected by hashing (not by sorting every key of every row), and the
--    rows are decoded by one jsonb_populate_recordset instead of one jsonb_populate_record per row.

create function private.audit_inserted() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- The first trigger argument names the column holding the row's org, as for private.audit.
  insert into public.audit_log (actor, table_name, record_id, org_id, operation, before, after)
  select (select auth.uid()), tg_table_name, (r.image ->> 'id')::uuid,
    case when tg_nargs > 0 then (r.image ->> tg_argv[0])::uuid end, 'INSERT', null, r.image
  from (select to_jsonb(n) as image from new_rows n) r;
  return null;
end
$$;
revoke all on function private.audit_inserted() from public;

do $$
declare
  t record;
begin
  for t in
    select k.kind_id, g.tgname
    from private.record_kinds k
    join pg_catalog.pg_trigger g on g.tgrelid = format('public.%I', k.kind_id)::regclass
    where g.tgfoid = 'private.audit()'::regprocedure and not g.tgisinternal and (g.tgtype & 4) <> 0
    order by k.kind_id
  loop
    execute format('drop trigger %I on public.%I', t.tgname, t.kind_id);
    execute format('create trigger %I after update or delete on public.%I for each row execute function private.audit(%L)', t.tgname, t.kind_id, 'org_id');
    execute format('create trigger %I after insert on public.%I referencing new table as new_rows for each statement execute function private.audit_inserted(%L)',
      t.tgname || '_insert', t.kind_id, 'org_id');
  end loop;
end
$$;

create or replace function public.import_records(p_kind text, p_rows jsonb, p_on_duplicate text default 'stop')
returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  tbl regclass;
  key_col text;
  cols text[];
  bad text;
  insert_cols text;
  insert_values text;
  update_sets text;
  n_rows integer;
  n_not_objects integer;
  n_without_unit integer;
  -- One entry per row of p_rows, by position: 'insert', 'update' or 'skip', and the live record an
  -- 'update' row replaces.
  actions text[];
  targets uuid[];
  dup_keys text[] := '{}'::text[];
  n_inserted integer := 0;
  n_updated integer := 0;
  step record;
  err_state text;
  err_message text;
  err_column text;
begin
  if private.area_of_kind(p_kind) is null then
    raise exception using errcode = '22023', message = format('没有记录类型“%s”', p_kind);
  end if;
  if p_on_duplicate is null or p_on_duplicate not in ('skip', 'update', 'stop') then
    raise exception using errcode = '22023', message = format('重复记录的处理方式“%s”无效，应为 skip（跳过）、update（更新）或 stop（停止）', p_on_duplicate);
  end if;
  if jsonb_typeof(p_rows) is distinct from 'array' then
    raise exception using errcode = '22023', message = '导入的数据应为记录的数组（每条记录是“列名 → 值”的对象）';
  end if;
  n_rows := jsonb_array_length(p_rows);
  if n_rows = 0 then
    return jsonb_build_object('inserted', 0, 'updated', 0, 'skipped', 0, 'duplicates', '[]'::jsonb, 'stopped', false);
  end if;
  tbl := format('public.%I', p_kind)::regclass;

  -- One pass over the rows: every one an object, and with a unit.
  select count(*) filter (where jsonb_typeof(e) <> 'object'), count(*) filter (where jsonb_typeof(e) = 'object' and coalesce(e ->> 'org_id', '') = '')
  into n_not_objects, n_without_unit
  from jsonb_array_elements(p_rows) e;
  if n_not_objects > 0 then
    raise exception using errcode = '22023', message = '导入的数据应为记录的数组（每条记录是“列名 → 值”的对象）';
  end if;

  -- The columns the rows name (distinct by hashing: the rows name the same few columns over and over).
  select array_agg(c.k order by c.k) into cols
  from (select distinct k from jsonb_array_elements(p_rows) e, jsonb_object_keys(e) k) c;
  select string_agg(c, '、') into bad from unnest(cols) c
  where c in ('version', 'created_at', 'created_by', 'updated_at', 'updated_by', 'deleted_at', 'deleted_by')
    or not exists (select 1 from pg_catalog.pg_attribute a where a.attrelid = tbl and a.attname = c and a.attnum > 0 and not a.attisdropped);
  if bad is not null then
    raise exception using errcode = '22023', message = format('导入的数据含有不能填写的列：%s', bad);
  end if;
  if not ('org_id' = any (cols)) or n_without_unit > 0 then
    raise exception using errcode = '23502', column = 'org_id', message = '每条导入的记录都要有所属单位';
  end if;

  -- The business key's column, from the kind's uniqueness trigger on insert (`<kind>_unique_<column>`;
  -- its update twin carries a suffix); null: no key.
  select substr(t.tgname, char_length(p_kind) + 9) into key_col
  from pg_catalog.pg_trigger t
  where t.tgrelid = tbl and not t.tgisinternal and starts_with(t.tgname, p_kind || '_unique_') and (t.tgtype & 4) <> 0
  order by t.tgname
  limit 1;

  if key_col is not null then
    -- Per row: its street and key, whether it is the first or last of its key in the file, and the
    -- live record of the street (among those the caller can read) that already has the key.
    execute format($q$
      with src as (
        select r.ord, r.v ->> %1$L as key, (r.v ->> 'org_id')::uuid as org_id
        from jsonb_array_elements($1) with ordinality r (v, ord)
      ), units as materialized (
        -- Materialized: one street lookup per unit, never one per row.
        select u.org_id, private.street_of(u.org_id) as street from (select distinct s.org_id from src s) u
      ), keyed as (
        select s.ord, s.key, u.street,
          s.ord = min(s.ord) over w as first, s.ord = max(s.ord) over w as last, count(*) over w as in_file
        from src s join units u on u.org_id = s.org_id
        window w as (partition by u.street, s.key)
      ), same_key as materialized (
        -- Materialized: only the records sharing a key with the file get their street looked up.
        select k.street, k.key, t.id, t.org_id
        from (select distinct x.street, x.key from keyed x where x.key is not null) k
        join public.%2$I t on t.%1$I = k.key and t.deleted_at is null
      ), found as (
        select distinct on (m.street, m.key) m.street, m.key, m.id
        from same_key m where private.street_of(m.org_id) = m.street
        order by m.street, m.key, m.id
      ), decided as (
        select k.ord, k.key, f.id as target, k.key is not null and (k.in_file > 1 or f.id is not null) as duplicate,
          case
            when k.key is null then 'insert'
            when $2 = 'skip' and (not k.first or f.id is not null) then 'skip'
            when $2 = 'update' and not k.last then 'skip'
            when $2 = 'update' and f.id is not null then 'update'
            else 'insert'
          end as action
        from keyed k left join found f on f.street = k.street and f.key = k.key
      )
      select array_agg(d.action order by d.ord), array_agg(d.target order by d.ord),
        coalesce(array_agg(distinct d.key) filter (where d.duplicate), '{}')
      from decided d
    $q$, key_col, p_kind) into actions, targets, dup_keys using p_rows, p_on_duplicate;

    if p_on_duplicate = 'stop' and cardinality(dup_keys) > 0 then
      return jsonb_build_object('inserted', 0, 'updated', 0, 'skipped', 0, 'duplicates', to_jsonb(dup_keys), 'stopped', true);
    end if;
  end if;

  select string_agg(format('%I', c), ', ' order by c), string_agg(case when c = 'id' then 'coalesce(v.id, gen_random_uuid())' else format('v.%I', c) end, ', ' order by c)
  into insert_cols, insert_values from unnest(cols) c;
  select string_agg(format('%I = v.%I', c, c), ', ' order by c) into update_sets from unnest(cols) c where c <> 'id';

  begin
    if actions is null then
      -- No business key: every row is inserted, in file order.
      execute format('insert into public.%I (%s) select %s from jsonb_populate_recordset(null::public.%I, $1) v',
        p_kind, insert_cols, insert_values, p_kind) using p_rows;
    else
      execute format('insert into public.%I (%s) select %s from rows from (jsonb_populate_recordset(null::public.%I, $1)) with ordinality v join unnest($2) with ordinality a (action, ord) on a.ord = v.ordinality where a.action = ''insert'' order by v.ordinality',
        p_kind, insert_cols, insert_values, p_kind) using p_rows, actions;
    end if;
    get diagnostics n_inserted = row_count;
    if 'update' = any (actions) then
      execute format('update public.%I t set %s from rows from (jsonb_populate_recordset(null::public.%I, $1)) with ordinality v join unnest($2, $3) with ordinality a (action, target, ord) on a.ord = v.ordinality where a.action = ''update'' and t.id = a.target',
        p_kind, update_sets, p_kind) using p_rows, actions, targets;
      get diagnostics n_updated = row_count;
    end if;
  exception when others then
    -- Lack of resources (class 53), limits and cancellation are no row's fault: raised as they are,
    -- never pinned on whichever row the one-by-one search stops at.
    get stacked diagnostics err_state = returned_sqlstate;
    if left(err_state, 2) in ('53', '54', '57') then
      raise;
    end if;
    -- The statement's work is undone; find the row at fault by writing them one at a time, and
    -- raise its refusal naming it (that undoes these single writes too).
    for step in
      select g.n as ord, coalesce(actions[g.n], 'insert') as action, targets[g.n] as target
      from generate_series(1, n_rows) g (n)
      where coalesce(actions[g.n], 'insert') <> 'skip'
      order by g.n
    loop
      begin
        if step.action = 'insert' then
          execute format('insert into public.%I (%s) select %s from jsonb_populate_record(null::public.%I, $1) v', p_kind, insert_cols, insert_values, p_kind) using p_rows -> (step.ord - 1);
        else
          execute format('update public.%I t set %s from jsonb_populate_record(null::public.%I, $1) v where t.id = $2', p_kind, update_sets, p_kind) using p_rows -> (step.ord - 1), step.target;
        end if;
      exception when others then
        get stacked diagnostics err_state = returned_sqlstate, err_message = message_text, err_column = column_name;
        raise exception using errcode = err_state, message = format('第 %s 条记录：%s', step.ord, err_message), detail = format('import_row:%s', step.ord), column = coalesce(err_column, '');
      end;
    end loop;
    raise;
  end;
  return jsonb_build_object('inserted', n_inserted, 'updated', n_updated, 'skipped', n_rows - n_inserted - n_updated, 'duplicates', to_jsonb(dup_keys), 'stopped', false);
end
$$;
