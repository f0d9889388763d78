-- Ledger import at speed, third step (issue 15: a 21,349-row import within 500 MB on PGlite).
--
-- Measured on PGlite (the benchmark's hotline ledger, one import_records call): the embedded
-- server's wasm heap grew from 204 MB to 342 MB during the call and never shrinks. Part of it was
-- the insert being one statement of 21,349 rows: its after-trigger work (the audit rows of
-- private.audit_inserted, the business-key check, their transition table, the foreign-key events)
-- is held for the whole statement. Inserting in chunks of 2,000 rows brought the heap's growth from
-- 138 MB to 83 MB, for the same CPU time; the rest is the 9 MB argument itself and the passes over
-- the whole file that decide what to write (those stay whole: duplicates are judged on the file).
--
-- public.import_records, same signature and answer: what to write is decided on the whole file
-- as before, then the inserts run in file order, 2,000 rows per statement, in the same transaction
-- (all rows or none, as before). Updates ('update' mode) stay one statement. A refused statement
-- is searched row by row as before, but only its own rows: a bad row near the end of a large file
-- was searched for from the first row, one insert at a time (4,400 rows took minutes on PGlite and
-- ran into the statement timeout on PostgreSQL).

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
  n_written integer;
  chunk jsonb;
  chunk_from integer;
  chunk_to integer;
  -- A refused statement: which ('insert' or 'update') and the rows it wrote, searched one by one.
  search_action text;
  search_from integer;
  search_to integer;
  err_detail text;
  err_constraint text;
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

  -- In chunks of 2,000 rows, in file order: each statement's trigger work (the audit images, the
  -- business-key check, its transition table) is a chunk's, so the server's memory (PGlite's wasm
  -- heap, which never shrinks) stays small. What to write was decided above on the whole file.
  chunk_from := 1;
  while chunk_from <= n_rows and search_action is null loop
    chunk_to := least(chunk_from + 1999, n_rows);
    select jsonb_agg(p_rows -> (g.n - 1) order by g.n) into chunk from generate_series(chunk_from, chunk_to) g (n);
    begin
      if actions is null then
        -- No business key: every row is inserted, in file order.
        execute format('insert into public.%I (%s) select %s from jsonb_populate_recordset(null::public.%I, $1) v',
          p_kind, insert_cols, insert_values, p_kind) using chunk;
      else
        execute format('insert into public.%I (%s) select %s from rows from (jsonb_populate_recordset(null::public.%I, $1)) with ordinality v join unnest($2) with ordinality a (action, ord) on a.ord = v.ordinality where a.action = ''insert'' order by v.ordinality',
          p_kind, insert_cols, insert_values, p_kind) using chunk, actions[chunk_from:chunk_to];
      end if;
      get diagnostics n_written = row_count;
      n_inserted := n_inserted + n_written;
    exception when others then
      get stacked diagnostics err_state = returned_sqlstate, err_message = message_text, err_column = column_name, err_detail = pg_exception_detail, err_constraint = constraint_name;
      -- Lack of resources (class 53), limits and cancellation are no row's fault: raised as they are,
      -- never pinned on whichever row the one-by-one search stops at.
      if left(err_state, 2) in ('53', '54', '57') then
        raise;
      end if;
      -- Only this chunk's statement was undone: the row at fault is among its rows.
      search_action := 'insert';
      search_from := chunk_from;
      search_to := chunk_to;
    end;
    chunk_from := chunk_to + 1;
  end loop;
  if search_action is null and 'update' = any (actions) then
    begin
      execute format('update public.%I t set %s from rows from (jsonb_populate_recordset(null::public.%I, $1)) with ordinality v join unnest($2, $3) with ordinality a (action, target, ord) on a.ord = v.ordinality where a.action = ''update'' and t.id = a.target',
        p_kind, update_sets, p_kind) using p_rows, actions, targets;
      get diagnostics n_updated = row_count;
    exception when others then
      get stacked diagnostics err_state = returned_sqlstate, err_message = message_text, err_column = column_name, err_detail = pg_exception_detail, err_constraint = constraint_name;
      if left(err_state, 2) in ('53', '54', '57') then
        raise;
      end if;
      search_action := 'update';
      search_from := 1;
      search_to := n_rows;
    end;
  end if;

  if search_action is not null then
    -- Find the row at fault by writing the failed statement's rows one at a time, and raise its
    -- refusal naming it (raising undoes every chunk written before, the caller's transaction too).
    for step in
      select g.n as ord, targets[g.n] as target
      from generate_series(search_from, search_to) g (n)
      where coalesce(actions[g.n], 'insert') = search_action
      order by g.n
    loop
      begin
        if search_action = 'insert' then
          execute format('insert into public.%I (%s) select %s from jsonb_populate_record(null::public.%I, $1) v', p_kind, insert_cols, insert_values, p_kind) using p_rows -> (step.ord - 1);
        else
          execute format('update public.%I t set %s from jsonb_populate_record(null::public.%I, $1) v where t.id = $2', p_kind, update_sets, p_kind) using p_rows -> (step.ord - 1), step.target;
        end if;
      exception when others then
        get stacked diagnostics err_state = returned_sqlstate, err_message = message_text, err_column = column_name;
        raise exception using errcode = err_state, message = format('第 %s 条记录：%s', step.ord, err_message), detail = format('import_row:%s', step.ord), column = coalesce(err_column, '');
      end;
    end loop;
    -- No row is refused alone: the statement's own refusal, as it was.
    raise exception using errcode = err_state, message = err_message, detail = coalesce(err_detail, ''), column = coalesce(err_column, ''), constraint = coalesce(err_constraint, '');
  end if;
  return jsonb_build_object('inserted', n_inserted, 'updated', n_updated, 'skipped', n_rows - n_inserted - n_updated, 'duplicates', to_jsonb(dup_keys), 'stopped', false);
end
$$;
