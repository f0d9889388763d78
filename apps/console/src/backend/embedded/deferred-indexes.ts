import { storeExclusively, type LockablePglite } from './exclusive-store.js';

/**
 * Indexes the demo snapshot leaves out to be a smaller download, built by the browser when it
 * first opens the database. An index is mostly data PostgreSQL derives from the table (the
 * hotline tickets' indexes hold about a third of the snapshot's compressed bytes, their random
 * ids hardly compress), and building it takes a fraction of a second where downloading it takes
 * seconds on an office line. The definitions wait in `private.deferred_indexes` inside the
 * snapshot itself, so a tab closed before they are built leaves them for the next open.
 */

/** What both a PGlite and @fazhi/db's PgliteDatabase offer. */
interface Sql {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
}

export const deferredIndexTable = 'private.deferred_indexes';

/**
 * At build time: drops the public schema's indexes of at least `minBytes` that no constraint owns
 * (primary keys and unique constraints stay: the schema's rules hold in the snapshot as shipped),
 * keeping their definitions to build on first open. Returns the names.
 */
export async function deferIndexes(db: Sql, minBytes: number): Promise<string[]> {
  const { rows } = await db.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition
       from pg_indexes i
       join pg_class c on c.relname = i.indexname and c.relnamespace = 'public'::regnamespace
      where i.schemaname = 'public'
        and not exists (select 1 from pg_constraint k where k.conindid = c.oid)
        and pg_relation_size(c.oid) >= $1
      order by i.indexname`,
    [minBytes],
  );
  if (!rows.length) return [];
  await db.exec(`create table ${deferredIndexTable} (name text primary key, definition text not null)`);
  for (const r of rows) {
    await db.query(`insert into ${deferredIndexTable} (name, definition) values ($1, $2)`, [r.name, r.definition]);
    await db.exec(`drop index public.${quoteIdent(r.name)}`);
  }
  return rows.map((r) => r.name);
}

/**
 * On every open (one catalogue lookup when there is nothing to do): builds the deferred indexes
 * and forgets their definitions, as one transaction: either all are there or all still wait.
 */
export async function buildDeferredIndexes(db: Sql): Promise<number> {
  const { rows } = await db.query<{ pending: boolean }>(`select to_regclass('${deferredIndexTable}') is not null as pending`);
  if (!rows[0]?.pending) return 0;
  const defs = await db.query<{ definition: string }>(`select definition from ${deferredIndexTable} order by name`);
  // One simple-protocol message: PostgreSQL runs its statements as one implicit transaction.
  await db.exec([...defs.rows.map((d) => d.definition), `drop table ${deferredIndexTable}`].join(';\n'));
  return defs.rows.length;
}

/** A PGlite whose file system needs storing (IndexedDB), as the database worker has it. */
interface StoredPglite extends LockablePglite {
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
}

/**
 * `buildDeferredIndexes` in one transaction, then stored. PGlite's `transaction()` syncs its file
 * system only as it begins, never after COMMIT (and ChangeAwareIdbFs skips syncs inside a
 * transaction): without this store the indexes lived in memory only, and every open built them
 * anew. Returns how many were built.
 */
export async function buildAndStoreDeferredIndexes(pg: StoredPglite): Promise<number> {
  const built = await pg.transaction((tx) => buildDeferredIndexes(tx));
  if (built) await storeExclusively(pg);
  return built;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
