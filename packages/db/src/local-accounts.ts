import type { Grant, LocalAccounts, Member } from './access-store.js';
import { memberFromRow } from './access-stores.js';
import type { SqlExecutor } from './client.js';

/**
 * Local accounts over SQL (the embedded database, PostgreSQL without Supabase Auth): the functions
 * of 20261205090300_local_accounts.sql, every call as the signed-in user. Supabase has no such
 * accounts: its people sign in through Supabase Auth and arrive by invitation.
 */

type Session = <T>(fn: (tx: SqlExecutor) => Promise<T>) => Promise<T>;

/** LocalAccounts whose new accounts may carry the name shown in the header and the member list. */
export interface NamedLocalAccounts extends LocalAccounts {
  createAccount(email: string, initialPassword: string, grant: Grant, reason: string, displayName?: string): Promise<Member>;
}

/** Over SQL; `session` runs each call as the user (e.g. `(fn) => asUser(db, user, fn)`). */
export function sqlLocalAccounts(session: Session): NamedLocalAccounts {
  return {
    createAccount: (email, initialPassword, grant, reason, displayName?: string) =>
      session(async (tx) => {
        const r = await tx.query<Record<string, unknown>>('select * from public.create_local_account($1, $2, $3, $4, $5, $6::text[], $7, $8)', [
          email,
          initialPassword,
          displayName ?? null,
          grant.orgId,
          grant.role,
          grant.areas,
          grant.personalData,
          reason,
        ]);
        if (!r.rows[0]) throw new Error('新建本地账号没有返回成员记录，请检查数据库迁移');
        return memberFromRow(r.rows[0]);
      }),
    changeOwnPassword: (currentPassword, newPassword) =>
      session(async (tx) => {
        await tx.query('select public.change_own_password($1, $2)', [currentPassword, newPassword]);
      }),
  };
}

/** Who signed in with a password, as the embedded console keeps it. */
export interface PasswordSignIn {
  userId: string;
  email: string;
  displayName: string;
  /** A local account still on its initial password: it must change it before anything else. */
  mustChangePassword: boolean;
}

/**
 * Checks e-mail and password against the bcrypt hash in auth.users, as GoTrue does; the user, or
 * null when they do not match. Runs as the database owner, the way GoTrue reads auth.users with its
 * own role: no API role (not even service_role) may read password hashes.
 */
export async function checkPassword(db: SqlExecutor, email: string, password: string): Promise<PasswordSignIn | null> {
  const found = await db.query<{ id: string; email: string; name: string | null; must_change: boolean }>(
    `select u.id, u.email, u.raw_user_meta_data ->> 'display_name' as name, coalesce(a.must_change_password, false) as must_change
     from auth.users u left join private.local_accounts a on a.user_id = u.id
     where lower(u.email) = lower($1) and u.encrypted_password = extensions.crypt($2, u.encrypted_password)`,
    [email.trim(), password],
  );
  const row = found.rows[0];
  return row ? { userId: row.id, email: row.email, displayName: row.name || row.email, mustChangePassword: row.must_change } : null;
}
