-- The personal columns of every kind as a list the model generator writes, for the 操作日志's
-- masking. Hand-written; see docs/database.md ("Record history"). 20261205020800_record_history.sql
-- found a kind's personal columns by pattern-matching its view's definition: a view written
-- another way, or a deparser that prints it differently, would have shown personal values in the
-- history unmasked. Now every generated model migration (`fazhi db generate`, migrateModel) writes
-- the rows of each kind it adds or changes (packages/db/src/generate/personal-columns.ts), and
-- private.personal_columns reads them.

create table private.kind_personal_columns (
  kind_id text not null references private.record_kinds (kind_id) on delete cascade,
  column_name text not null,
  primary key (kind_id, column_name)
);
comment on table private.kind_personal_columns is '各记录类型的个人信息字段（列名），由模型迁移生成；操作日志据此遮蔽';
revoke all on private.kind_personal_columns from public, anon, authenticated, service_role;

-- The kinds the schema has now: the fields marked `personal` in the model snapshot the last
-- generated migration recorded (private.model_snapshot), each field key as its column
-- (`partyNames` → `party_names`, as columnName of @fazhi/domain). A test checks the list against
-- the model after every migration. Without the snapshot table (a schema built from the released
-- generated files alone, as one test builds it) there is no recorded model to read.
do $$
begin
  if pg_catalog.to_regclass('private.model_snapshot') is null then
    return;
  end if;
  insert into private.kind_personal_columns (kind_id, column_name)
  select k ->> 'id', lower(regexp_replace(f ->> 'key', '([A-Z])', '_\1', 'g'))
  from private.model_snapshot s,
    jsonb_array_elements(s.snapshot -> 'kinds') k,
    jsonb_array_elements(k -> 'fields') f
  where (f ->> 'personal')::boolean
    and exists (select 1 from private.record_kinds r where r.kind_id = k ->> 'id');
end
$$;

-- Same signature as before, so private.record_history keeps calling it unchanged.
create or replace function private.personal_columns(p_kind text) returns text[]
language sql stable security definer set search_path = ''
as $$
  select coalesce(array_agg(c.column_name order by c.column_name), '{}')
  from private.kind_personal_columns c
  where c.kind_id = p_kind
$$;
revoke all on function private.personal_columns(text) from public;
