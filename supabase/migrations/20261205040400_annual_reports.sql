-- Annual reports (年度报告): saved drafts with versions, sign-off that freezes the figures, the
-- year's records locked (封账) until a street admin reopens it, per-unit templates, and the
-- district comparison. Hand-written; see docs/database.md ("Annual reports"). The TypeScript side
-- (packages/db/src/report-store.ts) only calls what is here, over SQL and over PostgREST.
--
-- Who may do what:
-- - read a unit's reports, locks and templates: every member who may browse the unit (its own
--   members and those of the units above it, so a district supervisor reads its streets');
-- - save a draft: admins, clerks (of any work area) and supervisors of the unit or a unit above it;
--   viewers only read;
-- - move a report on (草稿 → 审核 → 定稿, 审核 → 草稿 with a reason), reopen a locked year and save
--   the unit's template: street admins (admins of the unit or a unit above it) only.
-- The tables take no writes from app roles: the functions below (security definer) are the only
-- writers, so nobody forges a sign-off, its frozen figures or a lock.

-- A report's content: {narrative: {key: text}, wording: {indicator id: exact|hedged}}.
create function private.is_report_content(p_content jsonb) returns boolean
language sql immutable set search_path = ''
as $$
  select jsonb_typeof(p_content) = 'object'
    and jsonb_typeof(p_content -> 'narrative') = 'object'
    and jsonb_typeof(p_content -> 'wording') = 'object'
    and not exists (select 1 from jsonb_each(p_content -> 'narrative') n where jsonb_typeof(n.value) <> 'string')
    and not exists (select 1 from jsonb_each(p_content -> 'wording') w where w.value not in ('"exact"'::jsonb, '"hedged"'::jsonb))
$$;

create table public.report_versions (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  year integer not null,
  -- 1, 2, … per unit and year: every save is a new version, none is overwritten.
  version integer not null,
  status text not null default 'draft',
  content jsonb not null,
  -- [{indicatorId, numerator, denominator}] from public.indicator_values at 定稿; null before.
  frozen_figures jsonb,
  saved_by uuid,
  saved_at timestamptz not null default now(),
  signed_by uuid,
  signed_at timestamptz,
  constraint report_versions_year_range check (year between 2000 and 2100),
  constraint report_versions_status_options check (status in ('draft', 'review', 'final')),
  constraint report_versions_content_shape check (private.is_report_content(content)),
  constraint report_versions_frozen_when_final check ((status = 'final') = (frozen_figures is not null and jsonb_typeof(frozen_figures) = 'array')),
  constraint report_versions_signed_when_final check ((status = 'final') = (signed_at is not null)),
  constraint report_versions_one_number unique (org_id, year, version)
);
comment on table public.report_versions is '年度报告版本';

-- Every status change of a version: who, when, and why when it went back to 草稿.
create table public.report_status_changes (
  id bigint generated always as identity primary key,
  version_id uuid not null references public.report_versions (id),
  org_id uuid not null references public.org_units (id),
  from_status text not null,
  to_status text not null,
  reason text,
  changed_by uuid,
  changed_at timestamptz not null default now(),
  constraint report_status_changes_reason_not_blank check (reason ~ '\S'),
  constraint report_status_changes_reason_max_length check (char_length(reason) <= 500)
);
comment on table public.report_status_changes is '年度报告状态变更';
create index report_status_changes_version_idx on public.report_status_changes (version_id, id);

-- 封账: a unit's year is locked from sign-off until a street admin reopens it. A reopened lock
-- stays as a row (who reopened it, when, why); at most one lock per unit and year is active.
create table public.report_year_locks (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  year integer not null,
  -- The 定稿 version whose sign-off locked the year.
  version_id uuid not null references public.report_versions (id),
  locked_by uuid,
  locked_at timestamptz not null default now(),
  reopened_by uuid,
  reopened_at timestamptz,
  reopen_reason text,
  constraint report_year_locks_reason_not_blank check (reopen_reason ~ '\S'),
  constraint report_year_locks_reason_max_length check (char_length(reopen_reason) <= 500),
  constraint report_year_locks_reopened_together check ((reopened_at is null) = (reopen_reason is null))
);
comment on table public.report_year_locks is '年度封账';
create unique index report_year_locks_active_idx on public.report_year_locks (org_id, year) where reopened_at is null;
create index report_year_locks_active_year_idx on public.report_year_locks (year) where reopened_at is null;

-- A unit's own template (the JSON of @fazhi/report's template format, validated there before it
-- is saved), with versions; the newest is the one in use.
create table public.report_templates (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  version integer not null,
  template jsonb not null,
  saved_by uuid,
  saved_at timestamptz not null default now(),
  constraint report_templates_template_object check (jsonb_typeof(template) = 'object'),
  constraint report_templates_one_number unique (org_id, version)
);
comment on table public.report_templates is '年度报告模板';

revoke all on public.report_versions, public.report_status_changes, public.report_year_locks, public.report_templates from anon, authenticated;
revoke all on sequence public.report_status_changes_id_seq from anon, authenticated;
grant select on public.report_versions, public.report_status_changes, public.report_year_locks, public.report_templates to authenticated, service_role;

alter table public.report_versions enable row level security;
alter table public.report_status_changes enable row level security;
alter table public.report_year_locks enable row level security;
alter table public.report_templates enable row level security;
create policy "Members of a unit can read its reports" on public.report_versions
  for select to authenticated using (org_id = any ((select private.member_org_ids())::uuid[]));
create policy "Members of a unit can read its report status changes" on public.report_status_changes
  for select to authenticated using (org_id = any ((select private.member_org_ids())::uuid[]));
create policy "Members of a unit can read its year locks" on public.report_year_locks
  for select to authenticated using (org_id = any ((select private.member_org_ids())::uuid[]));
create policy "Members of a unit can read its templates" on public.report_templates
  for select to authenticated using (org_id = any ((select private.member_org_ids())::uuid[]));

-- Saves, sign-offs, locks, reopenings and templates are in the audit trail (public.audit_log).
create trigger report_versions_audit after insert or update or delete on public.report_versions
  for each row execute function private.audit('org_id');
create trigger report_year_locks_audit after insert or update or delete on public.report_year_locks
  for each row execute function private.audit('org_id');
create trigger report_templates_audit after insert or update or delete on public.report_templates
  for each row execute function private.audit('org_id');

-- Helpers --------------------------------------------------------------------------------------

-- Units whose report drafts the caller may save: admins, clerks and supervisors of the unit or above.
create function private.report_drafter_org_ids() returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select private.org_subtree(coalesce(array_agg(distinct m.org_id), '{}'))
  from public.memberships m
  where m.user_id = (select auth.uid()) and m.role in ('admin', 'clerk', 'supervisor')
$$;

-- The unit and every unit above it. `union` stops on a cycle.
create function private.org_and_ancestors(p_org uuid) returns uuid[]
language sql stable security definer set search_path = ''
as $$
  with recursive up (id, parent_id) as (
    select u.id, u.parent_id from public.org_units u where u.id = p_org
    union
    select p.id, p.parent_id from public.org_units p join up on p.id = up.parent_id
  )
  select coalesce(array_agg(id), '{}') from up
$$;

create function private.report_status_label(p_status text) returns text
language sql immutable set search_path = ''
as $$ select case p_status when 'draft' then '草稿' when 'review' then '审核' when 'final' then '定稿' else p_status end $$;

create function private.check_report_year(p_year integer) returns void
language plpgsql immutable set search_path = ''
as $$
begin
  if p_year is null or p_year not between 2000 and 2100 then
    raise exception using errcode = '22023', column = 'year', message = format('报告年度“%s”无效，应为 2000 至 2100 之间的年份', coalesce(p_year::text, '未填'));
  end if;
end
$$;

-- Refuses with FZ423 when the unit's year is locked (for saving and moving its report).
create function private.refuse_when_year_locked(p_org uuid, p_year integer) returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  lock public.report_year_locks;
begin
  select * into lock from public.report_year_locks l where l.org_id = p_org and l.year = p_year and l.reopened_at is null;
  if found then
    raise exception using errcode = 'FZ423', table = 'report_versions',
      message = format('%s年度已封账（%s 定稿），报告不能再修改；如需更正，请街道管理员先重新开启该年度', p_year, to_char(lock.locked_at, 'YYYY-MM-DD'));
  end if;
end
$$;

-- 封账 of records ------------------------------------------------------------------------------

-- Before any insert, update or delete of a record: refused (FZ423) when the record, before or
-- after the write, lies in a locked year of its unit or of a unit above it. The trigger's argument
-- names the kind's period column (its `periodField`); a record without a period date is never
-- locked. Timestamps fall in the year of the session's time zone, as public.indicator_values
-- counts them. Security definer: the locks are checked whatever the caller may read.
create function private.refuse_locked_year() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  period_column text := tg_argv[0];
  images jsonb[];
  image jsonb;
  period_year integer;
  lock_unit text;
begin
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
revoke all on function private.refuse_locked_year() from public;

-- Every record kind the schema has now (as the recorded model snapshot lists them, with their
-- period fields) gets the trigger; kinds added later get it from the model migration generator
-- (packages/db/src/generate/year-lock-sql.ts), which emits the same statement. A schema built
-- without the model migrations (only a test does that) has no snapshot: its kinds get the trigger
-- from that generator too.
do $$
declare
  k record;
begin
  if pg_catalog.to_regclass('private.model_snapshot') is null then
    return;
  end if;
  for k in
    select kind ->> 'id' as kind_id, lower(regexp_replace(kind ->> 'periodField', '([A-Z])', '_\1', 'g')) as period_column
    from private.model_snapshot s, jsonb_array_elements(s.snapshot -> 'kinds') as kind
    where kind ? 'periodField' and pg_catalog.to_regclass('public.' || pg_catalog.quote_ident(kind ->> 'id')) is not null
  loop
    execute format('create trigger %I before insert or update or delete on public.%I for each row execute function private.refuse_locked_year(%L)',
      k.kind_id || '_year_lock', k.kind_id, k.period_column);
  end loop;
end
$$;

-- Saving, moving, reopening ---------------------------------------------------------------------

-- Saves the content as the next 草稿 version of the unit's report for the year.
create function private.save_report(p_org uuid, p_year integer, p_content jsonb) returns public.report_versions
language plpgsql security definer set search_path = ''
as $$
declare
  saved public.report_versions;
begin
  perform private.check_report_year(p_year);
  if p_content is null or not private.is_report_content(p_content) then
    raise exception using errcode = '22023', column = 'content',
      message = '报告内容格式不正确：应为 {narrative: {段落: 文字}, wording: {指标: exact 或 hedged}}';
  end if;
  if p_org is null or not (p_org = any (private.report_drafter_org_ids())) then
    raise exception using errcode = '42501', message = '只有本单位（或上级单位）的管理员、工作人员和监督人员可以保存报告草稿';
  end if;
  -- One writer per unit and year at a time: version numbers never collide.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('report:' || p_org::text || ':' || p_year::text, 0));
  perform private.refuse_when_year_locked(p_org, p_year);
  insert into public.report_versions (org_id, year, version, status, content, saved_by)
  values (p_org, p_year,
    coalesce((select max(v.version) from public.report_versions v where v.org_id = p_org and v.year = p_year), 0) + 1,
    'draft', p_content, (select auth.uid()))
  returning * into saved;
  return saved;
end
$$;

-- Moves a version on: 草稿 → 审核, 审核 → 草稿 (with a reason), 审核 → 定稿. Only the newest
-- version moves, and only while the year is open. 定稿 stores the figures of the unit's subtree
-- for the year as public.indicator_values computes them now (with the owner's rights: every
-- record of the unit counts, whatever the signer may read) and locks the year.
create function private.move_report(p_version uuid, p_status text, p_reason text) returns public.report_versions
language plpgsql security definer set search_path = ''
as $$
declare
  v public.report_versions;
  newest integer;
  reason text := nullif(btrim(coalesce(p_reason, '')), '');
begin
  select * into v from public.report_versions r where r.id = p_version;
  if not found or not (v.org_id = any (private.member_org_ids())) then
    raise exception using errcode = 'P0002', message = '报告版本不存在，或没有权限查看';
  end if;
  if not (v.org_id = any (private.administered_org_ids())) then
    raise exception using errcode = '42501', message = '只有该单位所属街道的管理员可以提交审核、退回草稿或定稿';
  end if;
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('report:' || v.org_id::text || ':' || v.year::text, 0));
  select * into v from public.report_versions r where r.id = p_version for update;
  perform private.refuse_when_year_locked(v.org_id, v.year);
  select max(r.version) into newest from public.report_versions r where r.org_id = v.org_id and r.year = v.year;
  if v.version <> newest then
    raise exception using errcode = 'FZ001', message = format('只能办理最新版本（第%s版），第%s版已被后来保存的版本取代', newest, v.version);
  end if;
  if (v.status, coalesce(p_status, '')) not in (('draft', 'review'), ('review', 'draft'), ('review', 'final')) then
    raise exception using errcode = 'FZ001', column = 'status',
      message = format('报告不能从“%s”改为“%s”（可走的步骤：草稿 → 审核 → 定稿，审核可退回草稿）',
        private.report_status_label(v.status), private.report_status_label(coalesce(p_status, '未填')));
  end if;
  if p_status = 'draft' and reason is null then
    raise exception using errcode = '23514', column = 'reason', message = '退回草稿须填写理由';
  end if;
  if char_length(reason) > 500 then
    raise exception using errcode = '23514', column = 'reason', message = '理由不能超过 500 字';
  end if;
  insert into public.report_status_changes (version_id, org_id, from_status, to_status, reason, changed_by)
  values (v.id, v.org_id, v.status, p_status, reason, (select auth.uid()));
  if p_status = 'final' then
    update public.report_versions r
    set status = 'final', signed_by = (select auth.uid()), signed_at = now(),
      frozen_figures = (
        select coalesce(jsonb_agg(jsonb_build_object('indicatorId', f.indicator_id, 'numerator', f.numerator, 'denominator', f.denominator) order by f.ord), '[]'::jsonb)
        from public.indicator_values(v.org_id, make_date(v.year, 1, 1), make_date(v.year + 1, 1, 1)) with ordinality as f (indicator_id, value, numerator, denominator, ord)
      )
    where r.id = v.id
    returning * into v;
    insert into public.report_year_locks (org_id, year, version_id, locked_by) values (v.org_id, v.year, v.id, (select auth.uid()));
  else
    update public.report_versions r set status = p_status where r.id = v.id returning * into v;
  end if;
  return v;
end
$$;

-- Reopens a locked year with a reason (street admins). The lock row keeps who, when and why; the
-- audit trail has the change; the 定稿 that locked the year stays as it was signed.
create function private.reopen_report_year(p_org uuid, p_year integer, p_reason text) returns public.report_year_locks
language plpgsql security definer set search_path = ''
as $$
declare
  lock public.report_year_locks;
  reason text := nullif(btrim(coalesce(p_reason, '')), '');
begin
  perform private.check_report_year(p_year);
  if p_org is null or not (p_org = any (private.administered_org_ids())) then
    raise exception using errcode = '42501', message = '只有该单位所属街道的管理员可以重新开启已封账的年度';
  end if;
  if reason is null then
    raise exception using errcode = '23514', column = 'reopen_reason', message = '重新开启已封账的年度须填写理由';
  end if;
  if char_length(reason) > 500 then
    raise exception using errcode = '23514', column = 'reopen_reason', message = '理由不能超过 500 字';
  end if;
  update public.report_year_locks l
  set reopened_by = (select auth.uid()), reopened_at = now(), reopen_reason = reason
  where l.org_id = p_org and l.year = p_year and l.reopened_at is null
  returning * into lock;
  if not found then
    raise exception using errcode = 'FZ001', message = format('%s年度没有封账，无需重新开启', p_year);
  end if;
  return lock;
end
$$;

-- Saves the next version of the unit's template (street admins). Its shape is checked by
-- @fazhi/report before saving; here only that it is a JSON object.
create function private.save_report_template(p_org uuid, p_template jsonb) returns public.report_templates
language plpgsql security definer set search_path = ''
as $$
declare
  saved public.report_templates;
begin
  if p_org is null or not (p_org = any (private.administered_org_ids())) then
    raise exception using errcode = '42501', message = '只有该单位所属街道的管理员可以保存报告模板';
  end if;
  if p_template is null or jsonb_typeof(p_template) <> 'object' then
    raise exception using errcode = '22023', column = 'template', message = '报告模板应为 JSON 对象';
  end if;
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('report-template:' || p_org::text, 0));
  insert into public.report_templates (org_id, version, template, saved_by)
  values (p_org, coalesce((select max(t.version) from public.report_templates t where t.org_id = p_org), 0) + 1, p_template, (select auth.uid()))
  returning * into saved;
  return saved;
end
$$;

-- The entry points (PostgREST: POST /rest/v1/rpc/<name>): the caller's rights, nothing of their own.
create function public.save_report(p_org uuid, p_year integer, p_content jsonb) returns public.report_versions
language sql security invoker set search_path = ''
as $$ select * from private.save_report(p_org, p_year, p_content) $$;
create function public.move_report(p_version uuid, p_status text, p_reason text default null) returns public.report_versions
language sql security invoker set search_path = ''
as $$ select * from private.move_report(p_version, p_status, p_reason) $$;
create function public.reopen_report_year(p_org uuid, p_year integer, p_reason text) returns public.report_year_locks
language sql security invoker set search_path = ''
as $$ select * from private.reopen_report_year(p_org, p_year, p_reason) $$;
create function public.save_report_template(p_org uuid, p_template jsonb) returns public.report_templates
language sql security invoker set search_path = ''
as $$ select * from private.save_report_template(p_org, p_template) $$;
comment on function public.save_report(uuid, integer, jsonb) is '保存年度报告草稿（新版本）';
comment on function public.move_report(uuid, text, text) is '年度报告状态：草稿 → 审核 → 定稿，审核可退回草稿（须填理由）；定稿冻结数字并封账';
comment on function public.reopen_report_year(uuid, integer, text) is '重新开启已封账的年度（街道管理员，须填理由）';
comment on function public.save_report_template(uuid, jsonb) is '保存单位的年度报告模板（新版本）';

-- District comparison -------------------------------------------------------------------------

-- Every indicator for each street under `p_parent` (a district, or any unit with streets below),
-- a 区直 row for the records held under the parent outside every street, and the parent's own
-- total, for the calendar year; as the caller under row-level security.
-- The 区直 numerator and denominator are the total's minus the streets' sums: exact for the
-- measures that add up over units (counts and sums), so that the street rows and the 区直 row add
-- up to the total; for the others (distinct counts, an attribute's latest value) the 区直 cell
-- means nothing and the console leaves it out. Its value is computed as indicator_values does:
-- numerator × factor ÷ denominator, the factor (100 for rates) read back from the rows that have one.
create function public.district_comparison(p_parent uuid, p_year integer)
returns table (org_id uuid, org_name text, row_kind text, indicator_id text, value double precision, numerator numeric, denominator numeric, ord integer)
language plpgsql stable security invoker set search_path = ''
as $$
#variable_conflict use_column
declare
  p_start date;
  p_end date;
begin
  perform private.check_report_year(p_year);
  if p_parent is null or not private.may_ask_about(p_parent) then
    raise exception using errcode = '42501', message = '没有权限查看该单位';
  end if;
  p_start := make_date(p_year, 1, 1);
  p_end := make_date(p_year + 1, 1, 1);
  return query
  with streets as (
    select u.id, coalesce(u.short_name, u.name) as name, u.code
    from public.org_units u
    where u.kind = 'street' and u.id <> p_parent and u.id = any (private.subtree_ids(array[p_parent]))
      -- a street inside another street (none today) is counted in that one
      and not exists (
        select 1 from public.org_units a
        where a.kind = 'street' and a.id <> u.id and a.id <> p_parent
          and a.id = any (private.org_and_ancestors(u.id)) and a.id = any (private.subtree_ids(array[p_parent]))
      )
  ),
  street_rows as (
    select s.id, s.name, s.code, f.indicator_id, f.value, f.numerator, f.denominator, f.ord::integer as ord
    from streets s
    cross join lateral public.indicator_values(s.id, p_start, p_end) with ordinality as f (indicator_id, value, numerator, denominator, ord)
  ),
  total_rows as (
    select f.indicator_id, f.value, f.numerator, f.denominator, f.ord::integer as ord
    from public.indicator_values(p_parent, p_start, p_end) with ordinality as f (indicator_id, value, numerator, denominator, ord)
  ),
  factors as (
    select x.indicator_id,
      round(max(case when x.numerator <> 0 and x.value is not null then (x.value * coalesce(x.denominator, 1)::double precision / x.numerator::double precision)::numeric end), 6)::double precision as factor
    from (select r.indicator_id, r.value, r.numerator, r.denominator from street_rows r union all select t.indicator_id, t.value, t.numerator, t.denominator from total_rows t) x
    group by x.indicator_id
  ),
  direct_rows as (
    select t.indicator_id, t.ord,
      t.numerator - coalesce((select sum(r.numerator) from street_rows r where r.indicator_id = t.indicator_id), 0) as numerator,
      case when t.denominator is null then null
        else t.denominator - coalesce((select sum(r.denominator) from street_rows r where r.indicator_id = t.indicator_id), 0) end as denominator,
      coalesce(fa.factor, 1) as factor
    from total_rows t join factors fa on fa.indicator_id = t.indicator_id
  ),
  parent as (select coalesce(u.short_name, u.name) as name from public.org_units u where u.id = p_parent)
  select r.id, r.name, 'street'::text, r.indicator_id, r.value, r.numerator, r.denominator, r.ord
  from street_rows r
  union all
  select p_parent, '区直', 'direct'::text, d.indicator_id,
    case
      when d.numerator is null then null
      when (select t.denominator from total_rows t where t.indicator_id = d.indicator_id) is null then d.numerator::double precision * d.factor
      when d.denominator is null or d.denominator = 0 then null
      else d.numerator::double precision * d.factor / d.denominator::double precision
    end,
    d.numerator, d.denominator, d.ord
  from direct_rows d
  union all
  select p_parent, (select name from parent), 'total'::text, t.indicator_id, t.value, t.numerator, t.denominator, t.ord
  from total_rows t;
end
$$;
comment on function public.district_comparison(uuid, integer) is '各街道指标对比：每个街道一行、区直一行（合计减各街道之和）、合计一行（上级单位本身）';

revoke all on function
  private.is_report_content(jsonb), private.report_drafter_org_ids(), private.org_and_ancestors(uuid),
  private.report_status_label(text), private.check_report_year(integer), private.refuse_when_year_locked(uuid, integer),
  private.save_report(uuid, integer, jsonb), private.move_report(uuid, text, text),
  private.reopen_report_year(uuid, integer, text), private.save_report_template(uuid, jsonb)
from public, anon;
grant execute on function
  private.is_report_content(jsonb), private.report_drafter_org_ids(), private.org_and_ancestors(uuid),
  private.report_status_label(text), private.check_report_year(integer), private.refuse_when_year_locked(uuid, integer),
  private.save_report(uuid, integer, jsonb), private.move_report(uuid, text, text),
  private.reopen_report_year(uuid, integer, text), private.save_report_template(uuid, jsonb)
to authenticated, service_role;
revoke all on function
  public.save_report(uuid, integer, jsonb), public.move_report(uuid, text, text), public.reopen_report_year(uuid, integer, text),
  public.save_report_template(uuid, jsonb), public.district_comparison(uuid, integer)
from public, anon;
grant execute on function
  public.save_report(uuid, integer, jsonb), public.move_report(uuid, text, text), public.reopen_report_year(uuid, integer, text),
  public.save_report_template(uuid, jsonb), public.district_comparison(uuid, integer)
to authenticated, service_role;
