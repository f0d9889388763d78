import type { Dataset } from '@fazhi/dataset';
import { createRegistry, type RecordKindRegistry } from '@fazhi/domain';
import { demoAccounts, demoOrgsOf, demoPassword } from './demo-users.js';
import { insertOrder, recordColumns, recordRow } from './record-rows.js';
import { orgUnitColumns, orgUnitRows } from './seed.js';

/** A SQL literal for a value as stored (strings quoted, arrays as `'{a,b}'`, numbers bare). */
export function sqlLiteral(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`无法写入 SQL 的数值：${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return sqlLiteral(`{${v.map((x) => `"${String(x).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  return `'${String(v).replace(/'/g, "''")}'`;
}

function insertStatements(table: string, columns: readonly string[], rows: readonly Record<string, unknown>[], chunk: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows.slice(i, i + chunk).map((r) => `  (${columns.map((c) => sqlLiteral(r[c])).join(', ')})`);
    out.push(`insert into ${table} (${columns.join(', ')}) values\n${values.join(',\n')};\n`);
  }
  return out;
}

export interface SeedSqlOptions {
  registry?: RecordKindRegistry;
  /** Rows per INSERT (500 by default: small statements keep errors easy to place). */
  chunk?: number;
  /** Shown in the header, e.g. `seeds/nansha-2024`. */
  source?: string;
}

/**
 * `supabase/seed.sql` for a dataset: its org tree, every record and the demo accounts with their
 * memberships, as plain INSERTs that run on Supabase after the migrations (`supabase db reset`, or
 * `supabase db push --include-seed`). Passwords are hashed there by pgcrypto, which Supabase keeps
 * in the `extensions` schema. Deterministic: the same dataset gives the same text.
 */
export function seedSql(ds: Pick<Dataset, 'manifest' | 'orgs' | 'records'>, opts: SeedSqlOptions = {}): string {
  const registry = opts.registry ?? createRegistry();
  const chunk = opts.chunk ?? 500;
  const parts: string[] = [
    `-- 演示数据：${ds.manifest.label}（${ds.manifest.name}）。\n`,
    `-- Generated from ${opts.source ?? ds.manifest.name} by \`pnpm --filter @fazhi/db generate:seed\`; do not edit.\n`,
    `-- Runs on Supabase after supabase/migrations. Demo accounts: see demoAccounts in @fazhi/db.\n\n`,
    // All or nothing, like `fazhi db seed`: run with psql or the Supabase CLI, a failing statement
    // rolls the whole seed back, so it can be run again instead of leaving records without users.
    `begin;\n\n`,
    // As pg_dump's data-only output does: the validated bulk data skips row triggers (stamps equal
    // the column defaults here; no audit rows), which makes loading several times faster.
    `set local session_replication_role = replica;\n\n`,
  ];
  parts.push(...insertStatements('public.org_units', orgUnitColumns, orgUnitRows(ds.orgs), chunk));

  for (const kind of insertOrder([...ds.records.keys()].map((id) => registry.get(id)))) {
    const records = ds.records.get(kind.id) ?? [];
    if (records.length === 0) continue;
    parts.push(`\n-- ${kind.label}（${records.length} 条）\n`);
    parts.push(...insertStatements(`public.${kind.id}`, recordColumns(kind), records.map((r) => recordRow(kind, r)), chunk));
  }

  // Users go through the triggers again: each gets its profile row.
  parts.push('\nset local session_replication_role = origin;\n');
  // The loaded records bypassed the triggers that keep the figures per unit and month current.
  parts.push('\nselect private.rebuild_measure_months();\n');
  const orgs = demoOrgsOf(ds.orgs, ds.manifest.rootOrgId);
  const hash = `extensions.crypt(${sqlLiteral(demoPassword)}, extensions.gen_salt('bf'))`;
  parts.push(`\n-- 演示账号（密码均为 ${demoPassword}）\n`);
  parts.push(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at, confirmation_token, recovery_token, email_change_token_new, email_change) values\n` +
      demoAccounts
        .map((a) => `  ('00000000-0000-0000-0000-000000000000', ${sqlLiteral(a.id)}, 'authenticated', 'authenticated', ${sqlLiteral(a.email)}, ${hash}, now(), '{"provider": "email", "providers": ["email"]}', ${sqlLiteral(JSON.stringify({ display_name: a.displayName }))}, now(), now(), '', '', '', '')`)
        .join(',\n') +
      ';\n',
  );
  parts.push(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at) values\n` +
      demoAccounts
        .map((a) => `  (${sqlLiteral(a.id)}, ${sqlLiteral(a.id)}, ${sqlLiteral(JSON.stringify({ sub: a.id, email: a.email, email_verified: true }))}, 'email', now(), now(), now())`)
        .join(',\n') +
      ';\n',
  );
  const memberships = demoAccounts.flatMap((a) =>
    a.memberships.map((m) => `  (${sqlLiteral(a.id)}, ${sqlLiteral(m.at === 'district' ? orgs.districtId : orgs.streetId)}, ${sqlLiteral(m.role)}, ${sqlLiteral([...m.areas])}, ${m.personalData})`),
  );
  parts.push(`insert into public.memberships (user_id, org_id, role, areas, personal_data) values\n${memberships.join(',\n')};\n`);
  parts.push('\ncommit;\n');
  return parts.join('');
}
