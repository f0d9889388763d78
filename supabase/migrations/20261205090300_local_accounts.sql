-- Local accounts: sign-in accounts a street admin creates on the embedded database (or on
-- PostgreSQL without Supabase Auth), for a shared office computer where no e-mail is sent. The
-- account lives in auth.users with its password hashed as GoTrue hashes it (bcrypt through
-- pgcrypto's crypt), so the same row signs in on Supabase after a move; the initial password must
-- be changed at the first sign-in. See docs/database.md "Members and access".

create schema if not exists extensions;
create extension if not exists pgcrypto with schema extensions;

-- One row per local account: who created it, why, and whether its initial password still stands.
-- Private: the console reads it through the functions below and the member list.
create table private.local_accounts (
  user_id uuid primary key references auth.users (id) on delete cascade,
  created_by uuid not null,
  created_at timestamptz not null default now(),
  reason text not null,
  must_change_password boolean not null default true,
  password_changed_at timestamptz,
  constraint local_accounts_reason_not_blank check (reason ~ '\S'),
  constraint local_accounts_reason_max_length check (char_length(reason) <= 500)
);
comment on table private.local_accounts is '本地账号（本机数据库）';

-- Creation and every password change land in the audit trail (never the hash: that stays in auth.users).
create trigger local_accounts_audit after insert or update or delete on private.local_accounts
  for each row execute function private.audit();

-- The password rule of both the initial and a changed password (GoTrue's minimum is 6; a shared
-- office computer deserves 8). Bcrypt reads at most 72 bytes: longer would be cut silently.
create function private.check_password(p_password text, p_what text) returns void
language plpgsql immutable set search_path = ''
as $$
begin
  if p_password is null or char_length(p_password) < 8 then
    raise exception using errcode = '22023', message = format('%s至少需要 8 个字符', p_what);
  elsif octet_length(p_password) > 72 then
    raise exception using errcode = '22023', message = format('%s不能超过 72 个字节（约 24 个汉字或 72 个字母）', p_what);
  elsif p_password !~ '[^[:space:]]' then
    raise exception using errcode = '22023', message = format('%s不能全是空格', p_what);
  end if;
end
$$;

-- Writes the user row the way GoTrue does for a confirmed e-mail sign-up. GoTrue's token columns
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
    extensions.crypt(p_password, extensions.gen_salt('bf')), now(),
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
    execute $i$
      insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
      values ($1::text, $1, jsonb_build_object('sub', $1::text, 'email', $2::text, 'email_verified', true), 'email', null, now(), now())
    $i$ using p_id, p_email;
  end if;
end
$$;

-- Creates a local account with one grant, as the signed-in admin. The grant goes through the same
-- rule as every other grant (private.grant_local_membership below): nobody grants more than they hold.
create function private.create_local_account(p_email text, p_password text, p_display_name text, p_org uuid, p_role text, p_areas text[], p_personal_data boolean, p_reason text)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  actor uuid := (select auth.uid());
  new_email text := lower(btrim(coalesce(p_email, '')));
  new_name text := nullif(btrim(coalesce(p_display_name, '')), '');
  new_id uuid := gen_random_uuid();
begin
  if actor is null then
    raise exception using errcode = '42501', message = '请先登录';
  end if;
  if not p_org = any (private.administered_org_ids()) then
    raise exception using errcode = '42501', message = '只有该单位所属街道的管理员可以新建本地账号';
  end if;
  if new_email !~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$' then
    raise exception using errcode = '22023', message = format('邮箱“%s”格式不正确', left(coalesce(p_email, ''), 100));
  end if;
  if char_length(new_email) > 255 then
    raise exception using errcode = '22023', message = '邮箱不能超过 255 个字符';
  end if;
  if char_length(new_name) > 100 then
    raise exception using errcode = '22023', message = '姓名不能超过 100 个字符';
  end if;
  if btrim(coalesce(p_reason, '')) = '' then
    raise exception using errcode = '22023', message = '请填写新建账号的原因';
  end if;
  perform private.check_password(p_password, '初始密码');
  if exists (select 1 from auth.users u where lower(u.email) = new_email) then
    raise exception using errcode = '23505', message = format('邮箱“%s”已有账号；如需授权，请在成员列表中为该账号授权', new_email);
  end if;

  perform private.insert_auth_user(new_id, new_email, p_password, new_name);
  insert into private.local_accounts (user_id, created_by, reason) values (new_id, actor, btrim(p_reason));
  perform private.grant_local_membership(new_id, p_org, p_role, coalesce(p_areas, '{}'), coalesce(p_personal_data, false), btrim(p_reason));
  return new_id;
end
$$;

-- The grant of a new local account: within what the admin holds at that unit. A clerk's areas must
-- be work areas; only a holder of the personal-data grant passes it on; a district supervisor's
-- role is the district's to give, not a street admin's.
create function private.grant_local_membership(p_user uuid, p_org uuid, p_role text, p_areas text[], p_personal_data boolean, p_reason text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  unknown_area text;
begin
  if p_role is null or p_role not in ('admin', 'clerk', 'viewer') then
    raise exception using errcode = '42501', message = format('街道管理员不能授予“%s”角色', coalesce(p_role, ''));
  end if;
  if p_role = 'clerk' and cardinality(p_areas) = 0 then
    raise exception using errcode = '22023', message = '业务经办人至少需要一个业务领域';
  end if;
  select a into unknown_area from unnest(p_areas) a
  where not exists (select 1 from private.record_kinds k where k.area = a) limit 1;
  if unknown_area is not null then
    raise exception using errcode = '22023', message = format('业务领域“%s”不存在', unknown_area);
  end if;
  if p_personal_data and not private.has_right(p_org, 'personal', null) then
    raise exception using errcode = '42501', message = '您没有查看个人信息的授权，不能授予他人';
  end if;
  insert into public.memberships (user_id, org_id, role, areas, personal_data)
  values (p_user, p_org, p_role, case when p_role = 'clerk' then p_areas else '{}' end, p_personal_data);
end
$$;

-- Changes the signed-in user's own password after checking the current one; clears the
-- first-sign-in mark of a local account.
create function private.change_own_password(p_current text, p_new text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  actor uuid := (select auth.uid());
begin
  if actor is null then
    raise exception using errcode = '42501', message = '请先登录';
  end if;
  if not exists (select 1 from auth.users u where u.id = actor and u.encrypted_password = extensions.crypt(coalesce(p_current, ''), u.encrypted_password)) then
    raise exception using errcode = '28P01', message = '当前密码不正确';
  end if;
  perform private.check_password(p_new, '新密码');
  if p_new = p_current then
    raise exception using errcode = '22023', message = '新密码不能与当前密码相同';
  end if;
  update auth.users set encrypted_password = extensions.crypt(p_new, extensions.gen_salt('bf')), updated_at = now() where id = actor;
  update private.local_accounts set must_change_password = false, password_changed_at = now() where user_id = actor;
end
$$;

-- Whether the given users still have to change their initial password (the member list shows it).
-- Only for users the caller administers or the caller themself.
create function private.must_change_password(p_users uuid[]) returns table (user_id uuid, must_change_password boolean)
language sql stable security definer set search_path = ''
as $$
  select a.user_id, a.must_change_password from private.local_accounts a
  where a.user_id = any (p_users)
    and (a.user_id = (select auth.uid()) or exists (
      select 1 from public.memberships m where m.user_id = a.user_id and m.org_id = any (private.administered_org_ids())
    ))
$$;

revoke all on function
  private.check_password(text, text), private.insert_auth_user(uuid, text, text, text),
  private.create_local_account(text, text, text, uuid, text, text[], boolean, text),
  private.grant_local_membership(uuid, uuid, text, text[], boolean, text),
  private.change_own_password(text, text), private.must_change_password(uuid[])
from public;
grant execute on function
  private.create_local_account(text, text, text, uuid, text, text[], boolean, text),
  private.change_own_password(text, text), private.must_change_password(uuid[])
to authenticated, service_role;

create function public.create_local_account(p_email text, p_password text, p_display_name text, p_org uuid, p_role text, p_areas text[], p_personal_data boolean, p_reason text)
returns uuid
language sql security invoker set search_path = ''
as $$ select private.create_local_account(p_email, p_password, p_display_name, p_org, p_role, p_areas, p_personal_data, p_reason) $$;
create function public.change_own_password(p_current text, p_new text) returns void
language sql security invoker set search_path = ''
as $$ select private.change_own_password(p_current, p_new) $$;
create function public.local_account_status(p_users uuid[]) returns table (user_id uuid, must_change_password boolean)
language sql stable security invoker set search_path = ''
as $$ select * from private.must_change_password(p_users) $$;
revoke all on function
  public.create_local_account(text, text, text, uuid, text, text[], boolean, text),
  public.change_own_password(text, text), public.local_account_status(uuid[])
from public, anon;
grant execute on function
  public.create_local_account(text, text, text, uuid, text, text[], boolean, text),
  public.change_own_password(text, text), public.local_account_status(uuid[])
to authenticated, service_role;
comment on function public.create_local_account(text, text, text, uuid, text, text[], boolean, text) is '新建本地账号（街道管理员，须填原因；首次登录须修改密码）';
comment on function public.change_own_password(text, text) is '修改本人密码（须核对当前密码）';
comment on function public.local_account_status(uuid[]) is '本地账号是否仍须修改初始密码';
