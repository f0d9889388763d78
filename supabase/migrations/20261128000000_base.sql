-- fazhi base schema: org tree, memberships (the role model), profiles, the audit log, and the
-- helpers and trigger functions every record table uses. Hand-written; see docs/database.md.
--
-- Conventions: helpers live in schema `private` (not exposed through the API); every helper that
-- reads memberships is `security definer` with `search_path = ''` and fully qualified names, so a
-- caller can neither see memberships directly nor redirect a name. Policies call the helpers as
-- `(select private.f(...))` so each set is computed once per statement.

-- private -------------------------------------------------------------------------------------
create schema if not exists private;
revoke all on schema private from public;
-- Policies run as the caller, so the caller needs to reach the helpers they call.
grant usage on schema private to authenticated, service_role;

-- Which work area each record kind belongs to; filled by the generated records migration and read
-- by the storage policies, whose object paths name the kind, not the area.
create table private.record_kinds (
  kind_id text primary key,
  area text not null,
  label text not null
);

-- org_units -----------------------------------------------------------------------------------
create table public.org_units (
  id uuid primary key default gen_random_uuid(),
  parent_id uuid references public.org_units (id),
  kind text not null,
  -- The dataset's own id for the unit (机构编号), kept so imports and exports can name it.
  code text unique,
  name text not null,
  short_name text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint org_units_kind_options check (kind in ('district', 'street', 'community', 'mediation_committee', 'department')),
  constraint org_units_code_not_blank check (code ~ '\S'),
  constraint org_units_name_not_blank check (name ~ '\S'),
  constraint org_units_name_max_length check (char_length(name) <= 200),
  constraint org_units_short_name_max_length check (char_length(short_name) <= 100),
  constraint org_units_not_own_parent check (parent_id <> id)
);
comment on table public.org_units is '机构';
create index org_units_parent_id_idx on public.org_units (parent_id);

-- memberships ---------------------------------------------------------------------------------
create table public.memberships (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  org_id uuid not null references public.org_units (id) on delete cascade,
  role text not null,
  -- Work areas granted to a clerk; ignored for the other roles, which cover every area.
  areas text[] not null default '{}',
  -- Unmasks personal fields (names, ID numbers, phones) for what this membership can read.
  personal_data boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint memberships_role_options check (role in ('supervisor', 'admin', 'clerk', 'viewer')),
  constraint memberships_clerk_has_areas check (role <> 'clerk' or cardinality(areas) > 0),
  constraint memberships_one_role_per_org unique (user_id, org_id, role)
);
comment on table public.memberships is '成员及角色';
create index memberships_user_id_idx on public.memberships (user_id);
create index memberships_org_id_idx on public.memberships (org_id);

-- profiles ------------------------------------------------------------------------------------
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint profiles_display_name_max_length check (char_length(display_name) <= 100)
);
comment on table public.profiles is '用户资料';

-- audit_log -----------------------------------------------------------------------------------
create table public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor uuid,
  table_name text not null,
  record_id uuid,
  org_id uuid,
  operation text not null,
  before jsonb,
  after jsonb,
  constraint audit_log_operation_options check (operation in ('INSERT', 'UPDATE', 'SOFT_DELETE', 'RESTORE', 'DELETE'))
);
comment on table public.audit_log is '操作日志';
create index audit_log_org_id_at_idx on public.audit_log (org_id, at);
create index audit_log_record_idx on public.audit_log (table_name, record_id);

-- Access helpers ------------------------------------------------------------------------------
-- The one statement of the role model (docs/database.md, "Roles"): the orgs at which the current
-- user holds a membership granting `p_right` in work area `p_area`. Rights: read, write, personal
-- (unmasked personal fields), audit (read the audit log), administer (street admin), member (any).
create function private.granted_org_ids(p_right text, p_area text) returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select coalesce(array_agg(distinct m.org_id), '{}')
  from public.memberships m
  where m.user_id = (select auth.uid())
    and case p_right
      when 'read' then m.role in ('supervisor', 'admin', 'viewer') or (m.role = 'clerk' and p_area = any (m.areas))
      when 'write' then m.role = 'admin' or (m.role = 'clerk' and p_area = any (m.areas))
      when 'personal' then m.personal_data
        and (m.role in ('supervisor', 'admin', 'viewer') or (m.role = 'clerk' and p_area = any (m.areas)))
      when 'audit' then m.role = 'admin' and m.personal_data
      when 'administer' then m.role = 'admin'
      when 'member' then true
      else false
    end
$$;

-- The given units and everything below them. `union` (not `union all`) also stops on a cycle.
create function private.subtree_ids(p_roots uuid[]) returns uuid[]
language sql stable security definer set search_path = ''
as $$
  with recursive tree (id) as (
    select u.id from public.org_units u where u.id = any (p_roots)
    union
    select c.id from public.org_units c join tree t on c.parent_id = t.id
  )
  select coalesce(array_agg(id), '{}') from tree
$$;

-- Orgs (whole subtrees) whose records of `area` the current user may read.
create function private.readable_org_ids(area text) returns uuid[]
language sql stable security definer set search_path = ''
as $$ select private.subtree_ids(private.granted_org_ids('read', readable_org_ids.area)) $$;

-- Orgs whose records of `area` the current user may insert and update.
create function private.writable_org_ids(area text) returns uuid[]
language sql stable security definer set search_path = ''
as $$ select private.subtree_ids(private.granted_org_ids('write', writable_org_ids.area)) $$;

-- Orgs whose records of `area` the current user sees with personal fields unmasked.
create function private.personal_org_ids(area text) returns uuid[]
language sql stable security definer set search_path = ''
as $$ select private.subtree_ids(private.granted_org_ids('personal', personal_org_ids.area)) $$;

-- Orgs in any of the current user's membership subtrees (the org tree they may browse).
create function private.member_org_ids() returns uuid[]
language sql stable security definer set search_path = ''
as $$ select private.subtree_ids(private.granted_org_ids('member', null)) $$;

-- Orgs whose memberships the current user administers (street admins).
create function private.administered_org_ids() returns uuid[]
language sql stable security definer set search_path = ''
as $$ select private.subtree_ids(private.granted_org_ids('administer', null)) $$;

-- Orgs whose audit log the current user may read: admins holding the personal-data right, since
-- before/after images carry personal fields.
create function private.auditable_org_ids() returns uuid[]
language sql stable security definer set search_path = ''
as $$ select private.subtree_ids(private.granted_org_ids('audit', null)) $$;

-- One org, one right, one area: true when a granting membership sits at the org or above it.
-- For rows whose area varies per row (attachments, storage objects), where a per-statement set
-- per area is not available; walks up the tree instead of expanding subtrees.
create function private.has_right(p_org uuid, p_right text, p_area text) returns boolean
language sql stable security definer set search_path = ''
as $$
  with recursive up (id, parent_id) as (
    select u.id, u.parent_id from public.org_units u where u.id = p_org
    union
    select p.id, p.parent_id from public.org_units p join up on p.id = up.parent_id
  )
  select exists (select 1 from up where up.id = any (private.granted_org_ids(p_right, p_area)))
$$;

-- The work area of a record kind (table name); null for an unknown kind.
create function private.area_of_kind(kind_id text) returns text
language sql stable security definer set search_path = ''
as $$ select k.area from private.record_kinds k where k.kind_id = area_of_kind.kind_id $$;

-- Masks personal data for readers without the right, piece by piece so that 「张三、李四」 reads
-- 「张*、李*」: mobile phones keep 3 + 4 digits (138****5678), ID numbers the first 6 and last 4,
-- other numbers the first 3 and last 4, anything else its first character (张**).
create function private.mask_piece(piece text) returns text
language sql immutable set search_path = ''
as $$
  select case
    when piece ~ '^1[0-9]{10}$' then left(piece, 3) || '****' || right(piece, 4)
    when piece ~ '^([0-9]{17}[0-9Xx]|[0-9]{15})$' then left(piece, 6) || repeat('*', char_length(piece) - 10) || right(piece, 4)
    when piece ~ '^[0-9+()-]{8,}$' then left(piece, 3) || repeat('*', char_length(piece) - 7) || right(piece, 4)
    when char_length(piece) <= 1 then '*'
    else left(piece, 1) || repeat('*', char_length(piece) - 1)
  end
$$;

create function private.mask(value text) returns text
language sql immutable set search_path = ''
as $$
  select string_agg(case when t.m[1] is not null then private.mask_piece(t.m[1]) else t.m[2] end, '' order by t.n)
  from regexp_matches(value, '([^、,，;；/[:space:]]+)|([、,，;；/[:space:]]+)', 'g') with ordinality as t (m, n)
$$;

revoke all on function
  private.granted_org_ids(text, text), private.subtree_ids(uuid[]), private.readable_org_ids(text),
  private.writable_org_ids(text), private.personal_org_ids(text), private.member_org_ids(),
  private.administered_org_ids(), private.auditable_org_ids(), private.has_right(uuid, text, text),
  private.area_of_kind(text), private.mask_piece(text), private.mask(text)
from public;
grant execute on function
  private.granted_org_ids(text, text), private.subtree_ids(uuid[]), private.readable_org_ids(text),
  private.writable_org_ids(text), private.personal_org_ids(text), private.member_org_ids(),
  private.administered_org_ids(), private.auditable_org_ids(), private.has_right(uuid, text, text),
  private.area_of_kind(text), private.mask_piece(text), private.mask(text)
to authenticated, service_role;

-- Trigger functions ---------------------------------------------------------------------------
-- Record tables: who and when are the database's to say, never the client's.
create function private.stamp_insert() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.version := 1;
  new.created_at := now();
  new.created_by := (select auth.uid());
  new.updated_at := new.created_at;
  new.updated_by := new.created_by;
  new.deleted_by := case when new.deleted_at is not null then new.created_by end;
  return new;
end
$$;

-- Optimistic concurrency: a writer sends back the version it read; a different one means somebody
-- else wrote in between. PT409 is PostgREST's way to answer HTTP 409.
create function private.stamp_update() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.version is distinct from old.version then
    raise exception using
      errcode = 'PT409',
      message = format('记录已被他人修改（当前版本 %s），请刷新后重试', old.version);
  end if;
  new.version := old.version + 1;
  new.created_at := old.created_at;
  new.created_by := old.created_by;
  new.updated_at := now();
  new.updated_by := (select auth.uid());
  if new.deleted_at is null then
    new.deleted_by := null;
  elsif old.deleted_at is null then
    new.deleted_by := new.updated_by;
  else
    new.deleted_by := old.deleted_by;
  end if;
  return new;
end
$$;

-- Tables without versions (org units, memberships, profiles).
create function private.touch() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.created_at := old.created_at;
  new.updated_at := now();
  return new;
end
$$;

-- Appends one audit row per written row. The first trigger argument names the column holding the
-- row's org (none for profiles). Security definer: app roles cannot write the audit log directly.
create function private.audit() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  before_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  after_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  row_image jsonb := coalesce(after_row, before_row);
  operation text := tg_op;
begin
  if tg_op = 'UPDATE' and before_row ? 'deleted_at' then
    if before_row ->> 'deleted_at' is null and after_row ->> 'deleted_at' is not null then
      operation := 'SOFT_DELETE';
    elsif before_row ->> 'deleted_at' is not null and after_row ->> 'deleted_at' is null then
      operation := 'RESTORE';
    end if;
  end if;
  insert into public.audit_log (actor, table_name, record_id, org_id, operation, before, after)
  values (
    (select auth.uid()),
    tg_table_name,
    (row_image ->> 'id')::uuid,
    case when tg_nargs > 0 then (row_image ->> tg_argv[0])::uuid end,
    operation,
    before_row,
    after_row
  );
  return null;
end
$$;

-- Keeps the org tree plausible (the same parent rules as OrgTree in @fazhi/domain) and acyclic.
create function private.check_org_unit() returns trigger
language plpgsql set search_path = ''
as $$
declare
  parent_kind text;
begin
  if new.parent_id is not null then
    select u.kind into parent_kind from public.org_units u where u.id = new.parent_id;
    if exists (
      with recursive up (id, parent_id) as (
        select u.id, u.parent_id from public.org_units u where u.id = new.parent_id
        union
        select p.id, p.parent_id from public.org_units p join up on p.id = up.parent_id
      )
      select 1 from up where up.id = new.id
    ) then
      raise exception using errcode = '23514', message = format('机构“%s”的上级关系形成了循环', new.name);
    end if;
  end if;
  if not coalesce(parent_kind, '') = any (case new.kind
      when 'district' then array['']
      when 'street' then array['district', '']
      when 'community' then array['street']
      when 'mediation_committee' then array['street', 'community']
      when 'department' then array['street', 'district']
    end) then
    raise exception using errcode = '23514', message = format('机构“%s”的类型不能位于%s', new.name,
      case when parent_kind is null then '最上级' else format('“%s”之下', case parent_kind
        when 'district' then '区' when 'street' then '街道' when 'community' then '社区'
        when 'mediation_committee' then '人民调解委员会' when 'department' then '部门' end) end);
  end if;
  return new;
end
$$;

-- District supervisors sit at a district; admins, clerks and viewers at a street.
create function private.check_membership() returns trigger
language plpgsql set search_path = ''
as $$
declare
  org_kind text;
begin
  select u.kind into org_kind from public.org_units u where u.id = new.org_id;
  if new.role = 'supervisor' and org_kind <> 'district' then
    raise exception using errcode = '23514', message = '区级督导角色只能设在区级机构';
  elsif new.role <> 'supervisor' and org_kind <> 'street' then
    raise exception using errcode = '23514', message = '街道管理员、业务经办人和查看者角色只能设在街道';
  end if;
  return new;
end
$$;

-- A profile for every new user, named from the sign-up metadata when there is a name.
create function private.create_profile() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.profiles (id, display_name)
  values (new.id, left(coalesce(new.raw_user_meta_data ->> 'display_name', new.raw_user_meta_data ->> 'name'), 100))
  on conflict (id) do nothing;
  return new;
end
$$;

revoke all on function
  private.stamp_insert(), private.stamp_update(), private.touch(), private.audit(),
  private.check_org_unit(), private.check_membership(), private.create_profile()
from public;

create trigger org_units_check before insert or update on public.org_units
  for each row execute function private.check_org_unit();
create trigger org_units_touch before update on public.org_units
  for each row execute function private.touch();
create trigger org_units_audit after insert or update or delete on public.org_units
  for each row execute function private.audit('id');

create trigger memberships_check before insert or update on public.memberships
  for each row execute function private.check_membership();
create trigger memberships_touch before update on public.memberships
  for each row execute function private.touch();
create trigger memberships_audit after insert or update or delete on public.memberships
  for each row execute function private.audit('org_id');

create trigger profiles_touch before update on public.profiles
  for each row execute function private.touch();
create trigger profiles_audit after insert or update or delete on public.profiles
  for each row execute function private.audit();

create trigger users_create_profile after insert on auth.users
  for each row execute function private.create_profile();

-- Privileges ----------------------------------------------------------------------------------
-- Supabase grants everything in public to every API role by default; take it back, then grant
-- exactly what the policies below are meant to filter. Writes to org units, memberships and the
-- audit log go through service_role (seeding, the CLI, triggers) only.
revoke all on public.org_units, public.memberships, public.profiles, public.audit_log from anon, authenticated;
revoke all on sequence public.audit_log_id_seq from anon, authenticated;
grant select on public.org_units, public.memberships, public.audit_log to authenticated;
grant select, insert (id, display_name), update (display_name) on public.profiles to authenticated;

-- Row-level security --------------------------------------------------------------------------
alter table public.org_units enable row level security;
alter table public.memberships enable row level security;
alter table public.profiles enable row level security;
alter table public.audit_log enable row level security;

create policy "Members can read the org units of their subtrees" on public.org_units
  for select to authenticated
  using (id = any ((select private.member_org_ids())::uuid[]));

create policy "Users can read their own memberships and admins those of their street" on public.memberships
  for select to authenticated
  using (user_id = (select auth.uid()) or org_id = any ((select private.administered_org_ids())::uuid[]));

create policy "Users can read their own profile" on public.profiles
  for select to authenticated
  using (id = (select auth.uid()));
create policy "Users can create their own profile" on public.profiles
  for insert to authenticated
  with check (id = (select auth.uid()));
create policy "Users can change their own profile" on public.profiles
  for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

create policy "Admins with the personal-data right can read the audit log of their orgs" on public.audit_log
  for select to authenticated
  using (org_id = any ((select private.auditable_org_ids())::uuid[]));
