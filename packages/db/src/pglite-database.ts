import { PGlite, type PGliteInterface, type PGliteOptions, type Transaction } from '@electric-sql/pglite';

type ParserOptions = NonNullable<PGliteOptions['parsers']>;
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { batchInTransaction } from './batch.js';
import type { Database, QueryResult, SqlExecutor, Statement } from './client.js';
import type { DirectCalls } from './direct-calls.js';
import { mapErrors } from './database-error.js';
import { textParsers } from './value-parsers.js';

export interface PgliteOpenOptions {
  /** A folder to persist in (created if missing); in memory when absent. */
  dataDir?: string;
  /** Start from a snapshot made by `dumpDataDir()` instead of an empty cluster. */
  loadDataDir?: Blob | File;
  /**
   * PostgreSQL's `shared_buffers` (e.g. `32MB`); PGlite's default is 128MB. PGlite zeroes the whole
   * pool when it starts, so every megabyte of it is resident memory from the first query on.
   */
  sharedBuffers?: string;
  /**
   * The size of a new cluster's WAL segments, in MB (a power of two, 1–1024; PostgreSQL's default is 16).
   * A snapshot keeps one whole segment, zeros past its last record: small ones make it smaller to load and store.
   */
  walSegmentMB?: number;
}

/**
 * The buffer pool of an embedded database opened in Node (`fazhi` commands, benchmarks): a street's
 * data is tens of MB, and a ledger import measured the same CPU time with 32MB as with 128MB while
 * its peak memory fell by about 100 MB (docs/operations.md).
 */
export const nodeSharedBuffers = '32MB';

/**
 * PGlite is one Postgres session. Its own mutex already queues `query`, `exec` and `transaction`
 * calls, so a transaction runs alone from BEGIN to COMMIT and no other caller's statement can land
 * inside it (or see its `set local` settings). Consequence: inside `transaction(fn)` use the `tx`
 * handed to `fn`; calling the database object itself there waits for the transaction to end,
 * which never comes.
 */
export class PgliteDatabase implements Database {
  readonly dialect = 'pglite' as const;

  /**
   * A PGlite in this thread, or a `PGliteWorker` talking to one in a Web Worker (the console).
   * `parsers` are given per query when the instance was created without them: a `PGliteWorker`
   * cannot take functions in its options (they are posted to the worker), yet parses on this side.
   * `direct`: the worker's one-message calls (direct-calls.ts) for `query` and `batch`, used while
   * `available()` says this tab's worker runs PostgreSQL; the worker parses their values.
   */
  constructor(
    readonly pglite: PGliteInterface,
    private readonly options: { parsers?: ParserOptions; direct?: { calls: DirectCalls; available(): boolean } } = {},
  ) {}

  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
    const direct = this.#direct();
    if (direct) return mapErrors(() => direct.query<T>(sql, params));
    return mapErrors(async () => {
      const r = await this.pglite.query<T>(sql, params as unknown[] | undefined, this.options);
      return { rows: r.rows, affectedRows: r.affectedRows ?? 0 };
    });
  }

  exec(sql: string): Promise<void> {
    return mapErrors(async () => {
      await this.pglite.exec(sql);
    });
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return mapErrors(() => this.pglite.transaction((tx) => fn(executorOf(tx, this.options))));
  }

  batch(statements: readonly Statement[]): Promise<QueryResult<Record<string, unknown>>[]> {
    const direct = this.#direct();
    return direct ? mapErrors(() => direct.batch(statements)) : batchInTransaction(this, statements);
  }

  #direct(): DirectCalls | undefined {
    const d = this.options.direct;
    return d?.available() ? d.calls : undefined;
  }

  /** A snapshot of the whole cluster, for `openPglite({ loadDataDir })`. */
  dumpDataDir(): Promise<File | Blob> {
    return this.pglite.dumpDataDir('none');
  }

  async close(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

function executorOf(tx: Transaction, options: { parsers?: ParserOptions }): SqlExecutor {
  return {
    query: <T>(sql: string, params?: readonly unknown[]) =>
      mapErrors(async () => {
        const r = await tx.query<T>(sql, params as unknown[] | undefined, options);
        return { rows: r.rows, affectedRows: r.affectedRows ?? 0 };
      }),
    exec: (sql: string) =>
      mapErrors(async () => {
        await tx.exec(sql);
      }),
  };
}

/**
 * Opens PGlite with pgcrypto available (Supabase has it; migrations and demo users use it) and the
 * value parsers every backend shares.
 */
export async function openPglite(opts: PgliteOpenOptions = {}): Promise<PgliteDatabase> {
  const options: PGliteOptions = {
    extensions: { pgcrypto },
    parsers: textParsers,
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    ...(opts.sharedBuffers ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${opts.sharedBuffers}`] } : {}),
    ...(opts.walSegmentMB ? { initDbStartParams: [`--wal-segsize=${opts.walSegmentMB}`] } : {}),
  };
  const pglite = await mapErrors(() => (opts.dataDir ? PGlite.create(opts.dataDir, options) : PGlite.create(options)));
  return new PgliteDatabase(pglite);
}
