import type { Database, SqlExecutor } from './client.js';

export interface UserSession {
  /** `auth.users.id` of the user; becomes the `sub` claim that `auth.uid()` returns. */
  userId: string;
  /** Further JWT claims (email, app_metadata …); `sub` and `role` are always ours. */
  claims?: Record<string, unknown>;
}

/** How long one statement of a signed-in user's request may run (PostgreSQL's statement_timeout). */
export const userStatementTimeout = '15s';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs `fn` in one transaction as a database role with JWT claims, the way PostgREST serves a
 * Supabase request: `role` and `request.jwt.claims` are set with is_local = true (the same as
 * `set local`), so COMMIT or ROLLBACK ends them and the next caller of the connection, or of
 * PGlite's single session, runs as it did before with no claims.
 */
export function runAs<T>(db: Database, role: 'anon' | 'authenticated' | 'service_role', claims: Record<string, unknown>, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // Claims first: setting the role could take away the right to run anything after it. The
    // timeout bounds every statement of a user's request (Supabase sets the same per API role);
    // PGlite ignores it, so the console's worker has its own bound (embedded-database.ts).
    await tx.query(`select set_config('request.jwt.claims', $1, true), set_config('statement_timeout', $3, true), set_config('role', $2, true)`, [
      JSON.stringify(claims),
      role,
      userStatementTimeout,
    ]);
    return fn(tx);
  });
}

/** Runs `fn` as a signed-in user under row-level security (`authenticated`, `auth.uid()` = userId). */
export function asUser<T>(db: Database, session: UserSession, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  if (!uuidPattern.test(session.userId)) return Promise.reject(new Error(`用户编号“${session.userId}”不是有效的 UUID`));
  return runAs(db, 'authenticated', { ...session.claims, sub: session.userId, role: 'authenticated' }, fn);
}

/** Runs `fn` as a visitor who has not signed in (`anon`). */
export function asAnon<T>(db: Database, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  return runAs(db, 'anon', { role: 'anon' }, fn);
}

/** Runs `fn` as Supabase's `service_role` (bypasses row-level security, as server code does). */
export function asServiceRole<T>(db: Database, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  return runAs(db, 'service_role', { role: 'service_role' }, fn);
}
