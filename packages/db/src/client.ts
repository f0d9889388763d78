/**
 * The one database interface every part of @fazhi/db speaks, implemented over PGlite (embedded)
 * and node-postgres (PostgreSQL 15 / Supabase). Parameters are `$1, $2 …` in both.
 */
export interface QueryResult<T> {
  rows: T[];
  /** Rows touched by INSERT/UPDATE/DELETE; 0 for others where the driver does not say. */
  affectedRows: number;
}

export interface SqlExecutor {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations, seed files). */
  exec(sql: string): Promise<void>;
}

/** One statement and its parameters, for `Database.batch`. */
export interface Statement {
  sql: string;
  params?: readonly unknown[];
}

export interface Database extends SqlExecutor {
  /** `pglite` or `postgres`. */
  readonly dialect: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction on one connection; rolls back when it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * Runs the statements one after another in one transaction and returns each one's result; a
   * failure rolls them all back. Where the database is reached through messages (PGlite in a Web
   * Worker) they travel as one request, so nothing waits on the caller's thread between them.
   */
  batch(statements: readonly Statement[]): Promise<QueryResult<Record<string, unknown>>[]>;
  close(): Promise<void>;
}
