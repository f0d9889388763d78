-- Personal data without owner's-rights views, and helpers that say nothing about orgs the caller
-- cannot see. Hand-written; the per-kind part (views, value functions, write guards) is generated
-- into 20261204000110_personal_fields.sql. See docs/database.md ("Personal fields").

-- subtree_ids read the whole org tree with the owner's rights, so a clerk could list the units of
-- any street by passing its id. It now answers a signed-in user (role authenticated) only with
-- units they may browse, exactly the rows RLS on org_units shows them; the database owner and
-- service_role, whom RLS does not restrict either, still get the whole subtree (the CLI's
-- indicator runs). The walk itself moves to private.org_subtree, which only the access helpers
-- below call (as their owner): app roles cannot execute it.
create function private.org_subtree(p_roots uuid[]) returns uuid[]
language sql stable security definer set search_path = ''
as $$
  with recursive tree (id) as (
    select u.id from public.org_units u where u.id = any (p_roots)
    union
    select c.id from public.org_units c join tree t on c.parent_id = t.id
  )
  select coalesce(array_agg(id), '{}') from tree
$$;
revoke all on function private.org_subtree(uuid[]) from public;

-- Inside a security definer function current_user is the owner; the caller's role is the `role`
-- setting (PostgREST and our sessions `set local role`), or the login role when none was set.
-- A signed-in app user (role authenticated, as PostgREST and our sessions set it) rather than the
-- owner or service_role: helpers that answer about given units answer such a caller only about
-- units of their own memberships' subtrees.
create function private.restricted_caller() returns boolean
language sql stable security definer set search_path = ''
as $$ select coalesce(nullif(current_setting('role'), 'none'), session_user) = 'authenticated' $$;

-- Whether the caller may learn anything about one unit (see private.restricted_caller).
create function private.may_ask_about(p_org uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select not private.restricted_caller() or p_org = any ((select private.member_org_ids())::uuid[]) $$;

create or replace function private.subtree_ids(p_roots uuid[]) returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select coalesce(array_agg(s.id), '{}')
  from unnest(private.org_subtree(p_roots)) as s (id)
  where not private.restricted_caller() or s.id = any ((select private.member_org_ids())::uuid[])
$$;

-- The access helpers expand their memberships with the unrestricted walk (same results as before).
create or replace function private.readable_org_ids(area text) returns uuid[]
language sql stable security definer set search_path = ''
as $$ select private.org_subtree(private.granted_org_ids('read', readable_org_ids.area)) $$;

create or replace function private.writable_org_ids(area text) returns uuid[]
language sql stable security definer set search_path = ''
as $$ select private.org_subtree(private.granted_org_ids('write', writable_org_ids.area)) $$;

create or replace function private.personal_org_ids(area text) returns uuid[]
language sql stable security definer set search_path = ''
as $$ select private.org_subtree(private.granted_org_ids('personal', personal_org_ids.area)) $$;

create or replace function private.member_org_ids() returns uuid[]
language sql stable security definer set search_path = ''
as $$ select private.org_subtree(private.granted_org_ids('member', null)) $$;

create or replace function private.administered_org_ids() returns uuid[]
language sql stable security definer set search_path = ''
as $$ select private.org_subtree(private.granted_org_ids('administer', null)) $$;

create or replace function private.auditable_org_ids() returns uuid[]
language sql stable security definer set search_path = ''
as $$ select private.org_subtree(private.granted_org_ids('audit', null)) $$;

-- How the current user sees personal fields of `p_area` records held by `p_org`: true = as they
-- are, false = masked (the user may read the records but lacks the personal-data right), null =
-- not at all (the user may not read those records). Called once per personal value read, so it
-- is one query: the memberships at the org or above it that grant `read` in the area (the `read`
-- branch of private.granted_org_ids), true when one of them also holds the personal-data right
-- (its `personal` branch). No membership: bool_or of nothing, null.
create function private.personal_visibility(p_org uuid, p_area text) returns boolean
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
    and m.org_id in (select up.id from up)
    and (m.role in ('supervisor', 'admin', 'viewer') or (m.role = 'clerk' and p_area = any (m.areas)))
$$;

-- Whether `new_value` would store what a masked reader was shown instead of `old_value`: it
-- differs from the stored value yet contains a masked piece of it (a piece of private.mask(old)
-- holding `*`, such as 徐** or 138****5678). Pieces already stored with asterisks do not count,
-- so a value that was always written that way can still be edited.
create function private.is_masked_copy(old_value text, new_value text) returns boolean
language sql immutable set search_path = ''
as $$
  select old_value is not null and new_value is not null and new_value <> old_value and exists (
    select 1
    from regexp_matches(private.mask(old_value), '[^、,，;；/[:space:]]+', 'g') as p (m)
    where strpos(p.m[1], '*') > 0 and strpos(new_value, p.m[1]) > 0 and strpos(old_value, p.m[1]) = 0
  )
$$;

-- Trigger (before update) of every record table with personal fields; its arguments are pairs of
-- column name and label. Refuses, with SQLSTATE PT422 (PostgREST: HTTP 422), an update that
-- would overwrite a real value with its mask, e.g. a clerk without the personal-data right who
-- read 「徐**、严**」, appended a name and saved.
create function private.refuse_masked_write() returns trigger
language plpgsql set search_path = ''
as $$
declare
  before_row jsonb := to_jsonb(old);
  after_row jsonb := to_jsonb(new);
  i integer := 0;
begin
  while i + 1 < tg_nargs loop
    if private.is_masked_copy(before_row ->> tg_argv[i], after_row ->> tg_argv[i]) then
      raise exception using
        errcode = 'PT422',
        message = format('“%s”显示为遮蔽值（%s），不能原样保存；请点“重新填写”后输入完整内容',
          tg_argv[i + 1], private.mask(before_row ->> tg_argv[i])),
        column = tg_argv[i],
        table = tg_table_name;
    end if;
    i := i + 2;
  end loop;
  return new;
end
$$;

revoke all on function
  private.personal_visibility(uuid, text), private.is_masked_copy(text, text), private.refuse_masked_write(),
  private.restricted_caller(), private.may_ask_about(uuid)
from public;
grant execute on function private.restricted_caller(), private.may_ask_about(uuid) to authenticated, service_role;
-- The masked-write trigger runs as the writer; personal_visibility only inside the value functions.
grant execute on function private.is_masked_copy(text, text) to authenticated, service_role;
