import type { Database, QueryResult, Statement } from './client.js';

/** `Database.batch` where a transaction already is one request's worth of work (node-postgres, PGlite in this thread). */
export function batchInTransaction(db: Pick<Database, 'transaction'>, statements: readonly Statement[]): Promise<QueryResult<Record<string, unknown>>[]> {
  return db.transaction(async (tx) => {
    const results: QueryResult<Record<string, unknown>>[] = [];
    for (const s of statements) results.push(await tx.query(s.sql, s.params));
    return results;
  });
}
