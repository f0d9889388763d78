import type { Database, QueryResult, SqlExecutor, Statement } from './client.js';

export interface UserSession {
  /** `auth.users.id` of the user; becomes the `sub` claim that `auth.uid()` returns. */
  userId: string;
  /** Further JWT claims (email, app_metadata …); `sub` and `role` are always ours. */
  claims?: Record<string, unknown>;
}

/** How long one statement of a signed-in user's request may run (PostgreSQL's statement_timeout). */
export const userStatementTimeout = '15s';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Role = 'anon' | 'authenticated' | 'service_role';

/**
 * The statement that makes the rest of a transaction run as `role` with `claims`, the way PostgREST
 * serves a Supabase request: `role` and `request.jwt.claims` are set with is_local = true (the same
 * as `set local`), so COMMIT or ROLLBACK ends them and the next caller of the connection, or of
 * PGlite's single session, runs as it did before with no claims. Claims first: setting the role
 * could take away the right to run anything after it. The timeout bounds every statement of a
 * user's request (Supabase sets the same per API role); PGlite ignores it, so the console's worker
 * has its own bound (embedded-database.ts).
 */
function becomeStatement(role: Role, claims: Record<string, unknown>): Statement {
  return {
    sql: `select set_config('request.jwt.claims', $1, true), set_config('statement_timeout', $3, true), set_config('role', $2, true)`,
    params: [JSON.stringify(claims), role, userStatementTimeout],
  };
}

/** Runs `fn` in one transaction as a database role with JWT claims (see `becomeStatement`). */
export function runAs<T>(db: Database, role: Role, claims: Record<string, unknown>, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  const become = becomeStatement(role, claims);
  return db.transaction(async (tx) => {
    await tx.query(become.sql, become.params);
    return fn(tx);
  });
}

const userClaims = (session: UserSession) => ({ ...session.claims, sub: session.userId, role: 'authenticated' });
const badUserId = (session: UserSession) => new Error(`用户编号“${session.userId}”不是有效的 UUID`);

/**
 * Statements that need no answer from one another, run as a signed-in user in one transaction
 * (`asUser`'s) through `Database.batch`: one request to PGlite's worker instead of a round trip per
 * step. The results are in the order of `statements`.
 */
export async function queriesAs(db: Database, session: UserSession, statements: readonly Statement[]): Promise<QueryResult<Record<string, unknown>>[]> {
  if (!uuidPattern.test(session.userId)) throw badUserId(session);
  const [, ...results] = await db.batch([becomeStatement('authenticated', userClaims(session)), ...statements]);
  return results;
}

/** `queriesAs` for one statement. */
export async function queryAs<T = Record<string, unknown>>(db: Database, session: UserSession, sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
  const [result] = await queriesAs(db, session, [{ sql, ...(params ? { params } : {}) }]);
  return result as QueryResult<T>;
}

/** Runs `fn` as a signed-in user under row-level security (`authenticated`, `auth.uid()` = userId). */
export function asUser<T>(db: Database, session: UserSession, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  if (!uuidPattern.test(session.userId)) return Promise.reject(badUserId(session));
  return runAs(db, 'authenticated', userClaims(session), fn);
}

/** Runs `fn` as a visitor who has not signed in (`anon`). */
export function asAnon<T>(db: Database, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  return runAs(db, 'anon', { role: 'anon' }, fn);
}

/** Runs `fn` as Supabase's `service_role` (bypasses row-level security, as server code does). */
export function asServiceRole<T>(db: Database, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  return runAs(db, 'service_role', { role: 'service_role' }, fn);
}
