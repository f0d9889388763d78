-- Attachments: files (scans, photos, 佐证材料) belonging to one record, kept in the private bucket
-- `attachments` under `<org_id>/<kind_id>/<record_id>/<file name>`, and described by one row of
-- public.attachments. Access follows the record's org and the work area of its kind, exactly as
-- for the record itself. Hand-written; see docs/database.md.

insert into storage.buckets (id, name, public, file_size_limit)
values ('attachments', 'attachments', false, 52428800)
on conflict (id) do update set public = false, file_size_limit = excluded.file_size_limit;

-- The org and area an object path belongs to, or null when the path is not
-- `<org uuid>/<known kind>/<record uuid>/<file name>`: malformed paths match no policy.
create function private.attachment_path_org(path text) returns uuid
language sql immutable set search_path = ''
as $$
  select case
    when path ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[a-z][a-z0-9_]*/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[^/]+$'
    then split_part(path, '/', 1)::uuid
  end
$$;

-- Whether the current user has `p_right` ('read' or 'write') on the record folder of `path`.
create function private.can_use_attachment_path(path text, p_right text) returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce((
    select private.has_right(private.attachment_path_org(path), p_right, k.area)
    from private.record_kinds k
    where k.kind_id = split_part(path, '/', 2)
  ), false)
$$;

revoke all on function private.attachment_path_org(text), private.can_use_attachment_path(text, text) from public;
grant execute on function private.attachment_path_org(text), private.can_use_attachment_path(text, text)
  to authenticated, service_role;

-- Objects are written once: no update or delete policy, so an app role can neither overwrite nor
-- remove a file (other buckets' policies are theirs). Removing an attachment is soft, on
-- public.attachments; service_role may purge files.
create policy "Members can read attachment files of their orgs" on storage.objects
  for select to authenticated
  using (bucket_id = 'attachments' and private.can_use_attachment_path(name, 'read'));
create policy "Writers can upload attachment files to their orgs" on storage.objects
  for insert to authenticated
  with check (bucket_id = 'attachments' and private.can_use_attachment_path(name, 'write'));

-- public.attachments --------------------------------------------------------------------------
-- Uploaded by/at are created_by/created_at, stamped like any record's.
create table public.attachments (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.org_units (id),
  kind_id text not null references private.record_kinds (kind_id),
  record_id uuid not null,
  object_path text not null unique,
  file_name text not null,
  size_bytes bigint not null,
  mime_type text not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  constraint attachments_file_name_not_blank check (file_name ~ '\S'),
  constraint attachments_file_name_max_length check (char_length(file_name) <= 255),
  constraint attachments_file_name_no_slash check (position('/' in file_name) = 0),
  constraint attachments_size_bytes_min check (size_bytes >= 0),
  constraint attachments_mime_type_max_length check (char_length(mime_type) <= 255),
  constraint attachments_object_path_matches check (object_path = org_id::text || '/' || kind_id || '/' || record_id::text || '/' || file_name)
);
comment on table public.attachments is '附件';
create index attachments_record_idx on public.attachments (kind_id, record_id);
create index attachments_org_id_idx on public.attachments (org_id);

-- The record must exist and belong to the attachment's org, whichever kind it is.
create function private.check_attachment() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  record_org uuid;
begin
  if exists (select 1 from private.record_kinds k where k.kind_id = new.kind_id) then
    execute format('select org_id from public.%I where id = $1', new.kind_id) into record_org using new.record_id;
  end if;
  if record_org is null or record_org <> new.org_id then
    raise exception using errcode = '23503', message = '附件所属的记录不存在或不属于该机构';
  end if;
  return new;
end
$$;
revoke all on function private.check_attachment() from public;

create trigger attachments_check before insert or update on public.attachments
  for each row execute function private.check_attachment();
create trigger attachments_stamp_insert before insert on public.attachments
  for each row execute function private.stamp_insert();
create trigger attachments_stamp_update before update on public.attachments
  for each row execute function private.stamp_update();
create trigger attachments_audit after insert or update or delete on public.attachments
  for each row execute function private.audit('org_id');

revoke all on public.attachments from anon, authenticated;
grant select, delete on public.attachments to authenticated;
grant insert (id, org_id, kind_id, record_id, object_path, file_name, size_bytes, mime_type, deleted_at)
  on public.attachments to authenticated;
-- Only removal and restore (deleted_at) and the version check; the file itself never changes.
grant update (version, deleted_at) on public.attachments to authenticated;

alter table public.attachments enable row level security;
create policy "Members can read attachments of their orgs" on public.attachments
  for select to authenticated
  using (private.has_right(org_id, 'read', private.area_of_kind(kind_id)));
create policy "Writers can add attachments to their orgs" on public.attachments
  for insert to authenticated
  with check (private.has_right(org_id, 'write', private.area_of_kind(kind_id)));
create policy "Writers can change attachments of their orgs" on public.attachments
  for update to authenticated
  using (private.has_right(org_id, 'write', private.area_of_kind(kind_id)))
  with check (private.has_right(org_id, 'write', private.area_of_kind(kind_id)));
create policy "Nobody hard-deletes attachments" on public.attachments
  for delete to authenticated
  using (false);
