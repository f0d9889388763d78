import { isStreetLevel, type OrgTree } from '@fazhi/domain';
import type { Database, SqlExecutor } from './client.js';
import { uuidFor } from './record-rows.js';

export { demoAccounts, demoPassword, type DemoAccount, type DemoMembership, type DemoRole } from './demo-accounts.js';
import { demoAccounts, demoPassword } from './demo-accounts.js';

export interface DemoOrgs {
  districtId: string;
  streetId: string;
}

/**
 * The district and street (or town) the demo accounts attach to: the root's street or town (the
 * root itself when it is one, else its first) and the district above it. Ids are the stored uuids.
 */
export function demoOrgsOf(orgs: OrgTree, rootOrgId: string): DemoOrgs {
  const root = orgs.get(rootOrgId);
  const street = isStreetLevel(root.kind) ? root : [...orgs.subtreeIds(root.id)].map((id) => orgs.get(id)).find((u) => isStreetLevel(u.kind));
  const district = street ? orgs.nearest(street.id, 'district') : undefined;
  if (!street || !district) throw new Error(`机构“${orgs.displayName(rootOrgId)}”之下（或之上）找不到街道及其所属的区，无法设置演示账号`);
  return { districtId: uuidFor(district.id), streetId: uuidFor(street.id) };
}

/** The seeded street and its district, when the database holds exactly one street under a district. */
async function demoOrgsIn(tx: SqlExecutor): Promise<DemoOrgs> {
  const r = await tx.query<{ street: string; district: string }>(
    `select s.id as street, d.id as district from public.org_units s join public.org_units d on d.id = s.parent_id
     where s.kind in ('street', 'town') and d.kind = 'district' limit 2`,
  );
  if (r.rows.length !== 1) {
    throw new Error(`数据库中有 ${r.rows.length === 0 ? '0' : '多'} 个隶属于区的街道，无法确定演示账号所属的街道，请指明 districtId 与 streetId`);
  }
  return { districtId: r.rows[0]!.district, streetId: r.rows[0]!.street };
}

/** Columns of a table, empty when it does not exist: GoTrue's tables differ between versions. */
async function columnsOf(tx: SqlExecutor, schema: string, table: string): Promise<Set<string>> {
  const r = await tx.query<{ column_name: string }>(`select column_name from information_schema.columns where table_schema = $1 and table_name = $2`, [schema, table]);
  return new Set(r.rows.map((c) => c.column_name));
}

/** The schema pgcrypto lives in (`extensions` on Supabase), as an identifier; installed there when missing. */
async function pgcryptoSchema(tx: SqlExecutor): Promise<string> {
  const found = await tx.query<{ schema: string }>(`select extnamespace::regnamespace::text as schema from pg_catalog.pg_extension where extname = 'pgcrypto'`);
  if (found.rows[0]) return found.rows[0].schema;
  await tx.exec('create schema if not exists extensions; create extension if not exists pgcrypto with schema extensions;');
  return 'extensions';
}

/**
 * Creates the demo accounts (`demoAccounts`, password `demoPassword`) and their memberships.
 * Passwords are hashed by pgcrypto's `crypt(…, gen_salt('bf'))`, the bcrypt form Supabase Auth
 * checks, so the same accounts sign in on Supabase. Accounts that already exist are left alone.
 */
export async function seedDemoUsers(db: Database, orgs?: DemoOrgs): Promise<{ users: number; memberships: number }> {
  return db.transaction((tx) => insertDemoUsers(tx, orgs));
}

/** `seedDemoUsers` inside the caller's transaction (so `db seed` commits records and accounts together). */
export async function insertDemoUsers(tx: SqlExecutor, orgs?: DemoOrgs): Promise<{ users: number; memberships: number }> {
  orgs ??= await demoOrgsIn(tx);
  const crypto = await pgcryptoSchema(tx);
  const userCols = await columnsOf(tx, 'auth', 'users');
  const identityCols = await columnsOf(tx, 'auth', 'identities');
  let users = 0;
  let memberships = 0;
  for (const a of demoAccounts) {
    // Every value is a parameter or a constant; only columns this auth.users has are written.
    const values: [string, string][] = [
      ['instance_id', `'00000000-0000-0000-0000-000000000000'`],
      ['id', '$1'],
      ['aud', `'authenticated'`],
      ['role', `'authenticated'`],
      ['email', '$2'],
      // regnamespace::text is already quoted where an identifier needs it.
      ['encrypted_password', `${crypto}.crypt($3, ${crypto}.gen_salt('bf'))`],
      ['email_confirmed_at', 'now()'],
      ['raw_app_meta_data', `'{"provider": "email", "providers": ["email"]}'::jsonb`],
      ['raw_user_meta_data', `jsonb_build_object('display_name', $4::text)`],
      ['created_at', 'now()'],
      ['updated_at', 'now()'],
      // GoTrue reads these as strings: NULL breaks sign-in on Supabase.
      ['confirmation_token', `''`],
      ['recovery_token', `''`],
      ['email_change_token_new', `''`],
      ['email_change', `''`],
    ];
    const cols = values.filter(([c]) => userCols.has(c));
    const r = await tx.query(
      `insert into auth.users (${cols.map(([c]) => c).join(', ')}) values (${cols.map(([, v]) => v).join(', ')}) on conflict do nothing`,
      [a.id, a.email, demoPassword, a.displayName],
    );
    users += r.affectedRows;
    if (r.affectedRows && identityCols.has('provider_id')) {
      await tx.query(
        `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
         values ($1::text, $1::uuid, jsonb_build_object('sub', $1::text, 'email', $2::text, 'email_verified', true), 'email', now(), now(), now())
         on conflict do nothing`,
        [a.id, a.email],
      );
    }
    for (const m of a.memberships) {
      const mr = await tx.query(
        `insert into public.memberships (user_id, org_id, role, areas, personal_data) values ($1, $2, $3, $4, $5) on conflict do nothing`,
        [a.id, m.at === 'district' ? orgs.districtId : orgs.streetId, m.role, m.areas, m.personalData],
      );
      memberships += mr.affectedRows;
    }
  }
  return { users, memberships };
}
