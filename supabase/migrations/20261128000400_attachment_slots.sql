-- Attachment slots: every file of a record belongs to one attachment slot of its kind (the ids
-- plugins declare: `agreement`, `site-photos` …), and is stored under
-- `<org_id>/<kind_id>/<record_id>/<slot>/<key>`, the path @fazhi/domain's attachmentPath builds.
-- The key is a generated `<uuid>[.<ext>]`, not the file name: hosted Supabase Storage accepts only
-- S3-safe keys (supabase/storage#133) and clerks' files are named in Chinese, so the name lives in
-- public.attachments.file_name only. Replaces the four-segment `<file name>` paths of
-- 20261128000200_storage.sql. Hand-written; see docs/database.md.

-- The default only fills the column for rows already there, and there should be none: their
-- four-segment paths fail the new path check below, which stops this migration rather than leave
-- rows whose files cannot be found (a file cannot be moved in SQL, only through Storage).
alter table public.attachments add column slot text not null default 'file';
alter table public.attachments alter column slot drop default;
alter table public.attachments
  add constraint attachments_slot_format check (slot ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$');
alter table public.attachments drop constraint attachments_object_path_matches;
alter table public.attachments
  add constraint attachments_object_path_matches
  check (object_path = org_id::text || '/' || kind_id || '/' || record_id::text || '/' || slot || '/' || split_part(object_path, '/', 5));
-- @fazhi/domain's attachmentKeyPattern.
alter table public.attachments
  add constraint attachments_object_key_format
  check (split_part(object_path, '/', 5) ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\.[a-z0-9]{1,10})?$');
-- Lists ask for one record's files, or one slot's.
drop index public.attachments_record_idx;
create index attachments_record_idx on public.attachments (kind_id, record_id, slot);
-- One listed file per name in a slot, so a list never shows two 调解协议书.pdf; removed files
-- (deleted_at set) free their name, so a corrected file can replace a removed one.
create unique index attachments_live_file_name_key on public.attachments (kind_id, record_id, slot, file_name)
  where deleted_at is null;

-- Column privileges do not extend to new columns.
grant insert (slot) on public.attachments to authenticated;

-- The org of an object path, or null when the path is not
-- `<org uuid>/<known kind>/<record uuid>/<slot>/<uuid>[.<ext>]`: malformed paths match no policy.
-- Replaced in place, so private.can_use_attachment_path and the storage policies keep using it.
create or replace function private.attachment_path_org(path text) returns uuid
language sql immutable set search_path = ''
as $$
  select case
    when path ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[a-z][a-z0-9_]*/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[a-z][a-z0-9]*(-[a-z0-9]+)*/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\.[a-z0-9]{1,10})?$'
    then split_part(path, '/', 1)::uuid
  end
$$;
