import { createRequire } from 'node:module';
import type { Client, CustomTypesConfig, Pool, PoolClient, PoolConfig } from 'pg';
import { batchInTransaction } from './batch.js';
import type { Database, QueryResult, SqlExecutor, Statement } from './client.js';
import { mapErrors, toDatabaseError } from './database-error.js';
import { arrayOids, parseArrayLiteral, textParsers } from './value-parsers.js';

// `import pg from 'pg'` breaks wherever the `import` export condition also applies to require()
// (vitest here passes --conditions to its workers): pg's CJS index then gets pg-pool's ESM
// namespace and cannot subclass it. Loading the client, the type overrides and pg-pool ourselves
// works in every setting.
const load = createRequire(import.meta.url);
const PgClient = load('pg/lib/client.js') as typeof Client;
const TypeOverrides = load('pg/lib/type-overrides.js') as new () => CustomTypesConfig & {
  setTypeParser(oid: number, format: 'text', parse: (text: string) => unknown): void;
};
type PoolConstructor = new (config: PoolConfig, client: typeof Client) => Pool;
const poolModule = load('pg-pool') as PoolConstructor | { default: PoolConstructor };
const PgPool = 'default' in poolModule ? poolModule.default : poolModule;

function typeParsers() {
  const types = new TypeOverrides();
  for (const [oid, parse] of Object.entries(textParsers)) types.setTypeParser(Number(oid), 'text', parse);
  for (const [arrayOid, elementOid] of Object.entries(arrayOids)) {
    const element = textParsers[elementOid]!;
    types.setTypeParser(Number(arrayOid), 'text', (text) => parseArrayLiteral(text, element));
  }
  return types;
}

const toResult = <T>(r: { rows: unknown[]; rowCount: number | null }): QueryResult<T> => ({ rows: r.rows as T[], affectedRows: r.rowCount ?? 0 });

function executorOf(client: Pick<PoolClient, 'query'>): SqlExecutor {
  return {
    query: <T>(sql: string, params?: readonly unknown[]) =>
      mapErrors(async () => toResult<T>(await client.query(sql, params as unknown[] | undefined))),
    // Without parameters node-postgres uses the simple query protocol: several statements at once.
    exec: (sql: string) =>
      mapErrors(async () => {
        await client.query(sql);
      }),
  };
}

/** PostgreSQL (plain or Supabase) through a node-postgres pool. */
export class PostgresDatabase implements Database {
  readonly dialect = 'postgres' as const;
  private readonly executor: SqlExecutor;

  constructor(readonly pool: Pool) {
    this.executor = executorOf(pool);
    // An idle connection dropped by the server must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
  }

  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
    return this.executor.query<T>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.executor.exec(sql);
  }

  /** One pooled connection from BEGIN to COMMIT; a connection whose ROLLBACK failed is discarded. */
  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await mapErrors(() => this.pool.connect());
    let broken: Error | undefined;
    try {
      await client.query('begin');
      const result = await fn(executorOf(client));
      await client.query('commit');
      return result;
    } catch (e) {
      try {
        await client.query('rollback');
      } catch (rollbackError) {
        broken = rollbackError as Error;
      }
      throw toDatabaseError(e);
    } finally {
      client.release(broken);
    }
  }

  batch(statements: readonly Statement[]): Promise<QueryResult<Record<string, unknown>>[]> {
    return batchInTransaction(this, statements);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

export interface PostgresOpenOptions {
  /** Most connections held at once (10 by default). */
  max?: number;
}

export async function openPostgres(url: string, opts: PostgresOpenOptions = {}): Promise<PostgresDatabase> {
  const config: PoolConfig = {
    connectionString: url,
    max: opts.max ?? 10,
    application_name: 'fazhi',
    types: typeParsers(),
  };
  const db = new PostgresDatabase(new PgPool(config, PgClient));
  try {
    // Fail here, with the server's reason, rather than at the first real query.
    await db.query('select 1');
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
  return db;
}
