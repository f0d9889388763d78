-- Local accounts: sign-in accounts a street admin creates on the embedded database (or on
-- PostgreSQL without Supabase Auth), for a shared office computer where no e-mail is sent. The
-- account lives in auth.users with its password hashed as GoTrue hashes it (bcrypt through
-- pgcrypto's crypt), so the same row signs in on Supabase after a move; the initial password must
-- be changed at the first sign-in. See docs/database.md "Members and access".

-- One row per local account: who created it and whether its initial password still stands. Why it
-- was created is in the audit trail (public.audit_log.reason), as for every change of access.
create table private.local_accounts (
  user_id uuid primary key references auth.users (id) on delete cascade,
  -- The unit the account was created for: its audit rows belong to that unit, so the unit's
  -- admins read them in the audit trail (public.audit_log is read by org).
  org_id uuid not null references public.org_units (id),
  created_by uuid,
  created_at timestamptz not null default now(),
  must_change_password boolean not null default true,
  password_changed_at timestamptz
);
comment on table private.local_accounts is '本地账号（本机数据库）';

-- Creation and every password change land in the audit trail (never the hash: that stays in auth.users).
create trigger local_accounts_audit after insert or update or delete on private.local_accounts
  for each row execute function private.audit('org_id');

-- The member list's 待改初始密码 (a stub in 20261205090100_members_and_access.sql until now).
create or replace function private.must_change_password_of(p_user uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select coalesce((select a.must_change_password from private.local_accounts a where a.user_id = p_user), false) $$;

-- Creates a local account with one grant, as the caller; returns the new membership. The grant
-- follows the rules of every grant (private.require_authority, private.check_grant and
-- private.grant_membership of 20261205090100_members_and_access.sql), checked before anything is
-- written: nobody grants more than they hold.
create function private.create_local_account(p_email text, p_password text, p_display_name text, p_org uuid, p_role text, p_areas text[], p_personal_data boolean, p_reason text)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  holds record;
  new_email text := lower(btrim(coalesce(p_email, '')));
  new_name text := nullif(btrim(coalesce(p_display_name, '')), '');
  new_id uuid := gen_random_uuid();
begin
  select * into holds from private.require_authority(p_org);
  perform private.check_grant(holds.rank, holds.personal_data, p_role, p_areas, p_personal_data);
  if new_email !~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$' then
    raise exception using errcode = '22023', column = 'email', message = format('邮箱“%s”格式不正确', left(coalesce(p_email, ''), 100));
  end if;
  if char_length(new_email) > 255 then
    raise exception using errcode = '22023', column = 'email', message = '邮箱不能超过 255 个字符';
  end if;
  if char_length(new_name) > 100 then
    raise exception using errcode = '22023', column = 'display_name', message = '姓名不能超过 100 个字符';
  end if;
  perform private.check_password(p_password, '初始密码');
  if exists (select 1 from auth.users u where lower(u.email) = new_email) then
    raise exception using errcode = 'FZ409', column = 'email', message = format('邮箱“%s”已有账号；如需授权，请在成员列表中为该账号授权', new_email);
  end if;

  -- The reason after the user row: the invitation trigger on auth.users ends a change of its own.
  perform private.begin_change(p_reason);
  perform private.insert_auth_user(new_id, new_email, p_password, new_name);
  perform private.begin_change(p_reason);
  insert into private.local_accounts (user_id, org_id, created_by) values (new_id, p_org, (select auth.uid()));
  perform private.end_change();
  return private.grant_membership(new_id, p_org, p_role, p_areas, p_personal_data, p_reason);
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
    raise exception using errcode = '22023', column = 'password', message = '新密码不能与当前密码相同';
  end if;
  update auth.users set encrypted_password = extensions.crypt(p_new, extensions.gen_salt('bf', 10)), updated_at = now() where id = actor;
  update private.local_accounts set must_change_password = false, password_changed_at = now() where user_id = actor;
end
$$;

revoke all on function
  private.must_change_password_of(uuid),
  private.create_local_account(text, text, text, uuid, text, text[], boolean, text), private.change_own_password(text, text)
from public;
grant execute on function
  private.create_local_account(text, text, text, uuid, text, text[], boolean, text), private.change_own_password(text, text)
to authenticated, service_role;

-- The entry points: the new member as public.grant_membership returns it.
create function public.create_local_account(p_email text, p_password text, p_display_name text, p_org uuid, p_role text, p_areas text[], p_personal_data boolean, p_reason text)
returns table (membership_id uuid, user_id uuid, email text, display_name text, org_id uuid, org_name text, role text,
  areas text[], personal_data boolean, active boolean, must_change_password boolean)
language plpgsql security invoker set search_path = ''
as $$
declare
  granted uuid := private.create_local_account(p_email, p_password, p_display_name, p_org, p_role, p_areas, p_personal_data, p_reason);
begin
  -- A statement of its own: it sees the new rows.
  return query select * from private.member(granted);
end
$$;
create function public.change_own_password(p_current text, p_new text) returns void
language sql security invoker set search_path = ''
as $$ select private.change_own_password(p_current, p_new) $$;
revoke all on function
  public.create_local_account(text, text, text, uuid, text, text[], boolean, text), public.change_own_password(text, text)
from public, anon;
grant execute on function
  public.create_local_account(text, text, text, uuid, text, text[], boolean, text), public.change_own_password(text, text)
to authenticated, service_role;
comment on function public.create_local_account(text, text, text, uuid, text, text[], boolean, text) is '新建本地账号（须填原因；授权不超过本人所有；首次登录须修改密码）';
comment on function public.change_own_password(text, text) is '修改本人密码（须核对当前密码）';
