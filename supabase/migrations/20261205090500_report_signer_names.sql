-- Who saved, signed off and locked a report, by name: the profile's display name, else the
-- account's e-mail. The tables keep account ids; a member reading a version or a lock reads the
-- names of the people on it as computed fields (PostgREST: `select=…,saved_by_name`; SQL:
-- `public.saved_by_name(v)`), also on the rows that save_report and move_report return.
--
-- profiles and auth.users are closed to app roles (a user reads only their own profile), so the
-- name is looked up by a security-definer helper, and only for a person named on a version or a
-- lock the caller may read: the helper reads the stored row by id, so a row made up by the caller
-- names nobody.
--
-- The lookups are volatile, not stable: a stable function sees the snapshot of the statement that
-- calls it, which on the row save_report or move_report returns is older than the row itself
-- (the name would come back empty); a volatile one reads with a snapshot of its own.

create function private.person_name(p_user uuid) returns text
language sql stable security definer set search_path = ''
as $$
  select coalesce(nullif(btrim(p.display_name), ''), u.email::text)
  from auth.users u left join public.profiles p on p.id = u.id
  where u.id = p_user
$$;
revoke all on function private.person_name(uuid) from public, anon, authenticated;

-- p_who: 'saved' or 'signed'.
create function private.report_version_person(p_version uuid, p_who text) returns text
language sql volatile security definer set search_path = ''
as $$
  select private.person_name(case p_who when 'saved' then r.saved_by when 'signed' then r.signed_by end)
  from public.report_versions r
  where r.id = p_version and r.org_id = any ((select private.member_org_ids())::uuid[])
$$;
revoke all on function private.report_version_person(uuid, text) from public, anon;
grant execute on function private.report_version_person(uuid, text) to authenticated, service_role;

create function private.report_lock_person(p_lock uuid) returns text
language sql volatile security definer set search_path = ''
as $$
  select private.person_name(l.locked_by)
  from public.report_year_locks l
  where l.id = p_lock and l.org_id = any ((select private.member_org_ids())::uuid[])
$$;
revoke all on function private.report_lock_person(uuid) from public, anon;
grant execute on function private.report_lock_person(uuid) to authenticated, service_role;

create function public.saved_by_name(v public.report_versions) returns text
language sql volatile security invoker set search_path = ''
as $$ select private.report_version_person(v.id, 'saved') $$;
create function public.signed_by_name(v public.report_versions) returns text
language sql volatile security invoker set search_path = ''
as $$ select private.report_version_person(v.id, 'signed') $$;
create function public.locked_by_name(l public.report_year_locks) returns text
language sql volatile security invoker set search_path = ''
as $$ select private.report_lock_person(l.id) $$;
revoke all on function public.saved_by_name(public.report_versions), public.signed_by_name(public.report_versions), public.locked_by_name(public.report_year_locks) from public, anon;
grant execute on function public.saved_by_name(public.report_versions), public.signed_by_name(public.report_versions), public.locked_by_name(public.report_year_locks) to authenticated, service_role;
comment on function public.saved_by_name(public.report_versions) is '保存该版本的人（姓名，无姓名时为电子邮箱）';
comment on function public.signed_by_name(public.report_versions) is '定稿人（姓名，无姓名时为电子邮箱）';
comment on function public.locked_by_name(public.report_year_locks) is '封账人（姓名，无姓名时为电子邮箱）';
