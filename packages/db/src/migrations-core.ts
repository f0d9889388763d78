import type { Database, SqlExecutor } from './client.js';
import { isDatabaseError } from './database-error.js';
import { splitStatements } from './split-statements.js';

export interface AppliedMigration {
  file: string;
  version: string;
  name: string;
  /** How many statements were recorded for it (as the Supabase CLI splits them). */
  statements: number;
  ms: number;
}

export interface MigrateResult {
  /** True when the Supabase shim was applied (plain PostgreSQL or PGlite without it yet). */
  shim: boolean;
  /** Newly applied migrations, in order; empty when the database was up to date. */
  applied: AppliedMigration[];
  /** Files in the folder that are not migrations (name not `<digits>_<name>.sql`), skipped. */
  skipped: string[];
}

/** The Supabase CLI's history table (pkg/migration/history.go), created the same way. */
const historyTable = `
  create schema if not exists supabase_migrations;
  create table if not exists supabase_migrations.schema_migrations (version text not null primary key);
  alter table supabase_migrations.schema_migrations add column if not exists statements text[];
  alter table supabase_migrations.schema_migrations add column if not exists name text;
`;

const migrationFile = /^([0-9]+)_(.*)\.sql$/;

// Serialises concurrent migrators (two CLI runs, parallel test workers) on one database.
export const migrationLock = 'select pg_advisory_xact_lock(7206505365041232)';

/** The line (1-based) of a character position (1-based) in a script. */
function lineOf(sql: string, position: number): number {
  return sql.slice(0, Math.max(0, position - 1)).split('\n').length;
}

/** `迁移文件“x.sql”第 12 行出错：relation "foo" does not exist`, with the SQLSTATE kept as the cause. */
function migrationError(file: string, sql: string, e: unknown): Error {
  const where = isDatabaseError(e) && e.position ? `第 ${lineOf(sql, e.position)} 行` : '';
  const reason = e instanceof Error ? e.message : String(e);
  const detail = isDatabaseError(e) && e.detail ? `（${e.detail}）` : '';
  return new Error(`迁移文件“${file}”${where}执行失败，已回滚该文件的全部改动：${reason}${detail}`, { cause: e });
}

async function hasAuthSchema(db: SqlExecutor): Promise<boolean> {
  const r = await db.query<{ found: boolean }>(`select exists (select 1 from pg_catalog.pg_namespace where nspname = 'auth') as found`);
  return r.rows[0]?.found === true;
}

export interface MigrationSource {
  /** File name, `<version>_<name>.sql`. */
  file: string;
  sql: string;
}

export interface ApplyMigrationsInput {
  /** Migration files in any order; names not `<version>_<name>.sql` are skipped and reported. */
  migrations: readonly MigrationSource[];
  /** The Supabase shim, applied first when the database has no `auth` schema; read only then. */
  shim: () => Promise<MigrationSource>;
}

/**
 * Brings a database up to date with the given migrations, recording each file in
 * `supabase_migrations.schema_migrations` exactly as `supabase db push` does, so either tool can
 * take over from the other. Each file runs in its own transaction: a failing file rolls back alone
 * (the ones before it stay applied) and the error names it. Safe to run again; concurrent runs
 * wait for each other. Needs no file system: the console runs it in the browser.
 */
export async function applyMigrations(db: Database, input: ApplyMigrationsInput): Promise<MigrateResult> {
  const names = input.migrations.map((m) => m.file).sort();
  const byName = new Map(input.migrations.map((m) => [m.file, m.sql]));
  const files = names.filter((f) => migrationFile.test(f));
  const skipped = names.filter((f) => !migrationFile.test(f));

  let shim = false;
  if (!(await hasAuthSchema(db))) {
    const { file: shimFile, sql } = await input.shim();
    await db
      .transaction(async (tx) => {
        await tx.query(migrationLock);
        if (await hasAuthSchema(tx)) return;
        await tx.exec(sql);
        shim = true;
      })
      .catch((e: unknown) => {
        throw migrationError(shimFile, sql, e);
      });
  }

  await db.transaction(async (tx) => {
    await tx.query(migrationLock);
    await tx.exec(historyTable);
  });

  const applied: AppliedMigration[] = [];
  for (const file of files) {
    const [, version, name] = migrationFile.exec(file)!;
    const sql = byName.get(file)!;
    const started = performance.now();
    const statements = splitStatements(sql);
    const done = await db
      .transaction(async (tx) => {
        await tx.query(migrationLock);
        const seen = await tx.query(`select 1 from supabase_migrations.schema_migrations where version = $1`, [version]);
        if (seen.rows.length) return false;
        await tx.exec(sql);
        await tx.query(`insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)`, [version, name, statements]);
        return true;
      })
      .catch((e: unknown) => {
        throw migrationError(file, sql, e);
      });
    if (done) applied.push({ file, version: version!, name: name!, statements: statements.length, ms: Math.round(performance.now() - started) });
  }
  return { shim, applied, skipped };
}

/** Versions recorded in the history table, oldest first; empty when there is no table yet. */
export async function appliedVersions(db: SqlExecutor): Promise<string[]> {
  const r = await db.query<{ version: string }>(`select version from supabase_migrations.schema_migrations order by version`).catch((e: unknown) => {
    if (isDatabaseError(e, '42P01') || isDatabaseError(e, '3F000')) return { rows: [] };
    throw e;
  });
  return r.rows.map((r) => r.version);
}
