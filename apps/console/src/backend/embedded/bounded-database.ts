import { DatabaseError, type Database, type SqlExecutor } from '@fazhi/db/browser';

/** One worker's database, and how to stop that worker. */
export interface Connection<D extends Database> {
  db: D;
  terminate(): void;
}

export interface BoundedDatabase<D extends Database> extends Database {
  /** The live connection's database (opening a new one after a timeout). */
  current(): Promise<D>;
}

/**
 * PGlite ignores `statement_timeout` (one thread, no signals), so a runaway query would block the
 * embedded database for good. Here every call has `limitMs`: past it the worker is terminated (the
 * only way to stop a running WebAssembly query), the call and every call waiting on that worker
 * fail with SQLSTATE 57014 (shown as 查询超时), and the next call starts a new worker. What was
 * stored is kept (it is in IndexedDB); the interrupted transaction never committed. One call can
 * be committed and not yet stored when the worker is stopped: a batch that waits for its store
 * behind a long one (a first visit's 40 MB); it too fails with 查询超时, and is not kept.
 */
export function boundedDatabase<D extends Database>(first: Connection<D>, reconnect: () => Promise<Connection<D>>, limitMs: number): BoundedDatabase<D> {
  interface Live {
    connection: Promise<Connection<D>>;
    /** Rejects when this connection is terminated, so calls queued on it do not wait forever. */
    dead: Promise<never>;
    kill(reason: Error): void;
  }
  const track = (connection: Promise<Connection<D>>): Live => {
    let kill!: (reason: Error) => void;
    const dead = new Promise<never>((_, reject) => (kill = reject));
    dead.catch(() => undefined);
    return { connection, dead, kill };
  };
  let live: Live | undefined = track(Promise.resolve(first));
  const connect = (): Live => {
    if (live) return live;
    const next = track(reconnect());
    next.connection.catch(() => {
      if (live === next) live = undefined;
    });
    return (live = next);
  };
  const timeout = () => new DatabaseError({ code: '57014', message: `canceling statement: the embedded database did not answer within ${limitMs / 1000} s` });

  async function bounded<T>(run: (db: D) => Promise<T>): Promise<T> {
    const l = connect();
    const c = await l.connection;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        if (live === l) live = undefined;
        c.terminate();
        l.kill(timeout());
        reject(timeout());
      }, limitMs);
    });
    try {
      return await Promise.race([run(c.db), expired, l.dead]);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    dialect: first.db.dialect,
    query: (sql, params) => bounded((db) => db.query(sql, params)),
    exec: (sql) => bounded((db) => db.exec(sql)),
    transaction: <T>(fn: (tx: SqlExecutor) => Promise<T>) => bounded((db) => db.transaction(fn)),
    batch: (statements) => bounded((db) => db.batch(statements)),
    current: async () => (await connect().connection).db,
    async close() {
      const l = live;
      live = undefined;
      if (!l) return;
      const c = await l.connection.catch(() => undefined);
      if (!c) return;
      await c.db.close().catch(() => undefined);
      c.terminate();
      l.kill(new DatabaseError({ code: '57P01', message: 'the embedded database was closed' }));
    },
  };
}
