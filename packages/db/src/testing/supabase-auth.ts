import type { SqlExecutor } from '../client.js';

/**
 * What real Supabase has and our shim (packages/db/sql/supabase-shim.sql) may not: GoTrue's token
 * columns on auth.users, auth.identities, and pgcrypto in the `extensions` schema. Added so that
 * supabase/seed.sql, written for Supabase, can be tested on plain PostgreSQL and PGlite. Every
 * statement is idempotent, so this stays correct once the shim grows these.
 */
export async function emulateSupabaseAuth(db: SqlExecutor): Promise<void> {
  await db.exec(`
    create schema if not exists extensions;
    create extension if not exists pgcrypto with schema extensions;
    alter table auth.users
      add column if not exists confirmation_token varchar(255),
      add column if not exists recovery_token varchar(255),
      add column if not exists email_change_token_new varchar(255),
      add column if not exists email_change varchar(255);
    create table if not exists auth.identities (
      provider_id text not null,
      user_id uuid not null references auth.users (id) on delete cascade,
      identity_data jsonb not null,
      provider text not null,
      last_sign_in_at timestamptz,
      created_at timestamptz,
      updated_at timestamptz,
      email text generated always as (lower(identity_data ->> 'email')) stored,
      id uuid primary key default gen_random_uuid(),
      constraint identities_provider_id_provider_unique unique (provider_id, provider)
    );
  `);
}
