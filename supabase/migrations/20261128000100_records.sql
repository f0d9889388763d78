-- generated — do not edit.
-- Source: the record kinds of @fazhi/domain (and the measures of @fazhi/metrics for indexes).
-- Regenerate with `pnpm --filter @fazhi/db generate`; a test fails when this file is stale.
-- Layout per kind: table, masked view, privileges, row-level security, triggers, indexes.

insert into private.record_kinds (kind_id, area, label) values
  ('study_sessions', 'leadership', '领导干部学法'),
  ('law_exams', 'leadership', '学法考试'),
  ('honours', 'leadership', '荣誉及创新案例'),
  ('legal_consultations', 'legality_review', '法律咨询'),
  ('contract_reviews', 'legality_review', '合同审查'),
  ('legal_opinions', 'legality_review', '法律意见书'),
  ('review_meetings', 'legality_review', '行政事项讨论会'),
  ('major_decisions', 'legality_review', '重大行政决策'),
  ('admin_disputes', 'admin_disputes', '行政争议案件'),
  ('court_hearings', 'admin_disputes', '行政诉讼庭审'),
  ('enforcement_actions', 'enforcement', '行政执法行为'),
  ('enforcement_officers', 'enforcement', '行政执法人员'),
  ('officer_trainings', 'enforcement', '执法人员培训'),
  ('auxiliary_staff', 'enforcement', '执法辅助人员'),
  ('mediation_cases', 'mediation', '人民调解案件'),
  ('legal_aid_applications', 'legal_aid', '法律援助申请'),
  ('publicity_events', 'publicity', '普法宣传活动'),
  ('publicity_publications', 'publicity', '普法作品发布'),
  ('business_env_projects', 'business_env', '营商环境项目'),
  ('foreign_national_services', 'business_env', '境外人士服务'),
  ('service_items', 'public_service', '政务服务事项'),
  ('hotline_tickets', 'public_service', '12345热线工单'),
  ('supervision_rounds', 'public_service', '政务服务督查'),
  ('coordination_events', 'public_service', '协调会议及现场勘查'),
  ('rectification_tasks', 'rectification', '问题整改任务'),
  ('org_attributes', 'organisation', '机构属性')
on conflict (kind_id) do update set area = excluded.area, label = excluded.label;

-- study_sessions: 领导干部学法（leadership） --------------------------------------------------------

create table public.study_sessions (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  format text not null, -- 学习形式
  topic text not null, -- 学习内容
  held_on date not null, -- 日期
  chaired_by text, -- 主持人
  attendees integer, -- 参加人数
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint study_sessions_format_options check (format in ('party_committee', 'director_office', 'theory_group', 'special_study', 'lecture', 'court_observation', 'law_report')),
  constraint study_sessions_topic_not_blank check (topic ~ '\S'),
  constraint study_sessions_topic_max_length check (char_length(topic) <= 500),
  constraint study_sessions_chaired_by_not_blank check (chaired_by ~ '\S'),
  constraint study_sessions_chaired_by_max_length check (char_length(chaired_by) <= 200),
  constraint study_sessions_attendees_min check (attendees >= 0)
);
comment on table public.study_sessions is '领导干部学法';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.study_sessions_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.format,
  t.topic,
  t.held_on,
  t.chaired_by,
  t.attendees,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.study_sessions t
where t.org_id = any ((select private.readable_org_ids('leadership'))::uuid[]);

revoke all on public.study_sessions, public.study_sessions_view from anon, authenticated;
grant select (
  id, org_id, format, topic, held_on, chaired_by, attendees, version, created_at, created_by,
  updated_at, updated_by, deleted_at, deleted_by
) on public.study_sessions to authenticated;
grant insert (
  id, org_id, format, topic, held_on, chaired_by, attendees, version, deleted_at
) on public.study_sessions to authenticated;
grant update (
  org_id, format, topic, held_on, chaired_by, attendees, version, deleted_at
) on public.study_sessions to authenticated;
grant delete on public.study_sessions to authenticated;
grant select on public.study_sessions_view to authenticated;

alter table public.study_sessions enable row level security;
create policy "Members can read study_sessions of their orgs" on public.study_sessions
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('leadership'))::uuid[]));
create policy "Writers can add study_sessions to their orgs" on public.study_sessions
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('leadership'))::uuid[]));
create policy "Writers can change study_sessions of their orgs" on public.study_sessions
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('leadership'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('leadership'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes study_sessions" on public.study_sessions
  for delete to authenticated
  using (false);

create trigger study_sessions_stamp_insert before insert on public.study_sessions
  for each row execute function private.stamp_insert();
create trigger study_sessions_stamp_update before update on public.study_sessions
  for each row execute function private.stamp_update();
create trigger study_sessions_audit after insert or update or delete on public.study_sessions
  for each row execute function private.audit('org_id');

create index study_sessions_org_id_held_on_idx on public.study_sessions (org_id, held_on); -- org subtree + default period
create index study_sessions_org_id_format_idx on public.study_sessions (org_id, format); -- enum filtered by a measure

-- law_exams: 学法考试（leadership） -------------------------------------------------------------

create table public.law_exams (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  title text not null, -- 考试名称
  held_on date not null, -- 考试日期
  eligible integer not null, -- 应考人数
  participants integer not null, -- 参考人数
  passed integer not null, -- 合格人数
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint law_exams_title_not_blank check (title ~ '\S'),
  constraint law_exams_title_max_length check (char_length(title) <= 200),
  constraint law_exams_eligible_min check (eligible >= 0),
  constraint law_exams_participants_min check (participants >= 0),
  constraint law_exams_passed_min check (passed >= 0),
  constraint law_exams_participants_at_most_eligible check (participants <= eligible),
  constraint law_exams_passed_at_most_participants check (passed <= participants)
);
comment on table public.law_exams is '学法考试';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.law_exams_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.title,
  t.held_on,
  t.eligible,
  t.participants,
  t.passed,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.law_exams t
where t.org_id = any ((select private.readable_org_ids('leadership'))::uuid[]);

revoke all on public.law_exams, public.law_exams_view from anon, authenticated;
grant select (
  id, org_id, title, held_on, eligible, participants, passed, version, created_at, created_by,
  updated_at, updated_by, deleted_at, deleted_by
) on public.law_exams to authenticated;
grant insert (
  id, org_id, title, held_on, eligible, participants, passed, version, deleted_at
) on public.law_exams to authenticated;
grant update (
  org_id, title, held_on, eligible, participants, passed, version, deleted_at
) on public.law_exams to authenticated;
grant delete on public.law_exams to authenticated;
grant select on public.law_exams_view to authenticated;

alter table public.law_exams enable row level security;
create policy "Members can read law_exams of their orgs" on public.law_exams
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('leadership'))::uuid[]));
create policy "Writers can add law_exams to their orgs" on public.law_exams
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('leadership'))::uuid[]));
create policy "Writers can change law_exams of their orgs" on public.law_exams
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('leadership'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('leadership'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes law_exams" on public.law_exams
  for delete to authenticated
  using (false);

create trigger law_exams_stamp_insert before insert on public.law_exams
  for each row execute function private.stamp_insert();
create trigger law_exams_stamp_update before update on public.law_exams
  for each row execute function private.stamp_update();
create trigger law_exams_audit after insert or update or delete on public.law_exams
  for each row execute function private.audit('org_id');

create index law_exams_org_id_held_on_idx on public.law_exams (org_id, held_on); -- org subtree + default period

-- honours: 荣誉及创新案例（leadership） ---------------------------------------------------------------

create table public.honours (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  title text not null, -- 名称
  category text not null, -- 类别
  level text not null, -- 级别
  awarded_by text, -- 授予/评选单位
  awarded_on date not null, -- 获评日期
  project text, -- 相关工作/项目
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint honours_title_not_blank check (title ~ '\S'),
  constraint honours_title_max_length check (char_length(title) <= 200),
  constraint honours_category_options check (category in ('honour', 'innovation_case', 'model_unit')),
  constraint honours_level_options check (level in ('national', 'provincial', 'municipal', 'district')),
  constraint honours_awarded_by_not_blank check (awarded_by ~ '\S'),
  constraint honours_awarded_by_max_length check (char_length(awarded_by) <= 200),
  constraint honours_project_not_blank check (project ~ '\S'),
  constraint honours_project_max_length check (char_length(project) <= 200)
);
comment on table public.honours is '荣誉及创新案例';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.honours_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.title,
  t.category,
  t.level,
  t.awarded_by,
  t.awarded_on,
  t.project,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.honours t
where t.org_id = any ((select private.readable_org_ids('leadership'))::uuid[]);

revoke all on public.honours, public.honours_view from anon, authenticated;
grant select (
  id, org_id, title, category, level, awarded_by, awarded_on, project, version, created_at,
  created_by, updated_at, updated_by, deleted_at, deleted_by
) on public.honours to authenticated;
grant insert (
  id, org_id, title, category, level, awarded_by, awarded_on, project, version, deleted_at
) on public.honours to authenticated;
grant update (
  org_id, title, category, level, awarded_by, awarded_on, project, version, deleted_at
) on public.honours to authenticated;
grant delete on public.honours to authenticated;
grant select on public.honours_view to authenticated;

alter table public.honours enable row level security;
create policy "Members can read honours of their orgs" on public.honours
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('leadership'))::uuid[]));
create policy "Writers can add honours to their orgs" on public.honours
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('leadership'))::uuid[]));
create policy "Writers can change honours of their orgs" on public.honours
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('leadership'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('leadership'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes honours" on public.honours
  for delete to authenticated
  using (false);

create trigger honours_stamp_insert before insert on public.honours
  for each row execute function private.stamp_insert();
create trigger honours_stamp_update before update on public.honours
  for each row execute function private.stamp_update();
create trigger honours_audit after insert or update or delete on public.honours
  for each row execute function private.audit('org_id');

create index honours_org_id_awarded_on_idx on public.honours (org_id, awarded_on); -- org subtree + default period

-- legal_consultations: 法律咨询（legality_review） ----------------------------------------------

create table public.legal_consultations (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  topic text not null, -- 咨询事项
  department text not null, -- 咨询部门
  consulted_on date not null, -- 咨询日期
  handled_by text not null, -- 解答方
  answer text, -- 解答意见
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint legal_consultations_topic_not_blank check (topic ~ '\S'),
  constraint legal_consultations_topic_max_length check (char_length(topic) <= 200),
  constraint legal_consultations_department_not_blank check (department ~ '\S'),
  constraint legal_consultations_department_max_length check (char_length(department) <= 200),
  constraint legal_consultations_handled_by_options check (handled_by in ('justice_office', 'legal_counsel', 'jointly')),
  constraint legal_consultations_answer_not_blank check (answer ~ '\S'),
  constraint legal_consultations_answer_max_length check (char_length(answer) <= 5000)
);
comment on table public.legal_consultations is '法律咨询';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.legal_consultations_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.topic,
  t.department,
  t.consulted_on,
  t.handled_by,
  t.answer,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.legal_consultations t
where t.org_id = any ((select private.readable_org_ids('legality_review'))::uuid[]);

revoke all on public.legal_consultations, public.legal_consultations_view from anon, authenticated;
grant select (
  id, org_id, topic, department, consulted_on, handled_by, answer, version, created_at, created_by,
  updated_at, updated_by, deleted_at, deleted_by
) on public.legal_consultations to authenticated;
grant insert (
  id, org_id, topic, department, consulted_on, handled_by, answer, version, deleted_at
) on public.legal_consultations to authenticated;
grant update (
  org_id, topic, department, consulted_on, handled_by, answer, version, deleted_at
) on public.legal_consultations to authenticated;
grant delete on public.legal_consultations to authenticated;
grant select on public.legal_consultations_view to authenticated;

alter table public.legal_consultations enable row level security;
create policy "Members can read legal_consultations of their orgs" on public.legal_consultations
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('legality_review'))::uuid[]));
create policy "Writers can add legal_consultations to their orgs" on public.legal_consultations
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('legality_review'))::uuid[]));
create policy "Writers can change legal_consultations of their orgs" on public.legal_consultations
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('legality_review'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('legality_review'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes legal_consultations" on public.legal_consultations
  for delete to authenticated
  using (false);

create trigger legal_consultations_stamp_insert before insert on public.legal_consultations
  for each row execute function private.stamp_insert();
create trigger legal_consultations_stamp_update before update on public.legal_consultations
  for each row execute function private.stamp_update();
create trigger legal_consultations_audit after insert or update or delete on public.legal_consultations
  for each row execute function private.audit('org_id');

create index legal_consultations_org_id_consulted_on_idx on public.legal_consultations (org_id, consulted_on); -- org subtree + default period

-- contract_reviews: 合同审查（legality_review） -------------------------------------------------

create table public.contract_reviews (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  contract_name text not null, -- 合同名称
  department text not null, -- 送审部门
  counterparty text, -- 合同相对方
  contract_type text not null, -- 合同类型
  amount bigint, -- 合同金额
  reviewed_on date not null, -- 审查日期
  reviewer text not null, -- 审查方
  opinion text not null, -- 审查意见
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint contract_reviews_contract_name_not_blank check (contract_name ~ '\S'),
  constraint contract_reviews_contract_name_max_length check (char_length(contract_name) <= 200),
  constraint contract_reviews_department_not_blank check (department ~ '\S'),
  constraint contract_reviews_department_max_length check (char_length(department) <= 200),
  constraint contract_reviews_counterparty_not_blank check (counterparty ~ '\S'),
  constraint contract_reviews_counterparty_max_length check (char_length(counterparty) <= 200),
  constraint contract_reviews_contract_type_options check (contract_type in ('procurement', 'service', 'construction', 'lease', 'cooperation', 'other')),
  constraint contract_reviews_amount_min check (amount >= 0),
  constraint contract_reviews_amount_max check (amount <= 9007199254740991),
  constraint contract_reviews_reviewer_options check (reviewer in ('justice_office', 'legal_counsel', 'jointly')),
  constraint contract_reviews_opinion_options check (opinion in ('approved', 'approved_with_changes', 'rejected'))
);
comment on table public.contract_reviews is '合同审查';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.contract_reviews_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.contract_name,
  t.department,
  t.counterparty,
  t.contract_type,
  t.amount,
  t.reviewed_on,
  t.reviewer,
  t.opinion,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.contract_reviews t
where t.org_id = any ((select private.readable_org_ids('legality_review'))::uuid[]);

revoke all on public.contract_reviews, public.contract_reviews_view from anon, authenticated;
grant select (
  id, org_id, contract_name, department, counterparty, contract_type, amount, reviewed_on, reviewer,
  opinion, version, created_at, created_by, updated_at, updated_by, deleted_at, deleted_by
) on public.contract_reviews to authenticated;
grant insert (
  id, org_id, contract_name, department, counterparty, contract_type, amount, reviewed_on, reviewer,
  opinion, version, deleted_at
) on public.contract_reviews to authenticated;
grant update (
  org_id, contract_name, department, counterparty, contract_type, amount, reviewed_on, reviewer,
  opinion, version, deleted_at
) on public.contract_reviews to authenticated;
grant delete on public.contract_reviews to authenticated;
grant select on public.contract_reviews_view to authenticated;

alter table public.contract_reviews enable row level security;
create policy "Members can read contract_reviews of their orgs" on public.contract_reviews
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('legality_review'))::uuid[]));
create policy "Writers can add contract_reviews to their orgs" on public.contract_reviews
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('legality_review'))::uuid[]));
create policy "Writers can change contract_reviews of their orgs" on public.contract_reviews
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('legality_review'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('legality_review'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes contract_reviews" on public.contract_reviews
  for delete to authenticated
  using (false);

create trigger contract_reviews_stamp_insert before insert on public.contract_reviews
  for each row execute function private.stamp_insert();
create trigger contract_reviews_stamp_update before update on public.contract_reviews
  for each row execute function private.stamp_update();
create trigger contract_reviews_audit after insert or update or delete on public.contract_reviews
  for each row execute function private.audit('org_id');

create index contract_reviews_org_id_reviewed_on_idx on public.contract_reviews (org_id, reviewed_on); -- org subtree + default period

-- legal_opinions: 法律意见书（legality_review） ---------------------------------------------------

create table public.legal_opinions (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  title text not null, -- 意见书标题
  subject text, -- 涉及事项
  department text, -- 委托部门
  issued_on date not null, -- 出具日期
  issued_by text not null, -- 出具方
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint legal_opinions_title_not_blank check (title ~ '\S'),
  constraint legal_opinions_title_max_length check (char_length(title) <= 200),
  constraint legal_opinions_subject_not_blank check (subject ~ '\S'),
  constraint legal_opinions_subject_max_length check (char_length(subject) <= 200),
  constraint legal_opinions_department_not_blank check (department ~ '\S'),
  constraint legal_opinions_department_max_length check (char_length(department) <= 200),
  constraint legal_opinions_issued_by_options check (issued_by in ('justice_office', 'legal_counsel', 'jointly'))
);
comment on table public.legal_opinions is '法律意见书';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.legal_opinions_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.title,
  t.subject,
  t.department,
  t.issued_on,
  t.issued_by,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.legal_opinions t
where t.org_id = any ((select private.readable_org_ids('legality_review'))::uuid[]);

revoke all on public.legal_opinions, public.legal_opinions_view from anon, authenticated;
grant select (
  id, org_id, title, subject, department, issued_on, issued_by, version, created_at, created_by,
  updated_at, updated_by, deleted_at, deleted_by
) on public.legal_opinions to authenticated;
grant insert (
  id, org_id, title, subject, department, issued_on, issued_by, version, deleted_at
) on public.legal_opinions to authenticated;
grant update (
  org_id, title, subject, department, issued_on, issued_by, version, deleted_at
) on public.legal_opinions to authenticated;
grant delete on public.legal_opinions to authenticated;
grant select on public.legal_opinions_view to authenticated;

alter table public.legal_opinions enable row level security;
create policy "Members can read legal_opinions of their orgs" on public.legal_opinions
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('legality_review'))::uuid[]));
create policy "Writers can add legal_opinions to their orgs" on public.legal_opinions
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('legality_review'))::uuid[]));
create policy "Writers can change legal_opinions of their orgs" on public.legal_opinions
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('legality_review'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('legality_review'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes legal_opinions" on public.legal_opinions
  for delete to authenticated
  using (false);

create trigger legal_opinions_stamp_insert before insert on public.legal_opinions
  for each row execute function private.stamp_insert();
create trigger legal_opinions_stamp_update before update on public.legal_opinions
  for each row execute function private.stamp_update();
create trigger legal_opinions_audit after insert or update or delete on public.legal_opinions
  for each row execute function private.audit('org_id');

create index legal_opinions_org_id_issued_on_idx on public.legal_opinions (org_id, issued_on); -- org subtree + default period

-- review_meetings: 行政事项讨论会（legality_review） --------------------------------------------------

create table public.review_meetings (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  title text not null, -- 会议名称
  held_on date not null, -- 会议日期
  matter text, -- 讨论事项
  attended_by text not null, -- 参会方
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint review_meetings_title_not_blank check (title ~ '\S'),
  constraint review_meetings_title_max_length check (char_length(title) <= 200),
  constraint review_meetings_matter_not_blank check (matter ~ '\S'),
  constraint review_meetings_matter_max_length check (char_length(matter) <= 200),
  constraint review_meetings_attended_by_options check (attended_by in ('justice_office', 'legal_counsel', 'jointly'))
);
comment on table public.review_meetings is '行政事项讨论会';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.review_meetings_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.title,
  t.held_on,
  t.matter,
  t.attended_by,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.review_meetings t
where t.org_id = any ((select private.readable_org_ids('legality_review'))::uuid[]);

revoke all on public.review_meetings, public.review_meetings_view from anon, authenticated;
grant select (
  id, org_id, title, held_on, matter, attended_by, version, created_at, created_by, updated_at,
  updated_by, deleted_at, deleted_by
) on public.review_meetings to authenticated;
grant insert (
  id, org_id, title, held_on, matter, attended_by, version, deleted_at
) on public.review_meetings to authenticated;
grant update (
  org_id, title, held_on, matter, attended_by, version, deleted_at
) on public.review_meetings to authenticated;
grant delete on public.review_meetings to authenticated;
grant select on public.review_meetings_view to authenticated;

alter table public.review_meetings enable row level security;
create policy "Members can read review_meetings of their orgs" on public.review_meetings
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('legality_review'))::uuid[]));
create policy "Writers can add review_meetings to their orgs" on public.review_meetings
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('legality_review'))::uuid[]));
create policy "Writers can change review_meetings of their orgs" on public.review_meetings
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('legality_review'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('legality_review'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes review_meetings" on public.review_meetings
  for delete to authenticated
  using (false);

create trigger review_meetings_stamp_insert before insert on public.review_meetings
  for each row execute function private.stamp_insert();
create trigger review_meetings_stamp_update before update on public.review_meetings
  for each row execute function private.stamp_update();
create trigger review_meetings_audit after insert or update or delete on public.review_meetings
  for each row execute function private.audit('org_id');

create index review_meetings_org_id_held_on_idx on public.review_meetings (org_id, held_on); -- org subtree + default period

-- major_decisions: 重大行政决策（legality_review） --------------------------------------------------

create table public.major_decisions (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  title text not null, -- 决策事项
  decided_on date not null, -- 决策日期
  public_participation boolean, -- 公众参与
  expert_argument boolean, -- 专家论证
  risk_assessment boolean, -- 风险评估
  legality_reviewed boolean not null, -- 合法性审查
  collective_decision boolean not null, -- 集体讨论决定
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint major_decisions_title_not_blank check (title ~ '\S'),
  constraint major_decisions_title_max_length check (char_length(title) <= 200)
);
comment on table public.major_decisions is '重大行政决策';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.major_decisions_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.title,
  t.decided_on,
  t.public_participation,
  t.expert_argument,
  t.risk_assessment,
  t.legality_reviewed,
  t.collective_decision,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.major_decisions t
where t.org_id = any ((select private.readable_org_ids('legality_review'))::uuid[]);

revoke all on public.major_decisions, public.major_decisions_view from anon, authenticated;
grant select (
  id, org_id, title, decided_on, public_participation, expert_argument, risk_assessment,
  legality_reviewed, collective_decision, version, created_at, created_by, updated_at, updated_by,
  deleted_at, deleted_by
) on public.major_decisions to authenticated;
grant insert (
  id, org_id, title, decided_on, public_participation, expert_argument, risk_assessment,
  legality_reviewed, collective_decision, version, deleted_at
) on public.major_decisions to authenticated;
grant update (
  org_id, title, decided_on, public_participation, expert_argument, risk_assessment,
  legality_reviewed, collective_decision, version, deleted_at
) on public.major_decisions to authenticated;
grant delete on public.major_decisions to authenticated;
grant select on public.major_decisions_view to authenticated;

alter table public.major_decisions enable row level security;
create policy "Members can read major_decisions of their orgs" on public.major_decisions
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('legality_review'))::uuid[]));
create policy "Writers can add major_decisions to their orgs" on public.major_decisions
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('legality_review'))::uuid[]));
create policy "Writers can change major_decisions of their orgs" on public.major_decisions
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('legality_review'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('legality_review'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes major_decisions" on public.major_decisions
  for delete to authenticated
  using (false);

create trigger major_decisions_stamp_insert before insert on public.major_decisions
  for each row execute function private.stamp_insert();
create trigger major_decisions_stamp_update before update on public.major_decisions
  for each row execute function private.stamp_update();
create trigger major_decisions_audit after insert or update or delete on public.major_decisions
  for each row execute function private.audit('org_id');

create index major_decisions_org_id_decided_on_idx on public.major_decisions (org_id, decided_on); -- org subtree + default period

-- admin_disputes: 行政争议案件（admin_disputes） ----------------------------------------------------

create table public.admin_disputes (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  case_no text not null, -- 案号
  kind text not null, -- 案件类型
  cause text not null, -- 案由
  counterpart text, -- 相对人（个人信息）
  our_role text not null, -- 街道身份
  filed_on date not null, -- 立案/受理日期
  stage text not null, -- 办理阶段
  result text, -- 结果
  decided_on date, -- 决定/判决日期
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint admin_disputes_case_no_not_blank check (case_no ~ '\S'),
  constraint admin_disputes_case_no_max_length check (char_length(case_no) <= 80),
  constraint admin_disputes_kind_options check (kind in ('handling_decision', 'reconsideration', 'litigation')),
  constraint admin_disputes_cause_not_blank check (cause ~ '\S'),
  constraint admin_disputes_cause_max_length check (char_length(cause) <= 200),
  constraint admin_disputes_counterpart_not_blank check (counterpart ~ '\S'),
  constraint admin_disputes_counterpart_max_length check (char_length(counterpart) <= 200),
  constraint admin_disputes_our_role_options check (our_role in ('respondent', 'third_party', 'assisting')),
  constraint admin_disputes_stage_options check (stage in ('filed', 'in_progress', 'decided', 'closed')),
  constraint admin_disputes_result_options check (result in ('upheld', 'dismissed', 'revoked', 'altered', 'confirmed_illegal', 'ordered_to_perform', 'compensation', 'mediated', 'withdrawn', 'terminated')),
  constraint admin_disputes_decided_on_not_before_filed_on check (decided_on >= filed_on),
  constraint admin_disputes_result_required_when_stage check (result is not null or stage is null or stage not in ('decided', 'closed')),
  constraint admin_disputes_decided_on_required_when_stage check (decided_on is not null or stage is null or stage not in ('decided', 'closed'))
);
comment on table public.admin_disputes is '行政争议案件';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.admin_disputes_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.case_no,
  t.kind,
  t.cause,
  case when t.org_id = any ((select private.personal_org_ids('admin_disputes'))::uuid[]) then t.counterpart else private.mask(t.counterpart) end as counterpart,
  t.our_role,
  t.filed_on,
  t.stage,
  t.result,
  t.decided_on,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.admin_disputes t
where t.org_id = any ((select private.readable_org_ids('admin_disputes'))::uuid[]);

revoke all on public.admin_disputes, public.admin_disputes_view from anon, authenticated;
grant select (
  id, org_id, case_no, kind, cause, our_role, filed_on, stage, result, decided_on, version,
  created_at, created_by, updated_at, updated_by, deleted_at, deleted_by
) on public.admin_disputes to authenticated;
grant insert (
  id, org_id, case_no, kind, cause, counterpart, our_role, filed_on, stage, result, decided_on,
  version, deleted_at
) on public.admin_disputes to authenticated;
grant update (
  org_id, case_no, kind, cause, counterpart, our_role, filed_on, stage, result, decided_on, version,
  deleted_at
) on public.admin_disputes to authenticated;
grant delete on public.admin_disputes to authenticated;
grant select on public.admin_disputes_view to authenticated;

alter table public.admin_disputes enable row level security;
create policy "Members can read admin_disputes of their orgs" on public.admin_disputes
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('admin_disputes'))::uuid[]));
create policy "Writers can add admin_disputes to their orgs" on public.admin_disputes
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('admin_disputes'))::uuid[]));
create policy "Writers can change admin_disputes of their orgs" on public.admin_disputes
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('admin_disputes'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('admin_disputes'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes admin_disputes" on public.admin_disputes
  for delete to authenticated
  using (false);

create trigger admin_disputes_stamp_insert before insert on public.admin_disputes
  for each row execute function private.stamp_insert();
create trigger admin_disputes_stamp_update before update on public.admin_disputes
  for each row execute function private.stamp_update();
create trigger admin_disputes_audit after insert or update or delete on public.admin_disputes
  for each row execute function private.audit('org_id');

create index admin_disputes_org_id_filed_on_idx on public.admin_disputes (org_id, filed_on); -- org subtree + default period
create index admin_disputes_org_id_decided_on_idx on public.admin_disputes (org_id, decided_on); -- period of a measure
create index admin_disputes_org_id_kind_idx on public.admin_disputes (org_id, kind); -- enum filtered by a measure
create index admin_disputes_org_id_result_idx on public.admin_disputes (org_id, result); -- enum filtered by a measure

-- court_hearings: 行政诉讼庭审（admin_disputes） ----------------------------------------------------

create table public.court_hearings (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  case_no text not null, -- 案号
  dispute_id uuid constraint court_hearings_dispute_id_fkey references public.admin_disputes (id), -- 关联案件
  court text not null, -- 审理法院
  held_on date not null, -- 开庭日期
  head_appearance_required boolean not null, -- 需负责人出庭
  head_appeared boolean not null, -- 负责人已出庭
  appeared_by text, -- 出庭负责人
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint court_hearings_case_no_not_blank check (case_no ~ '\S'),
  constraint court_hearings_case_no_max_length check (char_length(case_no) <= 80),
  constraint court_hearings_court_not_blank check (court ~ '\S'),
  constraint court_hearings_court_max_length check (char_length(court) <= 200),
  constraint court_hearings_appeared_by_not_blank check (appeared_by ~ '\S'),
  constraint court_hearings_appeared_by_max_length check (char_length(appeared_by) <= 200)
);
comment on table public.court_hearings is '行政诉讼庭审';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.court_hearings_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.case_no,
  t.dispute_id,
  t.court,
  t.held_on,
  t.head_appearance_required,
  t.head_appeared,
  t.appeared_by,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.court_hearings t
where t.org_id = any ((select private.readable_org_ids('admin_disputes'))::uuid[]);

revoke all on public.court_hearings, public.court_hearings_view from anon, authenticated;
grant select (
  id, org_id, case_no, dispute_id, court, held_on, head_appearance_required, head_appeared,
  appeared_by, version, created_at, created_by, updated_at, updated_by, deleted_at, deleted_by
) on public.court_hearings to authenticated;
grant insert (
  id, org_id, case_no, dispute_id, court, held_on, head_appearance_required, head_appeared,
  appeared_by, version, deleted_at
) on public.court_hearings to authenticated;
grant update (
  org_id, case_no, dispute_id, court, held_on, head_appearance_required, head_appeared, appeared_by,
  version, deleted_at
) on public.court_hearings to authenticated;
grant delete on public.court_hearings to authenticated;
grant select on public.court_hearings_view to authenticated;

alter table public.court_hearings enable row level security;
create policy "Members can read court_hearings of their orgs" on public.court_hearings
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('admin_disputes'))::uuid[]));
create policy "Writers can add court_hearings to their orgs" on public.court_hearings
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('admin_disputes'))::uuid[]));
create policy "Writers can change court_hearings of their orgs" on public.court_hearings
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('admin_disputes'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('admin_disputes'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes court_hearings" on public.court_hearings
  for delete to authenticated
  using (false);

create trigger court_hearings_stamp_insert before insert on public.court_hearings
  for each row execute function private.stamp_insert();
create trigger court_hearings_stamp_update before update on public.court_hearings
  for each row execute function private.stamp_update();
create trigger court_hearings_audit after insert or update or delete on public.court_hearings
  for each row execute function private.audit('org_id');

create index court_hearings_org_id_held_on_idx on public.court_hearings (org_id, held_on); -- org subtree + default period
create index court_hearings_dispute_id_idx on public.court_hearings (dispute_id); -- reference (joins, FK checks)

-- enforcement_actions: 行政执法行为（enforcement） --------------------------------------------------

create table public.enforcement_actions (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  action_no text not null, -- 执法编号
  kind text not null, -- 执法方式
  acted_on date not null, -- 执法日期
  target_type text not null, -- 对象类型
  target_name text not null, -- 执法对象（个人信息）
  matter text, -- 执法事项
  joint_inspection boolean, -- 综合查一次
  officer1_id uuid not null, -- 执法人员一
  officer2_id uuid not null, -- 执法人员二
  legal_basis text, -- 法律依据
  penalty_amount bigint, -- 罚款金额
  legal_review_done boolean, -- 已法制审核
  publicized boolean, -- 已执法公示
  fully_recorded boolean, -- 全过程记录
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint enforcement_actions_action_no_not_blank check (action_no ~ '\S'),
  constraint enforcement_actions_action_no_max_length check (char_length(action_no) <= 50),
  constraint enforcement_actions_kind_options check (kind in ('guidance', 'reminder', 'advice', 'warning', 'interview', 'revisit', 'inspection', 'penalty')),
  constraint enforcement_actions_target_type_options check (target_type in ('enterprise', 'individual_business', 'person')),
  constraint enforcement_actions_target_name_not_blank check (target_name ~ '\S'),
  constraint enforcement_actions_target_name_max_length check (char_length(target_name) <= 200),
  constraint enforcement_actions_matter_not_blank check (matter ~ '\S'),
  constraint enforcement_actions_matter_max_length check (char_length(matter) <= 200),
  constraint enforcement_actions_legal_basis_not_blank check (legal_basis ~ '\S'),
  constraint enforcement_actions_legal_basis_max_length check (char_length(legal_basis) <= 200),
  constraint enforcement_actions_penalty_amount_min check (penalty_amount >= 0),
  constraint enforcement_actions_penalty_amount_max check (penalty_amount <= 9007199254740991),
  constraint enforcement_actions_legal_basis_required_when_kind check (legal_basis is not null or kind is null or kind not in ('penalty'))
);
comment on table public.enforcement_actions is '行政执法行为';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.enforcement_actions_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.action_no,
  t.kind,
  t.acted_on,
  t.target_type,
  case when t.org_id = any ((select private.personal_org_ids('enforcement'))::uuid[]) then t.target_name else private.mask(t.target_name) end as target_name,
  t.matter,
  t.joint_inspection,
  t.officer1_id,
  t.officer2_id,
  t.legal_basis,
  t.penalty_amount,
  t.legal_review_done,
  t.publicized,
  t.fully_recorded,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.enforcement_actions t
where t.org_id = any ((select private.readable_org_ids('enforcement'))::uuid[]);

revoke all on public.enforcement_actions, public.enforcement_actions_view from anon, authenticated;
grant select (
  id, org_id, action_no, kind, acted_on, target_type, matter, joint_inspection, officer1_id,
  officer2_id, legal_basis, penalty_amount, legal_review_done, publicized, fully_recorded, version,
  created_at, created_by, updated_at, updated_by, deleted_at, deleted_by
) on public.enforcement_actions to authenticated;
grant insert (
  id, org_id, action_no, kind, acted_on, target_type, target_name, matter, joint_inspection,
  officer1_id, officer2_id, legal_basis, penalty_amount, legal_review_done, publicized,
  fully_recorded, version, deleted_at
) on public.enforcement_actions to authenticated;
grant update (
  org_id, action_no, kind, acted_on, target_type, target_name, matter, joint_inspection, officer1_id,
  officer2_id, legal_basis, penalty_amount, legal_review_done, publicized, fully_recorded, version,
  deleted_at
) on public.enforcement_actions to authenticated;
grant delete on public.enforcement_actions to authenticated;
grant select on public.enforcement_actions_view to authenticated;

alter table public.enforcement_actions enable row level security;
create policy "Members can read enforcement_actions of their orgs" on public.enforcement_actions
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('enforcement'))::uuid[]));
create policy "Writers can add enforcement_actions to their orgs" on public.enforcement_actions
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('enforcement'))::uuid[]));
create policy "Writers can change enforcement_actions of their orgs" on public.enforcement_actions
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('enforcement'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('enforcement'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes enforcement_actions" on public.enforcement_actions
  for delete to authenticated
  using (false);

create trigger enforcement_actions_stamp_insert before insert on public.enforcement_actions
  for each row execute function private.stamp_insert();
create trigger enforcement_actions_stamp_update before update on public.enforcement_actions
  for each row execute function private.stamp_update();
create trigger enforcement_actions_audit after insert or update or delete on public.enforcement_actions
  for each row execute function private.audit('org_id');

create index enforcement_actions_org_id_acted_on_idx on public.enforcement_actions (org_id, acted_on); -- org subtree + default period
create index enforcement_actions_org_id_kind_idx on public.enforcement_actions (org_id, kind); -- enum filtered by a measure
create index enforcement_actions_officer1_id_idx on public.enforcement_actions (officer1_id); -- reference (joins, FK checks)
create index enforcement_actions_officer2_id_idx on public.enforcement_actions (officer2_id); -- reference (joins, FK checks)

-- enforcement_officers: 行政执法人员（enforcement） -------------------------------------------------

create table public.enforcement_officers (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  name text not null, -- 姓名（个人信息）
  certificate_no text not null, -- 执法证号
  unit text, -- 所在队伍
  position text, -- 职务
  since date not null, -- 持证日期
  until date, -- 离岗日期
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint enforcement_officers_name_not_blank check (name ~ '\S'),
  constraint enforcement_officers_name_max_length check (char_length(name) <= 200),
  constraint enforcement_officers_certificate_no_not_blank check (certificate_no ~ '\S'),
  constraint enforcement_officers_certificate_no_max_length check (char_length(certificate_no) <= 50),
  constraint enforcement_officers_unit_not_blank check (unit ~ '\S'),
  constraint enforcement_officers_unit_max_length check (char_length(unit) <= 200),
  constraint enforcement_officers_position_not_blank check (position ~ '\S'),
  constraint enforcement_officers_position_max_length check (char_length(position) <= 200),
  constraint enforcement_officers_until_not_before_since check (until >= since)
);
comment on table public.enforcement_officers is '行政执法人员';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.enforcement_officers_view with (security_barrier) as
select
  t.id,
  t.org_id,
  case when t.org_id = any ((select private.personal_org_ids('enforcement'))::uuid[]) then t.name else private.mask(t.name) end as name,
  t.certificate_no,
  t.unit,
  t.position,
  t.since,
  t.until,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.enforcement_officers t
where t.org_id = any ((select private.readable_org_ids('enforcement'))::uuid[]);

revoke all on public.enforcement_officers, public.enforcement_officers_view from anon, authenticated;
grant select (
  id, org_id, certificate_no, unit, position, since, until, version, created_at, created_by,
  updated_at, updated_by, deleted_at, deleted_by
) on public.enforcement_officers to authenticated;
grant insert (
  id, org_id, name, certificate_no, unit, position, since, until, version, deleted_at
) on public.enforcement_officers to authenticated;
grant update (
  org_id, name, certificate_no, unit, position, since, until, version, deleted_at
) on public.enforcement_officers to authenticated;
grant delete on public.enforcement_officers to authenticated;
grant select on public.enforcement_officers_view to authenticated;

alter table public.enforcement_officers enable row level security;
create policy "Members can read enforcement_officers of their orgs" on public.enforcement_officers
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('enforcement'))::uuid[]));
create policy "Writers can add enforcement_officers to their orgs" on public.enforcement_officers
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('enforcement'))::uuid[]));
create policy "Writers can change enforcement_officers of their orgs" on public.enforcement_officers
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('enforcement'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('enforcement'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes enforcement_officers" on public.enforcement_officers
  for delete to authenticated
  using (false);

create trigger enforcement_officers_stamp_insert before insert on public.enforcement_officers
  for each row execute function private.stamp_insert();
create trigger enforcement_officers_stamp_update before update on public.enforcement_officers
  for each row execute function private.stamp_update();
create trigger enforcement_officers_audit after insert or update or delete on public.enforcement_officers
  for each row execute function private.audit('org_id');

create index enforcement_officers_org_id_since_idx on public.enforcement_officers (org_id, since); -- org subtree + default period
create index enforcement_officers_org_id_until_idx on public.enforcement_officers (org_id, until); -- period of a measure

-- officer_trainings: 执法人员培训（enforcement） ----------------------------------------------------

create table public.officer_trainings (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  officer_id uuid not null constraint officer_trainings_officer_id_fkey references public.enforcement_officers (id), -- 执法人员
  course text not null, -- 培训课程
  trained_on date not null, -- 培训日期
  hours integer not null, -- 培训学时
  format text, -- 培训形式
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint officer_trainings_course_not_blank check (course ~ '\S'),
  constraint officer_trainings_course_max_length check (char_length(course) <= 200),
  constraint officer_trainings_hours_min check (hours >= 1),
  constraint officer_trainings_hours_max check (hours <= 200),
  constraint officer_trainings_format_options check (format in ('classroom', 'online', 'practice', 'exam'))
);
comment on table public.officer_trainings is '执法人员培训';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.officer_trainings_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.officer_id,
  t.course,
  t.trained_on,
  t.hours,
  t.format,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.officer_trainings t
where t.org_id = any ((select private.readable_org_ids('enforcement'))::uuid[]);

revoke all on public.officer_trainings, public.officer_trainings_view from anon, authenticated;
grant select (
  id, org_id, officer_id, course, trained_on, hours, format, version, created_at, created_by,
  updated_at, updated_by, deleted_at, deleted_by
) on public.officer_trainings to authenticated;
grant insert (
  id, org_id, officer_id, course, trained_on, hours, format, version, deleted_at
) on public.officer_trainings to authenticated;
grant update (
  org_id, officer_id, course, trained_on, hours, format, version, deleted_at
) on public.officer_trainings to authenticated;
grant delete on public.officer_trainings to authenticated;
grant select on public.officer_trainings_view to authenticated;

alter table public.officer_trainings enable row level security;
create policy "Members can read officer_trainings of their orgs" on public.officer_trainings
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('enforcement'))::uuid[]));
create policy "Writers can add officer_trainings to their orgs" on public.officer_trainings
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('enforcement'))::uuid[]));
create policy "Writers can change officer_trainings of their orgs" on public.officer_trainings
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('enforcement'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('enforcement'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes officer_trainings" on public.officer_trainings
  for delete to authenticated
  using (false);

create trigger officer_trainings_stamp_insert before insert on public.officer_trainings
  for each row execute function private.stamp_insert();
create trigger officer_trainings_stamp_update before update on public.officer_trainings
  for each row execute function private.stamp_update();
create trigger officer_trainings_audit after insert or update or delete on public.officer_trainings
  for each row execute function private.audit('org_id');

create index officer_trainings_org_id_trained_on_idx on public.officer_trainings (org_id, trained_on); -- org subtree + default period
create index officer_trainings_officer_id_idx on public.officer_trainings (officer_id); -- reference (joins, FK checks)

-- auxiliary_staff: 执法辅助人员（enforcement） ------------------------------------------------------

create table public.auxiliary_staff (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  name text not null, -- 姓名（个人信息）
  post text not null, -- 岗位
  team text, -- 所在队伍
  hired_on date not null, -- 招录日期
  left_on date, -- 离职日期
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint auxiliary_staff_name_not_blank check (name ~ '\S'),
  constraint auxiliary_staff_name_max_length check (char_length(name) <= 200),
  constraint auxiliary_staff_post_options check (post in ('patrol', 'city_management', 'safety', 'clerical', 'other')),
  constraint auxiliary_staff_team_not_blank check (team ~ '\S'),
  constraint auxiliary_staff_team_max_length check (char_length(team) <= 200),
  constraint auxiliary_staff_left_on_not_before_hired_on check (left_on >= hired_on)
);
comment on table public.auxiliary_staff is '执法辅助人员';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.auxiliary_staff_view with (security_barrier) as
select
  t.id,
  t.org_id,
  case when t.org_id = any ((select private.personal_org_ids('enforcement'))::uuid[]) then t.name else private.mask(t.name) end as name,
  t.post,
  t.team,
  t.hired_on,
  t.left_on,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.auxiliary_staff t
where t.org_id = any ((select private.readable_org_ids('enforcement'))::uuid[]);

revoke all on public.auxiliary_staff, public.auxiliary_staff_view from anon, authenticated;
grant select (
  id, org_id, post, team, hired_on, left_on, version, created_at, created_by, updated_at, updated_by,
  deleted_at, deleted_by
) on public.auxiliary_staff to authenticated;
grant insert (
  id, org_id, name, post, team, hired_on, left_on, version, deleted_at
) on public.auxiliary_staff to authenticated;
grant update (
  org_id, name, post, team, hired_on, left_on, version, deleted_at
) on public.auxiliary_staff to authenticated;
grant delete on public.auxiliary_staff to authenticated;
grant select on public.auxiliary_staff_view to authenticated;

alter table public.auxiliary_staff enable row level security;
create policy "Members can read auxiliary_staff of their orgs" on public.auxiliary_staff
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('enforcement'))::uuid[]));
create policy "Writers can add auxiliary_staff to their orgs" on public.auxiliary_staff
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('enforcement'))::uuid[]));
create policy "Writers can change auxiliary_staff of their orgs" on public.auxiliary_staff
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('enforcement'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('enforcement'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes auxiliary_staff" on public.auxiliary_staff
  for delete to authenticated
  using (false);

create trigger auxiliary_staff_stamp_insert before insert on public.auxiliary_staff
  for each row execute function private.stamp_insert();
create trigger auxiliary_staff_stamp_update before update on public.auxiliary_staff
  for each row execute function private.stamp_update();
create trigger auxiliary_staff_audit after insert or update or delete on public.auxiliary_staff
  for each row execute function private.audit('org_id');

create index auxiliary_staff_org_id_hired_on_idx on public.auxiliary_staff (org_id, hired_on); -- org subtree + default period

-- mediation_cases: 人民调解案件（mediation） --------------------------------------------------------

create table public.mediation_cases (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  case_no text not null, -- 案件编号
  source text not null, -- 案件来源
  dispute_type text not null, -- 纠纷类型
  summary text, -- 纠纷简要情况
  party_names text, -- 当事人姓名（个人信息）
  party_id_numbers text, -- 当事人身份证号（个人信息）
  party_phones text, -- 当事人联系电话（个人信息）
  parties_count integer not null, -- 涉及人数
  amount bigint, -- 涉及金额
  mediator text, -- 调解员
  accepted_on date not null, -- 受理日期
  status text not null, -- 办理状态
  closed_on date, -- 结案日期
  result text, -- 调解结果
  agreement_form text, -- 协议形式
  performance text, -- 履行情况
  follow_up_on date, -- 回访日期
  satisfaction text, -- 回访满意度
  prevented_criminal boolean, -- 防止民转刑
  prevented_petition boolean, -- 防止群体性上访
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint mediation_cases_case_no_not_blank check (case_no ~ '\S'),
  constraint mediation_cases_case_no_max_length check (char_length(case_no) <= 50),
  constraint mediation_cases_source_options check (source in ('party_application', 'proactive', 'police_referral', 'court_entrusted', 'government_assigned')),
  constraint mediation_cases_dispute_type_options check (dispute_type in ('marriage_family', 'neighbourhood', 'housing_land', 'contract', 'business_operation', 'damages', 'forest_land', 'land_acquisition', 'environment', 'labour', 'consumer', 'medical', 'traffic_accident', 'property_management', 'other')),
  constraint mediation_cases_summary_not_blank check (summary ~ '\S'),
  constraint mediation_cases_summary_max_length check (char_length(summary) <= 5000),
  constraint mediation_cases_party_names_not_blank check (party_names ~ '\S'),
  constraint mediation_cases_party_names_max_length check (char_length(party_names) <= 200),
  constraint mediation_cases_party_id_numbers_not_blank check (party_id_numbers ~ '\S'),
  constraint mediation_cases_party_id_numbers_max_length check (char_length(party_id_numbers) <= 200),
  constraint mediation_cases_party_phones_not_blank check (party_phones ~ '\S'),
  constraint mediation_cases_party_phones_max_length check (char_length(party_phones) <= 200),
  constraint mediation_cases_parties_count_min check (parties_count >= 1),
  constraint mediation_cases_amount_min check (amount >= 0),
  constraint mediation_cases_amount_max check (amount <= 9007199254740991),
  constraint mediation_cases_mediator_not_blank check (mediator ~ '\S'),
  constraint mediation_cases_mediator_max_length check (char_length(mediator) <= 200),
  constraint mediation_cases_status_options check (status in ('accepted', 'mediating', 'closed', 'followed_up')),
  constraint mediation_cases_result_options check (result in ('success', 'failure', 'terminated')),
  constraint mediation_cases_agreement_form_options check (agreement_form in ('written', 'oral')),
  constraint mediation_cases_performance_options check (performance in ('fulfilled', 'partially', 'pending', 'unfulfilled')),
  constraint mediation_cases_satisfaction_options check (satisfaction in ('satisfied', 'basically', 'dissatisfied')),
  constraint mediation_cases_closed_on_not_before_accepted_on check (closed_on >= accepted_on),
  constraint mediation_cases_follow_up_on_not_before_closed_on check (follow_up_on >= closed_on),
  constraint mediation_cases_closed_on_required_when_status check (closed_on is not null or status is null or status not in ('closed', 'followed_up')),
  constraint mediation_cases_result_required_when_status check (result is not null or status is null or status not in ('closed', 'followed_up')),
  constraint mediation_cases_follow_up_on_required_when_status check (follow_up_on is not null or status is null or status not in ('followed_up')),
  constraint mediation_cases_agreement_form_required_when_result check (agreement_form is not null or result is null or result not in ('success'))
);
comment on table public.mediation_cases is '人民调解案件';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.mediation_cases_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.case_no,
  t.source,
  t.dispute_type,
  t.summary,
  case when t.org_id = any ((select private.personal_org_ids('mediation'))::uuid[]) then t.party_names else private.mask(t.party_names) end as party_names,
  case when t.org_id = any ((select private.personal_org_ids('mediation'))::uuid[]) then t.party_id_numbers else private.mask(t.party_id_numbers) end as party_id_numbers,
  case when t.org_id = any ((select private.personal_org_ids('mediation'))::uuid[]) then t.party_phones else private.mask(t.party_phones) end as party_phones,
  t.parties_count,
  t.amount,
  t.mediator,
  t.accepted_on,
  t.status,
  t.closed_on,
  t.result,
  t.agreement_form,
  t.performance,
  t.follow_up_on,
  t.satisfaction,
  t.prevented_criminal,
  t.prevented_petition,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.mediation_cases t
where t.org_id = any ((select private.readable_org_ids('mediation'))::uuid[]);

revoke all on public.mediation_cases, public.mediation_cases_view from anon, authenticated;
grant select (
  id, org_id, case_no, source, dispute_type, summary, parties_count, amount, mediator, accepted_on,
  status, closed_on, result, agreement_form, performance, follow_up_on, satisfaction,
  prevented_criminal, prevented_petition, version, created_at, created_by, updated_at, updated_by,
  deleted_at, deleted_by
) on public.mediation_cases to authenticated;
grant insert (
  id, org_id, case_no, source, dispute_type, summary, party_names, party_id_numbers, party_phones,
  parties_count, amount, mediator, accepted_on, status, closed_on, result, agreement_form,
  performance, follow_up_on, satisfaction, prevented_criminal, prevented_petition, version,
  deleted_at
) on public.mediation_cases to authenticated;
grant update (
  org_id, case_no, source, dispute_type, summary, party_names, party_id_numbers, party_phones,
  parties_count, amount, mediator, accepted_on, status, closed_on, result, agreement_form,
  performance, follow_up_on, satisfaction, prevented_criminal, prevented_petition, version,
  deleted_at
) on public.mediation_cases to authenticated;
grant delete on public.mediation_cases to authenticated;
grant select on public.mediation_cases_view to authenticated;

alter table public.mediation_cases enable row level security;
create policy "Members can read mediation_cases of their orgs" on public.mediation_cases
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('mediation'))::uuid[]));
create policy "Writers can add mediation_cases to their orgs" on public.mediation_cases
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('mediation'))::uuid[]));
create policy "Writers can change mediation_cases of their orgs" on public.mediation_cases
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('mediation'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('mediation'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes mediation_cases" on public.mediation_cases
  for delete to authenticated
  using (false);

create trigger mediation_cases_stamp_insert before insert on public.mediation_cases
  for each row execute function private.stamp_insert();
create trigger mediation_cases_stamp_update before update on public.mediation_cases
  for each row execute function private.stamp_update();
create trigger mediation_cases_audit after insert or update or delete on public.mediation_cases
  for each row execute function private.audit('org_id');

create index mediation_cases_org_id_accepted_on_idx on public.mediation_cases (org_id, accepted_on); -- org subtree + default period
create index mediation_cases_org_id_closed_on_idx on public.mediation_cases (org_id, closed_on); -- period of a measure
create index mediation_cases_org_id_result_idx on public.mediation_cases (org_id, result); -- enum filtered by a measure

-- legal_aid_applications: 法律援助申请（legal_aid） -------------------------------------------------

create table public.legal_aid_applications (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  application_no text not null, -- 申请编号
  applicant_name text not null, -- 申请人姓名（个人信息）
  applicant_id_number text, -- 申请人身份证号（个人信息）
  applicant_phone text, -- 申请人联系电话（个人信息）
  applicant_category text not null, -- 申请人类别
  channel text not null, -- 申请渠道
  case_kind text not null, -- 案件类别
  cause text, -- 案由
  amount bigint, -- 涉及金额
  applied_on date not null, -- 申请日期
  decision text not null, -- 审查结果
  decided_on date, -- 审查日期
  rejection_reason text, -- 不予受理理由
  lawyer text, -- 承办律师
  law_firm text, -- 承办机构
  closed_on date, -- 结案日期
  outcome text, -- 办理结果
  loss_recovered bigint, -- 挽回损失
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint legal_aid_applications_application_no_not_blank check (application_no ~ '\S'),
  constraint legal_aid_applications_application_no_max_length check (char_length(application_no) <= 50),
  constraint legal_aid_applications_applicant_name_not_blank check (applicant_name ~ '\S'),
  constraint legal_aid_applications_applicant_name_max_length check (char_length(applicant_name) <= 200),
  constraint legal_aid_applications_applicant_id_number_not_blank check (applicant_id_number ~ '\S'),
  constraint legal_aid_applications_applicant_id_number_max_length check (char_length(applicant_id_number) <= 200),
  constraint legal_aid_applications_applicant_phone_not_blank check (applicant_phone ~ '\S'),
  constraint legal_aid_applications_applicant_phone_max_length check (char_length(applicant_phone) <= 200),
  constraint legal_aid_applications_applicant_category_options check (applicant_category in ('elderly', 'disabled', 'migrant_worker', 'minor', 'woman', 'military', 'other')),
  constraint legal_aid_applications_channel_options check (channel in ('walk_in', 'online_12348', 'phone', 'referral', 'notified')),
  constraint legal_aid_applications_case_kind_options check (case_kind in ('criminal', 'civil', 'administrative', 'non_litigation')),
  constraint legal_aid_applications_cause_not_blank check (cause ~ '\S'),
  constraint legal_aid_applications_cause_max_length check (char_length(cause) <= 200),
  constraint legal_aid_applications_amount_min check (amount >= 0),
  constraint legal_aid_applications_amount_max check (amount <= 9007199254740991),
  constraint legal_aid_applications_decision_options check (decision in ('pending', 'accepted', 'rejected')),
  constraint legal_aid_applications_rejection_reason_not_blank check (rejection_reason ~ '\S'),
  constraint legal_aid_applications_rejection_reason_max_length check (char_length(rejection_reason) <= 200),
  constraint legal_aid_applications_lawyer_not_blank check (lawyer ~ '\S'),
  constraint legal_aid_applications_lawyer_max_length check (char_length(lawyer) <= 200),
  constraint legal_aid_applications_law_firm_not_blank check (law_firm ~ '\S'),
  constraint legal_aid_applications_law_firm_max_length check (char_length(law_firm) <= 200),
  constraint legal_aid_applications_outcome_not_blank check (outcome ~ '\S'),
  constraint legal_aid_applications_outcome_max_length check (char_length(outcome) <= 200),
  constraint legal_aid_applications_loss_recovered_min check (loss_recovered >= 0),
  constraint legal_aid_applications_loss_recovered_max check (loss_recovered <= 9007199254740991),
  constraint legal_aid_applications_decided_on_not_before_applied_on check (decided_on >= applied_on),
  constraint legal_aid_applications_closed_on_not_before_decided_on check (closed_on >= decided_on),
  constraint legal_aid_applications_decided_on_required_when_decision check (decided_on is not null or decision is null or decision not in ('accepted', 'rejected')),
  constraint legal_aid_applications_rejection_reason_required_when_decision check (rejection_reason is not null or decision is null or decision not in ('rejected'))
);
comment on table public.legal_aid_applications is '法律援助申请';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.legal_aid_applications_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.application_no,
  case when t.org_id = any ((select private.personal_org_ids('legal_aid'))::uuid[]) then t.applicant_name else private.mask(t.applicant_name) end as applicant_name,
  case when t.org_id = any ((select private.personal_org_ids('legal_aid'))::uuid[]) then t.applicant_id_number else private.mask(t.applicant_id_number) end as applicant_id_number,
  case when t.org_id = any ((select private.personal_org_ids('legal_aid'))::uuid[]) then t.applicant_phone else private.mask(t.applicant_phone) end as applicant_phone,
  t.applicant_category,
  t.channel,
  t.case_kind,
  t.cause,
  t.amount,
  t.applied_on,
  t.decision,
  t.decided_on,
  t.rejection_reason,
  t.lawyer,
  t.law_firm,
  t.closed_on,
  t.outcome,
  t.loss_recovered,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.legal_aid_applications t
where t.org_id = any ((select private.readable_org_ids('legal_aid'))::uuid[]);

revoke all on public.legal_aid_applications, public.legal_aid_applications_view from anon, authenticated;
grant select (
  id, org_id, application_no, applicant_category, channel, case_kind, cause, amount, applied_on,
  decision, decided_on, rejection_reason, lawyer, law_firm, closed_on, outcome, loss_recovered,
  version, created_at, created_by, updated_at, updated_by, deleted_at, deleted_by
) on public.legal_aid_applications to authenticated;
grant insert (
  id, org_id, application_no, applicant_name, applicant_id_number, applicant_phone,
  applicant_category, channel, case_kind, cause, amount, applied_on, decision, decided_on,
  rejection_reason, lawyer, law_firm, closed_on, outcome, loss_recovered, version, deleted_at
) on public.legal_aid_applications to authenticated;
grant update (
  org_id, application_no, applicant_name, applicant_id_number, applicant_phone, applicant_category,
  channel, case_kind, cause, amount, applied_on, decision, decided_on, rejection_reason, lawyer,
  law_firm, closed_on, outcome, loss_recovered, version, deleted_at
) on public.legal_aid_applications to authenticated;
grant delete on public.legal_aid_applications to authenticated;
grant select on public.legal_aid_applications_view to authenticated;

alter table public.legal_aid_applications enable row level security;
create policy "Members can read legal_aid_applications of their orgs" on public.legal_aid_applications
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('legal_aid'))::uuid[]));
create policy "Writers can add legal_aid_applications to their orgs" on public.legal_aid_applications
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('legal_aid'))::uuid[]));
create policy "Writers can change legal_aid_applications of their orgs" on public.legal_aid_applications
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('legal_aid'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('legal_aid'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes legal_aid_applications" on public.legal_aid_applications
  for delete to authenticated
  using (false);

create trigger legal_aid_applications_stamp_insert before insert on public.legal_aid_applications
  for each row execute function private.stamp_insert();
create trigger legal_aid_applications_stamp_update before update on public.legal_aid_applications
  for each row execute function private.stamp_update();
create trigger legal_aid_applications_audit after insert or update or delete on public.legal_aid_applications
  for each row execute function private.audit('org_id');

create index legal_aid_applications_org_id_applied_on_idx on public.legal_aid_applications (org_id, applied_on); -- org subtree + default period
create index legal_aid_applications_org_id_decided_on_idx on public.legal_aid_applications (org_id, decided_on); -- period of a measure
create index legal_aid_applications_org_id_closed_on_idx on public.legal_aid_applications (org_id, closed_on); -- period of a measure
create index legal_aid_applications_org_id_decision_idx on public.legal_aid_applications (org_id, decision); -- enum filtered by a measure

-- publicity_events: 普法宣传活动（publicity） -------------------------------------------------------

create table public.publicity_events (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  title text not null, -- 活动名称
  held_on date not null, -- 活动日期
  place text, -- 活动地点
  format text not null, -- 活动形式
  laws text[], -- 宣传法律法规
  audience integer, -- 参与人数
  organizer text, -- 主办部门
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint publicity_events_title_not_blank check (title ~ '\S'),
  constraint publicity_events_title_max_length check (char_length(title) <= 200),
  constraint publicity_events_place_not_blank check (place ~ '\S'),
  constraint publicity_events_place_max_length check (char_length(place) <= 200),
  constraint publicity_events_format_options check (format in ('lecture', 'stall', 'community', 'enterprise', 'school', 'online', 'other')),
  constraint publicity_events_laws_options check (laws <@ array['constitution', 'civil_code', 'company_law', 'administrative_penalty_law', 'anti_fraud_law', 'minors_protection_law', 'labour_law', 'national_security_law', 'work_safety_law', 'other']::text[]),
  constraint publicity_events_audience_min check (audience >= 0),
  constraint publicity_events_organizer_not_blank check (organizer ~ '\S'),
  constraint publicity_events_organizer_max_length check (char_length(organizer) <= 200)
);
comment on table public.publicity_events is '普法宣传活动';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.publicity_events_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.title,
  t.held_on,
  t.place,
  t.format,
  t.laws,
  t.audience,
  t.organizer,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.publicity_events t
where t.org_id = any ((select private.readable_org_ids('publicity'))::uuid[]);

revoke all on public.publicity_events, public.publicity_events_view from anon, authenticated;
grant select (
  id, org_id, title, held_on, place, format, laws, audience, organizer, version, created_at,
  created_by, updated_at, updated_by, deleted_at, deleted_by
) on public.publicity_events to authenticated;
grant insert (
  id, org_id, title, held_on, place, format, laws, audience, organizer, version, deleted_at
) on public.publicity_events to authenticated;
grant update (
  org_id, title, held_on, place, format, laws, audience, organizer, version, deleted_at
) on public.publicity_events to authenticated;
grant delete on public.publicity_events to authenticated;
grant select on public.publicity_events_view to authenticated;

alter table public.publicity_events enable row level security;
create policy "Members can read publicity_events of their orgs" on public.publicity_events
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('publicity'))::uuid[]));
create policy "Writers can add publicity_events to their orgs" on public.publicity_events
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('publicity'))::uuid[]));
create policy "Writers can change publicity_events of their orgs" on public.publicity_events
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('publicity'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('publicity'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes publicity_events" on public.publicity_events
  for delete to authenticated
  using (false);

create trigger publicity_events_stamp_insert before insert on public.publicity_events
  for each row execute function private.stamp_insert();
create trigger publicity_events_stamp_update before update on public.publicity_events
  for each row execute function private.stamp_update();
create trigger publicity_events_audit after insert or update or delete on public.publicity_events
  for each row execute function private.audit('org_id');

create index publicity_events_org_id_held_on_idx on public.publicity_events (org_id, held_on); -- org subtree + default period

-- publicity_publications: 普法作品发布（publicity） -------------------------------------------------

create table public.publicity_publications (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  title text not null, -- 标题
  media_type text not null, -- 作品类型
  issue_no integer, -- 期数
  channel text not null, -- 发布渠道
  published_on date not null, -- 发布日期
  views integer, -- 阅读/播放量
  laws text[], -- 宣传法律法规
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint publicity_publications_title_not_blank check (title ~ '\S'),
  constraint publicity_publications_title_max_length check (char_length(title) <= 200),
  constraint publicity_publications_media_type_options check (media_type in ('video', 'article', 'poster', 'brochure')),
  constraint publicity_publications_issue_no_min check (issue_no >= 1),
  constraint publicity_publications_channel_options check (channel in ('wechat_account', 'video_account', 'douyin', 'website', 'noticeboard')),
  constraint publicity_publications_views_min check (views >= 0),
  constraint publicity_publications_laws_options check (laws <@ array['constitution', 'civil_code', 'company_law', 'administrative_penalty_law', 'anti_fraud_law', 'minors_protection_law', 'labour_law', 'national_security_law', 'work_safety_law', 'other']::text[])
);
comment on table public.publicity_publications is '普法作品发布';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.publicity_publications_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.title,
  t.media_type,
  t.issue_no,
  t.channel,
  t.published_on,
  t.views,
  t.laws,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.publicity_publications t
where t.org_id = any ((select private.readable_org_ids('publicity'))::uuid[]);

revoke all on public.publicity_publications, public.publicity_publications_view from anon, authenticated;
grant select (
  id, org_id, title, media_type, issue_no, channel, published_on, views, laws, version, created_at,
  created_by, updated_at, updated_by, deleted_at, deleted_by
) on public.publicity_publications to authenticated;
grant insert (
  id, org_id, title, media_type, issue_no, channel, published_on, views, laws, version, deleted_at
) on public.publicity_publications to authenticated;
grant update (
  org_id, title, media_type, issue_no, channel, published_on, views, laws, version, deleted_at
) on public.publicity_publications to authenticated;
grant delete on public.publicity_publications to authenticated;
grant select on public.publicity_publications_view to authenticated;

alter table public.publicity_publications enable row level security;
create policy "Members can read publicity_publications of their orgs" on public.publicity_publications
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('publicity'))::uuid[]));
create policy "Writers can add publicity_publications to their orgs" on public.publicity_publications
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('publicity'))::uuid[]));
create policy "Writers can change publicity_publications of their orgs" on public.publicity_publications
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('publicity'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('publicity'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes publicity_publications" on public.publicity_publications
  for delete to authenticated
  using (false);

create trigger publicity_publications_stamp_insert before insert on public.publicity_publications
  for each row execute function private.stamp_insert();
create trigger publicity_publications_stamp_update before update on public.publicity_publications
  for each row execute function private.stamp_update();
create trigger publicity_publications_audit after insert or update or delete on public.publicity_publications
  for each row execute function private.audit('org_id');

create index publicity_publications_org_id_published_on_idx on public.publicity_publications (org_id, published_on); -- org subtree + default period
create index publicity_publications_org_id_media_type_idx on public.publicity_publications (org_id, media_type); -- enum filtered by a measure

-- business_env_projects: 营商环境项目（business_env） -----------------------------------------------

create table public.business_env_projects (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  title text not null, -- 项目名称
  category text not null, -- 项目类别
  location text, -- 实施地点
  output integer, -- 完成数量
  output_unit text, -- 数量单位
  started_on date, -- 开工日期
  completed_on date, -- 完成日期
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint business_env_projects_title_not_blank check (title ~ '\S'),
  constraint business_env_projects_title_max_length check (char_length(title) <= 200),
  constraint business_env_projects_category_options check (category in ('bilingual_signs', 'wayfinding', 'international_community', 'service_base', 'other')),
  constraint business_env_projects_location_not_blank check (location ~ '\S'),
  constraint business_env_projects_location_max_length check (char_length(location) <= 200),
  constraint business_env_projects_output_min check (output >= 0),
  constraint business_env_projects_output_unit_options check (output_unit in ('shops', 'items', 'sites', 'sets')),
  constraint business_env_projects_completed_on_not_before_started_on check (completed_on >= started_on),
  constraint business_env_projects_output_unit_required_when_category check (output_unit is not null or category is null or category not in ('bilingual_signs'))
);
comment on table public.business_env_projects is '营商环境项目';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.business_env_projects_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.title,
  t.category,
  t.location,
  t.output,
  t.output_unit,
  t.started_on,
  t.completed_on,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.business_env_projects t
where t.org_id = any ((select private.readable_org_ids('business_env'))::uuid[]);

revoke all on public.business_env_projects, public.business_env_projects_view from anon, authenticated;
grant select (
  id, org_id, title, category, location, output, output_unit, started_on, completed_on, version,
  created_at, created_by, updated_at, updated_by, deleted_at, deleted_by
) on public.business_env_projects to authenticated;
grant insert (
  id, org_id, title, category, location, output, output_unit, started_on, completed_on, version,
  deleted_at
) on public.business_env_projects to authenticated;
grant update (
  org_id, title, category, location, output, output_unit, started_on, completed_on, version,
  deleted_at
) on public.business_env_projects to authenticated;
grant delete on public.business_env_projects to authenticated;
grant select on public.business_env_projects_view to authenticated;

alter table public.business_env_projects enable row level security;
create policy "Members can read business_env_projects of their orgs" on public.business_env_projects
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('business_env'))::uuid[]));
create policy "Writers can add business_env_projects to their orgs" on public.business_env_projects
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('business_env'))::uuid[]));
create policy "Writers can change business_env_projects of their orgs" on public.business_env_projects
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('business_env'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('business_env'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes business_env_projects" on public.business_env_projects
  for delete to authenticated
  using (false);

create trigger business_env_projects_stamp_insert before insert on public.business_env_projects
  for each row execute function private.stamp_insert();
create trigger business_env_projects_stamp_update before update on public.business_env_projects
  for each row execute function private.stamp_update();
create trigger business_env_projects_audit after insert or update or delete on public.business_env_projects
  for each row execute function private.audit('org_id');

create index business_env_projects_org_id_completed_on_idx on public.business_env_projects (org_id, completed_on); -- org subtree + default period
create index business_env_projects_org_id_category_idx on public.business_env_projects (org_id, category); -- enum filtered by a measure

-- foreign_national_services: 境外人士服务（business_env） -------------------------------------------

create table public.foreign_national_services (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  served_on date not null, -- 服务日期
  service_type text not null, -- 服务类型
  nationality text, -- 国籍/地区
  person_name text, -- 服务对象（个人信息）
  place text, -- 服务载体
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint foreign_national_services_service_type_options check (service_type in ('residence', 'policy', 'legal', 'daily_life', 'employment', 'other')),
  constraint foreign_national_services_nationality_not_blank check (nationality ~ '\S'),
  constraint foreign_national_services_nationality_max_length check (char_length(nationality) <= 200),
  constraint foreign_national_services_person_name_not_blank check (person_name ~ '\S'),
  constraint foreign_national_services_person_name_max_length check (char_length(person_name) <= 200),
  constraint foreign_national_services_place_not_blank check (place ~ '\S'),
  constraint foreign_national_services_place_max_length check (char_length(place) <= 200)
);
comment on table public.foreign_national_services is '境外人士服务';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.foreign_national_services_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.served_on,
  t.service_type,
  t.nationality,
  case when t.org_id = any ((select private.personal_org_ids('business_env'))::uuid[]) then t.person_name else private.mask(t.person_name) end as person_name,
  t.place,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.foreign_national_services t
where t.org_id = any ((select private.readable_org_ids('business_env'))::uuid[]);

revoke all on public.foreign_national_services, public.foreign_national_services_view from anon, authenticated;
grant select (
  id, org_id, served_on, service_type, nationality, place, version, created_at, created_by,
  updated_at, updated_by, deleted_at, deleted_by
) on public.foreign_national_services to authenticated;
grant insert (
  id, org_id, served_on, service_type, nationality, person_name, place, version, deleted_at
) on public.foreign_national_services to authenticated;
grant update (
  org_id, served_on, service_type, nationality, person_name, place, version, deleted_at
) on public.foreign_national_services to authenticated;
grant delete on public.foreign_national_services to authenticated;
grant select on public.foreign_national_services_view to authenticated;

alter table public.foreign_national_services enable row level security;
create policy "Members can read foreign_national_services of their orgs" on public.foreign_national_services
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('business_env'))::uuid[]));
create policy "Writers can add foreign_national_services to their orgs" on public.foreign_national_services
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('business_env'))::uuid[]));
create policy "Writers can change foreign_national_services of their orgs" on public.foreign_national_services
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('business_env'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('business_env'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes foreign_national_services" on public.foreign_national_services
  for delete to authenticated
  using (false);

create trigger foreign_national_services_stamp_insert before insert on public.foreign_national_services
  for each row execute function private.stamp_insert();
create trigger foreign_national_services_stamp_update before update on public.foreign_national_services
  for each row execute function private.stamp_update();
create trigger foreign_national_services_audit after insert or update or delete on public.foreign_national_services
  for each row execute function private.audit('org_id');

create index foreign_national_services_org_id_served_on_idx on public.foreign_national_services (org_id, served_on); -- org subtree + default period

-- service_items: 政务服务事项（public_service） -----------------------------------------------------

create table public.service_items (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  code text not null, -- 事项编码
  name text not null, -- 事项名称
  category text not null, -- 事项类别
  department text, -- 承办部门
  mode text not null, -- 办理类型
  online boolean not null, -- 可网上办理
  listed_on date not null, -- 纳入目录日期
  delisted_on date, -- 移出目录日期
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint service_items_code_not_blank check (code ~ '\S'),
  constraint service_items_code_max_length check (char_length(code) <= 50),
  constraint service_items_name_not_blank check (name ~ '\S'),
  constraint service_items_name_max_length check (char_length(name) <= 200),
  constraint service_items_category_options check (category in ('social_security', 'civil_affairs', 'health', 'housing', 'business', 'household', 'other')),
  constraint service_items_department_not_blank check (department ~ '\S'),
  constraint service_items_department_max_length check (char_length(department) <= 200),
  constraint service_items_mode_options check (mode in ('instant', 'promised')),
  constraint service_items_delisted_on_not_before_listed_on check (delisted_on >= listed_on)
);
comment on table public.service_items is '政务服务事项';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.service_items_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.code,
  t.name,
  t.category,
  t.department,
  t.mode,
  t.online,
  t.listed_on,
  t.delisted_on,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.service_items t
where t.org_id = any ((select private.readable_org_ids('public_service'))::uuid[]);

revoke all on public.service_items, public.service_items_view from anon, authenticated;
grant select (
  id, org_id, code, name, category, department, mode, online, listed_on, delisted_on, version,
  created_at, created_by, updated_at, updated_by, deleted_at, deleted_by
) on public.service_items to authenticated;
grant insert (
  id, org_id, code, name, category, department, mode, online, listed_on, delisted_on, version,
  deleted_at
) on public.service_items to authenticated;
grant update (
  org_id, code, name, category, department, mode, online, listed_on, delisted_on, version,
  deleted_at
) on public.service_items to authenticated;
grant delete on public.service_items to authenticated;
grant select on public.service_items_view to authenticated;

alter table public.service_items enable row level security;
create policy "Members can read service_items of their orgs" on public.service_items
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('public_service'))::uuid[]));
create policy "Writers can add service_items to their orgs" on public.service_items
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('public_service'))::uuid[]));
create policy "Writers can change service_items of their orgs" on public.service_items
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('public_service'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('public_service'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes service_items" on public.service_items
  for delete to authenticated
  using (false);

create trigger service_items_stamp_insert before insert on public.service_items
  for each row execute function private.stamp_insert();
create trigger service_items_stamp_update before update on public.service_items
  for each row execute function private.stamp_update();
create trigger service_items_audit after insert or update or delete on public.service_items
  for each row execute function private.audit('org_id');

create index service_items_org_id_listed_on_idx on public.service_items (org_id, listed_on); -- org subtree + default period
create index service_items_org_id_delisted_on_idx on public.service_items (org_id, delisted_on); -- period of a measure

-- hotline_tickets: 12345热线工单（public_service） ---------------------------------------------------

create table public.hotline_tickets (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  ticket_no text not null, -- 工单编号
  channel text not null, -- 来源渠道
  kind text not null, -- 诉求类型
  topic text not null, -- 诉求分类
  summary text, -- 诉求内容
  caller_name text, -- 来电人（个人信息）
  caller_phone text, -- 来电号码（个人信息）
  department text, -- 承办部门
  received_at timestamptz not null, -- 派单时间
  due_at timestamptz not null, -- 办理时限
  closed_at timestamptz, -- 办结时间
  satisfaction text, -- 满意度评价
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint hotline_tickets_ticket_no_not_blank check (ticket_no ~ '\S'),
  constraint hotline_tickets_ticket_no_max_length check (char_length(ticket_no) <= 50),
  constraint hotline_tickets_channel_options check (channel in ('phone', 'web', 'wechat', 'app', 'other')),
  constraint hotline_tickets_kind_options check (kind in ('consultation', 'help', 'complaint', 'report', 'suggestion')),
  constraint hotline_tickets_topic_options check (topic in ('city_appearance', 'housing', 'traffic', 'labour', 'market', 'education', 'health', 'public_security', 'construction', 'other')),
  constraint hotline_tickets_summary_not_blank check (summary ~ '\S'),
  constraint hotline_tickets_summary_max_length check (char_length(summary) <= 5000),
  constraint hotline_tickets_caller_name_not_blank check (caller_name ~ '\S'),
  constraint hotline_tickets_caller_name_max_length check (char_length(caller_name) <= 200),
  constraint hotline_tickets_caller_phone_not_blank check (caller_phone ~ '\S'),
  constraint hotline_tickets_caller_phone_max_length check (char_length(caller_phone) <= 200),
  constraint hotline_tickets_department_not_blank check (department ~ '\S'),
  constraint hotline_tickets_department_max_length check (char_length(department) <= 200),
  constraint hotline_tickets_satisfaction_options check (satisfaction in ('satisfied', 'basically', 'dissatisfied')),
  constraint hotline_tickets_due_at_not_before_received_at check (due_at >= received_at),
  constraint hotline_tickets_closed_at_not_before_received_at check (closed_at >= received_at)
);
comment on table public.hotline_tickets is '12345热线工单';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.hotline_tickets_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.ticket_no,
  t.channel,
  t.kind,
  t.topic,
  t.summary,
  case when t.org_id = any ((select private.personal_org_ids('public_service'))::uuid[]) then t.caller_name else private.mask(t.caller_name) end as caller_name,
  case when t.org_id = any ((select private.personal_org_ids('public_service'))::uuid[]) then t.caller_phone else private.mask(t.caller_phone) end as caller_phone,
  t.department,
  t.received_at,
  t.due_at,
  t.closed_at,
  t.satisfaction,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.hotline_tickets t
where t.org_id = any ((select private.readable_org_ids('public_service'))::uuid[]);

revoke all on public.hotline_tickets, public.hotline_tickets_view from anon, authenticated;
grant select (
  id, org_id, ticket_no, channel, kind, topic, summary, department, received_at, due_at, closed_at,
  satisfaction, version, created_at, created_by, updated_at, updated_by, deleted_at, deleted_by
) on public.hotline_tickets to authenticated;
grant insert (
  id, org_id, ticket_no, channel, kind, topic, summary, caller_name, caller_phone, department,
  received_at, due_at, closed_at, satisfaction, version, deleted_at
) on public.hotline_tickets to authenticated;
grant update (
  org_id, ticket_no, channel, kind, topic, summary, caller_name, caller_phone, department,
  received_at, due_at, closed_at, satisfaction, version, deleted_at
) on public.hotline_tickets to authenticated;
grant delete on public.hotline_tickets to authenticated;
grant select on public.hotline_tickets_view to authenticated;

alter table public.hotline_tickets enable row level security;
create policy "Members can read hotline_tickets of their orgs" on public.hotline_tickets
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('public_service'))::uuid[]));
create policy "Writers can add hotline_tickets to their orgs" on public.hotline_tickets
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('public_service'))::uuid[]));
create policy "Writers can change hotline_tickets of their orgs" on public.hotline_tickets
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('public_service'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('public_service'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes hotline_tickets" on public.hotline_tickets
  for delete to authenticated
  using (false);

create trigger hotline_tickets_stamp_insert before insert on public.hotline_tickets
  for each row execute function private.stamp_insert();
create trigger hotline_tickets_stamp_update before update on public.hotline_tickets
  for each row execute function private.stamp_update();
create trigger hotline_tickets_audit after insert or update or delete on public.hotline_tickets
  for each row execute function private.audit('org_id');

create index hotline_tickets_org_id_received_at_idx on public.hotline_tickets (org_id, received_at); -- org subtree + default period
create index hotline_tickets_org_id_satisfaction_idx on public.hotline_tickets (org_id, satisfaction); -- enum filtered by a measure

-- supervision_rounds: 政务服务督查（public_service） ------------------------------------------------

create table public.supervision_rounds (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  title text not null, -- 督查名称
  conducted_on date not null, -- 督查日期
  scope text not null, -- 督查范围
  findings integer, -- 发现问题数
  rectified integer, -- 已整改问题数
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint supervision_rounds_title_not_blank check (title ~ '\S'),
  constraint supervision_rounds_title_max_length check (char_length(title) <= 200),
  constraint supervision_rounds_scope_options check (scope in ('full_coverage', 'special', 'spot_check')),
  constraint supervision_rounds_findings_min check (findings >= 0),
  constraint supervision_rounds_rectified_min check (rectified >= 0),
  constraint supervision_rounds_rectified_at_most_findings check (rectified <= findings)
);
comment on table public.supervision_rounds is '政务服务督查';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.supervision_rounds_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.title,
  t.conducted_on,
  t.scope,
  t.findings,
  t.rectified,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.supervision_rounds t
where t.org_id = any ((select private.readable_org_ids('public_service'))::uuid[]);

revoke all on public.supervision_rounds, public.supervision_rounds_view from anon, authenticated;
grant select (
  id, org_id, title, conducted_on, scope, findings, rectified, version, created_at, created_by,
  updated_at, updated_by, deleted_at, deleted_by
) on public.supervision_rounds to authenticated;
grant insert (
  id, org_id, title, conducted_on, scope, findings, rectified, version, deleted_at
) on public.supervision_rounds to authenticated;
grant update (
  org_id, title, conducted_on, scope, findings, rectified, version, deleted_at
) on public.supervision_rounds to authenticated;
grant delete on public.supervision_rounds to authenticated;
grant select on public.supervision_rounds_view to authenticated;

alter table public.supervision_rounds enable row level security;
create policy "Members can read supervision_rounds of their orgs" on public.supervision_rounds
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('public_service'))::uuid[]));
create policy "Writers can add supervision_rounds to their orgs" on public.supervision_rounds
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('public_service'))::uuid[]));
create policy "Writers can change supervision_rounds of their orgs" on public.supervision_rounds
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('public_service'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('public_service'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes supervision_rounds" on public.supervision_rounds
  for delete to authenticated
  using (false);

create trigger supervision_rounds_stamp_insert before insert on public.supervision_rounds
  for each row execute function private.stamp_insert();
create trigger supervision_rounds_stamp_update before update on public.supervision_rounds
  for each row execute function private.stamp_update();
create trigger supervision_rounds_audit after insert or update or delete on public.supervision_rounds
  for each row execute function private.audit('org_id');

create index supervision_rounds_org_id_conducted_on_idx on public.supervision_rounds (org_id, conducted_on); -- org subtree + default period
create index supervision_rounds_org_id_scope_idx on public.supervision_rounds (org_id, scope); -- enum filtered by a measure

-- coordination_events: 协调会议及现场勘查（public_service） -----------------------------------------------

create table public.coordination_events (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  kind text not null, -- 类型
  topic text not null, -- 事由
  held_on date not null, -- 日期
  ticket_no text, -- 关联工单编号
  participants text, -- 参加单位
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint coordination_events_kind_options check (kind in ('meeting', 'site_inspection')),
  constraint coordination_events_topic_not_blank check (topic ~ '\S'),
  constraint coordination_events_topic_max_length check (char_length(topic) <= 200),
  constraint coordination_events_ticket_no_not_blank check (ticket_no ~ '\S'),
  constraint coordination_events_ticket_no_max_length check (char_length(ticket_no) <= 200),
  constraint coordination_events_participants_not_blank check (participants ~ '\S'),
  constraint coordination_events_participants_max_length check (char_length(participants) <= 200)
);
comment on table public.coordination_events is '协调会议及现场勘查';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.coordination_events_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.kind,
  t.topic,
  t.held_on,
  t.ticket_no,
  t.participants,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.coordination_events t
where t.org_id = any ((select private.readable_org_ids('public_service'))::uuid[]);

revoke all on public.coordination_events, public.coordination_events_view from anon, authenticated;
grant select (
  id, org_id, kind, topic, held_on, ticket_no, participants, version, created_at, created_by,
  updated_at, updated_by, deleted_at, deleted_by
) on public.coordination_events to authenticated;
grant insert (
  id, org_id, kind, topic, held_on, ticket_no, participants, version, deleted_at
) on public.coordination_events to authenticated;
grant update (
  org_id, kind, topic, held_on, ticket_no, participants, version, deleted_at
) on public.coordination_events to authenticated;
grant delete on public.coordination_events to authenticated;
grant select on public.coordination_events_view to authenticated;

alter table public.coordination_events enable row level security;
create policy "Members can read coordination_events of their orgs" on public.coordination_events
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('public_service'))::uuid[]));
create policy "Writers can add coordination_events to their orgs" on public.coordination_events
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('public_service'))::uuid[]));
create policy "Writers can change coordination_events of their orgs" on public.coordination_events
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('public_service'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('public_service'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes coordination_events" on public.coordination_events
  for delete to authenticated
  using (false);

create trigger coordination_events_stamp_insert before insert on public.coordination_events
  for each row execute function private.stamp_insert();
create trigger coordination_events_stamp_update before update on public.coordination_events
  for each row execute function private.stamp_update();
create trigger coordination_events_audit after insert or update or delete on public.coordination_events
  for each row execute function private.audit('org_id');

create index coordination_events_org_id_held_on_idx on public.coordination_events (org_id, held_on); -- org subtree + default period

-- rectification_tasks: 问题整改任务（rectification） ------------------------------------------------

create table public.rectification_tasks (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  problem text not null, -- 问题描述
  source text not null, -- 问题来源
  source_year integer not null, -- 问题所属年度
  measure text, -- 整改措施
  department text not null, -- 责任部门
  leader_liaison text not null, -- 分管领导联络人
  head_liaison text not null, -- 部门负责人联络人
  contact_liaison text not null, -- 具体联络人
  assigned_on date not null, -- 任务分派日期
  deadline date not null, -- 整改期限
  status text not null, -- 整改状态
  completed_on date, -- 完成日期
  reported_on date, -- 书面报告日期
  closed_out_on date, -- 销号日期
  evidence text, -- 佐证材料
  escalation text, -- 督办措施
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint rectification_tasks_problem_not_blank check (problem ~ '\S'),
  constraint rectification_tasks_problem_max_length check (char_length(problem) <= 500),
  constraint rectification_tasks_source_options check (source in ('guangzhou_assessment', 'district_assessment', 'government_inspection', 'patrol', 'audit', 'other')),
  constraint rectification_tasks_source_year_min check (source_year >= 2000),
  constraint rectification_tasks_source_year_max check (source_year <= 2100),
  constraint rectification_tasks_measure_not_blank check (measure ~ '\S'),
  constraint rectification_tasks_measure_max_length check (char_length(measure) <= 5000),
  constraint rectification_tasks_department_not_blank check (department ~ '\S'),
  constraint rectification_tasks_department_max_length check (char_length(department) <= 200),
  constraint rectification_tasks_leader_liaison_not_blank check (leader_liaison ~ '\S'),
  constraint rectification_tasks_leader_liaison_max_length check (char_length(leader_liaison) <= 200),
  constraint rectification_tasks_head_liaison_not_blank check (head_liaison ~ '\S'),
  constraint rectification_tasks_head_liaison_max_length check (char_length(head_liaison) <= 200),
  constraint rectification_tasks_contact_liaison_not_blank check (contact_liaison ~ '\S'),
  constraint rectification_tasks_contact_liaison_max_length check (char_length(contact_liaison) <= 200),
  constraint rectification_tasks_status_options check (status in ('pending', 'in_progress', 'completed', 'closed_out')),
  constraint rectification_tasks_evidence_not_blank check (evidence ~ '\S'),
  constraint rectification_tasks_evidence_max_length check (char_length(evidence) <= 200),
  constraint rectification_tasks_escalation_options check (escalation in ('none', 'interview', 'listed_supervision', 'notice')),
  constraint rectification_tasks_deadline_not_before_assigned_on check (deadline >= assigned_on),
  constraint rectification_tasks_completed_on_not_before_assigned_on check (completed_on >= assigned_on),
  constraint rectification_tasks_closed_out_on_not_before_completed_on check (closed_out_on >= completed_on),
  constraint rectification_tasks_completed_on_required_when_status check (completed_on is not null or status is null or status not in ('completed', 'closed_out')),
  constraint rectification_tasks_closed_out_on_required_when_status check (closed_out_on is not null or status is null or status not in ('closed_out'))
);
comment on table public.rectification_tasks is '问题整改任务';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.rectification_tasks_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.problem,
  t.source,
  t.source_year,
  t.measure,
  t.department,
  t.leader_liaison,
  t.head_liaison,
  t.contact_liaison,
  t.assigned_on,
  t.deadline,
  t.status,
  t.completed_on,
  t.reported_on,
  t.closed_out_on,
  t.evidence,
  t.escalation,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.rectification_tasks t
where t.org_id = any ((select private.readable_org_ids('rectification'))::uuid[]);

revoke all on public.rectification_tasks, public.rectification_tasks_view from anon, authenticated;
grant select (
  id, org_id, problem, source, source_year, measure, department, leader_liaison, head_liaison,
  contact_liaison, assigned_on, deadline, status, completed_on, reported_on, closed_out_on, evidence,
  escalation, version, created_at, created_by, updated_at, updated_by, deleted_at, deleted_by
) on public.rectification_tasks to authenticated;
grant insert (
  id, org_id, problem, source, source_year, measure, department, leader_liaison, head_liaison,
  contact_liaison, assigned_on, deadline, status, completed_on, reported_on, closed_out_on, evidence,
  escalation, version, deleted_at
) on public.rectification_tasks to authenticated;
grant update (
  org_id, problem, source, source_year, measure, department, leader_liaison, head_liaison,
  contact_liaison, assigned_on, deadline, status, completed_on, reported_on, closed_out_on, evidence,
  escalation, version, deleted_at
) on public.rectification_tasks to authenticated;
grant delete on public.rectification_tasks to authenticated;
grant select on public.rectification_tasks_view to authenticated;

alter table public.rectification_tasks enable row level security;
create policy "Members can read rectification_tasks of their orgs" on public.rectification_tasks
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('rectification'))::uuid[]));
create policy "Writers can add rectification_tasks to their orgs" on public.rectification_tasks
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('rectification'))::uuid[]));
create policy "Writers can change rectification_tasks of their orgs" on public.rectification_tasks
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('rectification'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('rectification'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes rectification_tasks" on public.rectification_tasks
  for delete to authenticated
  using (false);

create trigger rectification_tasks_stamp_insert before insert on public.rectification_tasks
  for each row execute function private.stamp_insert();
create trigger rectification_tasks_stamp_update before update on public.rectification_tasks
  for each row execute function private.stamp_update();
create trigger rectification_tasks_audit after insert or update or delete on public.rectification_tasks
  for each row execute function private.audit('org_id');

create index rectification_tasks_org_id_assigned_on_idx on public.rectification_tasks (org_id, assigned_on); -- org subtree + default period
create index rectification_tasks_org_id_source_idx on public.rectification_tasks (org_id, source); -- enum filtered by a measure
create index rectification_tasks_org_id_status_idx on public.rectification_tasks (org_id, status); -- enum filtered by a measure

-- org_attributes: 机构属性（organisation） ------------------------------------------------------

create table public.org_attributes (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  attribute text not null, -- 属性
  value numeric(14, 2) not null, -- 数值
  unit text not null, -- 单位
  effective_on date not null, -- 生效日期
  note text, -- 说明
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint org_attributes_attribute_options check (attribute in ('legal_service_hall_area', 'mediators_count', 'legal_counsel_count', 'law_committee_members')),
  constraint org_attributes_value_min check (value >= 0),
  constraint org_attributes_unit_not_blank check (unit ~ '\S'),
  constraint org_attributes_unit_max_length check (char_length(unit) <= 20),
  constraint org_attributes_note_not_blank check (note ~ '\S'),
  constraint org_attributes_note_max_length check (char_length(note) <= 200)
);
comment on table public.org_attributes is '机构属性';

-- Owner's rights (the owner is not subject to RLS), so the filter below is the select policy's.
create view public.org_attributes_view with (security_barrier) as
select
  t.id,
  t.org_id,
  t.attribute,
  t.value,
  t.unit,
  t.effective_on,
  t.note,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.org_attributes t
where t.org_id = any ((select private.readable_org_ids('organisation'))::uuid[]);

revoke all on public.org_attributes, public.org_attributes_view from anon, authenticated;
grant select (
  id, org_id, attribute, value, unit, effective_on, note, version, created_at, created_by,
  updated_at, updated_by, deleted_at, deleted_by
) on public.org_attributes to authenticated;
grant insert (
  id, org_id, attribute, value, unit, effective_on, note, version, deleted_at
) on public.org_attributes to authenticated;
grant update (
  org_id, attribute, value, unit, effective_on, note, version, deleted_at
) on public.org_attributes to authenticated;
grant delete on public.org_attributes to authenticated;
grant select on public.org_attributes_view to authenticated;

alter table public.org_attributes enable row level security;
create policy "Members can read org_attributes of their orgs" on public.org_attributes
  for select to authenticated
  using (org_id = any ((select private.readable_org_ids('organisation'))::uuid[]));
create policy "Writers can add org_attributes to their orgs" on public.org_attributes
  for insert to authenticated
  with check (org_id = any ((select private.writable_org_ids('organisation'))::uuid[]));
create policy "Writers can change org_attributes of their orgs" on public.org_attributes
  for update to authenticated
  using (org_id = any ((select private.writable_org_ids('organisation'))::uuid[]))
  with check (org_id = any ((select private.writable_org_ids('organisation'))::uuid[]));
-- Deleting is setting deleted_at (an update), which an admin can undo.
create policy "Nobody hard-deletes org_attributes" on public.org_attributes
  for delete to authenticated
  using (false);

create trigger org_attributes_stamp_insert before insert on public.org_attributes
  for each row execute function private.stamp_insert();
create trigger org_attributes_stamp_update before update on public.org_attributes
  for each row execute function private.stamp_update();
create trigger org_attributes_audit after insert or update or delete on public.org_attributes
  for each row execute function private.audit('org_id');

create index org_attributes_org_id_effective_on_idx on public.org_attributes (org_id, effective_on); -- org subtree + default period
create index org_attributes_org_id_attribute_idx on public.org_attributes (org_id, attribute); -- enum filtered by a measure

-- References to kinds declared further down ----------------------------------------------------
alter table public.enforcement_actions add constraint enforcement_actions_officer1_id_fkey foreign key (officer1_id) references public.enforcement_officers (id);
alter table public.enforcement_actions add constraint enforcement_actions_officer2_id_fkey foreign key (officer2_id) references public.enforcement_officers (id);
