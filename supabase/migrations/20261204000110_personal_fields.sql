-- generated — do not edit.
-- Source: the record kinds of @fazhi/domain (their personal fields).
-- Regenerate with `pnpm --filter @fazhi/db generate`; a test fails when this file is stale.
-- Per kind: the personal-value function, the security_invoker view, the masked-write guard.

-- study_sessions: 领导干部学法 ----------------------------------------------------------------

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.study_sessions_view with (security_invoker = true) as
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
from public.study_sessions t;

-- law_exams: 学法考试 -------------------------------------------------------------------------

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.law_exams_view with (security_invoker = true) as
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
from public.law_exams t;

-- honours: 荣誉及创新案例 ---------------------------------------------------------------------

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.honours_view with (security_invoker = true) as
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
from public.honours t;

-- legal_consultations: 法律咨询 ---------------------------------------------------------------

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.legal_consultations_view with (security_invoker = true) as
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
from public.legal_consultations t;

-- contract_reviews: 合同审查 ------------------------------------------------------------------

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.contract_reviews_view with (security_invoker = true) as
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
from public.contract_reviews t;

-- legal_opinions: 法律意见书 ------------------------------------------------------------------

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.legal_opinions_view with (security_invoker = true) as
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
from public.legal_opinions t;

-- review_meetings: 行政事项讨论会 -------------------------------------------------------------

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.review_meetings_view with (security_invoker = true) as
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
from public.review_meetings t;

-- major_decisions: 重大行政决策 ---------------------------------------------------------------

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.major_decisions_view with (security_invoker = true) as
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
from public.major_decisions t;

-- admin_disputes: 行政争议案件 ----------------------------------------------------------------

-- Personal column `p_column` of one row, as the caller may see it (null when they may not read the row).
create or replace function private.admin_disputes_personal(p_id uuid, p_column text) returns text
language sql stable security definer set search_path = ''
as $$
  select case private.personal_visibility(t.org_id, 'admin_disputes')
    when true then case p_column when 'counterpart' then t.counterpart end
    when false then case p_column when 'counterpart' then private.mask(t.counterpart) end
  end
  from public.admin_disputes t
  where t.id = p_id
$$;
revoke all on function private.admin_disputes_personal(uuid, text) from public;
grant execute on function private.admin_disputes_personal(uuid, text) to authenticated, service_role;

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.admin_disputes_view with (security_invoker = true) as
select
  t.id,
  t.org_id,
  t.case_no,
  t.kind,
  t.cause,
  private.admin_disputes_personal(t.id, 'counterpart') as counterpart,
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
from public.admin_disputes t;

create trigger admin_disputes_refuse_masked_write before update on public.admin_disputes
  for each row when (new.counterpart is distinct from old.counterpart)
  execute function private.refuse_masked_write('counterpart', '相对人');

-- court_hearings: 行政诉讼庭审 ----------------------------------------------------------------

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.court_hearings_view with (security_invoker = true) as
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
from public.court_hearings t;

-- enforcement_actions: 行政执法行为 -----------------------------------------------------------

-- Personal column `p_column` of one row, as the caller may see it (null when they may not read the row).
create or replace function private.enforcement_actions_personal(p_id uuid, p_column text) returns text
language sql stable security definer set search_path = ''
as $$
  select case private.personal_visibility(t.org_id, 'enforcement')
    when true then case p_column when 'target_name' then t.target_name end
    when false then case p_column when 'target_name' then private.mask(t.target_name) end
  end
  from public.enforcement_actions t
  where t.id = p_id
$$;
revoke all on function private.enforcement_actions_personal(uuid, text) from public;
grant execute on function private.enforcement_actions_personal(uuid, text) to authenticated, service_role;

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.enforcement_actions_view with (security_invoker = true) as
select
  t.id,
  t.org_id,
  t.action_no,
  t.kind,
  t.acted_on,
  t.target_type,
  private.enforcement_actions_personal(t.id, 'target_name') as target_name,
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
from public.enforcement_actions t;

create trigger enforcement_actions_refuse_masked_write before update on public.enforcement_actions
  for each row when (new.target_name is distinct from old.target_name)
  execute function private.refuse_masked_write('target_name', '执法对象');

-- enforcement_officers: 行政执法人员 ----------------------------------------------------------

-- Personal column `p_column` of one row, as the caller may see it (null when they may not read the row).
create or replace function private.enforcement_officers_personal(p_id uuid, p_column text) returns text
language sql stable security definer set search_path = ''
as $$
  select case private.personal_visibility(t.org_id, 'enforcement')
    when true then case p_column when 'name' then t.name end
    when false then case p_column when 'name' then private.mask(t.name) end
  end
  from public.enforcement_officers t
  where t.id = p_id
$$;
revoke all on function private.enforcement_officers_personal(uuid, text) from public;
grant execute on function private.enforcement_officers_personal(uuid, text) to authenticated, service_role;

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.enforcement_officers_view with (security_invoker = true) as
select
  t.id,
  t.org_id,
  private.enforcement_officers_personal(t.id, 'name') as name,
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
from public.enforcement_officers t;

create trigger enforcement_officers_refuse_masked_write before update on public.enforcement_officers
  for each row when (new.name is distinct from old.name)
  execute function private.refuse_masked_write('name', '姓名');

-- officer_trainings: 执法人员培训 -------------------------------------------------------------

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.officer_trainings_view with (security_invoker = true) as
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
from public.officer_trainings t;

-- auxiliary_staff: 执法辅助人员 ---------------------------------------------------------------

-- Personal column `p_column` of one row, as the caller may see it (null when they may not read the row).
create or replace function private.auxiliary_staff_personal(p_id uuid, p_column text) returns text
language sql stable security definer set search_path = ''
as $$
  select case private.personal_visibility(t.org_id, 'enforcement')
    when true then case p_column when 'name' then t.name end
    when false then case p_column when 'name' then private.mask(t.name) end
  end
  from public.auxiliary_staff t
  where t.id = p_id
$$;
revoke all on function private.auxiliary_staff_personal(uuid, text) from public;
grant execute on function private.auxiliary_staff_personal(uuid, text) to authenticated, service_role;

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.auxiliary_staff_view with (security_invoker = true) as
select
  t.id,
  t.org_id,
  private.auxiliary_staff_personal(t.id, 'name') as name,
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
from public.auxiliary_staff t;

create trigger auxiliary_staff_refuse_masked_write before update on public.auxiliary_staff
  for each row when (new.name is distinct from old.name)
  execute function private.refuse_masked_write('name', '姓名');

-- mediation_cases: 人民调解案件 ---------------------------------------------------------------

-- Personal column `p_column` of one row, as the caller may see it (null when they may not read the row).
create or replace function private.mediation_cases_personal(p_id uuid, p_column text) returns text
language sql stable security definer set search_path = ''
as $$
  select case private.personal_visibility(t.org_id, 'mediation')
    when true then case p_column when 'party_names' then t.party_names when 'party_id_numbers' then t.party_id_numbers when 'party_phones' then t.party_phones end
    when false then case p_column when 'party_names' then private.mask(t.party_names) when 'party_id_numbers' then private.mask(t.party_id_numbers) when 'party_phones' then private.mask(t.party_phones) end
  end
  from public.mediation_cases t
  where t.id = p_id
$$;
revoke all on function private.mediation_cases_personal(uuid, text) from public;
grant execute on function private.mediation_cases_personal(uuid, text) to authenticated, service_role;

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.mediation_cases_view with (security_invoker = true) as
select
  t.id,
  t.org_id,
  t.case_no,
  t.source,
  t.dispute_type,
  t.summary,
  private.mediation_cases_personal(t.id, 'party_names') as party_names,
  private.mediation_cases_personal(t.id, 'party_id_numbers') as party_id_numbers,
  private.mediation_cases_personal(t.id, 'party_phones') as party_phones,
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
from public.mediation_cases t;

create trigger mediation_cases_refuse_masked_write before update on public.mediation_cases
  for each row when (new.party_names is distinct from old.party_names or new.party_id_numbers is distinct from old.party_id_numbers or new.party_phones is distinct from old.party_phones)
  execute function private.refuse_masked_write('party_names', '当事人姓名', 'party_id_numbers', '当事人身份证号', 'party_phones', '当事人联系电话');

-- legal_aid_applications: 法律援助申请 --------------------------------------------------------

-- Personal column `p_column` of one row, as the caller may see it (null when they may not read the row).
create or replace function private.legal_aid_applications_personal(p_id uuid, p_column text) returns text
language sql stable security definer set search_path = ''
as $$
  select case private.personal_visibility(t.org_id, 'legal_aid')
    when true then case p_column when 'applicant_name' then t.applicant_name when 'applicant_id_number' then t.applicant_id_number when 'applicant_phone' then t.applicant_phone end
    when false then case p_column when 'applicant_name' then private.mask(t.applicant_name) when 'applicant_id_number' then private.mask(t.applicant_id_number) when 'applicant_phone' then private.mask(t.applicant_phone) end
  end
  from public.legal_aid_applications t
  where t.id = p_id
$$;
revoke all on function private.legal_aid_applications_personal(uuid, text) from public;
grant execute on function private.legal_aid_applications_personal(uuid, text) to authenticated, service_role;

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.legal_aid_applications_view with (security_invoker = true) as
select
  t.id,
  t.org_id,
  t.application_no,
  private.legal_aid_applications_personal(t.id, 'applicant_name') as applicant_name,
  private.legal_aid_applications_personal(t.id, 'applicant_id_number') as applicant_id_number,
  private.legal_aid_applications_personal(t.id, 'applicant_phone') as applicant_phone,
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
from public.legal_aid_applications t;

create trigger legal_aid_applications_refuse_masked_write before update on public.legal_aid_applications
  for each row when (new.applicant_name is distinct from old.applicant_name or new.applicant_id_number is distinct from old.applicant_id_number or new.applicant_phone is distinct from old.applicant_phone)
  execute function private.refuse_masked_write('applicant_name', '申请人姓名', 'applicant_id_number', '申请人身份证号', 'applicant_phone', '申请人联系电话');

-- publicity_events: 普法宣传活动 --------------------------------------------------------------

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.publicity_events_view with (security_invoker = true) as
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
from public.publicity_events t;

-- publicity_publications: 普法作品发布 --------------------------------------------------------

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.publicity_publications_view with (security_invoker = true) as
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
from public.publicity_publications t;

-- business_env_projects: 营商环境项目 ---------------------------------------------------------

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.business_env_projects_view with (security_invoker = true) as
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
from public.business_env_projects t;

-- foreign_national_services: 境外人士服务 -----------------------------------------------------

-- Personal column `p_column` of one row, as the caller may see it (null when they may not read the row).
create or replace function private.foreign_national_services_personal(p_id uuid, p_column text) returns text
language sql stable security definer set search_path = ''
as $$
  select case private.personal_visibility(t.org_id, 'business_env')
    when true then case p_column when 'person_name' then t.person_name end
    when false then case p_column when 'person_name' then private.mask(t.person_name) end
  end
  from public.foreign_national_services t
  where t.id = p_id
$$;
revoke all on function private.foreign_national_services_personal(uuid, text) from public;
grant execute on function private.foreign_national_services_personal(uuid, text) to authenticated, service_role;

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.foreign_national_services_view with (security_invoker = true) as
select
  t.id,
  t.org_id,
  t.served_on,
  t.service_type,
  t.nationality,
  private.foreign_national_services_personal(t.id, 'person_name') as person_name,
  t.place,
  t.version,
  t.created_at,
  t.created_by,
  t.updated_at,
  t.updated_by,
  t.deleted_at,
  t.deleted_by
from public.foreign_national_services t;

create trigger foreign_national_services_refuse_masked_write before update on public.foreign_national_services
  for each row when (new.person_name is distinct from old.person_name)
  execute function private.refuse_masked_write('person_name', '服务对象');

-- service_items: 政务服务事项 -----------------------------------------------------------------

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.service_items_view with (security_invoker = true) as
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
from public.service_items t;

-- hotline_tickets: 12345热线工单 ---------------------------------------------------------

-- Personal column `p_column` of one row, as the caller may see it (null when they may not read the row).
create or replace function private.hotline_tickets_personal(p_id uuid, p_column text) returns text
language sql stable security definer set search_path = ''
as $$
  select case private.personal_visibility(t.org_id, 'public_service')
    when true then case p_column when 'caller_name' then t.caller_name when 'caller_phone' then t.caller_phone end
    when false then case p_column when 'caller_name' then private.mask(t.caller_name) when 'caller_phone' then private.mask(t.caller_phone) end
  end
  from public.hotline_tickets t
  where t.id = p_id
$$;
revoke all on function private.hotline_tickets_personal(uuid, text) from public;
grant execute on function private.hotline_tickets_personal(uuid, text) to authenticated, service_role;

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.hotline_tickets_view with (security_invoker = true) as
select
  t.id,
  t.org_id,
  t.ticket_no,
  t.channel,
  t.kind,
  t.topic,
  t.summary,
  private.hotline_tickets_personal(t.id, 'caller_name') as caller_name,
  private.hotline_tickets_personal(t.id, 'caller_phone') as caller_phone,
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
from public.hotline_tickets t;

create trigger hotline_tickets_refuse_masked_write before update on public.hotline_tickets
  for each row when (new.caller_name is distinct from old.caller_name or new.caller_phone is distinct from old.caller_phone)
  execute function private.refuse_masked_write('caller_name', '来电人', 'caller_phone', '来电号码');

-- supervision_rounds: 政务服务督查 ------------------------------------------------------------

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.supervision_rounds_view with (security_invoker = true) as
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
from public.supervision_rounds t;

-- coordination_events: 协调会议及现场勘查 -----------------------------------------------------

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.coordination_events_view with (security_invoker = true) as
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
from public.coordination_events t;

-- rectification_tasks: 问题整改任务 -----------------------------------------------------------

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.rectification_tasks_view with (security_invoker = true) as
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
from public.rectification_tasks t;

-- org_attributes: 机构属性 --------------------------------------------------------------------

-- The caller's rights: RLS on the table picks the rows; personal columns come from the function above.
create or replace view public.org_attributes_view with (security_invoker = true) as
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
from public.org_attributes t;
