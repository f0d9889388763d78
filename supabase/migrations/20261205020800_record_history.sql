-- 操作日志 of one record, for every reader of the record. Hand-written; see docs/database.md
-- ("Audit", "Record history"). audit_log itself stays readable by auditors only (admins with the
-- personal-data right); this function gives any reader of a record that record's changes, field
-- by field, with personal values masked exactly as the record's own view masks them for the
-- caller, and the workflow step each change was (public.record_steps) beside it.

-- A kind's personal columns: the columns its generated view reads through the kind's
-- `private.<kind>_personal(t.id, '<column>')` function (20261204000110_personal_fields.sql and the
-- model migrations). Read from the view itself, so a plugin's kind is covered the moment its view
-- exists, and a column can never be masked in the list yet shown in the history.
create function private.personal_columns(p_kind text) returns text[]
language sql stable security definer set search_path = ''
as $$
  select coalesce(array_agg(distinct m[1]), '{}')
  from regexp_matches(
    coalesce(pg_catalog.pg_get_viewdef(pg_catalog.to_regclass('public.' || pg_catalog.quote_ident(p_kind || '_view'))), ''),
    -- `t.id` or `id`: the deparser drops the alias of a view over one table on some builds.
    '_personal\((?:t\.)?id, ''([a-z0-9_]+)''', 'g'
  ) as m
$$;
revoke all on function private.personal_columns(text) from public;

-- What a change shows of a value: as stored, masked (private.mask, as in the lists) when the
-- caller sees this area's personal fields masked, left out never (a reader sees that it changed).
create function private.history_value(p_value jsonb, p_personal boolean, p_visible boolean) returns jsonb
language sql immutable set search_path = ''
as $$
  select case
    when p_value is null or p_value = 'null'::jsonb or not p_personal or p_visible then p_value
    when jsonb_typeof(p_value) = 'string' then to_jsonb(private.mask(p_value #>> '{}'))
    else to_jsonb('***'::text)
  end
$$;
revoke all on function private.history_value(jsonb, boolean, boolean) from public;

-- Bookkeeping columns every record has: not what a person changed.
create function private.history_hidden_columns() returns text[]
language sql immutable set search_path = ''
as $$ select array['id', 'version', 'created_at', 'created_by', 'updated_at', 'updated_by', 'deleted_by'] $$;
revoke all on function private.history_hidden_columns() from public;

-- The record's history, oldest first: one row per audited write the caller may read (the record
-- was in an org where they hold `read` in the kind's area at that moment's org), with
-- `changes` = [{column, before, after}] of the columns that changed (an INSERT lists every column
-- it filled), personal columns masked unless the caller may see them unmasked there
-- (private.personal_visibility), the actor's display name, and the step label when the write was
-- a workflow step. Security definer: audit_log has no policy for readers; the checks are here.
create function private.record_history(p_kind text, p_id uuid)
returns table (id bigint, at timestamptz, actor uuid, actor_name text, operation text, step text, changes jsonb)
language sql stable security definer set search_path = ''
as $$
  with kind as (
    select k.kind_id, k.area, private.personal_columns(k.kind_id) as personal
    from private.record_kinds k where k.kind_id = p_kind
  ),
  entries as (
    select a.*, kind.personal, private.personal_visibility(a.org_id, kind.area) as visible
    from public.audit_log a, kind
    where a.table_name = kind.kind_id and a.record_id = p_id
      and private.has_right(a.org_id, 'read', kind.area)
  )
  select
    e.id,
    e.at,
    e.actor,
    p.display_name,
    e.operation,
    (select s.label from public.record_steps s
      where s.kind_id = p_kind and s.record_id = p_id and s.taken_at = e.at
        and s.to_state = e.after ->> (select w.field from private.workflows w where w.kind_id = p_kind)
      order by s.id desc limit 1),
    coalesce((
      select jsonb_agg(jsonb_build_object(
          'column', c.key,
          'before', private.history_value(e.before -> c.key, c.key = any (e.personal), coalesce(e.visible, false)),
          'after', private.history_value(e.after -> c.key, c.key = any (e.personal), coalesce(e.visible, false))
        ) order by c.key)
      from (select jsonb_object_keys(coalesce(e.after, e.before)) as key) c
      where c.key <> all (private.history_hidden_columns())
        and (e.before -> c.key) is distinct from (e.after -> c.key)
        and not (e.before is null and (e.after -> c.key) = 'null'::jsonb)
    ), '[]'::jsonb)
  from entries e
  left join public.profiles p on p.id = e.actor
  order by e.at, e.id
$$;
revoke all on function private.record_history(text, uuid) from public, anon;
grant execute on function private.record_history(text, uuid) to authenticated, service_role;

-- The entry point (PostgREST: POST /rest/v1/rpc/record_history): the caller's rights, nothing of
-- its own; the private helper above decides what they may see.
create function public.record_history(p_kind text, p_id uuid)
returns table (id bigint, at timestamptz, actor uuid, actor_name text, operation text, step text, changes jsonb)
language sql stable security invoker set search_path = ''
as $$ select * from private.record_history(p_kind, p_id) $$;
revoke all on function public.record_history(text, uuid) from public, anon;
grant execute on function public.record_history(text, uuid) to authenticated, service_role;
comment on function public.record_history(text, uuid) is '一条记录的操作日志（逐字段的修改前后值，按调用者的权限遮蔽个人信息，含办理流程步骤）';
