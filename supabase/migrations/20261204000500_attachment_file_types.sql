-- Attachment file types: an attachment is a PDF, an image (JPG, PNG, GIF, WebP), a Word or Excel
-- document (DOC, DOCX, XLS, XLSX), an OFD or a text file, and its stored type matches its
-- extension. The stores check the content (magic numbers) before anything is written
-- (@fazhi/db's attachments/file-type.ts, whose list a test keeps equal to this table); the
-- database checks the name and type again, so a client that skips the stores cannot store an
-- `.exe` or label one `application/pdf`. Hand-written; see docs/database.md.

create table private.attachment_file_types (
  extension text primary key check (extension ~ '^[a-z0-9]{1,10}$'),
  mime_type text not null,
  label text not null
);
comment on table private.attachment_file_types is '附件允许的文件类型（扩展名与类型）';

insert into private.attachment_file_types (extension, mime_type, label) values
  ('pdf', 'application/pdf', 'PDF 文件'),
  ('jpg', 'image/jpeg', 'JPEG 图片'),
  ('jpeg', 'image/jpeg', 'JPEG 图片'),
  ('png', 'image/png', 'PNG 图片'),
  ('gif', 'image/gif', 'GIF 图片'),
  ('webp', 'image/webp', 'WebP 图片'),
  ('docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word 文档（DOCX）'),
  ('xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel 表格（XLSX）'),
  ('doc', 'application/msword', 'Word 文档（DOC）'),
  ('xls', 'application/vnd.ms-excel', 'Excel 表格（XLS）'),
  ('ofd', 'application/ofd', 'OFD 文件'),
  ('txt', 'text/plain', '文本文件');

-- Supabase Storage refuses an upload whose content type the bucket does not allow (HTTP 415).
update storage.buckets
set allowed_mime_types = (select array_agg(distinct t.mime_type order by t.mime_type) from private.attachment_file_types t)
where id = 'attachments';

-- The lower-case extension of a file or object name (after the last dot, not a leading one).
create function private.file_extension(name text) returns text
language sql immutable set search_path = ''
as $$ select case when name ~ '.\.[^./]+$' then lower(substring(name from '\.([^./]+)$')) end $$;

-- Whether an object key's extension is an allowed one (storage policy below).
create function private.attachment_key_type_allowed(path text) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from private.attachment_file_types t where t.extension = private.file_extension(path))
$$;

revoke all on function private.file_extension(text), private.attachment_key_type_allowed(text) from public;
grant execute on function private.file_extension(text), private.attachment_key_type_allowed(text)
  to authenticated, service_role;

-- The upload policy of 20261128000200_storage.sql, with the key's extension checked too.
drop policy "Writers can upload attachment files to their orgs" on storage.objects;
create policy "Writers can upload attachment files to their orgs" on storage.objects
  for insert to authenticated
  with check (
    bucket_id = 'attachments'
    and private.can_use_attachment_path(name, 'write')
    and private.attachment_key_type_allowed(name)
  );

-- New attachment rows: the name's extension is allowed and the type is the one it stands for.
-- On insert only, so removing or restoring a file stored before this migration still works.
create function private.check_attachment_file_type() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  ext text := private.file_extension(new.file_name);
  expected text;
begin
  select t.mime_type into expected from private.attachment_file_types t where t.extension = ext;
  if expected is null then
    raise exception using errcode = '23514',
      message = format('不支持上传文件“%s”：仅限 PDF、图片（JPG、PNG、GIF、WebP）、Word（DOC、DOCX）、Excel（XLS、XLSX）、OFD、文本（TXT）文件', new.file_name);
  end if;
  if new.mime_type is distinct from expected then
    raise exception using errcode = '23514',
      message = format('文件“%s”的类型“%s”与扩展名不符（应为 %s）', new.file_name, new.mime_type, expected);
  end if;
  return new;
end
$$;
revoke all on function private.check_attachment_file_type() from public;

create trigger attachments_check_file_type before insert on public.attachments
  for each row execute function private.check_attachment_file_type();
