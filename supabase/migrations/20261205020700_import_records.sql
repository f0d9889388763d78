-- Ledger import (@fazhi/ledger, `fazhi import`, the console's import wizard): many records of one
-- kind written in one statement, all or nothing, as the caller (security invoker: RLS, column
-- privileges, the value rules and the business-key triggers decide, exactly as for one record
-- written through the data providers). Rows arrive in the wire format the providers write: one
-- JSON object per record, SQL column names as keys, values as PostgREST writes them.
--
-- Duplicates by the kind's business key (案件编号, 工单编号 …; the column of its generated
-- `<kind>_unique_<column>` trigger) are found among the rows of the file and against the live
-- records of the same street the caller can read, and handled by `p_on_duplicate`:
--   'stop'   nothing is written; the answer lists the duplicate keys;
--   'skip'   the first row of a key in the file is written, unless the street already has it;
--   'update' the last row of a key in the file wins; an existing record is updated (its version
--            and audit trail advance like any update), a new key is inserted.
-- Answer: {"inserted", "updated", "skipped", "duplicates": [keys], "stopped"}. A row the database
-- refuses rolls everything back; the error names the row (`第 N 条记录：…`, DETAIL `import_row:N`,
-- N counting from 1 in p_rows) and keeps the refusal's SQLSTATE and column.
create function public.import_records(p_kind text, p_rows jsonb, p_on_duplicate text default 'stop')
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
  plan jsonb;
  dup_keys text[];
  n_inserted integer := 0;
  n_updated integer := 0;
  n_skipped integer := 0;
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
  if jsonb_typeof(p_rows) is distinct from 'array' or exists (select 1 from jsonb_array_elements(p_rows) e where jsonb_typeof(e) <> 'object') then
    raise exception using errcode = '22023', message = '导入的数据应为记录的数组（每条记录是“列名 → 值”的对象）';
  end if;
  if jsonb_array_length(p_rows) = 0 then
    return jsonb_build_object('inserted', 0, 'updated', 0, 'skipped', 0, 'duplicates', '[]'::jsonb, 'stopped', false);
  end if;
  tbl := format('public.%I', p_kind)::regclass;

  select array_agg(distinct k order by k) into cols from jsonb_array_elements(p_rows) e, jsonb_object_keys(e) k;
  select string_agg(c, '、') into bad from unnest(cols) c
  where c in ('version', 'created_at', 'created_by', 'updated_at', 'updated_by', 'deleted_at', 'deleted_by')
    or not exists (select 1 from pg_catalog.pg_attribute a where a.attrelid = tbl and a.attname = c and a.attnum > 0 and not a.attisdropped);
  if bad is not null then
    raise exception using errcode = '22023', message = format('导入的数据含有不能填写的列：%s', bad);
  end if;
  if not ('org_id' = any (cols)) or exists (select 1 from jsonb_array_elements(p_rows) e where coalesce(e ->> 'org_id', '') = '') then
    raise exception using errcode = '23502', column = 'org_id', message = '每条导入的记录都要有所属单位';
  end if;

  -- The business key's column, from the kind's generated uniqueness trigger; null: no key.
  select substr(t.tgname, char_length(p_kind) + 9) into key_col
  from pg_catalog.pg_trigger t
  where t.tgrelid = tbl and not t.tgisinternal and starts_with(t.tgname, p_kind || '_unique_')
  limit 1;

  -- One entry per row: its position, the row, its street and key, whether it is the first or last
  -- of its key in the file, and the live record of the street that already has the key.
  if key_col is null then
    select jsonb_agg(jsonb_build_object('ord', r.ord, 'row', r.v, 'first', true, 'last', true, 'existing', null) order by r.ord) into plan
    from jsonb_array_elements(p_rows) with ordinality r (v, ord);
  else
    execute format($q$
      with src as (
        select r.ord, r.v, r.v ->> %1$L as key, private.street_of((r.v ->> 'org_id')::uuid) as street
        from jsonb_array_elements($1) with ordinality r (v, ord)
      ), ranked as (
        select s.*, s.ord = min(s.ord) over w as first, s.ord = max(s.ord) over w as last, count(*) over w as in_file
        from src s window w as (partition by s.street, s.key)
      )
      select jsonb_agg(jsonb_build_object(
        'ord', x.ord, 'row', x.v, 'key', x.key, 'first', x.first or x.key is null, 'last', x.last or x.key is null,
        'in_file', case when x.key is null then 1 else x.in_file end,
        'existing', (select t.id from public.%2$I t where x.key is not null and t.deleted_at is null and t.%1$I = x.key and private.street_of(t.org_id) = x.street limit 1)
      ) order by x.ord)
      from ranked x
    $q$, key_col, p_kind) into plan using p_rows;
  end if;

  select coalesce(array_agg(distinct p ->> 'key' order by p ->> 'key'), '{}') into dup_keys
  from jsonb_array_elements(plan) p
  where (p ->> 'in_file')::integer > 1 or p ->> 'existing' is not null;
  if p_on_duplicate = 'stop' and cardinality(dup_keys) > 0 then
    return jsonb_build_object('inserted', 0, 'updated', 0, 'skipped', 0, 'duplicates', to_jsonb(dup_keys), 'stopped', true);
  end if;

  -- What each row does: insert, update the existing record, or nothing (skipped).
  select jsonb_agg(p || jsonb_build_object('action', case
      when p_on_duplicate = 'skip' and ((p ->> 'first')::boolean is false or p ->> 'existing' is not null) then 'skip'
      when p_on_duplicate = 'update' and (p ->> 'last')::boolean is false then 'skip'
      when p_on_duplicate = 'update' and p ->> 'existing' is not null then 'update'
      else 'insert' end))
  into plan from jsonb_array_elements(plan) p;

  select string_agg(format('%I', c), ', ' order by c), string_agg(case when c = 'id' then 'coalesce(v.id, gen_random_uuid())' else format('v.%I', c) end, ', ' order by c)
  into insert_cols, insert_values from unnest(cols) c;
  select string_agg(format('%I = v.%I', c, c), ', ' order by c) into update_sets from unnest(cols) c where c <> 'id';

  begin
    execute format('insert into public.%I (%s) select %s from jsonb_array_elements($1) x cross join lateral jsonb_populate_record(null::public.%I, x -> ''row'') v where x ->> ''action'' = ''insert''',
      p_kind, insert_cols, insert_values, p_kind) using plan;
    get diagnostics n_inserted = row_count;
    execute format('update public.%I t set %s from jsonb_array_elements($1) x cross join lateral jsonb_populate_record(null::public.%I, x -> ''row'') v where x ->> ''action'' = ''update'' and t.id = (x ->> ''existing'')::uuid',
      p_kind, update_sets, p_kind) using plan;
    get diagnostics n_updated = row_count;
  exception when others then
    -- Lack of resources (class 53, e.g. PGlite's lock table filled by the business-key triggers'
    -- per-row advisory locks on a very large file), limits and cancellation are no row's fault:
    -- raised as they are, never pinned on whichever row the one-by-one search stops at.
    get stacked diagnostics err_state = returned_sqlstate;
    if left(err_state, 2) in ('53', '54', '57') then
      raise;
    end if;
    -- The statement's work is undone; find the row at fault by writing them one at a time, and
    -- raise its refusal naming it (that undoes these single writes too).
    for step in select (p ->> 'ord')::integer as ord, p as entry from jsonb_array_elements(plan) p where p ->> 'action' <> 'skip' order by (p ->> 'ord')::integer loop
      begin
        if step.entry ->> 'action' = 'insert' then
          execute format('insert into public.%I (%s) select %s from jsonb_populate_record(null::public.%I, $1) v', p_kind, insert_cols, insert_values, p_kind) using step.entry -> 'row';
        else
          execute format('update public.%I t set %s from jsonb_populate_record(null::public.%I, $1) v where t.id = $2', p_kind, update_sets, p_kind) using step.entry -> 'row', (step.entry ->> 'existing')::uuid;
        end if;
      exception when others then
        get stacked diagnostics err_state = returned_sqlstate, err_message = message_text, err_column = column_name;
        raise exception using errcode = err_state, message = format('第 %s 条记录：%s', step.ord, err_message), detail = format('import_row:%s', step.ord), column = coalesce(err_column, '');
      end;
    end loop;
    raise;
  end;
  n_skipped := jsonb_array_length(p_rows) - n_inserted - n_updated;
  return jsonb_build_object('inserted', n_inserted, 'updated', n_updated, 'skipped', n_skipped, 'duplicates', to_jsonb(dup_keys), 'stopped', false);
end
$$;

revoke all on function public.import_records(text, jsonb, text) from public, anon;
grant execute on function public.import_records(text, jsonb, text) to authenticated, service_role;
