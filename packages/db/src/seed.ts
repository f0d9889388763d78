import { loadDataset, type Dataset, type LoadOptions } from '@fazhi/dataset';
import { createRegistry, type OrgTree, type OrgUnit, type RecordKindRegistry } from '@fazhi/domain';
import type { Database, SqlExecutor } from './client.js';
import { demoOrgsOf, insertDemoUsers } from './demo-users.js';
import { rebuildMeasureMonths } from './measure-months.js';
import { insertOrder, recordColumns, recordRow, uuidFor } from './record-rows.js';

export interface InsertOptions {
  registry?: RecordKindRegistry;
  /** Rows per INSERT statement (each a single JSON parameter); 5000 by default. */
  batchSize?: number;
  /**
   * Run the row triggers: stamps (same values as the column defaults when nobody is signed in) and
   * one audit row per record. Off by default: a bulk load of validated data is then 4–5 times
   * faster, with `session_replication_role = replica` for its transaction where the role may set
   * it (superusers; Supabase's postgres); elsewhere triggers run anyway.
   */
  audit?: boolean;
  /**
   * Insert only the columns each table has, leaving out the rest of the dataset's values: for
   * building a database at an older schema (the upgrade tests of the CLI and the console). Off by
   * default, where a column the table lacks is an error, never silently dropped data.
   */
  existingColumnsOnly?: boolean;
}

export interface SeedOptions extends LoadOptions, InsertOptions {}

export interface SeedResult {
  dataset: string;
  orgUnits: number;
  /** Kind id → rows inserted. */
  records: Record<string, number>;
  /** Whether row triggers ran (stamps, audit rows); see `InsertOptions.audit`. */
  audited: boolean;
  ms: number;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The columns `orgUnitRows` fills. */
export const orgUnitColumns = ['id', 'parent_id', 'kind', 'code', 'name', 'short_name', 'ledger_from', 'ledger_to'] as const;

/** Org units, parents before children, as rows of `public.org_units` (`code` keeps the dataset id). */
export function orgUnitRows(orgs: OrgTree): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const add = (u: OrgUnit) => {
    const span = u.ledgerSpan ?? null;
    out.push({
      id: uuidFor(u.id),
      parent_id: u.parentId === null ? null : uuidFor(u.parentId),
      kind: u.kind,
      code: u.id,
      name: u.name,
      short_name: u.shortName ?? null,
      ledger_from: span?.from ?? null,
      ledger_to: span?.to ?? null,
    });
    for (const c of orgs.childrenOf(u.id)) add(c);
  };
  orgs.roots().forEach(add);
  return out;
}

/**
 * Inserts rows in batches, each batch one statement with one JSON parameter that
 * `jsonb_populate_recordset` turns into typed rows of the table itself, so every column gets its
 * own type (bigint fen, text[] enum-sets, timestamptz) with no per-value casts, and no parameter
 * limit applies.
 */
export async function insertRows(tx: SqlExecutor, table: string, columns: readonly string[], rows: readonly Record<string, unknown>[], batchSize = 5000): Promise<void> {
  const cols = columns.map(ident).join(', ');
  const sql = `insert into public.${ident(table)} (${cols}) select ${cols} from jsonb_populate_recordset(null::public.${ident(table)}, $1::jsonb)`;
  for (let i = 0; i < rows.length; i += batchSize) await tx.query(sql, [JSON.stringify(rows.slice(i, i + batchSize))]);
}

/** Seeding goes into an empty database only: merging two datasets' org trees is not a thing. */
export async function assertNoOrgUnits(db: SqlExecutor, datasetLabel: string): Promise<void> {
  const existing = await db.query<{ n: number }>('select count(*)::int as n from public.org_units');
  const n = existing.rows[0]?.n ?? 0;
  if (n > 0) throw new Error(`数据库中已有 ${n} 个机构，不能再导入数据集“${datasetLabel}”（请换一个空数据库）`);
}

/** Turns row triggers (and with them foreign-key checks) off for the transaction, if permitted. */
async function skipTriggers(tx: SqlExecutor): Promise<boolean> {
  await tx.query('savepoint fazhi_replica');
  try {
    await tx.query('set local session_replication_role = replica');
    await tx.query('release savepoint fazhi_replica');
    return true;
  } catch {
    await tx.query('rollback to savepoint fazhi_replica');
    return false;
  }
}

/** Inserts a loaded dataset's org units and records in one transaction (see `seedDataset`). */
export async function insertDataset(db: Database, ds: Pick<Dataset, 'orgs' | 'records' | 'manifest'>, opts: InsertOptions = {}): Promise<SeedResult> {
  return db.transaction((tx) => insertDatasetIn(tx, ds, opts));
}

/**
 * `insertDataset` inside the caller's transaction. Row triggers are back on when it returns, so
 * whatever the caller writes next in the same transaction (demo accounts) is checked and stamped.
 */
export async function insertDatasetIn(tx: SqlExecutor, ds: Pick<Dataset, 'orgs' | 'records' | 'manifest'>, opts: InsertOptions = {}): Promise<SeedResult> {
  const started = performance.now();
  const registry = opts.registry ?? createRegistry();
  const counts: Record<string, number> = {};
  const orgRows = orgUnitRows(ds.orgs);
  await assertNoOrgUnits(tx, ds.manifest.label);
  const roleBefore = (await tx.query<{ role: string }>('select current_setting(\'session_replication_role\') as role')).rows[0]!.role;
  // The dataset has been validated as a whole (org tree, references, rules), which is what the
  // skipped triggers and foreign keys would have checked row by row.
  const audited = opts.audit ? true : !(await skipTriggers(tx));
  const columns = async (table: string, wanted: readonly string[]) => {
    if (!opts.existingColumnsOnly) return wanted;
    const have = await tx.query<{ name: string }>(`select column_name as name from information_schema.columns where table_schema = 'public' and table_name = $1`, [table]);
    const names = new Set(have.rows.map((r) => r.name));
    return wanted.filter((c) => names.has(c));
  };
  await insertRows(tx, 'org_units', await columns('org_units', orgUnitColumns), orgRows, opts.batchSize);
  const kinds = insertOrder([...ds.records.keys()].map((id) => registry.get(id)));
  for (const kind of kinds) {
    const records = ds.records.get(kind.id) ?? [];
    await insertRows(tx, kind.id, await columns(kind.id, recordColumns(kind)), records.map((r) => recordRow(kind, r)), opts.batchSize);
    counts[kind.id] = records.length;
  }
  if (!audited) {
    await tx.query(`select set_config('session_replication_role', $1, true)`, [roleBefore]);
    await rebuildMeasureMonths(tx);
  }
  return { dataset: ds.manifest.name, orgUnits: orgRows.length, records: counts, audited, ms: Math.round(performance.now() - started) };
}

export interface SeedWithDemoUsersResult extends SeedResult {
  demoUsers: { users: number; memberships: number };
}

/**
 * What `fazhi db seed` does: the dataset and the demo accounts in ONE transaction, so a run that
 * dies half-way (killed, connection lost, an account refused) leaves the database empty and the
 * next run starts afresh, instead of records without accounts that a rerun refuses to touch.
 */
export async function insertDatasetWithDemoUsers(db: Database, ds: Pick<Dataset, 'orgs' | 'records' | 'manifest'>, opts: InsertOptions = {}): Promise<SeedWithDemoUsersResult> {
  return db.transaction(async (tx) => {
    const seeded = await insertDatasetIn(tx, ds, opts);
    const demoUsers = await insertDemoUsers(tx, demoOrgsOf(ds.orgs, ds.manifest.rootOrgId));
    return { ...seeded, demoUsers };
  });
}

/**
 * Loads a dataset folder (`seeds/nansha-2024` or any street's own) with full validation and
 * inserts its org tree and every record, soft-deleted ones included, in one transaction: all or
 * nothing. Runs as the connection's role, which must own the tables (or bypass RLS), as the
 * migration runner's does. See `InsertOptions.audit` for row triggers.
 */
export async function seedDataset(db: Database, datasetDir: string, opts: SeedOptions = {}): Promise<SeedResult> {
  const ds = await loadDataset(datasetDir, opts);
  return insertDataset(db, ds, opts);
}
