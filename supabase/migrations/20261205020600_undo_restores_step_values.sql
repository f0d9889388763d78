-- Undoing a workflow step gives back the values the step wrote (20261205010000 kept them), so the
-- record is as it was before the step, and a figure counting those values (准予受理, a 结案日期 with
-- 调解成功) drops again when the step is undone. Values typed before the step, by an edit, stay.
-- Steps recorded before this migration have no `previous`: undoing them returns only the state.

alter table public.record_steps add column previous jsonb;
comment on column public.record_steps.previous is '步骤改写前的字段值（列名 → 值），撤销步骤时恢复';
-- It may hold personal fields, which the record's readers may see only masked: readers of the
-- history get every column but this one (only undo_step, as definer, reads it).
revoke select on public.record_steps from authenticated;
grant select (id, kind_id, record_id, org_id, from_state, to_state, label, taken_by, taken_at, undone_by, undone_at, undo_reason, undone_txid)
  on public.record_steps to authenticated;

-- As in 20261205010000, and the step's row also keeps what the step changed, as it was.
create or replace function private.check_step() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  wf private.workflows;
  step private.workflow_transitions;
  before_state text;
  after_state text;
  after_row jsonb := to_jsonb(new);
  missing text[] := '{}';
  first_column text;
  i integer;
begin
  select * into wf from private.workflows w where w.kind_id = tg_table_name;
  if not found then
    return new;
  end if;
  before_state := coalesce(to_jsonb(old) ->> wf.field, wf.initial_state);
  after_state := coalesce(after_row ->> wf.field, wf.initial_state);
  if before_state is not distinct from after_state then
    return new;
  end if;
  -- undo_step's own update: it marked the step undone in this very transaction.
  if exists (
    select 1 from public.record_steps s
    where s.kind_id = tg_table_name and s.record_id = new.id and s.undone_txid = txid_current()
      and s.from_state = after_state and s.to_state = before_state
  ) then
    return new;
  end if;
  select * into step from private.workflow_transitions t
  where t.kind_id = tg_table_name and t.from_state = before_state and t.to_state = after_state;
  if not found then
    raise exception using errcode = 'FZ001', schema = 'public', table = tg_table_name, column = wf.field,
      message = format('“%s”不能从“%s”改为“%s”：流程中没有这一步（当前可走的步骤：%s）', wf.field_label,
        coalesce(wf.state_labels ->> before_state, before_state, '未填'), coalesce(wf.state_labels ->> after_state, after_state, '未填'),
        private.step_labels_from(tg_table_name, before_state));
  end if;
  for i in 1 .. coalesce(array_length(step.required_columns, 1), 0) loop
    if private.is_blank(after_row -> step.required_columns[i]) then
      missing := missing || step.required_labels[i];
      first_column := coalesce(first_column, step.required_columns[i]);
    end if;
  end loop;
  if cardinality(missing) > 0 then
    raise exception using errcode = 'FZ422', schema = 'public', table = tg_table_name, column = first_column,
      message = format('“%s”需要先填写：%s', step.label, array_to_string(missing, '、'));
  end if;
  for i in 1 .. coalesce(array_length(step.set_columns, 1), 0) loop
    if (after_row -> step.set_columns[i]) is distinct from step.set_values[i] then
      missing := missing || step.set_labels[i];
    end if;
  end loop;
  if cardinality(missing) > 0 then
    raise exception using errcode = 'FZ422', schema = 'public', table = tg_table_name, column = step.set_columns[1],
      message = format('“%s”要求%s', step.label, array_to_string(missing, '、'));
  end if;
  for i in 1 .. coalesce(array_length(step.required_slots, 1), 0) loop
    if not exists (
      select 1 from public.attachments a
      where a.kind_id = tg_table_name and a.record_id = new.id and a.slot = step.required_slots[i] and a.deleted_at is null
    ) then
      missing := missing || step.slot_labels[i];
    end if;
  end loop;
  if cardinality(missing) > 0 then
    raise exception using errcode = 'FZ422', schema = 'public', table = tg_table_name,
      message = format('“%s”需要先上传附件：%s', step.label, array_to_string(missing, '、'));
  end if;
  -- What the step changes, as it was before: undo_step gives it back.
  insert into public.record_steps (kind_id, record_id, org_id, from_state, to_state, label, taken_by, previous)
  values (tg_table_name, new.id, new.org_id, before_state, after_state, step.label, (select auth.uid()), (
    select coalesce(jsonb_object_agg(o.key, o.value), '{}') from jsonb_each(to_jsonb(old)) o
    where o.key <> wf.field and o.key not in ('version', 'updated_at', 'updated_by') and o.value is distinct from after_row -> o.key
  ));
  return new;
end
$$;

-- As in 20261205010000, and the record gets back what the step changed.
create or replace function private.undo_step(p_kind text, p_id uuid, p_reason text) returns public.record_steps
language plpgsql security definer set search_path = ''
as $$
declare
  wf private.workflows;
  record_org uuid;
  state text;
  last public.record_steps;
  assignments text := '';
  key text;
begin
  select * into wf from private.workflows w where w.kind_id = p_kind;
  if not found then
    raise exception using errcode = '22023', message = format('记录类型“%s”没有流程', p_kind);
  end if;
  if p_reason is null or p_reason !~ '\S' then
    raise exception using errcode = '23514', column = 'undo_reason', message = '撤销流程步骤须填写理由';
  end if;
  execute format('select t.org_id, t.%I::text from public.%I t where t.id = $1 for update', wf.field, p_kind) into record_org, state using p_id;
  if record_org is null or not (record_org = any (private.administered_org_ids())) then
    raise exception using errcode = '42501', message = '只有记录所属街道的管理员可以撤销流程步骤';
  end if;
  select * into last from public.record_steps s
  where s.kind_id = p_kind and s.record_id = p_id and s.undone_at is null
  order by s.id desc limit 1;
  if not found or last.to_state is distinct from state then
    raise exception using errcode = 'FZ001', message = '该记录没有可撤销的流程步骤';
  end if;
  update public.record_steps s
  set undone_by = (select auth.uid()), undone_at = now(), undo_reason = btrim(p_reason), undone_txid = txid_current()
  where s.id = last.id
  returning * into last;
  -- The values the step changed, as they were (columns dropped since are skipped).
  for key in
    select p.key from jsonb_object_keys(coalesce(last.previous, '{}')) p (key)
    join pg_catalog.pg_attribute a on a.attrelid = format('public.%I', p_kind)::regclass and a.attname = p.key and a.attnum > 0 and not a.attisdropped
  loop
    assignments := assignments || format('%I = v.%I, ', key, key);
  end loop;
  execute format('update public.%I t set %s%I = $1 from jsonb_populate_record(null::public.%I, $3) v where t.id = $2', p_kind, assignments, wf.field, p_kind)
    using last.from_state, p_id, coalesce(last.previous, '{}');
  return last;
end
$$;
