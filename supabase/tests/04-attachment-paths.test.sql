-- Attachment paths are `<org>/<kind>/<record>/<slot>/<uuid>[.<ext>]`
-- (20261128000400_attachment_slots.sql): the storage policies' path helper and the metadata
-- table's checks agree on that shape, and the file's own name lives only in file_name.
begin;
create extension if not exists pgtap;

select plan(22);

select has_column('public', 'attachments', 'slot', 'public.attachments has a slot');
select col_not_null('public', 'attachments', 'slot', 'every attachment has a slot');
select col_hasnt_default('public', 'attachments', 'slot', 'the slot has no default (it was only for existing rows)');
select col_has_check('public', 'attachments', 'slot', 'the slot is checked (kebab-case)');
select column_privs_are('public', 'attachments', 'slot', 'authenticated', array['INSERT', 'SELECT'],
  'authenticated may set the slot when adding a file, never change it');
select col_has_check('public', 'attachments', 'object_path', 'the object path is checked against the row');

select has_index('public', 'attachments', 'attachments_live_file_name_key',
  array['kind_id', 'record_id', 'slot', 'file_name'], 'a slot lists each file name once');
select index_is_unique('public', 'attachments', 'attachments_live_file_name_key', 'the file-name index is unique');
select is(
  (select pg_get_expr(i.indpred, i.indrelid) from pg_index i where i.indexrelid = 'public.attachments_live_file_name_key'::regclass),
  '(deleted_at IS NULL)',
  'only listed (not removed) files hold their name'
);

select is(
  private.attachment_path_org('00000000-0000-4000-8000-0000000000a1/mediation_cases/00000000-0000-4000-8000-0000000000c1/agreement/5e1f3a2b-9c4d-4e6f-8a7b-0c1d2e3f4a5b.pdf'),
  '00000000-0000-4000-8000-0000000000a1'::uuid,
  'a five-segment path with a generated key names its org'
);
select is(
  private.attachment_path_org('00000000-0000-4000-8000-0000000000a1/mediation_cases/00000000-0000-4000-8000-0000000000c1/site-photos/5e1f3a2b-9c4d-4e6f-8a7b-0c1d2e3f4a5b'),
  '00000000-0000-4000-8000-0000000000a1'::uuid,
  'a kebab-case slot and a key without extension are accepted'
);
select is(
  private.attachment_path_org('00000000-0000-4000-8000-0000000000a1/mediation_cases/00000000-0000-4000-8000-0000000000c1/agreement/调解协议书.pdf'),
  null::uuid,
  'a file name as key (Chinese, refused by hosted Storage) names no org'
);
select is(
  private.attachment_path_org('00000000-0000-4000-8000-0000000000a1/mediation_cases/00000000-0000-4000-8000-0000000000c1/agreement/5e1f3a2b-9c4d-4e6f-8a7b-0c1d2e3f4a5b.PDF'),
  null::uuid,
  'an upper-case extension names no org (keys are lower-case)'
);
select is(
  private.attachment_path_org('00000000-0000-4000-8000-0000000000a1/mediation_cases/00000000-0000-4000-8000-0000000000c1/agreement/5e1f3a2b-9c4d-4e6f-8a7b-0c1d2e3f4a5b.abcdefghijk'),
  null::uuid,
  'an extension longer than 10 characters names no org'
);
select is(
  private.attachment_path_org('00000000-0000-4000-8000-0000000000a1/mediation_cases/00000000-0000-4000-8000-0000000000c1/5e1f3a2b-9c4d-4e6f-8a7b-0c1d2e3f4a5b.pdf'),
  null::uuid,
  'the old four-segment path (no slot) names no org'
);
select is(
  private.attachment_path_org('00000000-0000-4000-8000-0000000000a1/mediation_cases/00000000-0000-4000-8000-0000000000c1/Agreement/5e1f3a2b-9c4d-4e6f-8a7b-0c1d2e3f4a5b.pdf'),
  null::uuid,
  'a slot that is not kebab-case names no org'
);
select is(
  private.attachment_path_org('00000000-0000-4000-8000-0000000000a1/mediation_cases/00000000-0000-4000-8000-0000000000c1/agreement/sub/5e1f3a2b-9c4d-4e6f-8a7b-0c1d2e3f4a5b.pdf'),
  null::uuid,
  'a sub-folder below the slot names no org'
);
select is(
  private.attachment_path_org('00000000-0000-4000-8000-0000000000a1/mediation_cases/00000000-0000-4000-8000-0000000000c1/agreement/'),
  null::uuid,
  'a path without a key names no org'
);

-- The table's own checks and index, without a seeded record: replica mode skips triggers (the
-- record check, stamps, audit) and foreign keys, never check constraints or unique indexes.
set local session_replication_role = replica;
select throws_ok(
  $$insert into public.attachments (org_id, kind_id, record_id, slot, object_path, file_name, size_bytes, mime_type)
    values ('00000000-0000-4000-8000-0000000000a1', 'mediation_cases', '00000000-0000-4000-8000-0000000000c1', 'agreement',
      '00000000-0000-4000-8000-0000000000a1/mediation_cases/00000000-0000-4000-8000-0000000000c1/agreement/调解协议书.pdf',
      '调解协议书.pdf', 1, 'application/pdf')$$,
  '23514', null, 'an object path ending in the file name is refused'
);
select lives_ok(
  $$insert into public.attachments (org_id, kind_id, record_id, slot, object_path, file_name, size_bytes, mime_type)
    values ('00000000-0000-4000-8000-0000000000a1', 'mediation_cases', '00000000-0000-4000-8000-0000000000c1', 'agreement',
      '00000000-0000-4000-8000-0000000000a1/mediation_cases/00000000-0000-4000-8000-0000000000c1/agreement/5e1f3a2b-9c4d-4e6f-8a7b-0c1d2e3f4a5b.pdf',
      '调解协议书.pdf', 1, 'application/pdf')$$,
  'a generated key with a Chinese file name is accepted'
);
select throws_ok(
  $$insert into public.attachments (org_id, kind_id, record_id, slot, object_path, file_name, size_bytes, mime_type)
    values ('00000000-0000-4000-8000-0000000000a1', 'mediation_cases', '00000000-0000-4000-8000-0000000000c1', 'agreement',
      '00000000-0000-4000-8000-0000000000a1/mediation_cases/00000000-0000-4000-8000-0000000000c1/agreement/6e1f3a2b-9c4d-4e6f-8a7b-0c1d2e3f4a5b.pdf',
      '调解协议书.pdf', 1, 'application/pdf')$$,
  '23505', null, 'a second listed file of the same name in the slot is refused'
);
select lives_ok(
  $$insert into public.attachments (org_id, kind_id, record_id, slot, object_path, file_name, size_bytes, mime_type, deleted_at)
    values ('00000000-0000-4000-8000-0000000000a1', 'mediation_cases', '00000000-0000-4000-8000-0000000000c1', 'agreement',
      '00000000-0000-4000-8000-0000000000a1/mediation_cases/00000000-0000-4000-8000-0000000000c1/agreement/7e1f3a2b-9c4d-4e6f-8a7b-0c1d2e3f4a5b.pdf',
      '调解协议书.pdf', 1, 'application/pdf', now())$$,
  'a removed (or not yet shown) file of the same name is not'
);
reset session_replication_role;

select * from finish();
rollback;
