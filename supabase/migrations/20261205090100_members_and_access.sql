-- Members and access (成员与权限): grant, change, revoke and deactivate memberships, invitations
-- that Supabase Auth sign-ins turn into memberships, every change audited with who and why.
-- Hand-written; see docs/database.md ("Members and access"). The TypeScript side
-- (packages/db/src/access-stores.ts) only calls the public functions at the end, over SQL and over
-- PostgREST, as the signed-in user.
--
-- Who may do what:
-- - manage the members of a street or town: its admins (admins of the unit or a unit above it) and
--   the supervisors of a district above it. A supervisor's own district is managed by nobody here
--   but the database owner (the CLI without --as, see docs/operations.md).
-- - nobody grants more than they hold: no role above their own (viewer < clerk < admin <
--   supervisor), no personal-data grant unless they hold it at that unit; a clerk's areas must be
--   work areas (admins and supervisors hold every area, so they can give any).
-- - nobody changes their own memberships (nor invites their own e-mail).
-- - the last active admin of a street or town stays: not revoked, demoted or deactivated.
-- - every change names a reason, which lands in public.audit_log beside who and when.
-- Error codes: 42501 not an admin of the unit; FZ403 beyond what the caller holds, or their own
-- membership; FZ409 the unit's state forbids it (last admin, a role already held, an invitation
-- already pending, accepted or withdrawn); P0002 unknown or invisible; 22023 bad input.
-- Direct writes to public.memberships stay refused to app roles: these functions are the writers.

-- Deactivation: the access helpers read only active memberships, so access ends with the change.
alter table public.memberships add column active boolean not null default true;

-- Why a change was made, for the changes that take a reason (access, org units). Written by
-- private.audit from the transaction-local setting `fazhi.change_reason`, which the functions
-- below set around their writes and clear afterwards.
alter table public.audit_log add column if not exists reason text;
alter table public.audit_log add constraint audit_log_reason_max_length check (char_length(reason) <= 500);

create or replace function private.audit() returns trigger
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
  insert into public.audit_log (actor, table_name, record_id, org_id, operation, before, after, reason)
  values (
    (select auth.uid()),
    tg_table_name,
    (row_image ->> 'id')::uuid,
    case when tg_nargs > 0 then (row_image ->> tg_argv[0])::uuid end,
    operation,
    before_row,
    after_row,
    nullif(current_setting('fazhi.change_reason', true), '')
  );
  return null;
end
$$;

-- The access helpers, as before, over active memberships only -------------------------------

create or replace function private.granted_org_ids(p_right text, p_area text) returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select coalesce(array_agg(distinct m.org_id), '{}')
  from public.memberships m
  where m.user_id = (select auth.uid())
    and m.active
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

create or replace function private.personal_visibility(p_org uuid, p_area text) returns boolean
language sql stable security definer set search_path = ''
as $$
  with recursive up (id, parent_id) as (
    select u.id, u.parent_id from public.org_units u where u.id = p_org
    union
    select p.id, p.parent_id from public.org_units p join up on p.id = up.parent_id
  )
  select bool_or(m.personal_data)
  from public.memberships m
  where m.user_id = (select auth.uid())
    and m.active
    and m.org_id in (select up.id from up)
    and (m.role in ('supervisor', 'admin', 'viewer') or (m.role = 'clerk' and p_area = any (m.areas)))
$$;

create or replace function private.report_drafter_org_ids() returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select private.org_subtree(coalesce(array_agg(distinct m.org_id), '{}'))
  from public.memberships m
  where m.user_id = (select auth.uid()) and m.active and m.role in ('admin', 'clerk', 'supervisor')
$$;

-- A deactivated member no longer sees their own membership either (the console then says the
-- account has no unit); admins still see every membership of their street.
drop policy "Users can read their own memberships and admins those of their street" on public.memberships;
create policy "Users can read their own active memberships and admins those of their street" on public.memberships
  for select to authenticated
  using ((user_id = (select auth.uid()) and active) or org_id = any ((select private.administered_org_ids())::uuid[]));

-- Invitations ---------------------------------------------------------------------------------

create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  -- Stored in lower case; matched case-insensitively against auth.users.email.
  email text not null,
  org_id uuid not null references public.org_units (id) on delete cascade,
  role text not null,
  areas text[] not null default '{}',
  personal_data boolean not null default false,
  reason text not null,
  invited_by uuid,
  invited_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null,
  membership_id uuid references public.memberships (id) on delete set null,
  withdrawn_at timestamptz,
  withdrawn_by uuid,
  withdraw_reason text,
  constraint invitations_email_shape check (email = lower(email) and email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$' and char_length(email) <= 255),
  constraint invitations_role_options check (role in ('supervisor', 'admin', 'clerk', 'viewer')),
  constraint invitations_clerk_has_areas check (role <> 'clerk' or cardinality(areas) > 0),
  constraint invitations_reason_not_blank check (reason ~ '\S' and char_length(reason) <= 500),
  constraint invitations_withdraw_reason_not_blank check (withdraw_reason ~ '\S' and char_length(withdraw_reason) <= 500),
  constraint invitations_expire_later check (expires_at > invited_at),
  constraint invitations_accepted_or_withdrawn check (accepted_at is null or withdrawn_at is null),
  constraint invitations_withdrawn_together check ((withdrawn_at is null) = (withdraw_reason is null))
);
comment on table public.invitations is '成员邀请';
create index invitations_email_idx on public.invitations (email) where accepted_at is null and withdrawn_at is null;
create index invitations_org_id_idx on public.invitations (org_id);

-- Read and written through the functions below only.
revoke all on public.invitations from anon, authenticated;
alter table public.invitations enable row level security;
create trigger invitations_audit after insert or update or delete on public.invitations
  for each row execute function private.audit('org_id');

-- Rules ----------------------------------------------------------------------------------------

create function private.role_rank(p_role text) returns integer
language sql immutable set search_path = ''
as $$ select case p_role when 'viewer' then 1 when 'clerk' then 2 when 'admin' then 3 when 'supervisor' then 4 end $$;

create function private.role_label(p_role text) returns text
language sql immutable set search_path = ''
as $$
  select case p_role when 'supervisor' then '区级督导' when 'admin' then '管理员' when 'clerk' then '业务经办人'
    when 'viewer' then '查看者' else coalesce(p_role, '未填') end
$$;

-- Units whose members the caller manages: the subtrees of their active admin memberships, and those
-- of their active supervisor memberships without the supervisor's own unit. The database owner
-- and service_role (the CLI, server code) manage every unit.
create function private.managed_org_ids() returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select case when not private.restricted_caller() then (select coalesce(array_agg(u.id), '{}') from public.org_units u)
  else array(
    select s.id from unnest(private.org_subtree(array(
      select m.org_id from public.memberships m where m.user_id = (select auth.uid()) and m.active and m.role = 'admin'))) as s (id)
    union
    select s.id from unnest(private.org_subtree(array(
      select m.org_id from public.memberships m where m.user_id = (select auth.uid()) and m.active and m.role = 'supervisor'))) as s (id)
    where s.id <> all (array(select m.org_id from public.memberships m where m.user_id = (select auth.uid()) and m.active and m.role = 'supervisor'))
  ) end
$$;

-- What the caller holds over the members of `p_org`: the highest rank of their managing
-- memberships (admins at or above the unit, supervisors above it) and whether one of them holds the
-- personal-data grant; rank null when they manage nothing there. The owner and service_role hold
-- everything.
create function private.authority_over(p_org uuid, out rank integer, out personal_data boolean)
language sql stable security definer set search_path = ''
as $$
  select
    case when not private.restricted_caller() then 5 else max(private.role_rank(m.role)) end,
    case when not private.restricted_caller() then true else coalesce(bool_or(m.personal_data), false) end
  from public.memberships m
  where private.restricted_caller()
    and m.user_id = (select auth.uid()) and m.active
    and m.org_id = any (private.org_and_ancestors(p_org))
    and (m.role = 'admin' or (m.role = 'supervisor' and m.org_id <> p_org))
$$;

-- Refuses unless the caller manages `p_org`: P0002 when they may not even see it, else 42501.
-- Then takes the unit's lock: changes of one unit's members run one at a time, so two admins
-- cannot revoke each other and leave the street with none. Returns what the caller holds.
create function private.require_authority(p_org uuid, out rank integer, out personal_data boolean)
language plpgsql security definer set search_path = ''
as $$
begin
  if p_org is null or not exists (select 1 from public.org_units u where u.id = p_org) or not private.may_ask_about(p_org) then
    raise exception using errcode = 'P0002', message = '机构不存在，或没有权限查看';
  end if;
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('members:' || p_org::text, 0));
  select a.rank, a.personal_data into rank, personal_data from private.authority_over(p_org) a;
  if rank is null then
    raise exception using errcode = '42501', message = format('只有“%s”的管理员或上级区的督导可以管理其成员',
      (select u.name from public.org_units u where u.id = p_org));
  end if;
end
$$;

-- The reason every change must give; returns it trimmed and sets it for the audit trail.
create function private.begin_change(p_reason text) returns text
language plpgsql set search_path = ''
as $$
declare
  reason text := nullif(btrim(coalesce(p_reason, '')), '');
begin
  if reason is null then
    raise exception using errcode = '22023', column = 'reason', message = '请填写变更原因';
  end if;
  if char_length(reason) > 500 then
    raise exception using errcode = '22023', column = 'reason', message = '变更原因不能超过 500 字';
  end if;
  perform pg_catalog.set_config('fazhi.change_reason', reason, true);
  return reason;
end
$$;

create function private.end_change() returns void
language sql set search_path = ''
as $$ select pg_catalog.set_config('fazhi.change_reason', '', true) $$;

-- Checks a grant against what the caller holds (see private.require_authority) and returns the
-- areas to store: a clerk's own, sorted and without repeats; none for the other roles.
create function private.check_grant(p_holds_rank integer, p_holds_personal boolean, p_role text, p_areas text[], p_personal_data boolean) returns text[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  unknown_area text;
  areas text[] := array(select distinct a from unnest(coalesce(p_areas, '{}')) a where a is not null order by a);
begin
  if private.role_rank(p_role) is null then
    raise exception using errcode = '22023', column = 'role',
      message = format('角色“%s”不存在（可选：管理员 admin、业务经办人 clerk、查看者 viewer、区级督导 supervisor）', coalesce(p_role, '未填'));
  end if;
  if private.role_rank(p_role) > p_holds_rank then
    raise exception using errcode = 'FZ403', column = 'role', message = format('不能授予高于自己的角色“%s”', private.role_label(p_role));
  end if;
  if coalesce(p_personal_data, false) and not p_holds_personal then
    raise exception using errcode = 'FZ403', column = 'personal_data', message = '您在该单位没有个人信息授权，不能授予他人';
  end if;
  if p_role <> 'clerk' then
    return '{}'::text[];
  end if;
  if cardinality(areas) = 0 then
    raise exception using errcode = '22023', column = 'areas', message = '业务经办人至少要有一个业务领域';
  end if;
  select a into unknown_area from unnest(areas) a where not exists (select 1 from private.record_kinds k where k.area = a) limit 1;
  if unknown_area is not null then
    raise exception using errcode = '22023', column = 'areas', message = format('业务领域“%s”不存在', unknown_area);
  end if;
  return areas;
end
$$;

-- Refuses to leave a street or town without an active admin when `p_membership` stops being one.
create function private.refuse_last_admin(p_membership uuid) returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  m public.memberships;
begin
  select * into m from public.memberships x where x.id = p_membership;
  if m.role = 'admin' and m.active and not exists (
    select 1 from public.memberships o where o.org_id = m.org_id and o.role = 'admin' and o.active and o.id <> m.id
  ) then
    raise exception using errcode = 'FZ409', message = format('“%s”只剩这一位在职的管理员，不能撤销、降级或停用；请先为该单位授予另一位管理员',
      (select u.name from public.org_units u where u.id = m.org_id));
  end if;
end
$$;

create function private.refuse_own(p_user uuid) returns void
language plpgsql stable set search_path = ''
as $$
begin
  if p_user = (select auth.uid()) then
    raise exception using errcode = 'FZ403', message = '不能更改自己的成员权限，请由本单位另一位管理员或上级督导办理';
  end if;
end
$$;

-- Where local accounts (the embedded database) keep whether an initial password still stands;
-- false until the local accounts migration redefines it.
create function private.must_change_password_of(p_user uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select false $$;

-- An e-mail as shown to a manager without the personal-data grant there: z***@example.com.
create function private.mask_email(p_email text) returns text
language sql immutable set search_path = ''
as $$ select case when p_email is null then null when strpos(p_email, '@') > 1 then left(p_email, 1) || '***' || substr(p_email, strpos(p_email, '@')) else '***' end $$;

-- Members --------------------------------------------------------------------------------------

-- The members of `p_org` and the units below it (of every unit the caller manages when null), with
-- e-mail and display name as they are for managers holding the personal-data grant at the unit,
-- masked (z***@example.com, 张**) for the others.
create function private.list_members(p_org uuid)
returns table (membership_id uuid, user_id uuid, email text, display_name text, org_id uuid, org_name text, role text,
  areas text[], personal_data boolean, active boolean, must_change_password boolean)
language sql stable security definer set search_path = ''
as $$
  select m.id, m.user_id,
    case when a.personal_data then u.email::text else private.mask_email(u.email) end,
    case when a.personal_data then p.display_name else private.mask(p.display_name) end,
    m.org_id, o.name, m.role, m.areas, m.personal_data, m.active, private.must_change_password_of(m.user_id)
  from public.memberships m
  join public.org_units o on o.id = m.org_id
  join auth.users u on u.id = m.user_id
  left join public.profiles p on p.id = m.user_id
  cross join lateral private.authority_over(m.org_id) a
  where m.org_id = any (private.managed_org_ids())
    and (p_org is null or m.org_id = any (private.org_subtree(array[p_org])))
  order by o.name, private.role_rank(m.role) desc, u.email
$$;

-- One member as private.list_members shows it, for the functions that change one.
create function private.member(p_membership uuid)
returns table (membership_id uuid, user_id uuid, email text, display_name text, org_id uuid, org_name text, role text,
  areas text[], personal_data boolean, active boolean, must_change_password boolean)
language sql stable security definer set search_path = ''
as $$ select l.* from private.list_members((select m.org_id from public.memberships m where m.id = p_membership)) l where l.membership_id = p_membership $$;

-- Adds a membership for an existing user. Also the rule local accounts use for their grant.
create function private.grant_membership(p_user uuid, p_org uuid, p_role text, p_areas text[], p_personal_data boolean, p_reason text) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  holds record;
  v_areas text[];
  granted uuid;
begin
  select * into holds from private.require_authority(p_org);
  perform private.refuse_own(p_user);
  v_areas := private.check_grant(holds.rank, holds.personal_data, p_role, p_areas, p_personal_data);
  if p_user is null or not exists (select 1 from auth.users u where u.id = p_user) then
    raise exception using errcode = 'P0002', column = 'user_id', message = '用户不存在';
  end if;
  if exists (select 1 from public.memberships m where m.user_id = p_user and m.org_id = p_org and m.role = p_role) then
    raise exception using errcode = 'FZ409', message = format('该用户在“%s”已有“%s”角色；如需调整，请修改这一成员的权限',
      (select u.name from public.org_units u where u.id = p_org), private.role_label(p_role));
  end if;
  perform private.begin_change(p_reason);
  insert into public.memberships (user_id, org_id, role, areas, personal_data)
  values (p_user, p_org, p_role, v_areas, coalesce(p_personal_data, false))
  returning id into granted;
  perform private.end_change();
  return granted;
end
$$;

-- Changes role, areas or the personal-data grant of one membership (null keeps the value).
create function private.change_membership(p_membership uuid, p_reason text, p_role text, p_areas text[], p_personal_data boolean) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  m public.memberships;
  holds record;
  new_role text;
  v_areas text[];
begin
  select * into m from public.memberships x where x.id = p_membership;
  if not found or not (m.org_id = any (private.managed_org_ids()) or m.user_id = (select auth.uid())) then
    raise exception using errcode = 'P0002', message = '成员不存在，或没有权限查看';
  end if;
  perform private.refuse_own(m.user_id);
  select * into holds from private.require_authority(m.org_id);
  if private.role_rank(m.role) > holds.rank then
    raise exception using errcode = 'FZ403', message = format('不能更改角色高于自己的成员（%s）', private.role_label(m.role));
  end if;
  new_role := coalesce(p_role, m.role);
  -- Keeping a personal-data grant the member already has is not granting it.
  v_areas := private.check_grant(holds.rank, holds.personal_data, new_role,
    case when p_areas is null and new_role = m.role then m.areas else p_areas end,
    coalesce(p_personal_data, m.personal_data) and not m.personal_data);
  if new_role <> m.role then
    perform private.refuse_last_admin(m.id);
    if exists (select 1 from public.memberships x where x.user_id = m.user_id and x.org_id = m.org_id and x.role = new_role) then
      raise exception using errcode = 'FZ409', message = format('该用户在本单位已有“%s”角色', private.role_label(new_role));
    end if;
  end if;
  perform private.begin_change(p_reason);
  update public.memberships x
  set role = new_role, areas = v_areas, personal_data = coalesce(p_personal_data, m.personal_data)
  where x.id = m.id;
  perform private.end_change();
  return m.id;
end
$$;

-- Removes one membership.
create function private.revoke_membership(p_membership uuid, p_reason text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  m public.memberships;
  holds record;
begin
  select * into m from public.memberships x where x.id = p_membership;
  if not found or not (m.org_id = any (private.managed_org_ids()) or m.user_id = (select auth.uid())) then
    raise exception using errcode = 'P0002', message = '成员不存在，或没有权限查看';
  end if;
  perform private.refuse_own(m.user_id);
  select * into holds from private.require_authority(m.org_id);
  if private.role_rank(m.role) > holds.rank then
    raise exception using errcode = 'FZ403', message = format('不能撤销角色高于自己的成员（%s）', private.role_label(m.role));
  end if;
  perform private.refuse_last_admin(m.id);
  perform private.begin_change(p_reason);
  delete from public.memberships x where x.id = m.id;
  perform private.end_change();
end
$$;

-- Deactivates (or reactivates) the user's memberships in the units the caller manages; returns how
-- many changed. Access ends at once: the access helpers read only active memberships.
create function private.set_member_active(p_user uuid, p_active boolean, p_reason text) returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  m public.memberships;
  holds record;
  changed integer := 0;
begin
  if p_active is null then
    raise exception using errcode = '22023', column = 'active', message = '请说明是启用还是停用';
  end if;
  perform private.refuse_own(p_user);
  if not exists (select 1 from public.memberships x where x.user_id = p_user and x.org_id = any (private.managed_org_ids())) then
    raise exception using errcode = 'P0002', message = '该用户在您管理的单位没有成员身份';
  end if;
  perform private.begin_change(p_reason);
  for m in
    select * from public.memberships x where x.user_id = p_user and x.org_id = any (private.managed_org_ids()) and x.active <> p_active order by x.org_id, x.role
  loop
    select * into holds from private.require_authority(m.org_id);
    if private.role_rank(m.role) > holds.rank then
      raise exception using errcode = 'FZ403', message = format('不能停用或启用角色高于自己的成员（%s）', private.role_label(m.role));
    end if;
    if not p_active then
      perform private.refuse_last_admin(m.id);
    end if;
    update public.memberships x set active = p_active where x.id = m.id;
    changed := changed + 1;
  end loop;
  perform private.end_change();
  return changed;
end
$$;

-- Invitations ----------------------------------------------------------------------------------

-- Turns the pending, unexpired, unwithdrawn invitations for `p_email` into memberships of
-- `p_user` (a role already held at the unit stays as it is). Each invitation is accepted once.
create function private.accept_invitations(p_user uuid, p_email text) returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  inv public.invitations;
  granted uuid;
  accepted integer := 0;
begin
  for inv in
    select * from public.invitations i
    where i.email = lower(btrim(p_email)) and i.accepted_at is null and i.withdrawn_at is null and i.expires_at > now()
    order by i.invited_at
    for update
  loop
    granted := null;
    perform pg_catalog.set_config('fazhi.change_reason', left(format('接受邀请（%s）', inv.reason), 500), true);
    insert into public.memberships (user_id, org_id, role, areas, personal_data)
    values (p_user, inv.org_id, inv.role, inv.areas, inv.personal_data)
    on conflict (user_id, org_id, role) do nothing
    returning id into granted;
    if granted is null then
      select m.id into granted from public.memberships m where m.user_id = p_user and m.org_id = inv.org_id and m.role = inv.role;
    end if;
    update public.invitations i set accepted_at = now(), accepted_by = p_user, membership_id = granted where i.id = inv.id;
    accepted := accepted + 1;
  end loop;
  perform private.end_change();
  return accepted;
end
$$;

-- Supabase Auth writes auth.users: a sign-up inserts the row, unconfirmed while e-mail confirmation
-- is on (email_confirmed_at null) and confirmed at once when it is off; a magic link to a new
-- address inserts it unconfirmed and confirms it when the link is opened; an e-mail change
-- updates `email` once confirmed. Invitations are accepted only for a confirmed address, so
-- nobody claims one by signing up with somebody else's e-mail.
create function private.accept_invitations_on_sign_in() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.email is null or new.email_confirmed_at is null then
    return null;
  end if;
  if tg_op = 'UPDATE' and old.email_confirmed_at is not null and lower(old.email) is not distinct from lower(new.email) then
    return null;
  end if;
  perform private.accept_invitations(new.id, new.email);
  return null;
end
$$;

create trigger users_accept_invitations after insert or update of email, email_confirmed_at on auth.users
  for each row execute function private.accept_invitations_on_sign_in();

create function private.invitation_row(p_invitation uuid)
returns table (id uuid, email text, org_id uuid, org_name text, role text, areas text[], personal_data boolean, reason text,
  invited_by uuid, invited_at timestamptz, expires_at timestamptz, accepted_at timestamptz, withdrawn_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select i.id, case when a.personal_data then i.email else private.mask_email(i.email) end, i.org_id, o.name, i.role, i.areas,
    i.personal_data, i.reason, i.invited_by, i.invited_at, i.expires_at, i.accepted_at, i.withdrawn_at
  from public.invitations i
  join public.org_units o on o.id = i.org_id
  cross join lateral private.authority_over(i.org_id) a
  where i.id = p_invitation and i.org_id = any (private.managed_org_ids())
$$;

-- Stores an invitation (within what the caller holds, as a grant). When a confirmed account with
-- that e-mail already exists it is accepted at once: no sign-up will come to accept it.
create function private.invite_member(p_email text, p_org uuid, p_role text, p_areas text[], p_personal_data boolean, p_reason text, p_expires_in_days integer)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  holds record;
  v_areas text[];
  v_email text := lower(btrim(coalesce(p_email, '')));
  existing uuid;
  invitation uuid;
begin
  if v_email !~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$' or char_length(v_email) > 255 then
    raise exception using errcode = '22023', column = 'email', message = format('邮箱“%s”格式不正确', left(coalesce(p_email, ''), 100));
  end if;
  if p_expires_in_days is null or p_expires_in_days not between 1 and 90 then
    raise exception using errcode = '22023', column = 'expires_at', message = format('邀请有效期“%s”无效，应为 1 至 90 天', coalesce(p_expires_in_days::text, '未填'));
  end if;
  select * into holds from private.require_authority(p_org);
  select u.id into existing from auth.users u where lower(u.email) = v_email and u.email_confirmed_at is not null;
  if existing is not null then
    perform private.refuse_own(existing);
  end if;
  v_areas := private.check_grant(holds.rank, holds.personal_data, p_role, p_areas, p_personal_data);
  if exists (select 1 from public.invitations i where i.email = v_email and i.org_id = p_org
      and i.accepted_at is null and i.withdrawn_at is null and i.expires_at > now()) then
    raise exception using errcode = 'FZ409', column = 'email', message = format('“%s”已有一份待接受的邀请；如需改动，请先撤回它', v_email);
  end if;
  if existing is not null and exists (select 1 from public.memberships m where m.user_id = existing and m.org_id = p_org and m.role = p_role) then
    raise exception using errcode = 'FZ409', message = format('该用户在“%s”已有“%s”角色', (select u.name from public.org_units u where u.id = p_org), private.role_label(p_role));
  end if;
  perform private.begin_change(p_reason);
  insert into public.invitations (email, org_id, role, areas, personal_data, reason, invited_by, expires_at)
  values (v_email, p_org, p_role, v_areas, coalesce(p_personal_data, false), btrim(p_reason), (select auth.uid()), now() + make_interval(days => p_expires_in_days))
  returning id into invitation;
  if existing is not null then
    perform private.accept_invitations(existing, v_email);
  end if;
  perform private.end_change();
  return invitation;
end
$$;

-- Invitations of `p_org` and the units below it (of every unit the caller manages when null), newest first.
create function private.list_invitations(p_org uuid)
returns table (id uuid, email text, org_id uuid, org_name text, role text, areas text[], personal_data boolean, reason text,
  invited_by uuid, invited_at timestamptz, expires_at timestamptz, accepted_at timestamptz, withdrawn_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select r.*
  from public.invitations i, private.invitation_row(i.id) r
  where i.org_id = any (private.managed_org_ids())
    and (p_org is null or i.org_id = any (private.org_subtree(array[p_org])))
  order by i.invited_at desc, i.id
$$;

create function private.withdraw_invitation(p_invitation uuid, p_reason text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  inv public.invitations;
  v_reason text;
begin
  select * into inv from public.invitations i where i.id = p_invitation;
  if not found or not (inv.org_id = any (private.managed_org_ids())) then
    raise exception using errcode = 'P0002', message = '邀请不存在，或没有权限查看';
  end if;
  perform private.require_authority(inv.org_id);
  select * into inv from public.invitations i where i.id = p_invitation for update;
  if inv.accepted_at is not null then
    raise exception using errcode = 'FZ409', message = format('邀请已于 %s 被接受，不能撤回；如需取消权限，请撤销该成员', to_char(inv.accepted_at, 'YYYY-MM-DD'));
  end if;
  if inv.withdrawn_at is not null then
    raise exception using errcode = 'FZ409', message = '邀请已经撤回';
  end if;
  v_reason := private.begin_change(p_reason);
  update public.invitations i set withdrawn_at = now(), withdrawn_by = (select auth.uid()), withdraw_reason = v_reason where i.id = inv.id;
  perform private.end_change();
end
$$;

revoke all on function
  private.role_rank(text), private.role_label(text), private.managed_org_ids(), private.authority_over(uuid),
  private.require_authority(uuid), private.begin_change(text), private.end_change(),
  private.check_grant(integer, boolean, text, text[], boolean), private.refuse_last_admin(uuid), private.refuse_own(uuid),
  private.must_change_password_of(uuid), private.mask_email(text), private.list_members(uuid), private.member(uuid),
  private.grant_membership(uuid, uuid, text, text[], boolean, text), private.change_membership(uuid, text, text, text[], boolean),
  private.revoke_membership(uuid, text), private.set_member_active(uuid, boolean, text),
  private.accept_invitations(uuid, text), private.accept_invitations_on_sign_in(), private.invitation_row(uuid),
  private.invite_member(text, uuid, text, text[], boolean, text, integer), private.list_invitations(uuid),
  private.withdraw_invitation(uuid, text)
from public;
-- The entry points below run as the caller and call these (the checks are inside them).
grant execute on function
  private.list_members(uuid), private.member(uuid), private.grant_membership(uuid, uuid, text, text[], boolean, text),
  private.change_membership(uuid, text, text, text[], boolean), private.revoke_membership(uuid, text),
  private.set_member_active(uuid, boolean, text), private.invite_member(text, uuid, text, text[], boolean, text, integer),
  private.list_invitations(uuid), private.invitation_row(uuid), private.withdraw_invitation(uuid, text)
to authenticated, service_role;

-- The entry points (PostgREST: POST /rest/v1/rpc/<name>) -----------------------------------------

create function public.list_members(p_org uuid default null)
returns table (membership_id uuid, user_id uuid, email text, display_name text, org_id uuid, org_name text, role text,
  areas text[], personal_data boolean, active boolean, must_change_password boolean)
language sql stable security invoker set search_path = ''
as $$ select * from private.list_members(p_org) $$;

create function public.grant_membership(p_user uuid, p_org uuid, p_role text, p_areas text[], p_personal_data boolean, p_reason text)
returns table (membership_id uuid, user_id uuid, email text, display_name text, org_id uuid, org_name text, role text,
  areas text[], personal_data boolean, active boolean, must_change_password boolean)
language plpgsql security invoker set search_path = ''
as $$
declare
  granted uuid := private.grant_membership(p_user, p_org, p_role, p_areas, p_personal_data, p_reason);
begin
  -- A statement of its own: it sees the new row (one statement would read with the snapshot taken before it).
  return query select * from private.member(granted);
end
$$;

create function public.change_membership(p_membership uuid, p_reason text, p_role text default null, p_areas text[] default null, p_personal_data boolean default null)
returns table (membership_id uuid, user_id uuid, email text, display_name text, org_id uuid, org_name text, role text,
  areas text[], personal_data boolean, active boolean, must_change_password boolean)
language plpgsql security invoker set search_path = ''
as $$
declare
  changed uuid := private.change_membership(p_membership, p_reason, p_role, p_areas, p_personal_data);
begin
  return query select * from private.member(changed);
end
$$;

create function public.revoke_membership(p_membership uuid, p_reason text) returns void
language sql security invoker set search_path = ''
as $$ select private.revoke_membership(p_membership, p_reason) $$;

create function public.set_member_active(p_user uuid, p_active boolean, p_reason text) returns integer
language sql security invoker set search_path = ''
as $$ select private.set_member_active(p_user, p_active, p_reason) $$;

create function public.invite_member(p_email text, p_org uuid, p_role text, p_areas text[], p_personal_data boolean, p_reason text, p_expires_in_days integer default 14)
returns table (id uuid, email text, org_id uuid, org_name text, role text, areas text[], personal_data boolean, reason text,
  invited_by uuid, invited_at timestamptz, expires_at timestamptz, accepted_at timestamptz, withdrawn_at timestamptz)
language plpgsql security invoker set search_path = ''
as $$
declare
  invited uuid := private.invite_member(p_email, p_org, p_role, p_areas, p_personal_data, p_reason, p_expires_in_days);
begin
  return query select * from private.invitation_row(invited);
end
$$;

create function public.list_invitations(p_org uuid default null)
returns table (id uuid, email text, org_id uuid, org_name text, role text, areas text[], personal_data boolean, reason text,
  invited_by uuid, invited_at timestamptz, expires_at timestamptz, accepted_at timestamptz, withdrawn_at timestamptz)
language sql stable security invoker set search_path = ''
as $$ select * from private.list_invitations(p_org) $$;

create function public.withdraw_invitation(p_invitation uuid, p_reason text) returns void
language sql security invoker set search_path = ''
as $$ select private.withdraw_invitation(p_invitation, p_reason) $$;

revoke all on function
  public.list_members(uuid), public.grant_membership(uuid, uuid, text, text[], boolean, text),
  public.change_membership(uuid, text, text, text[], boolean), public.revoke_membership(uuid, text),
  public.set_member_active(uuid, boolean, text), public.invite_member(text, uuid, text, text[], boolean, text, integer),
  public.list_invitations(uuid), public.withdraw_invitation(uuid, text)
from public, anon;
grant execute on function
  public.list_members(uuid), public.grant_membership(uuid, uuid, text, text[], boolean, text),
  public.change_membership(uuid, text, text, text[], boolean), public.revoke_membership(uuid, text),
  public.set_member_active(uuid, boolean, text), public.invite_member(text, uuid, text, text[], boolean, text, integer),
  public.list_invitations(uuid), public.withdraw_invitation(uuid, text)
to authenticated, service_role;
comment on function public.list_members(uuid) is '成员列表（本单位及下级；未授权个人信息时邮箱和姓名打码）';
comment on function public.grant_membership(uuid, uuid, text, text[], boolean, text) is '授予成员权限（须填原因；不超过本人所有）';
comment on function public.change_membership(uuid, text, text, text[], boolean) is '更改成员的角色、业务领域或个人信息授权（须填原因）';
comment on function public.revoke_membership(uuid, text) is '撤销成员权限（须填原因；不能撤销最后一位管理员）';
comment on function public.set_member_active(uuid, boolean, text) is '停用或启用成员（须填原因；停用后立即失去访问权限）';
comment on function public.invite_member(text, uuid, text, text[], boolean, text, integer) is '邀请成员（须填原因；该邮箱首次确认登录时成为成员）';
comment on function public.list_invitations(uuid) is '邀请列表';
comment on function public.withdraw_invitation(uuid, text) is '撤回尚未接受的邀请（须填原因）';
