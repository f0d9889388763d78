import type { Database, QueryResult, Statement } from './client.js';
import { encodeErrorFields } from './worker-error-codec.js';

/**
 * Statements for PGlite in a Web Worker sent in one message, answered in one. `PGliteWorker` runs
 * every step of a query from the page: the locks, then parse, describe, bind, execute and sync, each
 * a message to the worker whose answer the page's thread must take before the next goes out — about
 * nine round trips a statement, over twenty for a signed-in user's transaction. While the page is
 * busy (rendering the console just when the first figures are asked for), each of them waits for
 * it. A direct call is posted once; the worker runs it on its own PGlite, under the same locks, so
 * it queues with `PGliteWorker`'s calls as any other query would.
 *
 * Only the tab whose worker leads (runs PostgreSQL) may call directly; another tab's worker has no
 * database, and its calls go through `PGliteWorker` as before.
 */

/** The end of a message channel: a `Worker` on the page, the worker's own global scope inside it. */
export interface MessagePortLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const callType = 'fazhi:direct-call';
const replyType = 'fazhi:direct-reply';

interface Call {
  type: typeof callType;
  id: number;
  /** `query`: one statement on its own; `batch`: all in one transaction (`Database.batch`). */
  kind: 'query' | 'batch';
  statements: Statement[];
}

interface Reply {
  type: typeof replyType;
  id: number;
  results?: QueryResult<Record<string, unknown>>[];
  /** A failure's message, a database error's fields carried in it (worker-error-codec). */
  error?: string;
}

/** The page's side. */
export interface DirectCalls {
  query<T>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  batch(statements: readonly Statement[]): Promise<QueryResult<Record<string, unknown>>[]>;
}

/** Appended to a batch when changes need storing: PostgreSQL assigns a transaction id at the first change. */
const changedStatement: Statement = { sql: 'select pg_current_xact_id_if_assigned() is not null as changed' };

export interface ServeOptions {
  /**
   * Stores the database's files (PGlite's `syncToFs`, under its locks so that no statement runs
   * meanwhile), awaited before a batch that changed something answers. PGlite's `transaction()`,
   * which a batch runs in, syncs only as it begins, never after COMMIT: without this, a batch's
   * changes stayed in memory until some later statement stored them (and a tab closed meanwhile
   * lost them). A lone query stores itself. A store that fails is the batch's answer: its changes
   * are committed in memory, and the next store that succeeds takes them along.
   */
  storeChanges?(): Promise<void>;
}

/** In the worker: answers direct calls with `database` once it is open (a failed open is every call's answer). */
export function serveDirectCalls(port: MessagePortLike, database: Promise<Pick<Database, 'query' | 'batch'>>, opts: ServeOptions = {}): void {
  const { storeChanges } = opts;
  const batch = async (db: Pick<Database, 'batch'>, statements: Statement[]) => {
    if (!storeChanges) return db.batch(statements);
    const results = await db.batch([...statements, changedStatement]);
    const changed = results.pop()?.rows[0]?.changed === true;
    if (changed) await storeChanges();
    return results;
  };
  // A failed open is each call's answer, not an unhandled rejection while no call has come.
  database.catch(() => undefined);
  port.addEventListener('message', (event) => {
    const call = event.data as Call | undefined;
    if (call?.type !== callType) return;
    void (async () => {
      let reply: Reply;
      try {
        const db = await database;
        const [first] = call.statements;
        const results = call.kind === 'query' && first ? [await db.query(first.sql, first.params)] : await batch(db, call.statements);
        reply = { type: replyType, id: call.id, results };
      } catch (e) {
        // Errors cross as text: their SQLSTATE and other fields ride in the message.
        const encoded = encodeErrorFields(e);
        reply = { type: replyType, id: call.id, error: encoded instanceof Error ? encoded.message : String(encoded) };
      }
      port.postMessage(reply);
    })();
  });
}

/** On the page: calls answered by `serveDirectCalls` on the other end of `port`. */
export function directCalls(port: MessagePortLike): DirectCalls {
  let lastId = 0;
  const waiting = new Map<number, { resolve(results: QueryResult<Record<string, unknown>>[]): void; reject(e: Error): void }>();
  port.addEventListener('message', (event) => {
    const reply = event.data as Reply | undefined;
    if (reply?.type !== replyType) return;
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    if (reply.error !== undefined) w.reject(new Error(reply.error));
    else w.resolve(reply.results ?? []);
  });
  const call = (kind: Call['kind'], statements: readonly Statement[]) =>
    new Promise<QueryResult<Record<string, unknown>>[]>((resolve, reject) => {
      const id = ++lastId;
      waiting.set(id, { resolve, reject });
      port.postMessage({ type: callType, id, kind, statements: [...statements] } satisfies Call);
    });
  return {
    async query<T>(sql: string, params?: readonly unknown[]) {
      const [result] = await call('query', [{ sql, ...(params ? { params } : {}) }]);
      return result as QueryResult<T>;
    },
    batch: (statements) => call('batch', statements),
  };
}
