-- Supabase shim: the parts of a Supabase database that fazhi's migrations rely on, for plain
-- PostgreSQL 15 and PGlite where Supabase is absent. Idempotent: running it twice changes nothing.
-- Definitions follow supabase/auth (auth.uid/role/email/jwt), supabase/storage (storage schema,
-- foldername/filename/extension) and supabase/postgres (roles and default privileges).
-- Never apply it to a real Supabase project: there these objects already exist and are owned by
-- Supabase's own roles.

-- Roles ---------------------------------------------------------------------------------------
do $$
begin
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
end
$$;

-- Supabase's public schema: usable by every API role; what is created in it later is granted to
-- them by default, so each migration must revoke what a role should not have (ours do).
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;

-- extensions: where Supabase installs extensions (pgcrypto …), usable by every API role, so
-- functions and sign-in checks can call extensions.crypt() as any of them.
create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated, service_role;

-- auth ----------------------------------------------------------------------------------------
create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

-- The columns of GoTrue's auth.users that fazhi reads or seeds; the rest of GoTrue is not needed.
create table if not exists auth.users (
  instance_id uuid,
  id uuid primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  phone text unique default null,
  phone_confirmed_at timestamptz,
  banned_until timestamptz,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);
create unique index if not exists users_email_partial_key on auth.users (email) where email is not null;
-- As on Supabase: the API roles cannot read auth.users; profiles expose what the app shows.
revoke all on auth.users from anon, authenticated;

-- The JWT claims of the current request, as PostgREST sets them (`request.jwt.claims`, one JSON
-- text), with the older per-claim settings (`request.jwt.claim.sub` …) as a fallback.
create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

create or replace function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

grant execute on function auth.jwt(), auth.uid(), auth.role(), auth.email() to anon, authenticated, service_role;

-- storage -------------------------------------------------------------------------------------
create schema if not exists storage;
grant usage on schema storage to anon, authenticated, service_role;

create table if not exists storage.buckets (
  id text primary key,
  name text not null,
  owner uuid,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  public boolean default false,
  avif_autodetection boolean default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  owner_id text
);
create unique index if not exists bname on storage.buckets (name);

create table if not exists storage.objects (
  id uuid primary key default gen_random_uuid(),
  bucket_id text references storage.buckets (id),
  name text,
  owner uuid,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now(),
  metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  version text,
  owner_id text,
  user_metadata jsonb
);
create unique index if not exists bucketid_objname on storage.objects (bucket_id, name);
create index if not exists name_prefix_search on storage.objects (name text_pattern_ops);

alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;

-- Storage's own grants: the API roles hold table privileges and RLS policies decide.
grant all on storage.buckets, storage.objects to anon, authenticated, service_role;

-- The file bytes, which Supabase keeps outside the database (S3) and we keep here, one row per
-- object; not a Supabase table. Who may read or add bytes is who may see the object: the
-- subqueries on storage.objects are themselves under its policies. Adding bytes also takes the
-- uploader (owner), so a reader cannot fill in the bytes of an object stored without any. No
-- update or delete policy: like objects, bytes are written once; deleting the object deletes them.
create table if not exists storage.object_data (
  object_id uuid primary key references storage.objects (id) on delete cascade,
  data bytea not null
);
alter table storage.object_data enable row level security;
do $$
begin
  if not exists (select 1 from pg_catalog.pg_policies where schemaname = 'storage' and tablename = 'object_data') then
    create policy "Users can read the bytes of objects they can see" on storage.object_data
      for select to authenticated
      using (exists (select 1 from storage.objects o where o.id = object_id));
    create policy "Uploaders can add the bytes of their objects" on storage.object_data
      for insert to authenticated
      with check (exists (select 1 from storage.objects o where o.id = object_id and o.owner = (select auth.uid())));
  end if;
end
$$;
grant select, insert on storage.object_data to authenticated;
grant all on storage.object_data to service_role;

-- 'org/kind/record/file.pdf' → {org,kind,record}
create or replace function storage.foldername(name text) returns text[]
language plpgsql immutable
as $$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[1:array_length(_parts, 1) - 1];
end
$$;

-- 'org/kind/record/file.pdf' → 'file.pdf'
create or replace function storage.filename(name text) returns text
language plpgsql immutable
as $$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[array_length(_parts, 1)];
end
$$;

-- 'org/kind/record/file.pdf' → 'pdf'
create or replace function storage.extension(name text) returns text
language plpgsql immutable
as $$
declare
  _parts text[];
  _filename text;
begin
  select string_to_array(name, '/') into _parts;
  select _parts[array_length(_parts, 1)] into _filename;
  return reverse(split_part(reverse(_filename), '.', 1));
end
$$;

grant execute on function storage.foldername(text), storage.filename(text), storage.extension(text)
  to anon, authenticated, service_role;
