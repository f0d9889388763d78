-- generated — do not edit.
-- Source: the record kinds of @fazhi/domain (notFuture, format, businessKey).
-- Regenerate with `pnpm --filter @fazhi/db generate`; a test fails when this file is stale.

-- Shared checks -----------------------------------------------------------------------------
-- The reason an ID number (GB 11643-1999) is invalid as of `today`, or null: the same checks in
-- the same order as idNumberProblem in @fazhi/domain, with its messages.
create function private.id_number_problem(piece text, allow_legacy boolean, today date) returns text
language plpgsql immutable set search_path = ''
as $$
declare
  birth text;
  y integer;
  m integer;
  d integer;
  total integer := 0;
  weights constant integer[] := array[7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
begin
  if piece ~ '^[0-9]{17}[0-9X]$' then
    birth := substr(piece, 7, 8);
  elsif allow_legacy and piece ~ '^[0-9]{15}$' then
    birth := '19' || substr(piece, 7, 6);
  else
    return case when allow_legacy then '不是有效的身份证号：应为18位（前17位为数字，末位为数字或X）或15位数字' else '不是有效的身份证号：应为18位，前17位为数字，末位为数字或X' end;
  end if;
  if left(piece, 2) <> all (array['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83']) then
    return '不是有效的身份证号：地区码无效';
  end if;
  y := substr(birth, 1, 4)::integer;
  m := substr(birth, 5, 2)::integer;
  d := substr(birth, 7, 2)::integer;
  if y < 1900 then
    return '不是有效的身份证号：出生日期不能早于1900年';
  end if;
  if m not between 1 and 12 or d < 1 or d > extract(day from make_date(y, m, 1) + interval '1 month' - interval '1 day') then
    return '不是有效的身份证号：出生日期无效';
  end if;
  if make_date(y, m, d) > today then
    return '不是有效的身份证号：出生日期不能晚于今天';
  end if;
  if char_length(piece) = 18 then
    for i in 1..17 loop
      total := total + substr(piece, i, 1)::integer * weights[i];
    end loop;
    if substr('10X98765432', total % 11 + 1, 1) <> substr(piece, 18, 1) then
      return '不是有效的身份证号：校验码不正确';
    end if;
  end if;
  return null;
end
$$;

-- A mobile number (optionally +86) or a landline with area code (phone.ts in @fazhi/domain).
create function private.is_phone_number(piece text) returns boolean
language sql immutable set search_path = ''
as $$ select piece ~ '^(\+86[ -]?)?1[3-9][0-9]{9}$' or piece ~ '^0[1-9][0-9]{1,2}-[2-9][0-9]{6,7}(-[0-9]{1,6})?$' $$;

-- The first bad piece of a checked text as {piece as shown, reason}, {'', null} for an empty piece
-- of a multi-value text, or null when all is well (textFormatProblem in @fazhi/domain).
create function private.first_bad_piece(value text, format text, multiple boolean, allow_legacy boolean, today date) returns text[]
language plpgsql immutable set search_path = ''
as $$
declare
  piece text;
  reason text;
begin
  if value is null or value = '' then
    return null;
  end if;
  foreach piece in array case when multiple then string_to_array(value, '、') else array[value] end loop
    if piece = '' then
      return array['', null];
    end if;
    reason := case format
      when 'phone' then case when private.is_phone_number(piece) then null else '不是有效的电话号码：应为手机号（如 13812345678）或带区号的固定电话（如 020-12345678）' end
      else private.id_number_problem(piece, allow_legacy, today)
    end;
    if reason is not null then
      return array[case when char_length(piece) > 40 then left(piece, 40) || '…' else piece end, reason];
    end if;
  end loop;
  return null;
end
$$;

-- Raises a rule's error with the field's column and the rule's name, so clients can put the
-- message under the right field (the names follow the CHECK constraints': <table>_<column>_<rule>).
create function private.refuse(errcode text, message text, table_name text, column_name text, constraint_name text) returns void
language plpgsql set search_path = ''
as $$
begin
  raise exception using errcode = refuse.errcode, message = refuse.message, schema = 'public', table = refuse.table_name,
    column = refuse.column_name, constraint = refuse.constraint_name;
end
$$;

-- The street an org belongs to (itself if a street; the top of its tree when no street is above).
-- A signed-in caller learns it only for units they may ask about (null otherwise, see
-- private.may_ask_about): a unit of another street is never equal to one's own street anyway.
create function private.street_of(p_org uuid) returns uuid
language sql stable security definer set search_path = ''
as $$
  with recursive up (id, parent_id, kind, depth) as (
    select u.id, u.parent_id, u.kind, 0 from public.org_units u
    where u.id = p_org and private.may_ask_about(p_org)
    union all
    select p.id, p.parent_id, p.kind, up.depth + 1 from public.org_units p join up on p.id = up.parent_id
    where up.kind <> 'street' and up.depth < 64
  )
  select id from up order by kind = 'street' desc, depth desc limit 1
$$;

revoke all on function
  private.id_number_problem(text, boolean, date), private.is_phone_number(text),
  private.first_bad_piece(text, text, boolean, boolean, date), private.refuse(text, text, text, text, text),
  private.street_of(uuid)
from public;
grant execute on function
  private.id_number_problem(text, boolean, date), private.is_phone_number(text),
  private.first_bad_piece(text, text, boolean, boolean, date), private.refuse(text, text, text, text, text),
  private.street_of(uuid)
to authenticated, service_role;

-- study_sessions: 领导干部学法 ----------------------------------------------------------------
create function private.study_sessions_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
begin
  if (tg_op = 'INSERT' or new.held_on is distinct from old.held_on) and new.held_on > today then
    perform private.refuse('23514', format('「日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'study_sessions', 'held_on', 'study_sessions_held_on_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.study_sessions_validate_values() from public;
create trigger study_sessions_validate_values before insert or update on public.study_sessions
  for each row execute function private.study_sessions_validate_values();

-- law_exams: 学法考试 -------------------------------------------------------------------------
create function private.law_exams_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
begin
  if (tg_op = 'INSERT' or new.held_on is distinct from old.held_on) and new.held_on > today then
    perform private.refuse('23514', format('「考试日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'law_exams', 'held_on', 'law_exams_held_on_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.law_exams_validate_values() from public;
create trigger law_exams_validate_values before insert or update on public.law_exams
  for each row execute function private.law_exams_validate_values();

-- honours: 荣誉及创新案例 ---------------------------------------------------------------------
create function private.honours_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
begin
  if (tg_op = 'INSERT' or new.awarded_on is distinct from old.awarded_on) and new.awarded_on > today then
    perform private.refuse('23514', format('「获评日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'honours', 'awarded_on', 'honours_awarded_on_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.honours_validate_values() from public;
create trigger honours_validate_values before insert or update on public.honours
  for each row execute function private.honours_validate_values();

-- legal_consultations: 法律咨询 ---------------------------------------------------------------
create function private.legal_consultations_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
begin
  if (tg_op = 'INSERT' or new.consulted_on is distinct from old.consulted_on) and new.consulted_on > today then
    perform private.refuse('23514', format('「咨询日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'legal_consultations', 'consulted_on', 'legal_consultations_consulted_on_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.legal_consultations_validate_values() from public;
create trigger legal_consultations_validate_values before insert or update on public.legal_consultations
  for each row execute function private.legal_consultations_validate_values();

-- contract_reviews: 合同审查 ------------------------------------------------------------------
create function private.contract_reviews_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
begin
  if (tg_op = 'INSERT' or new.reviewed_on is distinct from old.reviewed_on) and new.reviewed_on > today then
    perform private.refuse('23514', format('「审查日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'contract_reviews', 'reviewed_on', 'contract_reviews_reviewed_on_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.contract_reviews_validate_values() from public;
create trigger contract_reviews_validate_values before insert or update on public.contract_reviews
  for each row execute function private.contract_reviews_validate_values();

-- legal_opinions: 法律意见书 ------------------------------------------------------------------
create function private.legal_opinions_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
begin
  if (tg_op = 'INSERT' or new.issued_on is distinct from old.issued_on) and new.issued_on > today then
    perform private.refuse('23514', format('「出具日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'legal_opinions', 'issued_on', 'legal_opinions_issued_on_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.legal_opinions_validate_values() from public;
create trigger legal_opinions_validate_values before insert or update on public.legal_opinions
  for each row execute function private.legal_opinions_validate_values();

-- review_meetings: 行政事项讨论会 -------------------------------------------------------------
create function private.review_meetings_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
begin
  if (tg_op = 'INSERT' or new.held_on is distinct from old.held_on) and new.held_on > today then
    perform private.refuse('23514', format('「会议日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'review_meetings', 'held_on', 'review_meetings_held_on_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.review_meetings_validate_values() from public;
create trigger review_meetings_validate_values before insert or update on public.review_meetings
  for each row execute function private.review_meetings_validate_values();

-- major_decisions: 重大行政决策 ---------------------------------------------------------------
create function private.major_decisions_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
begin
  if (tg_op = 'INSERT' or new.decided_on is distinct from old.decided_on) and new.decided_on > today then
    perform private.refuse('23514', format('「决策日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'major_decisions', 'decided_on', 'major_decisions_decided_on_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.major_decisions_validate_values() from public;
create trigger major_decisions_validate_values before insert or update on public.major_decisions
  for each row execute function private.major_decisions_validate_values();

-- admin_disputes: 行政争议案件 ----------------------------------------------------------------
create function private.admin_disputes_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
begin
  if (tg_op = 'INSERT' or new.filed_on is distinct from old.filed_on) and new.filed_on > today then
    perform private.refuse('23514', format('「立案/受理日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'admin_disputes', 'filed_on', 'admin_disputes_filed_on_not_future');
  end if;
  if (tg_op = 'INSERT' or new.decided_on is distinct from old.decided_on) and new.decided_on > today then
    perform private.refuse('23514', format('「决定/判决日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'admin_disputes', 'decided_on', 'admin_disputes_decided_on_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.admin_disputes_validate_values() from public;
create trigger admin_disputes_validate_values before insert or update on public.admin_disputes
  for each row execute function private.admin_disputes_validate_values();

create index admin_disputes_case_no_live_idx on public.admin_disputes (case_no) where deleted_at is null;
-- Security definer: the key must be unique in the whole street, including records the writer
-- cannot read. The advisory lock (per kind, street and key, until commit) makes two concurrent
-- writers of the same key take turns, so the second sees the first's row.
create function private.admin_disputes_unique_case_no() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  street uuid;
  other record;
begin
  if new.deleted_at is not null or new.case_no is null then
    return new;
  end if;
  if tg_op = 'UPDATE' and old.deleted_at is null and new.case_no is not distinct from old.case_no and new.org_id is not distinct from old.org_id then
    return new;
  end if;
  street := private.street_of(new.org_id);
  perform pg_advisory_xact_lock(hashtextextended('admin_disputes/' || street::text || '/' || new.case_no, 0));
  select t.filed_on into other from public.admin_disputes t
  -- The key's index finds the few records with this key; only their streets are looked up.
  where t.case_no = new.case_no and t.deleted_at is null and t.id <> new.id and private.street_of(t.org_id) = street
  limit 1;
  if found then
    perform private.refuse('23505', format('案号“%1$s”在本街道已存在（行政争议案件，立案/受理日期 %2$s）', new.case_no, coalesce(to_char(other.filed_on, 'YYYY-MM-DD'), '未填')), 'admin_disputes', 'case_no', 'admin_disputes_case_no_unique');
  end if;
  return new;
end
$$;
revoke all on function private.admin_disputes_unique_case_no() from public;
create trigger admin_disputes_unique_case_no before insert or update of org_id, case_no, deleted_at on public.admin_disputes
  for each row execute function private.admin_disputes_unique_case_no();

-- enforcement_actions: 行政执法行为 -----------------------------------------------------------
create function private.enforcement_actions_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
begin
  if (tg_op = 'INSERT' or new.acted_on is distinct from old.acted_on) and new.acted_on > today then
    perform private.refuse('23514', format('「执法日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'enforcement_actions', 'acted_on', 'enforcement_actions_acted_on_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.enforcement_actions_validate_values() from public;
create trigger enforcement_actions_validate_values before insert or update on public.enforcement_actions
  for each row execute function private.enforcement_actions_validate_values();

create index enforcement_actions_action_no_live_idx on public.enforcement_actions (action_no) where deleted_at is null;
-- Security definer: the key must be unique in the whole street, including records the writer
-- cannot read. The advisory lock (per kind, street and key, until commit) makes two concurrent
-- writers of the same key take turns, so the second sees the first's row.
create function private.enforcement_actions_unique_action_no() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  street uuid;
  other record;
begin
  if new.deleted_at is not null or new.action_no is null then
    return new;
  end if;
  if tg_op = 'UPDATE' and old.deleted_at is null and new.action_no is not distinct from old.action_no and new.org_id is not distinct from old.org_id then
    return new;
  end if;
  street := private.street_of(new.org_id);
  perform pg_advisory_xact_lock(hashtextextended('enforcement_actions/' || street::text || '/' || new.action_no, 0));
  select t.acted_on into other from public.enforcement_actions t
  -- The key's index finds the few records with this key; only their streets are looked up.
  where t.action_no = new.action_no and t.deleted_at is null and t.id <> new.id and private.street_of(t.org_id) = street
  limit 1;
  if found then
    perform private.refuse('23505', format('执法编号“%1$s”在本街道已存在（行政执法行为，执法日期 %2$s）', new.action_no, coalesce(to_char(other.acted_on, 'YYYY-MM-DD'), '未填')), 'enforcement_actions', 'action_no', 'enforcement_actions_action_no_unique');
  end if;
  return new;
end
$$;
revoke all on function private.enforcement_actions_unique_action_no() from public;
create trigger enforcement_actions_unique_action_no before insert or update of org_id, action_no, deleted_at on public.enforcement_actions
  for each row execute function private.enforcement_actions_unique_action_no();

-- enforcement_officers: 行政执法人员 ----------------------------------------------------------
create function private.enforcement_officers_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
begin
  if (tg_op = 'INSERT' or new.since is distinct from old.since) and new.since > today then
    perform private.refuse('23514', format('「持证日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'enforcement_officers', 'since', 'enforcement_officers_since_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.enforcement_officers_validate_values() from public;
create trigger enforcement_officers_validate_values before insert or update on public.enforcement_officers
  for each row execute function private.enforcement_officers_validate_values();

create index enforcement_officers_certificate_no_live_idx on public.enforcement_officers (certificate_no) where deleted_at is null;
-- Security definer: the key must be unique in the whole street, including records the writer
-- cannot read. The advisory lock (per kind, street and key, until commit) makes two concurrent
-- writers of the same key take turns, so the second sees the first's row.
create function private.enforcement_officers_unique_certificate_no() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  street uuid;
  other record;
begin
  if new.deleted_at is not null or new.certificate_no is null then
    return new;
  end if;
  if tg_op = 'UPDATE' and old.deleted_at is null and new.certificate_no is not distinct from old.certificate_no and new.org_id is not distinct from old.org_id then
    return new;
  end if;
  street := private.street_of(new.org_id);
  perform pg_advisory_xact_lock(hashtextextended('enforcement_officers/' || street::text || '/' || new.certificate_no, 0));
  select t.since into other from public.enforcement_officers t
  -- The key's index finds the few records with this key; only their streets are looked up.
  where t.certificate_no = new.certificate_no and t.deleted_at is null and t.id <> new.id and private.street_of(t.org_id) = street
  limit 1;
  if found then
    perform private.refuse('23505', format('执法证号“%1$s”在本街道已存在（行政执法人员，持证日期 %2$s）', new.certificate_no, coalesce(to_char(other.since, 'YYYY-MM-DD'), '未填')), 'enforcement_officers', 'certificate_no', 'enforcement_officers_certificate_no_unique');
  end if;
  return new;
end
$$;
revoke all on function private.enforcement_officers_unique_certificate_no() from public;
create trigger enforcement_officers_unique_certificate_no before insert or update of org_id, certificate_no, deleted_at on public.enforcement_officers
  for each row execute function private.enforcement_officers_unique_certificate_no();

-- officer_trainings: 执法人员培训 -------------------------------------------------------------
create function private.officer_trainings_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
begin
  if (tg_op = 'INSERT' or new.trained_on is distinct from old.trained_on) and new.trained_on > today then
    perform private.refuse('23514', format('「培训日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'officer_trainings', 'trained_on', 'officer_trainings_trained_on_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.officer_trainings_validate_values() from public;
create trigger officer_trainings_validate_values before insert or update on public.officer_trainings
  for each row execute function private.officer_trainings_validate_values();

-- auxiliary_staff: 执法辅助人员 ---------------------------------------------------------------
create function private.auxiliary_staff_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
begin
  if (tg_op = 'INSERT' or new.hired_on is distinct from old.hired_on) and new.hired_on > today then
    perform private.refuse('23514', format('「招录日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'auxiliary_staff', 'hired_on', 'auxiliary_staff_hired_on_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.auxiliary_staff_validate_values() from public;
create trigger auxiliary_staff_validate_values before insert or update on public.auxiliary_staff
  for each row execute function private.auxiliary_staff_validate_values();

-- mediation_cases: 人民调解案件 ---------------------------------------------------------------
create function private.mediation_cases_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
  bad text[];
begin
  if tg_op = 'INSERT' or new.party_id_numbers is distinct from old.party_id_numbers then
    bad := private.first_bad_piece(new.party_id_numbers, 'id-number', true, true, today);
    if bad is not null then
      perform private.refuse('23514', case when bad[2] is null then '「当事人身份证号」有空的一项：多个值之间以一个“、”分隔' else format('「当事人身份证号」“%1$s”%2$s', bad[1], bad[2]) end, 'mediation_cases', 'party_id_numbers', 'mediation_cases_party_id_numbers_format');
    end if;
  end if;
  if tg_op = 'INSERT' or new.party_phones is distinct from old.party_phones then
    bad := private.first_bad_piece(new.party_phones, 'phone', true, false, today);
    if bad is not null then
      perform private.refuse('23514', case when bad[2] is null then '「当事人联系电话」有空的一项：多个值之间以一个“、”分隔' else format('「当事人联系电话」“%1$s”%2$s', bad[1], bad[2]) end, 'mediation_cases', 'party_phones', 'mediation_cases_party_phones_format');
    end if;
  end if;
  if (tg_op = 'INSERT' or new.accepted_on is distinct from old.accepted_on) and new.accepted_on > today then
    perform private.refuse('23514', format('「受理日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'mediation_cases', 'accepted_on', 'mediation_cases_accepted_on_not_future');
  end if;
  if (tg_op = 'INSERT' or new.closed_on is distinct from old.closed_on) and new.closed_on > today then
    perform private.refuse('23514', format('「结案日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'mediation_cases', 'closed_on', 'mediation_cases_closed_on_not_future');
  end if;
  if (tg_op = 'INSERT' or new.follow_up_on is distinct from old.follow_up_on) and new.follow_up_on > today then
    perform private.refuse('23514', format('「回访日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'mediation_cases', 'follow_up_on', 'mediation_cases_follow_up_on_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.mediation_cases_validate_values() from public;
create trigger mediation_cases_validate_values before insert or update on public.mediation_cases
  for each row execute function private.mediation_cases_validate_values();

create index mediation_cases_case_no_live_idx on public.mediation_cases (case_no) where deleted_at is null;
-- Security definer: the key must be unique in the whole street, including records the writer
-- cannot read. The advisory lock (per kind, street and key, until commit) makes two concurrent
-- writers of the same key take turns, so the second sees the first's row.
create function private.mediation_cases_unique_case_no() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  street uuid;
  other record;
begin
  if new.deleted_at is not null or new.case_no is null then
    return new;
  end if;
  if tg_op = 'UPDATE' and old.deleted_at is null and new.case_no is not distinct from old.case_no and new.org_id is not distinct from old.org_id then
    return new;
  end if;
  street := private.street_of(new.org_id);
  perform pg_advisory_xact_lock(hashtextextended('mediation_cases/' || street::text || '/' || new.case_no, 0));
  select t.accepted_on into other from public.mediation_cases t
  -- The key's index finds the few records with this key; only their streets are looked up.
  where t.case_no = new.case_no and t.deleted_at is null and t.id <> new.id and private.street_of(t.org_id) = street
  limit 1;
  if found then
    perform private.refuse('23505', format('案件编号“%1$s”在本街道已存在（人民调解案件，受理日期 %2$s）', new.case_no, coalesce(to_char(other.accepted_on, 'YYYY-MM-DD'), '未填')), 'mediation_cases', 'case_no', 'mediation_cases_case_no_unique');
  end if;
  return new;
end
$$;
revoke all on function private.mediation_cases_unique_case_no() from public;
create trigger mediation_cases_unique_case_no before insert or update of org_id, case_no, deleted_at on public.mediation_cases
  for each row execute function private.mediation_cases_unique_case_no();

-- legal_aid_applications: 法律援助申请 --------------------------------------------------------
create function private.legal_aid_applications_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
  bad text[];
begin
  if tg_op = 'INSERT' or new.applicant_id_number is distinct from old.applicant_id_number then
    bad := private.first_bad_piece(new.applicant_id_number, 'id-number', false, false, today);
    if bad is not null then
      perform private.refuse('23514', case when bad[2] is null then '「申请人身份证号」有空的一项：多个值之间以一个“、”分隔' else format('「申请人身份证号」“%1$s”%2$s', bad[1], bad[2]) end, 'legal_aid_applications', 'applicant_id_number', 'legal_aid_applications_applicant_id_number_format');
    end if;
  end if;
  if tg_op = 'INSERT' or new.applicant_phone is distinct from old.applicant_phone then
    bad := private.first_bad_piece(new.applicant_phone, 'phone', false, false, today);
    if bad is not null then
      perform private.refuse('23514', case when bad[2] is null then '「申请人联系电话」有空的一项：多个值之间以一个“、”分隔' else format('「申请人联系电话」“%1$s”%2$s', bad[1], bad[2]) end, 'legal_aid_applications', 'applicant_phone', 'legal_aid_applications_applicant_phone_format');
    end if;
  end if;
  if (tg_op = 'INSERT' or new.applied_on is distinct from old.applied_on) and new.applied_on > today then
    perform private.refuse('23514', format('「申请日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'legal_aid_applications', 'applied_on', 'legal_aid_applications_applied_on_not_future');
  end if;
  if (tg_op = 'INSERT' or new.decided_on is distinct from old.decided_on) and new.decided_on > today then
    perform private.refuse('23514', format('「审查日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'legal_aid_applications', 'decided_on', 'legal_aid_applications_decided_on_not_future');
  end if;
  if (tg_op = 'INSERT' or new.closed_on is distinct from old.closed_on) and new.closed_on > today then
    perform private.refuse('23514', format('「结案日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'legal_aid_applications', 'closed_on', 'legal_aid_applications_closed_on_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.legal_aid_applications_validate_values() from public;
create trigger legal_aid_applications_validate_values before insert or update on public.legal_aid_applications
  for each row execute function private.legal_aid_applications_validate_values();

create index legal_aid_applications_application_no_live_idx on public.legal_aid_applications (application_no) where deleted_at is null;
-- Security definer: the key must be unique in the whole street, including records the writer
-- cannot read. The advisory lock (per kind, street and key, until commit) makes two concurrent
-- writers of the same key take turns, so the second sees the first's row.
create function private.legal_aid_applications_unique_application_no() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  street uuid;
  other record;
begin
  if new.deleted_at is not null or new.application_no is null then
    return new;
  end if;
  if tg_op = 'UPDATE' and old.deleted_at is null and new.application_no is not distinct from old.application_no and new.org_id is not distinct from old.org_id then
    return new;
  end if;
  street := private.street_of(new.org_id);
  perform pg_advisory_xact_lock(hashtextextended('legal_aid_applications/' || street::text || '/' || new.application_no, 0));
  select t.applied_on into other from public.legal_aid_applications t
  -- The key's index finds the few records with this key; only their streets are looked up.
  where t.application_no = new.application_no and t.deleted_at is null and t.id <> new.id and private.street_of(t.org_id) = street
  limit 1;
  if found then
    perform private.refuse('23505', format('申请编号“%1$s”在本街道已存在（法律援助申请，申请日期 %2$s）', new.application_no, coalesce(to_char(other.applied_on, 'YYYY-MM-DD'), '未填')), 'legal_aid_applications', 'application_no', 'legal_aid_applications_application_no_unique');
  end if;
  return new;
end
$$;
revoke all on function private.legal_aid_applications_unique_application_no() from public;
create trigger legal_aid_applications_unique_application_no before insert or update of org_id, application_no, deleted_at on public.legal_aid_applications
  for each row execute function private.legal_aid_applications_unique_application_no();

-- publicity_events: 普法宣传活动 --------------------------------------------------------------
create function private.publicity_events_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
begin
  if (tg_op = 'INSERT' or new.held_on is distinct from old.held_on) and new.held_on > today then
    perform private.refuse('23514', format('「活动日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'publicity_events', 'held_on', 'publicity_events_held_on_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.publicity_events_validate_values() from public;
create trigger publicity_events_validate_values before insert or update on public.publicity_events
  for each row execute function private.publicity_events_validate_values();

-- publicity_publications: 普法作品发布 --------------------------------------------------------
create function private.publicity_publications_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
begin
  if (tg_op = 'INSERT' or new.published_on is distinct from old.published_on) and new.published_on > today then
    perform private.refuse('23514', format('「发布日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'publicity_publications', 'published_on', 'publicity_publications_published_on_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.publicity_publications_validate_values() from public;
create trigger publicity_publications_validate_values before insert or update on public.publicity_publications
  for each row execute function private.publicity_publications_validate_values();

-- business_env_projects: 营商环境项目 ---------------------------------------------------------
create function private.business_env_projects_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
begin
  if (tg_op = 'INSERT' or new.started_on is distinct from old.started_on) and new.started_on > today then
    perform private.refuse('23514', format('「开工日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'business_env_projects', 'started_on', 'business_env_projects_started_on_not_future');
  end if;
  if (tg_op = 'INSERT' or new.completed_on is distinct from old.completed_on) and new.completed_on > today then
    perform private.refuse('23514', format('「完成日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'business_env_projects', 'completed_on', 'business_env_projects_completed_on_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.business_env_projects_validate_values() from public;
create trigger business_env_projects_validate_values before insert or update on public.business_env_projects
  for each row execute function private.business_env_projects_validate_values();

-- foreign_national_services: 境外人士服务 -----------------------------------------------------
create function private.foreign_national_services_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
begin
  if (tg_op = 'INSERT' or new.served_on is distinct from old.served_on) and new.served_on > today then
    perform private.refuse('23514', format('「服务日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'foreign_national_services', 'served_on', 'foreign_national_services_served_on_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.foreign_national_services_validate_values() from public;
create trigger foreign_national_services_validate_values before insert or update on public.foreign_national_services
  for each row execute function private.foreign_national_services_validate_values();

-- service_items: 政务服务事项 -----------------------------------------------------------------
create index service_items_code_live_idx on public.service_items (code) where deleted_at is null;
-- Security definer: the key must be unique in the whole street, including records the writer
-- cannot read. The advisory lock (per kind, street and key, until commit) makes two concurrent
-- writers of the same key take turns, so the second sees the first's row.
create function private.service_items_unique_code() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  street uuid;
  other record;
begin
  if new.deleted_at is not null or new.code is null then
    return new;
  end if;
  if tg_op = 'UPDATE' and old.deleted_at is null and new.code is not distinct from old.code and new.org_id is not distinct from old.org_id then
    return new;
  end if;
  street := private.street_of(new.org_id);
  perform pg_advisory_xact_lock(hashtextextended('service_items/' || street::text || '/' || new.code, 0));
  select t.listed_on into other from public.service_items t
  -- The key's index finds the few records with this key; only their streets are looked up.
  where t.code = new.code and t.deleted_at is null and t.id <> new.id and private.street_of(t.org_id) = street
  limit 1;
  if found then
    perform private.refuse('23505', format('事项编码“%1$s”在本街道已存在（政务服务事项，纳入目录日期 %2$s）', new.code, coalesce(to_char(other.listed_on, 'YYYY-MM-DD'), '未填')), 'service_items', 'code', 'service_items_code_unique');
  end if;
  return new;
end
$$;
revoke all on function private.service_items_unique_code() from public;
create trigger service_items_unique_code before insert or update of org_id, code, deleted_at on public.service_items
  for each row execute function private.service_items_unique_code();

-- hotline_tickets: 12345热线工单 ---------------------------------------------------------
create function private.hotline_tickets_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
  bad text[];
begin
  if tg_op = 'INSERT' or new.caller_phone is distinct from old.caller_phone then
    bad := private.first_bad_piece(new.caller_phone, 'phone', false, false, today);
    if bad is not null then
      perform private.refuse('23514', case when bad[2] is null then '「来电号码」有空的一项：多个值之间以一个“、”分隔' else format('「来电号码」“%1$s”%2$s', bad[1], bad[2]) end, 'hotline_tickets', 'caller_phone', 'hotline_tickets_caller_phone_format');
    end if;
  end if;
  if (tg_op = 'INSERT' or new.received_at is distinct from old.received_at) and (new.received_at at time zone 'Asia/Shanghai')::date > today then
    perform private.refuse('23514', format('「派单时间」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'hotline_tickets', 'received_at', 'hotline_tickets_received_at_not_future');
  end if;
  if (tg_op = 'INSERT' or new.closed_at is distinct from old.closed_at) and (new.closed_at at time zone 'Asia/Shanghai')::date > today then
    perform private.refuse('23514', format('「办结时间」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'hotline_tickets', 'closed_at', 'hotline_tickets_closed_at_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.hotline_tickets_validate_values() from public;
create trigger hotline_tickets_validate_values before insert or update on public.hotline_tickets
  for each row execute function private.hotline_tickets_validate_values();

create index hotline_tickets_ticket_no_live_idx on public.hotline_tickets (ticket_no) where deleted_at is null;
-- Security definer: the key must be unique in the whole street, including records the writer
-- cannot read. The advisory lock (per kind, street and key, until commit) makes two concurrent
-- writers of the same key take turns, so the second sees the first's row.
create function private.hotline_tickets_unique_ticket_no() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  street uuid;
  other record;
begin
  if new.deleted_at is not null or new.ticket_no is null then
    return new;
  end if;
  if tg_op = 'UPDATE' and old.deleted_at is null and new.ticket_no is not distinct from old.ticket_no and new.org_id is not distinct from old.org_id then
    return new;
  end if;
  street := private.street_of(new.org_id);
  perform pg_advisory_xact_lock(hashtextextended('hotline_tickets/' || street::text || '/' || new.ticket_no, 0));
  select t.received_at into other from public.hotline_tickets t
  -- The key's index finds the few records with this key; only their streets are looked up.
  where t.ticket_no = new.ticket_no and t.deleted_at is null and t.id <> new.id and private.street_of(t.org_id) = street
  limit 1;
  if found then
    perform private.refuse('23505', format('工单编号“%1$s”在本街道已存在（12345热线工单，派单时间 %2$s）', new.ticket_no, coalesce(to_char(other.received_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), '未填')), 'hotline_tickets', 'ticket_no', 'hotline_tickets_ticket_no_unique');
  end if;
  return new;
end
$$;
revoke all on function private.hotline_tickets_unique_ticket_no() from public;
create trigger hotline_tickets_unique_ticket_no before insert or update of org_id, ticket_no, deleted_at on public.hotline_tickets
  for each row execute function private.hotline_tickets_unique_ticket_no();

-- supervision_rounds: 政务服务督查 ------------------------------------------------------------
create function private.supervision_rounds_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
begin
  if (tg_op = 'INSERT' or new.conducted_on is distinct from old.conducted_on) and new.conducted_on > today then
    perform private.refuse('23514', format('「督查日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'supervision_rounds', 'conducted_on', 'supervision_rounds_conducted_on_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.supervision_rounds_validate_values() from public;
create trigger supervision_rounds_validate_values before insert or update on public.supervision_rounds
  for each row execute function private.supervision_rounds_validate_values();

-- coordination_events: 协调会议及现场勘查 -----------------------------------------------------
create function private.coordination_events_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
begin
  if (tg_op = 'INSERT' or new.held_on is distinct from old.held_on) and new.held_on > today then
    perform private.refuse('23514', format('「日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'coordination_events', 'held_on', 'coordination_events_held_on_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.coordination_events_validate_values() from public;
create trigger coordination_events_validate_values before insert or update on public.coordination_events
  for each row execute function private.coordination_events_validate_values();

-- rectification_tasks: 问题整改任务 -----------------------------------------------------------
create function private.rectification_tasks_validate_values() returns trigger
language plpgsql set search_path = ''
as $$
declare
  today constant date := (now() at time zone 'Asia/Shanghai')::date;
begin
  if (tg_op = 'INSERT' or new.assigned_on is distinct from old.assigned_on) and new.assigned_on > today then
    perform private.refuse('23514', format('「任务分派日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'rectification_tasks', 'assigned_on', 'rectification_tasks_assigned_on_not_future');
  end if;
  if (tg_op = 'INSERT' or new.completed_on is distinct from old.completed_on) and new.completed_on > today then
    perform private.refuse('23514', format('「完成日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'rectification_tasks', 'completed_on', 'rectification_tasks_completed_on_not_future');
  end if;
  if (tg_op = 'INSERT' or new.reported_on is distinct from old.reported_on) and new.reported_on > today then
    perform private.refuse('23514', format('「书面报告日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'rectification_tasks', 'reported_on', 'rectification_tasks_reported_on_not_future');
  end if;
  if (tg_op = 'INSERT' or new.closed_out_on is distinct from old.closed_out_on) and new.closed_out_on > today then
    perform private.refuse('23514', format('「销号日期」不能晚于今天（%1$s）', to_char(today, 'YYYY-MM-DD')), 'rectification_tasks', 'closed_out_on', 'rectification_tasks_closed_out_on_not_future');
  end if;
  return new;
end
$$;
revoke all on function private.rectification_tasks_validate_values() from public;
create trigger rectification_tasks_validate_values before insert or update on public.rectification_tasks
  for each row execute function private.rectification_tasks_validate_values();

-- Duplicates stored before the business-key rule (the rule never rewrites them) ---------------
-- Security invoker: row-level security limits the list to records the caller can read.
create function public.duplicate_business_keys(p_org uuid)
returns table (kind_id text, kind_label text, key_label text, business_key text, street_id uuid, record_ids uuid[])
language sql stable security invoker set search_path = ''
as $$
  with units as (select u.id, private.street_of(u.id) as street from unnest(private.subtree_ids(array[p_org])) as u (id))
  select 'admin_disputes', '行政争议案件', '案号', t.case_no, units.street, array_agg(t.id order by t.filed_on, t.id)
  from public.admin_disputes t join units on units.id = t.org_id
  where t.deleted_at is null
    and t.case_no in (select d.case_no from public.admin_disputes d where d.deleted_at is null group by d.case_no having count(*) > 1)
  group by t.case_no, units.street having count(*) > 1
  union all
  select 'enforcement_actions', '行政执法行为', '执法编号', t.action_no, units.street, array_agg(t.id order by t.acted_on, t.id)
  from public.enforcement_actions t join units on units.id = t.org_id
  where t.deleted_at is null
    and t.action_no in (select d.action_no from public.enforcement_actions d where d.deleted_at is null group by d.action_no having count(*) > 1)
  group by t.action_no, units.street having count(*) > 1
  union all
  select 'enforcement_officers', '行政执法人员', '执法证号', t.certificate_no, units.street, array_agg(t.id order by t.since, t.id)
  from public.enforcement_officers t join units on units.id = t.org_id
  where t.deleted_at is null
    and t.certificate_no in (select d.certificate_no from public.enforcement_officers d where d.deleted_at is null group by d.certificate_no having count(*) > 1)
  group by t.certificate_no, units.street having count(*) > 1
  union all
  select 'mediation_cases', '人民调解案件', '案件编号', t.case_no, units.street, array_agg(t.id order by t.accepted_on, t.id)
  from public.mediation_cases t join units on units.id = t.org_id
  where t.deleted_at is null
    and t.case_no in (select d.case_no from public.mediation_cases d where d.deleted_at is null group by d.case_no having count(*) > 1)
  group by t.case_no, units.street having count(*) > 1
  union all
  select 'legal_aid_applications', '法律援助申请', '申请编号', t.application_no, units.street, array_agg(t.id order by t.applied_on, t.id)
  from public.legal_aid_applications t join units on units.id = t.org_id
  where t.deleted_at is null
    and t.application_no in (select d.application_no from public.legal_aid_applications d where d.deleted_at is null group by d.application_no having count(*) > 1)
  group by t.application_no, units.street having count(*) > 1
  union all
  select 'service_items', '政务服务事项', '事项编码', t.code, units.street, array_agg(t.id order by t.listed_on, t.id)
  from public.service_items t join units on units.id = t.org_id
  where t.deleted_at is null
    and t.code in (select d.code from public.service_items d where d.deleted_at is null group by d.code having count(*) > 1)
  group by t.code, units.street having count(*) > 1
  union all
  select 'hotline_tickets', '12345热线工单', '工单编号', t.ticket_no, units.street, array_agg(t.id order by t.received_at, t.id)
  from public.hotline_tickets t join units on units.id = t.org_id
  where t.deleted_at is null
    and t.ticket_no in (select d.ticket_no from public.hotline_tickets d where d.deleted_at is null group by d.ticket_no having count(*) > 1)
  group by t.ticket_no, units.street having count(*) > 1
  order by 1, 4
$$;
revoke all on function public.duplicate_business_keys(uuid) from public, anon;
grant execute on function public.duplicate_business_keys(uuid) to authenticated, service_role;
