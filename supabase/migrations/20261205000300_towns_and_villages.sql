-- Towns (镇) and villages (村) beside streets and communities. Hand-written; see docs/database.md.
-- A town is the rural peer of a street: it keeps ledgers, has staff and writes the annual report;
-- a village is the rural peer of a community. The parent table below is the one of OrgTree in
-- @fazhi/domain (allowedParents); a test holds the two together.

alter table public.org_units
  drop constraint org_units_kind_options,
  add constraint org_units_kind_options
    check (kind in ('district', 'street', 'town', 'community', 'village', 'mediation_committee', 'department'));

create or replace function private.check_org_unit() returns trigger
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
      when 'town' then array['district', '']
      when 'community' then array['street', 'town']
      when 'village' then array['town', 'street']
      when 'mediation_committee' then array['street', 'town', 'community', 'village']
      when 'department' then array['street', 'town', 'district']
    end) then
    raise exception using errcode = '23514', message = format('机构“%s”的类型不能位于%s', new.name,
      case when parent_kind is null then '最上级' else format('“%s”之下', case parent_kind
        when 'district' then '区' when 'street' then '街道' when 'town' then '镇' when 'community' then '社区'
        when 'village' then '村' when 'mediation_committee' then '人民调解委员会' when 'department' then '部门' end) end);
  end if;
  return new;
end
$$;

-- District supervisors sit at a district; admins, clerks and viewers at a street or a town.
create or replace function private.check_membership() returns trigger
language plpgsql set search_path = ''
as $$
declare
  org_kind text;
begin
  select u.kind into org_kind from public.org_units u where u.id = new.org_id;
  if new.role = 'supervisor' and org_kind <> 'district' then
    raise exception using errcode = '23514', message = '区级督导角色只能设在区级机构';
  elsif new.role <> 'supervisor' and org_kind not in ('street', 'town') then
    raise exception using errcode = '23514', message = '街道（镇）管理员、业务经办人和查看者角色只能设在街道或镇';
  end if;
  return new;
end
$$;

-- The street or town an org belongs to (itself if it is one; the top of its tree when neither is
-- above). Business keys are unique within it. Same rules as before for who may ask.
create or replace function private.street_of(p_org uuid) returns uuid
language sql stable security definer set search_path = ''
as $$
  with recursive up (id, parent_id, kind, depth) as (
    select u.id, u.parent_id, u.kind, 0 from public.org_units u
    where u.id = p_org and private.may_ask_about(p_org)
    union all
    select p.id, p.parent_id, p.kind, up.depth + 1 from public.org_units p join up on p.id = up.parent_id
    where up.kind not in ('street', 'town') and up.depth < 64
  )
  select id from up order by kind in ('street', 'town') desc, depth desc limit 1
$$;
