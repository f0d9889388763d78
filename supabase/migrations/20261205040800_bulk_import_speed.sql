-- Ledger import at speed: business keys checked once per statement, and public.import_records
-- set-based from end to end.
--
-- A 21,349-row hotline import failed on PGlite ("out of shared memory": the row-level
-- `<kind>_unique_<key>` triggers took one advisory lock per row, and PGlite's lock table holds
-- about 6,400) and took 60-100 s on PostgreSQL 15 (each row's lookup ran a plan cached while the
-- table was empty: a scan of the table per row). Each kind with a business key now checks it once
-- per statement (after insert, after update, with the statement's rows as transition tables),
-- locking its street's key buckets, not each key; the rule is the same: a live key is unique in
-- its street, including records the writer cannot read, and concurrent writers of a key take turns.
-- The blocks below are what `businessKeyCheckSql` of @fazhi/db writes for the 13 kinds with a
-- business key (model snapshot at the time of writing); later generated migrations create the same
-- for new and changed kinds.


-- document_reviews: 规范性文件审查 (reviewNo)
create or replace function private.document_reviews_unique_review_no() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  clash record;
begin
  if tg_op = 'INSERT' then
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.review_no as key from new_rows n where n.deleted_at is null and n.review_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('document_reviews/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.review_no as key from new_rows n where n.deleted_at is null and n.review_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.acted_on, ''YYYY-MM-DD'') as period from keyed k join public.document_reviews t on t.review_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  else
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.review_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.review_no is not null and (o.deleted_at is not null or n.review_no is distinct from o.review_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('document_reviews/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.review_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.review_no is not null and (o.deleted_at is not null or n.review_no is distinct from o.review_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.acted_on, ''YYYY-MM-DD'') as period from keyed k join public.document_reviews t on t.review_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  end if;
  if clash.key is not null then
    perform private.refuse('23505', format('审查登记号“%1$s”在本街道已存在（规范性文件审查，办理日期 %2$s）', clash.key, coalesce(clash.period, '未填')), 'document_reviews', 'review_no', 'document_reviews_review_no_unique');
  end if;
  return null;
end
$$;
revoke all on function private.document_reviews_unique_review_no() from public;
drop trigger if exists document_reviews_unique_review_no on public.document_reviews;
drop trigger if exists document_reviews_unique_review_no_update on public.document_reviews;
create trigger document_reviews_unique_review_no after insert on public.document_reviews referencing new table as new_rows
  for each statement execute function private.document_reviews_unique_review_no();
create trigger document_reviews_unique_review_no_update after update on public.document_reviews referencing old table as old_rows new table as new_rows
  for each statement execute function private.document_reviews_unique_review_no();

-- counsel_engagements: 法律顾问聘用 (contractNo)
create or replace function private.counsel_engagements_unique_contract_no() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  clash record;
begin
  if tg_op = 'INSERT' then
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.contract_no as key from new_rows n where n.deleted_at is null and n.contract_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('counsel_engagements/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.contract_no as key from new_rows n where n.deleted_at is null and n.contract_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.signed_on, ''YYYY-MM-DD'') as period from keyed k join public.counsel_engagements t on t.contract_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  else
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.contract_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.contract_no is not null and (o.deleted_at is not null or n.contract_no is distinct from o.contract_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('counsel_engagements/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.contract_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.contract_no is not null and (o.deleted_at is not null or n.contract_no is distinct from o.contract_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.signed_on, ''YYYY-MM-DD'') as period from keyed k join public.counsel_engagements t on t.contract_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  end if;
  if clash.key is not null then
    perform private.refuse('23505', format('服务合同编号“%1$s”在本街道已存在（法律顾问聘用，签订日期 %2$s）', clash.key, coalesce(clash.period, '未填')), 'counsel_engagements', 'contract_no', 'counsel_engagements_contract_no_unique');
  end if;
  return null;
end
$$;
revoke all on function private.counsel_engagements_unique_contract_no() from public;
drop trigger if exists counsel_engagements_unique_contract_no on public.counsel_engagements;
drop trigger if exists counsel_engagements_unique_contract_no_update on public.counsel_engagements;
create trigger counsel_engagements_unique_contract_no after insert on public.counsel_engagements referencing new table as new_rows
  for each statement execute function private.counsel_engagements_unique_contract_no();
create trigger counsel_engagements_unique_contract_no_update after update on public.counsel_engagements referencing old table as old_rows new table as new_rows
  for each statement execute function private.counsel_engagements_unique_contract_no();

-- admin_disputes: 行政争议案件 (caseNo)
create or replace function private.admin_disputes_unique_case_no() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  clash record;
begin
  if tg_op = 'INSERT' then
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.case_no as key from new_rows n where n.deleted_at is null and n.case_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('admin_disputes/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.case_no as key from new_rows n where n.deleted_at is null and n.case_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.filed_on, ''YYYY-MM-DD'') as period from keyed k join public.admin_disputes t on t.case_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  else
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.case_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.case_no is not null and (o.deleted_at is not null or n.case_no is distinct from o.case_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('admin_disputes/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.case_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.case_no is not null and (o.deleted_at is not null or n.case_no is distinct from o.case_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.filed_on, ''YYYY-MM-DD'') as period from keyed k join public.admin_disputes t on t.case_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  end if;
  if clash.key is not null then
    perform private.refuse('23505', format('案号“%1$s”在本街道已存在（行政争议案件，立案/受理日期 %2$s）', clash.key, coalesce(clash.period, '未填')), 'admin_disputes', 'case_no', 'admin_disputes_case_no_unique');
  end if;
  return null;
end
$$;
revoke all on function private.admin_disputes_unique_case_no() from public;
drop trigger if exists admin_disputes_unique_case_no on public.admin_disputes;
drop trigger if exists admin_disputes_unique_case_no_update on public.admin_disputes;
create trigger admin_disputes_unique_case_no after insert on public.admin_disputes referencing new table as new_rows
  for each statement execute function private.admin_disputes_unique_case_no();
create trigger admin_disputes_unique_case_no_update after update on public.admin_disputes referencing old table as old_rows new table as new_rows
  for each statement execute function private.admin_disputes_unique_case_no();

-- enforcement_actions: 行政执法行为 (actionNo)
create or replace function private.enforcement_actions_unique_action_no() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  clash record;
begin
  if tg_op = 'INSERT' then
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.action_no as key from new_rows n where n.deleted_at is null and n.action_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('enforcement_actions/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.action_no as key from new_rows n where n.deleted_at is null and n.action_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.acted_on, ''YYYY-MM-DD'') as period from keyed k join public.enforcement_actions t on t.action_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  else
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.action_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.action_no is not null and (o.deleted_at is not null or n.action_no is distinct from o.action_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('enforcement_actions/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.action_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.action_no is not null and (o.deleted_at is not null or n.action_no is distinct from o.action_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.acted_on, ''YYYY-MM-DD'') as period from keyed k join public.enforcement_actions t on t.action_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  end if;
  if clash.key is not null then
    perform private.refuse('23505', format('执法编号“%1$s”在本街道已存在（行政执法行为，执法日期 %2$s）', clash.key, coalesce(clash.period, '未填')), 'enforcement_actions', 'action_no', 'enforcement_actions_action_no_unique');
  end if;
  return null;
end
$$;
revoke all on function private.enforcement_actions_unique_action_no() from public;
drop trigger if exists enforcement_actions_unique_action_no on public.enforcement_actions;
drop trigger if exists enforcement_actions_unique_action_no_update on public.enforcement_actions;
create trigger enforcement_actions_unique_action_no after insert on public.enforcement_actions referencing new table as new_rows
  for each statement execute function private.enforcement_actions_unique_action_no();
create trigger enforcement_actions_unique_action_no_update after update on public.enforcement_actions referencing old table as old_rows new table as new_rows
  for each statement execute function private.enforcement_actions_unique_action_no();

-- enforcement_officers: 行政执法人员 (certificateNo)
create or replace function private.enforcement_officers_unique_certificate_no() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  clash record;
begin
  if tg_op = 'INSERT' then
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.certificate_no as key from new_rows n where n.deleted_at is null and n.certificate_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('enforcement_officers/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.certificate_no as key from new_rows n where n.deleted_at is null and n.certificate_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.since, ''YYYY-MM-DD'') as period from keyed k join public.enforcement_officers t on t.certificate_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  else
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.certificate_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.certificate_no is not null and (o.deleted_at is not null or n.certificate_no is distinct from o.certificate_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('enforcement_officers/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.certificate_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.certificate_no is not null and (o.deleted_at is not null or n.certificate_no is distinct from o.certificate_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.since, ''YYYY-MM-DD'') as period from keyed k join public.enforcement_officers t on t.certificate_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  end if;
  if clash.key is not null then
    perform private.refuse('23505', format('执法证号“%1$s”在本街道已存在（行政执法人员，持证日期 %2$s）', clash.key, coalesce(clash.period, '未填')), 'enforcement_officers', 'certificate_no', 'enforcement_officers_certificate_no_unique');
  end if;
  return null;
end
$$;
revoke all on function private.enforcement_officers_unique_certificate_no() from public;
drop trigger if exists enforcement_officers_unique_certificate_no on public.enforcement_officers;
drop trigger if exists enforcement_officers_unique_certificate_no_update on public.enforcement_officers;
create trigger enforcement_officers_unique_certificate_no after insert on public.enforcement_officers referencing new table as new_rows
  for each statement execute function private.enforcement_officers_unique_certificate_no();
create trigger enforcement_officers_unique_certificate_no_update after update on public.enforcement_officers referencing old table as old_rows new table as new_rows
  for each statement execute function private.enforcement_officers_unique_certificate_no();

-- licences: 行政许可 (licenceNo)
create or replace function private.licences_unique_licence_no() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  clash record;
begin
  if tg_op = 'INSERT' then
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.licence_no as key from new_rows n where n.deleted_at is null and n.licence_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('licences/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.licence_no as key from new_rows n where n.deleted_at is null and n.licence_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.decided_on, ''YYYY-MM-DD'') as period from keyed k join public.licences t on t.licence_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  else
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.licence_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.licence_no is not null and (o.deleted_at is not null or n.licence_no is distinct from o.licence_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('licences/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.licence_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.licence_no is not null and (o.deleted_at is not null or n.licence_no is distinct from o.licence_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.decided_on, ''YYYY-MM-DD'') as period from keyed k join public.licences t on t.licence_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  end if;
  if clash.key is not null then
    perform private.refuse('23505', format('许可编号“%1$s”在本街道已存在（行政许可，决定日期 %2$s）', clash.key, coalesce(clash.period, '未填')), 'licences', 'licence_no', 'licences_licence_no_unique');
  end if;
  return null;
end
$$;
revoke all on function private.licences_unique_licence_no() from public;
drop trigger if exists licences_unique_licence_no on public.licences;
drop trigger if exists licences_unique_licence_no_update on public.licences;
create trigger licences_unique_licence_no after insert on public.licences referencing new table as new_rows
  for each statement execute function private.licences_unique_licence_no();
create trigger licences_unique_licence_no_update after update on public.licences referencing old table as old_rows new table as new_rows
  for each statement execute function private.licences_unique_licence_no();

-- mediation_cases: 人民调解案件 (caseNo)
create or replace function private.mediation_cases_unique_case_no() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  clash record;
begin
  if tg_op = 'INSERT' then
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.case_no as key from new_rows n where n.deleted_at is null and n.case_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('mediation_cases/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.case_no as key from new_rows n where n.deleted_at is null and n.case_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.accepted_on, ''YYYY-MM-DD'') as period from keyed k join public.mediation_cases t on t.case_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  else
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.case_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.case_no is not null and (o.deleted_at is not null or n.case_no is distinct from o.case_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('mediation_cases/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.case_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.case_no is not null and (o.deleted_at is not null or n.case_no is distinct from o.case_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.accepted_on, ''YYYY-MM-DD'') as period from keyed k join public.mediation_cases t on t.case_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  end if;
  if clash.key is not null then
    perform private.refuse('23505', format('案件编号“%1$s”在本街道已存在（人民调解案件，受理日期 %2$s）', clash.key, coalesce(clash.period, '未填')), 'mediation_cases', 'case_no', 'mediation_cases_case_no_unique');
  end if;
  return null;
end
$$;
revoke all on function private.mediation_cases_unique_case_no() from public;
drop trigger if exists mediation_cases_unique_case_no on public.mediation_cases;
drop trigger if exists mediation_cases_unique_case_no_update on public.mediation_cases;
create trigger mediation_cases_unique_case_no after insert on public.mediation_cases referencing new table as new_rows
  for each statement execute function private.mediation_cases_unique_case_no();
create trigger mediation_cases_unique_case_no_update after update on public.mediation_cases referencing old table as old_rows new table as new_rows
  for each statement execute function private.mediation_cases_unique_case_no();

-- legal_aid_applications: 法律援助申请 (applicationNo)
create or replace function private.legal_aid_applications_unique_application_no() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  clash record;
begin
  if tg_op = 'INSERT' then
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.application_no as key from new_rows n where n.deleted_at is null and n.application_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('legal_aid_applications/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.application_no as key from new_rows n where n.deleted_at is null and n.application_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.applied_on, ''YYYY-MM-DD'') as period from keyed k join public.legal_aid_applications t on t.application_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  else
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.application_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.application_no is not null and (o.deleted_at is not null or n.application_no is distinct from o.application_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('legal_aid_applications/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.application_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.application_no is not null and (o.deleted_at is not null or n.application_no is distinct from o.application_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.applied_on, ''YYYY-MM-DD'') as period from keyed k join public.legal_aid_applications t on t.application_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  end if;
  if clash.key is not null then
    perform private.refuse('23505', format('申请编号“%1$s”在本街道已存在（法律援助申请，申请日期 %2$s）', clash.key, coalesce(clash.period, '未填')), 'legal_aid_applications', 'application_no', 'legal_aid_applications_application_no_unique');
  end if;
  return null;
end
$$;
revoke all on function private.legal_aid_applications_unique_application_no() from public;
drop trigger if exists legal_aid_applications_unique_application_no on public.legal_aid_applications;
drop trigger if exists legal_aid_applications_unique_application_no_update on public.legal_aid_applications;
create trigger legal_aid_applications_unique_application_no after insert on public.legal_aid_applications referencing new table as new_rows
  for each statement execute function private.legal_aid_applications_unique_application_no();
create trigger legal_aid_applications_unique_application_no_update after update on public.legal_aid_applications referencing old table as old_rows new table as new_rows
  for each statement execute function private.legal_aid_applications_unique_application_no();

-- service_items: 政务服务事项 (code)
create or replace function private.service_items_unique_code() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  clash record;
begin
  if tg_op = 'INSERT' then
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.code as key from new_rows n where n.deleted_at is null and n.code is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('service_items/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.code as key from new_rows n where n.deleted_at is null and n.code is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.listed_on, ''YYYY-MM-DD'') as period from keyed k join public.service_items t on t.code = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  else
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.code as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.code is not null and (o.deleted_at is not null or n.code is distinct from o.code or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('service_items/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.code as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.code is not null and (o.deleted_at is not null or n.code is distinct from o.code or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.listed_on, ''YYYY-MM-DD'') as period from keyed k join public.service_items t on t.code = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  end if;
  if clash.key is not null then
    perform private.refuse('23505', format('事项编码“%1$s”在本街道已存在（政务服务事项，纳入目录日期 %2$s）', clash.key, coalesce(clash.period, '未填')), 'service_items', 'code', 'service_items_code_unique');
  end if;
  return null;
end
$$;
revoke all on function private.service_items_unique_code() from public;
drop trigger if exists service_items_unique_code on public.service_items;
drop trigger if exists service_items_unique_code_update on public.service_items;
create trigger service_items_unique_code after insert on public.service_items referencing new table as new_rows
  for each statement execute function private.service_items_unique_code();
create trigger service_items_unique_code_update after update on public.service_items referencing old table as old_rows new table as new_rows
  for each statement execute function private.service_items_unique_code();

-- duty_items: 履职事项清单 (code)
create or replace function private.duty_items_unique_code() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  clash record;
begin
  if tg_op = 'INSERT' then
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.code as key from new_rows n where n.deleted_at is null and n.code is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('duty_items/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.code as key from new_rows n where n.deleted_at is null and n.code is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.listed_on, ''YYYY-MM-DD'') as period from keyed k join public.duty_items t on t.code = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  else
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.code as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.code is not null and (o.deleted_at is not null or n.code is distinct from o.code or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('duty_items/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.code as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.code is not null and (o.deleted_at is not null or n.code is distinct from o.code or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.listed_on, ''YYYY-MM-DD'') as period from keyed k join public.duty_items t on t.code = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  end if;
  if clash.key is not null then
    perform private.refuse('23505', format('事项编码“%1$s”在本街道已存在（履职事项清单，列入清单日期 %2$s）', clash.key, coalesce(clash.period, '未填')), 'duty_items', 'code', 'duty_items_code_unique');
  end if;
  return null;
end
$$;
revoke all on function private.duty_items_unique_code() from public;
drop trigger if exists duty_items_unique_code on public.duty_items;
drop trigger if exists duty_items_unique_code_update on public.duty_items;
create trigger duty_items_unique_code after insert on public.duty_items referencing new table as new_rows
  for each statement execute function private.duty_items_unique_code();
create trigger duty_items_unique_code_update after update on public.duty_items referencing old table as old_rows new table as new_rows
  for each statement execute function private.duty_items_unique_code();

-- hotline_tickets: 12345热线工单 (ticketNo)
create or replace function private.hotline_tickets_unique_ticket_no() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  clash record;
begin
  if tg_op = 'INSERT' then
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.ticket_no as key from new_rows n where n.deleted_at is null and n.ticket_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('hotline_tickets/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.ticket_no as key from new_rows n where n.deleted_at is null and n.ticket_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.received_at at time zone ''Asia/Shanghai'', ''YYYY-MM-DD HH24:MI'') as period from keyed k join public.hotline_tickets t on t.ticket_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  else
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.ticket_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.ticket_no is not null and (o.deleted_at is not null or n.ticket_no is distinct from o.ticket_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('hotline_tickets/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.ticket_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.ticket_no is not null and (o.deleted_at is not null or n.ticket_no is distinct from o.ticket_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.received_at at time zone ''Asia/Shanghai'', ''YYYY-MM-DD HH24:MI'') as period from keyed k join public.hotline_tickets t on t.ticket_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  end if;
  if clash.key is not null then
    perform private.refuse('23505', format('工单编号“%1$s”在本街道已存在（12345热线工单，派单时间 %2$s）', clash.key, coalesce(clash.period, '未填')), 'hotline_tickets', 'ticket_no', 'hotline_tickets_ticket_no_unique');
  end if;
  return null;
end
$$;
revoke all on function private.hotline_tickets_unique_ticket_no() from public;
drop trigger if exists hotline_tickets_unique_ticket_no on public.hotline_tickets;
drop trigger if exists hotline_tickets_unique_ticket_no_update on public.hotline_tickets;
create trigger hotline_tickets_unique_ticket_no after insert on public.hotline_tickets referencing new table as new_rows
  for each statement execute function private.hotline_tickets_unique_ticket_no();
create trigger hotline_tickets_unique_ticket_no_update after update on public.hotline_tickets referencing old table as old_rows new table as new_rows
  for each statement execute function private.hotline_tickets_unique_ticket_no();

-- service_cases: 政务服务办件 (caseNo)
create or replace function private.service_cases_unique_case_no() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  clash record;
begin
  if tg_op = 'INSERT' then
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.case_no as key from new_rows n where n.deleted_at is null and n.case_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('service_cases/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.case_no as key from new_rows n where n.deleted_at is null and n.case_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.received_on, ''YYYY-MM-DD'') as period from keyed k join public.service_cases t on t.case_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  else
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.case_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.case_no is not null and (o.deleted_at is not null or n.case_no is distinct from o.case_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('service_cases/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.case_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.case_no is not null and (o.deleted_at is not null or n.case_no is distinct from o.case_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.received_on, ''YYYY-MM-DD'') as period from keyed k join public.service_cases t on t.case_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  end if;
  if clash.key is not null then
    perform private.refuse('23505', format('办件编号“%1$s”在本街道已存在（政务服务办件，受理日期 %2$s）', clash.key, coalesce(clash.period, '未填')), 'service_cases', 'case_no', 'service_cases_case_no_unique');
  end if;
  return null;
end
$$;
revoke all on function private.service_cases_unique_case_no() from public;
drop trigger if exists service_cases_unique_case_no on public.service_cases;
drop trigger if exists service_cases_unique_case_no_update on public.service_cases;
create trigger service_cases_unique_case_no after insert on public.service_cases referencing new table as new_rows
  for each statement execute function private.service_cases_unique_case_no();
create trigger service_cases_unique_case_no_update after update on public.service_cases referencing old table as old_rows new table as new_rows
  for each statement execute function private.service_cases_unique_case_no();

-- disclosure_requests: 依申请公开 (requestNo)
create or replace function private.disclosure_requests_unique_request_no() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  clash record;
begin
  if tg_op = 'INSERT' then
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.request_no as key from new_rows n where n.deleted_at is null and n.request_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('disclosure_requests/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.request_no as key from new_rows n where n.deleted_at is null and n.request_no is not null), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.received_on, ''YYYY-MM-DD'') as period from keyed k join public.disclosure_requests t on t.request_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  else
    perform pg_advisory_xact_lock(l.bucket) from (
      with written as (select n.id, n.org_id, n.request_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.request_no is not null and (o.deleted_at is not null or n.request_no is distinct from o.request_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id)
      select distinct hashtextextended('disclosure_requests/' || k.street::text || '/' || (hashtextextended(k.key::text, 0) & 63)::text, 0) as bucket from keyed k
    ) l order by l.bucket;
    execute 'with written as (select n.id, n.org_id, n.request_no as key from new_rows n join old_rows o on o.id = n.id where n.deleted_at is null and n.request_no is not null and (o.deleted_at is not null or n.request_no is distinct from o.request_no or n.org_id is distinct from o.org_id)), units as materialized (select u.org_id, private.street_of(u.org_id) as street from (select distinct w.org_id from written w) u), keyed as (select w.id, w.key, u.street from written w join units u on u.org_id = w.org_id) , same_key as materialized (select k.key, k.street, t.org_id, to_char(t.received_on, ''YYYY-MM-DD'') as period from keyed k join public.disclosure_requests t on t.request_no = k.key and t.deleted_at is null and t.id <> k.id) select m.key, m.period from same_key m where private.street_of(m.org_id) = m.street order by m.key limit 1' into clash;
  end if;
  if clash.key is not null then
    perform private.refuse('23505', format('申请编号“%1$s”在本街道已存在（依申请公开，收到申请日期 %2$s）', clash.key, coalesce(clash.period, '未填')), 'disclosure_requests', 'request_no', 'disclosure_requests_request_no_unique');
  end if;
  return null;
end
$$;
revoke all on function private.disclosure_requests_unique_request_no() from public;
drop trigger if exists disclosure_requests_unique_request_no on public.disclosure_requests;
drop trigger if exists disclosure_requests_unique_request_no_update on public.disclosure_requests;
create trigger disclosure_requests_unique_request_no after insert on public.disclosure_requests referencing new table as new_rows
  for each statement execute function private.disclosure_requests_unique_request_no();
create trigger disclosure_requests_unique_request_no_update after update on public.disclosure_requests referencing old table as old_rows new table as new_rows
  for each statement execute function private.disclosure_requests_unique_request_no();

-- public.import_records, same signature, arguments and answer as 20261205020700 (the console's
-- import wizard and `fazhi import` call it), now set-based from end to end: the streets of the
-- file's units are looked up once per unit (not per row), the duplicates of the whole file are
-- found in one statement joined to the table by the key's index, and the rows are written by one
-- insert and one update that read the decision of each row from arrays joined by position (no
-- intermediate JSON copy of the file). Everything else is as before: security invoker (RLS, column
-- privileges, value rules, business-key and workflow triggers, the audit trail all apply), all or
-- nothing, and a refused row is named (`第 N 条记录：…`, DETAIL `import_row:N`).
create or replace function public.import_records(p_kind text, p_rows jsonb, p_on_duplicate text default 'stop')
returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  tbl regclass;
  key_col text;
  cols text[];
  bad text;
  insert_cols text;
  insert_values text;
  update_sets text;
  n_rows integer;
  -- One entry per row of p_rows, by position: 'insert', 'update' or 'skip', and the live record an
  -- 'update' row replaces.
  actions text[];
  targets uuid[];
  dup_keys text[] := '{}'::text[];
  n_inserted integer := 0;
  n_updated integer := 0;
  step record;
  err_state text;
  err_message text;
  err_column text;
begin
  if private.area_of_kind(p_kind) is null then
    raise exception using errcode = '22023', message = format('没有记录类型“%s”', p_kind);
  end if;
  if p_on_duplicate is null or p_on_duplicate not in ('skip', 'update', 'stop') then
    raise exception using errcode = '22023', message = format('重复记录的处理方式“%s”无效，应为 skip（跳过）、update（更新）或 stop（停止）', p_on_duplicate);
  end if;
  if jsonb_typeof(p_rows) is distinct from 'array' or exists (select 1 from jsonb_array_elements(p_rows) e where jsonb_typeof(e) <> 'object') then
    raise exception using errcode = '22023', message = '导入的数据应为记录的数组（每条记录是“列名 → 值”的对象）';
  end if;
  n_rows := jsonb_array_length(p_rows);
  if n_rows = 0 then
    return jsonb_build_object('inserted', 0, 'updated', 0, 'skipped', 0, 'duplicates', '[]'::jsonb, 'stopped', false);
  end if;
  tbl := format('public.%I', p_kind)::regclass;

  select array_agg(distinct k order by k) into cols from jsonb_array_elements(p_rows) e, jsonb_object_keys(e) k;
  select string_agg(c, '、') into bad from unnest(cols) c
  where c in ('version', 'created_at', 'created_by', 'updated_at', 'updated_by', 'deleted_at', 'deleted_by')
    or not exists (select 1 from pg_catalog.pg_attribute a where a.attrelid = tbl and a.attname = c and a.attnum > 0 and not a.attisdropped);
  if bad is not null then
    raise exception using errcode = '22023', message = format('导入的数据含有不能填写的列：%s', bad);
  end if;
  if not ('org_id' = any (cols)) or exists (select 1 from jsonb_array_elements(p_rows) e where coalesce(e ->> 'org_id', '') = '') then
    raise exception using errcode = '23502', column = 'org_id', message = '每条导入的记录都要有所属单位';
  end if;

  -- The business key's column, from the kind's uniqueness trigger on insert (`<kind>_unique_<column>`;
  -- its update twin carries a suffix); null: no key.
  select substr(t.tgname, char_length(p_kind) + 9) into key_col
  from pg_catalog.pg_trigger t
  where t.tgrelid = tbl and not t.tgisinternal and starts_with(t.tgname, p_kind || '_unique_') and (t.tgtype & 4) <> 0
  order by t.tgname
  limit 1;

  if key_col is null then
    actions := array_fill('insert'::text, array[n_rows]);
    targets := array_fill(null::uuid, array[n_rows]);
  else
    -- Per row: its street and key, whether it is the first or last of its key in the file, and the
    -- live record of the street (among those the caller can read) that already has the key.
    execute format($q$
      with src as (
        select r.ord, r.v ->> %1$L as key, (r.v ->> 'org_id')::uuid as org_id
        from jsonb_array_elements($1) with ordinality r (v, ord)
      ), units as materialized (
        -- Materialized: one street lookup per unit, never one per row.
        select u.org_id, private.street_of(u.org_id) as street from (select distinct s.org_id from src s) u
      ), keyed as (
        select s.ord, s.key, u.street,
          s.ord = min(s.ord) over w as first, s.ord = max(s.ord) over w as last, count(*) over w as in_file
        from src s join units u on u.org_id = s.org_id
        window w as (partition by u.street, s.key)
      ), same_key as materialized (
        -- Materialized: only the records sharing a key with the file get their street looked up.
        select k.street, k.key, t.id, t.org_id
        from (select distinct x.street, x.key from keyed x where x.key is not null) k
        join public.%2$I t on t.%1$I = k.key and t.deleted_at is null
      ), found as (
        select distinct on (m.street, m.key) m.street, m.key, m.id
        from same_key m where private.street_of(m.org_id) = m.street
        order by m.street, m.key, m.id
      ), decided as (
        select k.ord, k.key, f.id as target, k.key is not null and (k.in_file > 1 or f.id is not null) as duplicate,
          case
            when k.key is null then 'insert'
            when $2 = 'skip' and (not k.first or f.id is not null) then 'skip'
            when $2 = 'update' and not k.last then 'skip'
            when $2 = 'update' and f.id is not null then 'update'
            else 'insert'
          end as action
        from keyed k left join found f on f.street = k.street and f.key = k.key
      )
      select array_agg(d.action order by d.ord), array_agg(d.target order by d.ord),
        coalesce(array_agg(distinct d.key) filter (where d.duplicate), '{}')
      from decided d
    $q$, key_col, p_kind) into actions, targets, dup_keys using p_rows, p_on_duplicate;
  end if;

  if p_on_duplicate = 'stop' and cardinality(dup_keys) > 0 then
    return jsonb_build_object('inserted', 0, 'updated', 0, 'skipped', 0, 'duplicates', to_jsonb(dup_keys), 'stopped', true);
  end if;

  select string_agg(format('%I', c), ', ' order by c), string_agg(case when c = 'id' then 'coalesce(v.id, gen_random_uuid())' else format('v.%I', c) end, ', ' order by c)
  into insert_cols, insert_values from unnest(cols) c;
  select string_agg(format('%I = v.%I', c, c), ', ' order by c) into update_sets from unnest(cols) c where c <> 'id';

  begin
    execute format('insert into public.%I (%s) select %s from jsonb_array_elements($1) with ordinality x (r, ord) join unnest($2) with ordinality a (action, ord) on a.ord = x.ord cross join lateral jsonb_populate_record(null::public.%I, x.r) v where a.action = ''insert'' order by x.ord',
      p_kind, insert_cols, insert_values, p_kind) using p_rows, actions;
    get diagnostics n_inserted = row_count;
    if 'update' = any (actions) then
      execute format('update public.%I t set %s from jsonb_array_elements($1) with ordinality x (r, ord) join unnest($2, $3) with ordinality a (action, target, ord) on a.ord = x.ord cross join lateral jsonb_populate_record(null::public.%I, x.r) v where a.action = ''update'' and t.id = a.target',
        p_kind, update_sets, p_kind) using p_rows, actions, targets;
      get diagnostics n_updated = row_count;
    end if;
  exception when others then
    -- Lack of resources (class 53), limits and cancellation are no row's fault: raised as they are,
    -- never pinned on whichever row the one-by-one search stops at.
    get stacked diagnostics err_state = returned_sqlstate;
    if left(err_state, 2) in ('53', '54', '57') then
      raise;
    end if;
    -- The statement's work is undone; find the row at fault by writing them one at a time, and
    -- raise its refusal naming it (that undoes these single writes too).
    for step in select a.ord::integer as ord, a.action, a.target from unnest(actions, targets) with ordinality a (action, target, ord) where a.action <> 'skip' order by a.ord loop
      begin
        if step.action = 'insert' then
          execute format('insert into public.%I (%s) select %s from jsonb_populate_record(null::public.%I, $1) v', p_kind, insert_cols, insert_values, p_kind) using p_rows -> (step.ord - 1);
        else
          execute format('update public.%I t set %s from jsonb_populate_record(null::public.%I, $1) v where t.id = $2', p_kind, update_sets, p_kind) using p_rows -> (step.ord - 1), step.target;
        end if;
      exception when others then
        get stacked diagnostics err_state = returned_sqlstate, err_message = message_text, err_column = column_name;
        raise exception using errcode = err_state, message = format('第 %s 条记录：%s', step.ord, err_message), detail = format('import_row:%s', step.ord), column = coalesce(err_column, '');
      end;
    end loop;
    raise;
  end;
  return jsonb_build_object('inserted', n_inserted, 'updated', n_updated, 'skipped', n_rows - n_inserted - n_updated, 'duplicates', to_jsonb(dup_keys), 'stopped', false);
end
$$;
