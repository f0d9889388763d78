-- Personal-data access leaves a trace (个人信息保护法): a backup, export or print that contains
-- unmasked personal values appends one entry to audit_log (who = actor, when = at, what = after).
-- The console calls public.log_personal_data_access before it hands such a file to the user; the
-- rule of who may do it lives here, not in the console.

alter table public.audit_log drop constraint audit_log_operation_options;
alter table public.audit_log add constraint audit_log_operation_options
  check (operation in ('INSERT', 'UPDATE', 'SOFT_DELETE', 'RESTORE', 'DELETE', 'PERSONAL_DATA_ACCESS'));

-- p_action: backup (the whole local database; street admins of p_org_id only), export or print
-- (records of work area p_area with personal fields unmasked; users with that right at p_org_id).
-- p_scope: what was taken, in words (e.g. 本机数据库完整备份, 人民调解案件 2024年 导出); at most 200 characters.
create function private.log_personal_data_access(p_action text, p_org_id uuid, p_scope text, p_area text)
returns bigint
language plpgsql security definer set search_path = ''
as $$
declare
  v_id bigint;
begin
  if (select auth.uid()) is null then
    raise exception using errcode = '42501', message = '请先登录';
  end if;
  if p_action is null or p_action not in ('backup', 'export', 'print') then
    raise exception using errcode = '22023', message = format('未知的个人信息访问类型“%s”（应为 backup、export 或 print）', p_action);
  end if;
  if p_scope is null or btrim(p_scope) = '' or char_length(p_scope) > 200 then
    raise exception using errcode = '22023', message = '请说明访问的内容（不超过200个字）';
  end if;
  if p_org_id is null or not exists (select 1 from public.org_units u where u.id = p_org_id) then
    raise exception using errcode = '23503', message = '所指定的机构不存在';
  end if;
  if p_action = 'backup' then
    if not p_org_id = any (private.subtree_ids(private.granted_org_ids('administer', null))) then
      raise exception using errcode = '42501', message = '只有街道管理员可以备份、恢复或重置数据库';
    end if;
  elsif p_area is null or not p_org_id = any (private.personal_org_ids(p_area)) then
    raise exception using errcode = '42501', message = '没有查看该机构个人信息的权限，不能导出或打印未脱敏的内容';
  end if;
  insert into public.audit_log (actor, table_name, record_id, org_id, operation, before, after)
  values (
    (select auth.uid()),
    coalesce(p_area, 'database'),
    null,
    p_org_id,
    'PERSONAL_DATA_ACCESS',
    null,
    jsonb_build_object('action', p_action, 'scope', btrim(p_scope), 'area', p_area)
  )
  returning id into v_id;
  return v_id;
end
$$;
revoke all on function private.log_personal_data_access(text, uuid, text, text) from public, anon;
grant execute on function private.log_personal_data_access(text, uuid, text, text) to authenticated;

-- The narrow RPC (PostgREST: POST /rest/v1/rpc/log_personal_data_access): returns the entry's id.
create function public.log_personal_data_access(action text, org_id uuid, scope text, area text default null)
returns bigint
language sql volatile security invoker set search_path = ''
as $$ select private.log_personal_data_access(action, org_id, scope, area) $$;
comment on function public.log_personal_data_access(text, uuid, text, text) is '记录一次含未脱敏个人信息的备份、导出或打印';
revoke all on function public.log_personal_data_access(text, uuid, text, text) from public, anon;
grant execute on function public.log_personal_data_access(text, uuid, text, text) to authenticated;
