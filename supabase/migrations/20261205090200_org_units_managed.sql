-- Org units managed in the database: street admins (their street's or town's subtree) and district
-- supervisors (their district) add, update, move and retire units through the functions below;
-- the first run (建立本单位) creates the whole tree and the first admin from one JSON document.
-- Hand-written; see docs/database.md "Org units".
--
-- The table stays closed to direct writes by the API roles (base migration): every change goes
-- through a security definer function that checks the caller's grants, keeps the parent-kind and
-- cycle rules of private.check_org_unit, and records who, what and why in
-- public.org_unit_changes (the row images land in public.audit_log through the existing trigger).

-- Retired units -------------------------------------------------------------------------------
-- A unit with records is never deleted; it is retired: it stays readable and counts in past
-- figures, and takes no new records.
alter table public.org_units
  add column retired_at timestamptz,
  add column retired_by uuid;

comment on column public.org_units.retired_at is '停用时间；停用的机构保留其记录并可查阅，但不再新增记录';

-- Who changed which unit how and why (the reason the audit log has no column for).
create table public.org_unit_changes (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor uuid,
  -- No foreign key: the row outlives a unit deleted because it had no records.
  org_id uuid not null,
  action text not null,
  reason text,
  constraint org_unit_changes_action_options check (action in ('set_up', 'add', 'update', 'move', 'retire', 'delete')),
  constraint org_unit_changes_reason_max_length check (char_length(reason) <= 500)
);
comment on table public.org_unit_changes is '机构变更记录';
create index org_unit_changes_org_id_at_idx on public.org_unit_changes (org_id, at);

revoke all on public.org_unit_changes from anon, authenticated;
revoke all on sequence public.org_unit_changes_id_seq from anon, authenticated;
grant select on public.org_unit_changes to authenticated;
alter table public.org_unit_changes enable row level security;

-- Who manages what ------------------------------------------------------------------------------

-- The units at which the current user may manage the tree below: a street's or town's admin
-- memberships and district supervisors' memberships.
create function private.org_manager_roots() returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select coalesce(array_agg(distinct m.org_id), '{}')
  from public.memberships m join public.org_units u on u.id = m.org_id
  where m.user_id = (select auth.uid()) and m.active
    and ((m.role = 'admin' and u.kind in ('street', 'town')) or (m.role = 'supervisor' and u.kind = 'district'))
$$;

-- Those units and everything below them.
create function private.org_tree_managed_ids() returns uuid[]
language sql stable security definer set search_path = ''
as $$ select private.subtree_ids(private.org_manager_roots()) $$;

revoke all on function private.org_manager_roots(), private.org_tree_managed_ids() from public;
grant execute on function private.org_manager_roots(), private.org_tree_managed_ids() to authenticated, service_role;

create policy "Managers can read the changes of the units they manage" on public.org_unit_changes
  for select to authenticated
  using (org_id = any ((select private.org_tree_managed_ids())::uuid[]));

-- The unit, locked for the change, when the caller manages it; refuses (42501) otherwise. A unit
-- the caller cannot see is reported the same way as a missing one. Callers that are not signed-in
-- users (the service role, the database owner: the CLI, seeds; private.restricted_caller) manage
-- every unit, as they could write the table anyway; the rules of the functions still hold for
-- them. API visitors (anon) never get here: the functions are not granted to them.
create function private.managed_unit(p_org uuid, p_doing text) returns public.org_units
language plpgsql security definer set search_path = ''
as $$
declare
  unit public.org_units;
begin
  select * into unit from public.org_units u where u.id = p_org for update;
  if not found or not (not private.restricted_caller() or p_org = any (private.org_tree_managed_ids())) then
    raise exception using errcode = '42501',
      message = format('只有机构所属街道（镇）的管理员或所在区的督导员可以%s，您无权管理该机构或该机构不存在', p_doing);
  end if;
  return unit;
end
$$;

-- A trimmed reason, required or optional, at most 500 characters.
create function private.org_change_reason(p_reason text, p_required boolean, p_doing text) returns text
language plpgsql immutable set search_path = ''
as $$
declare
  reason text := nullif(btrim(coalesce(p_reason, '')), '');
begin
  if reason is null and p_required then
    raise exception using errcode = '23514', column = 'reason', message = format('%s须填写理由', p_doing);
  end if;
  if char_length(reason) > 500 then
    raise exception using errcode = '23514', column = 'reason', message = '理由不能超过 500 字';
  end if;
  return reason;
end
$$;

-- Field checks that need words the table's constraints cannot give: blank names, a code in use,
-- a span the wrong way round. `p_self` is the unit being changed (null when adding).
create function private.check_org_fields(p_self uuid, p_name text, p_code text, p_from date, p_to date) returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  holder text;
begin
  if p_name is null or p_name !~ '\S' then
    raise exception using errcode = '23514', column = 'name', message = '机构名称不能为空';
  end if;
  if char_length(p_name) > 200 then
    raise exception using errcode = '23514', column = 'name', message = format('机构名称“%s…”超过 200 字', left(p_name, 20));
  end if;
  if p_code is not null then
    if p_code !~ '\S' then
      raise exception using errcode = '23514', column = 'code', message = format('机构“%s”的编号不能为空白；不用编号请留空', p_name);
    end if;
    select u.name into holder from public.org_units u where u.code = p_code and u.id is distinct from p_self;
    if found then
      raise exception using errcode = '23505', column = 'code', message = format('机构编号“%s”已被机构“%s”使用', p_code, holder);
    end if;
  end if;
  if p_to is not null and p_from is null then
    raise exception using errcode = '23514', column = 'ledger_to', message = format('机构“%s”填写了建账截止日，也须填写建账起始日', p_name);
  end if;
  if p_to < p_from then
    raise exception using errcode = '23514', column = 'ledger_to', message = format('机构“%s”的建账截止日（%s）早于起始日（%s）', p_name, p_to, p_from);
  end if;
end
$$;

-- Refuses a parent that is retired: nothing new goes under a unit that takes no new records.
create function private.refuse_retired_parent(p_parent uuid) returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  parent public.org_units;
begin
  select * into parent from public.org_units u where u.id = p_parent;
  if parent.retired_at is not null then
    raise exception using errcode = '23514', column = 'parent_id', message = format('机构“%s”已停用，不能在其下新增或移入机构', parent.name);
  end if;
end
$$;

create function private.log_org_change(p_org uuid, p_action text, p_reason text) returns void
language sql security definer set search_path = ''
as $$
  insert into public.org_unit_changes (actor, org_id, action, reason) values ((select auth.uid()), p_org, p_action, p_reason)
$$;

revoke all on function
  private.managed_unit(uuid, text), private.org_change_reason(text, boolean, text),
  private.check_org_fields(uuid, text, text, date, date), private.refuse_retired_parent(uuid),
  private.log_org_change(uuid, text, text)
from public;

-- Adding, updating, moving, retiring ----------------------------------------------------------

-- Adds a unit below one the caller manages (the kind must fit the parent: private.check_org_unit).
create function private.add_org_unit(
  p_parent uuid, p_kind text, p_name text, p_short_name text default null, p_code text default null,
  p_ledger_from date default null, p_ledger_to date default null, p_reason text default null
) returns public.org_units
language plpgsql security definer set search_path = ''
as $$
declare
  v_name text := btrim(coalesce(p_name, ''));
  v_code text := nullif(btrim(coalesce(p_code, '')), '');
  v_reason text := private.org_change_reason(p_reason, false, '新增机构');
  added public.org_units;
begin
  if p_parent is null then
    raise exception using errcode = '42501', column = 'parent_id', message = '最上级机构只能在建立本单位时设定；新增机构须选择上级机构';
  end if;
  perform private.managed_unit(p_parent, '在其下新增机构');
  perform private.refuse_retired_parent(p_parent);
  if p_kind is null or p_kind not in ('street', 'town', 'community', 'village', 'mediation_committee', 'department') then
    raise exception using errcode = '22023', column = 'kind', message = format('机构类型“%s”无效（可新增：街道、镇、社区、村、人民调解委员会、部门）', coalesce(p_kind, ''));
  end if;
  perform private.check_org_fields(null, v_name, v_code, p_ledger_from, p_ledger_to);
  insert into public.org_units (parent_id, kind, code, name, short_name, ledger_from, ledger_to)
  values (p_parent, p_kind, v_code, v_name, nullif(btrim(coalesce(p_short_name, '')), ''), p_ledger_from, p_ledger_to)
  returning * into added;
  perform private.log_org_change(added.id, 'add', v_reason);
  return added;
end
$$;

-- Changes the keys present in `p_change` (name, shortName, code, ledgerFrom, ledgerTo; null
-- clears an optional one) of a unit the caller manages.
create function private.update_org_unit(p_org uuid, p_change jsonb, p_reason text default null) returns public.org_units
language plpgsql security definer set search_path = ''
as $$
declare
  unit public.org_units := private.managed_unit(p_org, '修改机构');
  v_reason text := private.org_change_reason(p_reason, false, '修改机构');
  unknown text;
  changed public.org_units;
begin
  if jsonb_typeof(p_change) is distinct from 'object' then
    raise exception using errcode = '22023', message = '机构修改内容格式不正确：应为对象';
  end if;
  select k into unknown from jsonb_object_keys(p_change) k where k not in ('name', 'shortName', 'code', 'ledgerFrom', 'ledgerTo') limit 1;
  if found then
    raise exception using errcode = '22023', message = format('机构修改内容含有不能修改的项“%s”（可修改：名称、简称、编号、建账起止）', unknown);
  end if;
  if p_change ? 'name' then unit.name := btrim(coalesce(p_change ->> 'name', '')); end if;
  if p_change ? 'shortName' then unit.short_name := nullif(btrim(coalesce(p_change ->> 'shortName', '')), ''); end if;
  if p_change ? 'code' then unit.code := nullif(btrim(coalesce(p_change ->> 'code', '')), ''); end if;
  if p_change ? 'ledgerFrom' then unit.ledger_from := private.org_date(p_change ->> 'ledgerFrom', '建账起始日'); end if;
  if p_change ? 'ledgerTo' then unit.ledger_to := private.org_date(p_change ->> 'ledgerTo', '建账截止日'); end if;
  perform private.check_org_fields(unit.id, unit.name, unit.code, unit.ledger_from, unit.ledger_to);
  update public.org_units u
  set name = unit.name, short_name = unit.short_name, code = unit.code, ledger_from = unit.ledger_from, ledger_to = unit.ledger_to
  where u.id = unit.id
  returning * into changed;
  perform private.log_org_change(unit.id, 'update', v_reason);
  return changed;
end
$$;

-- Moves a unit the caller manages below another unit the caller manages: never out of the caller's
-- subtree, never the caller's own street or district itself, never into a cycle.
create function private.move_org_unit(p_org uuid, p_parent uuid, p_reason text) returns public.org_units
language plpgsql security definer set search_path = ''
as $$
declare
  unit public.org_units := private.managed_unit(p_org, '移动机构');
  v_reason text := private.org_change_reason(p_reason, true, '移动机构');
  moved public.org_units;
begin
  if p_org = any (private.org_manager_roots()) then
    raise exception using errcode = '42501', message = format('“%s”是您任职的机构，不能由您自己移动；请由上级机构的管理人员办理', unit.name);
  end if;
  if p_parent is null then
    raise exception using errcode = '42501', column = 'parent_id', message = '移动机构须选择新的上级机构';
  end if;
  perform private.managed_unit(p_parent, '把机构移入其下');
  perform private.refuse_retired_parent(p_parent);
  update public.org_units u set parent_id = p_parent where u.id = p_org returning * into moved;
  perform private.log_org_change(p_org, 'move', v_reason);
  return moved;
end
$$;

-- What refers to a unit: its children, memberships, and every row of any table with a foreign
-- key to it (records of every kind, attachments, reports …), found from the catalog so that kinds
-- added later count too. The first referring table's comment (its Chinese name), or null.
create function private.org_unit_referenced_by(p_org uuid) returns text
language plpgsql stable security definer set search_path = ''
as $$
declare
  fk record;
  hit boolean;
begin
  for fk in
    select c.conrelid::regclass as tbl, a.attname as col,
      coalesce(pg_catalog.obj_description(c.conrelid, 'pg_class'), c.conrelid::regclass::text) as label
    from pg_catalog.pg_constraint c
    join pg_catalog.pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and c.confrelid = 'public.org_units'::regclass and cardinality(c.conkey) = 1
    order by c.conrelid::regclass::text
  loop
    execute format('select exists (select 1 from %s where %I = $1)', fk.tbl, fk.col) into hit using p_org;
    if hit then
      return case when fk.tbl = 'public.org_units'::regclass then '下级机构' else fk.label end;
    end if;
  end loop;
  return null;
end
$$;

-- Retires a unit the caller manages (reason required); one that nothing refers to (added by
-- mistake) is deleted instead. Units below must be moved or retired first. Returns what was done.
create function private.retire_org_unit(p_org uuid, p_reason text) returns text
language plpgsql security definer set search_path = ''
as $$
declare
  unit public.org_units := private.managed_unit(p_org, '停用机构');
  v_reason text := private.org_change_reason(p_reason, true, '停用机构');
  active_child text;
begin
  if p_org = any (private.org_manager_roots()) then
    raise exception using errcode = '42501', message = format('“%s”是您任职的机构，不能由您自己停用；请由上级机构的管理人员办理', unit.name);
  end if;
  if unit.retired_at is not null then
    raise exception using errcode = '23514', message = format('机构“%s”已于%s停用', unit.name, to_char(unit.retired_at, 'YYYY-MM-DD'));
  end if;
  select c.name into active_child from public.org_units c where c.parent_id = p_org and c.retired_at is null limit 1;
  if found then
    raise exception using errcode = '23514', message = format('机构“%s”下还有未停用的下级机构“%s”：请先移走或停用下级机构', unit.name, active_child);
  end if;
  if private.org_unit_referenced_by(p_org) is null then
    delete from public.org_units u where u.id = p_org;
    perform private.log_org_change(p_org, 'delete', v_reason);
    return 'deleted';
  end if;
  update public.org_units u set retired_at = now(), retired_by = (select auth.uid()) where u.id = p_org;
  perform private.log_org_change(p_org, 'retire', v_reason);
  return 'retired';
end
$$;

-- A date from JSON text, with the field's Chinese name in the error.
create function private.org_date(p_value text, p_field text) returns date
language plpgsql immutable set search_path = ''
as $$
begin
  if p_value is null or btrim(p_value) = '' then
    return null;
  end if;
  if p_value !~ '^\d{4}-\d{2}-\d{2}$' then
    raise exception using errcode = '22007', message = format('%s“%s”不是日期（应为 年-月-日，如 2024-01-01）', p_field, p_value);
  end if;
  return p_value::date;
exception
  when datetime_field_overflow or invalid_datetime_format then
    raise exception using errcode = '22007', message = format('%s“%s”不是有效的日期', p_field, p_value);
end
$$;
revoke all on function private.org_date(text, text) from public;

-- Deleting a unit directly (service role, the database owner) is refused with words, not a
-- foreign-key error, when anything refers to it; its memberships would otherwise vanish with it
-- (their foreign key cascades).
create function private.refuse_deleting_used_org() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  used_by text := private.org_unit_referenced_by(old.id);
begin
  if used_by is not null then
    raise exception using errcode = '23503', table = 'org_units',
      message = format('机构“%s”已有%s，不能删除；请改为停用', old.name, used_by);
  end if;
  return old;
end
$$;
create trigger org_units_refuse_delete_used before delete on public.org_units
  for each row execute function private.refuse_deleting_used_org();

-- New records never go to a retired unit. The check rides on the trigger every record kind already
-- has (`<kind>_year_lock`, given to kinds added later by the model migration generator), so no
-- kind can miss it; the year-lock logic below is unchanged from 20261205040400_annual_reports.sql.
create function private.refuse_retired_org(p_table text, p_org uuid) returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  unit_name text;
begin
  select u.name into unit_name from public.org_units u where u.id = p_org and u.retired_at is not null;
  if found then
    raise exception using errcode = '23514', schema = 'public', table = p_table, column = 'org_id',
      message = format('机构“%s”已停用，不能再新增或转入%s；已有记录仍可查阅', unit_name,
        coalesce((select k.label from private.record_kinds k where k.kind_id = p_table), '记录'));
  end if;
end
$$;
revoke all on function private.refuse_retired_org(text, uuid) from public;

create or replace function private.refuse_locked_year() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  period_column text := tg_argv[0];
  images jsonb[];
  image jsonb;
  period_year integer;
  lock_unit text;
begin
  if tg_op = 'INSERT' then
    perform private.refuse_retired_org(tg_table_name, new.org_id);
  elsif tg_op = 'UPDATE' then
    if new.org_id is distinct from old.org_id then
      perform private.refuse_retired_org(tg_table_name, new.org_id);
    end if;
  end if;
  -- Nothing is locked (the usual case, and every seed or import of an open year): one index probe.
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
$$;

-- Accounts (the first admin here; local accounts in 20261205090300_local_accounts.sql) --------

create schema if not exists extensions;
create extension if not exists pgcrypto with schema extensions;

-- The password rule of both the initial and a changed password (GoTrue's minimum is 6; a shared
-- office computer deserves 8). Bcrypt reads at most 72 bytes: longer would be cut silently.
create function private.check_password(p_password text, p_what text) returns void
language plpgsql immutable set search_path = ''
as $$
begin
  if p_password is null or char_length(p_password) < 8 then
    raise exception using errcode = '22023', column = 'password', message = format('%s至少需要 8 个字符', p_what);
  elsif octet_length(p_password) > 72 then
    raise exception using errcode = '22023', column = 'password', message = format('%s不能超过 72 个字节（约 24 个汉字或 72 个字母）', p_what);
  elsif p_password !~ '[^[:space:]]' then
    raise exception using errcode = '22023', column = 'password', message = format('%s不能全是空格', p_what);
  end if;
end
$$;

-- Writes the user row the way GoTrue does for a confirmed e-mail sign-up: bcrypt at GoTrue's cost 10
-- ($2a$10$…), which its sign-in verifies. GoTrue's token columns
-- (absent from a bare PostgreSQL's auth.users) must be '' rather than NULL for its sign-in.
create function private.insert_auth_user(p_id uuid, p_email text, p_password text, p_display_name text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  token_column text;
begin
  insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
  values (
    '00000000-0000-0000-0000-000000000000', p_id, 'authenticated', 'authenticated', p_email,
    extensions.crypt(p_password, extensions.gen_salt('bf', 10)), now(),
    '{"provider": "email", "providers": ["email"]}'::jsonb,
    case when p_display_name is null then '{}'::jsonb else jsonb_build_object('display_name', p_display_name) end,
    now(), now()
  );
  for token_column in
    select a.attname from pg_catalog.pg_attribute a
    where a.attrelid = 'auth.users'::regclass and not a.attisdropped
      and a.attname in ('confirmation_token', 'recovery_token', 'email_change_token_new', 'email_change')
  loop
    execute format('update auth.users set %I = '''' where id = $1', token_column) using p_id;
  end loop;
  if to_regclass('auth.identities') is not null then
    -- The schema named through format(): a constant text would be checked against an auth schema
    -- without auth.identities (the shim) although the branch never runs there.
    execute format($i$
      insert into %I.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
      values ($1::text, $1, jsonb_build_object('sub', $1::text, 'email', $2::text, 'email_verified', true), 'email', null, now(), now())
    $i$, 'auth') using p_id, p_email;
  end if;
end
$$;

revoke all on function private.check_password(text, text), private.insert_auth_user(uuid, text, text, text) from public;

-- First run (建立本单位) --------------------------------------------------------------------------

-- Inserts `p_units` (a JSON array of {kind, name, shortName?, code?, ledgerFrom?, ledgerTo?,
-- children?}) below `p_parent`; `p_where` names the place for error messages. Returns the ids in
-- document order (depth first).
create function private.set_up_units(p_parent uuid, p_units jsonb, p_where text) returns uuid[]
language plpgsql security definer set search_path = ''
as $$
declare
  v_unit jsonb;
  v_i integer := 0;
  v_here text;
  v_kind text;
  v_name text;
  v_code text;
  v_ledger_from date;
  v_ledger_to date;
  v_id uuid;
  v_ids uuid[] := '{}'::uuid[];
begin
  if p_units is null then
    return v_ids;
  end if;
  if jsonb_typeof(p_units) <> 'array' then
    raise exception using errcode = '22023', message = format('%s的下级机构应为列表', p_where);
  end if;
  for v_unit in select value from jsonb_array_elements(p_units) loop
    v_i := v_i + 1;
    v_here := case when p_parent is null then format('第%s个最上级机构', v_i) else format('%s的第%s个下级机构', p_where, v_i) end;
    if jsonb_typeof(v_unit) <> 'object' then
      raise exception using errcode = '22023', message = format('%s格式不正确：应为对象', v_here);
    end if;
    v_name := btrim(coalesce(v_unit ->> 'name', ''));
    if v_name <> '' then
      v_here := format('%s“%s”', v_here, v_name);
    end if;
    v_kind := v_unit ->> 'kind';
    if v_kind is null or v_kind not in ('district', 'street', 'town', 'community', 'village', 'mediation_committee', 'department') then
      raise exception using errcode = '22023', column = 'kind',
        message = format('%s的类型“%s”无效（应为 district 区、street 街道、town 镇、community 社区、village 村、mediation_committee 人民调解委员会、department 部门）', v_here, coalesce(v_kind, ''));
    end if;
    v_code := nullif(btrim(coalesce(v_unit ->> 'code', '')), '');
    begin
      v_ledger_from := private.org_date(v_unit ->> 'ledgerFrom', '建账起始日');
      v_ledger_to := private.org_date(v_unit ->> 'ledgerTo', '建账截止日');
      perform private.check_org_fields(null, v_name, v_code, v_ledger_from, v_ledger_to);
      insert into public.org_units (parent_id, kind, code, name, short_name, ledger_from, ledger_to)
      values (p_parent, v_kind, v_code, v_name, nullif(btrim(coalesce(v_unit ->> 'shortName', '')), ''), v_ledger_from, v_ledger_to)
      returning org_units.id into v_id;
    exception
      when others then
        raise exception using errcode = sqlstate, message = format('%s：%s', v_here, sqlerrm);
    end;
    perform private.log_org_change(v_id, 'set_up', '建立本单位');
    v_ids := v_ids || v_id || private.set_up_units(v_id, v_unit -> 'children', v_here);
  end loop;
  return v_ids;
end
$$;
revoke all on function private.set_up_units(uuid, jsonb, text) from public;

-- The first run: on a database without org units, creates the tree of `p_setup.units`, the first
-- admin (`p_setup.admin`: email, password, displayName?) as an auth.users row with a bcrypt
-- password as GoTrue stores it (private.insert_auth_user, as for every local account), and that admin's membership (with the personal-data grant) at the
-- first street or town of the document. Only the database owner (the console on a new embedded
-- database, `fazhi setup` with the database's URL) and the service role may run it: an API
-- visitor on a new Supabase project must not be able to make itself the admin. Refuses once the
-- database has units. Returns {adminId, unitIds}.
create function private.set_up_organisation(p_setup jsonb) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_admin jsonb := p_setup -> 'admin';
  v_email text := lower(btrim(coalesce(v_admin ->> 'email', '')));
  v_password text := coalesce(v_admin ->> 'password', '');
  v_display_name text := nullif(btrim(coalesce(v_admin ->> 'displayName', '')), '');
  v_unit_ids uuid[];
  v_home uuid;
  v_admin_id uuid := gen_random_uuid();
begin
  -- One first run at a time: a second one waits here, then finds the units of the first.
  lock table public.org_units in exclusive mode;
  if exists (select 1 from public.org_units) then
    raise exception using errcode = '55000', message = '数据库中已有机构，不能再次建立本单位；请由管理员在“机构管理”中增改机构';
  end if;
  if jsonb_typeof(p_setup) is distinct from 'object' then
    raise exception using errcode = '22023', message = '机构设置格式不正确：应为含 units 与 admin 的对象';
  end if;
  if jsonb_typeof(p_setup -> 'units') is distinct from 'array' or jsonb_array_length(p_setup -> 'units') = 0 then
    raise exception using errcode = '22023', column = 'units', message = '机构设置中没有机构（units 应为非空列表）';
  end if;
  if jsonb_typeof(v_admin) is distinct from 'object' then
    raise exception using errcode = '22023', column = 'admin', message = '机构设置中没有首位管理员（admin：email、password）';
  end if;
  if v_email !~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$' then
    raise exception using errcode = '22023', column = 'email', message = format('首位管理员的邮箱“%s”格式不正确', v_email);
  end if;
  perform private.check_password(v_password, '首位管理员的密码');

  v_unit_ids := private.set_up_units(null, p_setup -> 'units', '机构设置');
  select u.id into v_home from unnest(v_unit_ids) with ordinality as t (id, n) join public.org_units u on u.id = t.id
  where u.kind in ('street', 'town') order by t.n limit 1;
  if v_home is null then
    raise exception using errcode = '22023', column = 'units', message = '机构设置中至少要有一个街道或镇：首位管理员设在那里';
  end if;

  if exists (select 1 from auth.users u where lower(u.email) = v_email) then
    raise exception using errcode = '23505', column = 'email', message = format('邮箱“%s”已有账号', v_email);
  end if;
  perform private.insert_auth_user(v_admin_id, v_email, v_password, coalesce(v_display_name, '管理员'));
  insert into public.memberships (user_id, org_id, role, areas, personal_data) values (v_admin_id, v_home, 'admin', '{}', true);
  return jsonb_build_object('adminId', v_admin_id, 'unitIds', to_jsonb(v_unit_ids));
end
$$;

-- The API: the caller's-rights doors (what PostgREST exposes) to the owner's-rights functions.
create function public.add_org_unit(
  p_parent uuid, p_kind text, p_name text, p_short_name text default null, p_code text default null,
  p_ledger_from date default null, p_ledger_to date default null, p_reason text default null
) returns public.org_units
language sql security invoker set search_path = ''
as $$ select * from private.add_org_unit(p_parent, p_kind, p_name, p_short_name, p_code, p_ledger_from, p_ledger_to, p_reason) $$;
create function public.update_org_unit(p_org uuid, p_change jsonb, p_reason text default null) returns public.org_units
language sql security invoker set search_path = ''
as $$ select * from private.update_org_unit(p_org, p_change, p_reason) $$;
create function public.move_org_unit(p_org uuid, p_parent uuid, p_reason text) returns public.org_units
language sql security invoker set search_path = ''
as $$ select * from private.move_org_unit(p_org, p_parent, p_reason) $$;
create function public.retire_org_unit(p_org uuid, p_reason text) returns text
language sql security invoker set search_path = ''
as $$ select private.retire_org_unit(p_org, p_reason) $$;
create function public.set_up_organisation(p_setup jsonb) returns jsonb
language sql security invoker set search_path = ''
as $$ select private.set_up_organisation(p_setup) $$;

comment on function public.set_up_organisation(jsonb) is
  '建立本单位: the first run on a database without org units (database owner and service role only). p_setup = {units: [{kind, name, shortName?, code?, ledgerFrom?, ledgerTo?, children?}], admin: {email, password, displayName?}}.';

-- Privileges ----------------------------------------------------------------------------------
revoke all on function
  private.add_org_unit(uuid, text, text, text, text, date, date, text), private.update_org_unit(uuid, jsonb, text),
  private.move_org_unit(uuid, uuid, text), private.retire_org_unit(uuid, text), private.set_up_organisation(jsonb),
  private.refuse_deleting_used_org(), private.org_unit_referenced_by(uuid),
  public.add_org_unit(uuid, text, text, text, text, date, date, text), public.update_org_unit(uuid, jsonb, text),
  public.move_org_unit(uuid, uuid, text), public.retire_org_unit(uuid, text), public.set_up_organisation(jsonb)
from public, anon;
grant execute on function
  private.add_org_unit(uuid, text, text, text, text, date, date, text), private.update_org_unit(uuid, jsonb, text),
  private.move_org_unit(uuid, uuid, text), private.retire_org_unit(uuid, text),
  public.add_org_unit(uuid, text, text, text, text, date, date, text), public.update_org_unit(uuid, jsonb, text),
  public.move_org_unit(uuid, uuid, text), public.retire_org_unit(uuid, text)
to authenticated, service_role;
grant execute on function private.set_up_organisation(jsonb), public.set_up_organisation(jsonb) to service_role;
