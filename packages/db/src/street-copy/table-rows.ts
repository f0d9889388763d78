import type { SqlExecutor } from '../client.js';
import { isDatabaseError } from '../database-error.js';

/**
 * Whole rows of one table as JSON (`to_jsonb` of each row: exact timestamps, every column the
 * source has), and such rows written back into the same table of another database. Used for what
 * a street carries besides its ledgers (members, attachments, workflow steps, the audit trail,
 * report versions); the columns both sides have are copied, so a column added on one side later
 * (an `active` flag, a retirement date) travels when both have it and never breaks the other.
 */
export type TableRow = Record<string, unknown>;

/** `schema.table`, quoted. */
export const quotedTable = (table: string) =>
  table
    .split('.')
    .map((p) => `"${p.replace(/"/g, '""')}"`)
    .join('.');
const quotedColumn = (c: string) => `"${c.replace(/"/g, '""')}"`;

export async function tableExists(db: SqlExecutor, table: string): Promise<boolean> {
  const r = await db.query<{ ok: boolean }>('select to_regclass($1) is not null as ok', [table]);
  return r.rows[0]!.ok;
}

/** Every row of `table` in `orderBy` order ([] when the table does not exist here). */
export async function dumpTable(db: SqlExecutor, table: string, orderBy: string): Promise<TableRow[]> {
  if (!(await tableExists(db, table))) return [];
  const r = await db.query<{ rows: TableRow[] | string }>(`select coalesce(jsonb_agg(to_jsonb(t) order by ${orderBy}), '[]'::jsonb) as rows from ${quotedTable(table)} t`);
  const rows = r.rows[0]!.rows;
  return typeof rows === 'string' ? (JSON.parse(rows) as TableRow[]) : rows;
}

/** The columns of `table` a row may be written into (not generated, not dropped), in table order. */
export async function writableColumns(db: SqlExecutor, table: string): Promise<string[]> {
  const r = await db.query<{ name: string }>(
    `select a.attname as name from pg_catalog.pg_attribute a
     where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
     order by a.attnum`,
    [table],
  );
  return r.rows.map((c) => c.name);
}

/** A row the database refused: its table, its number among the rows given (from 1) and why. */
export class RowRefused extends Error {
  override name = 'RowRefused';
  constructor(
    readonly table: string,
    readonly rows: string,
    readonly reason: string,
  ) {
    super(`${table} 第 ${rows} 行：${reason}`);
  }
}

export interface RestoreOptions {
  /** Values for columns the rows lack or leave null, where the target has them (GoTrue's token columns). */
  fill?: Record<string, unknown>;
  /** Rows per statement; 1 (the default) names the very row a refusal is about. */
  batch?: number;
}

/**
 * Inserts `rows` into `table` with their own ids (identity columns included: OVERRIDING SYSTEM
 * VALUE), in the columns both the rows and the table have. A refusal throws `RowRefused`; the
 * caller's transaction is then aborted and rolls back.
 */
export async function restoreRows(tx: SqlExecutor, table: string, rows: readonly TableRow[], opts: RestoreOptions = {}): Promise<void> {
  if (!rows.length) return;
  const fill = opts.fill ?? {};
  const batch = opts.batch ?? 1;
  const target = await writableColumns(tx, table);
  const present = new Set(rows.flatMap((r) => Object.keys(r)));
  const columns = target.filter((c) => present.has(c) || c in fill);
  const list = columns.map(quotedColumn).join(', ');
  const sql = `insert into ${quotedTable(table)} (${list}) overriding system value select ${list} from jsonb_populate_recordset(null::${quotedTable(table)}, $1::jsonb)`;
  const filled = (row: TableRow) => {
    const out = { ...row };
    for (const [c, v] of Object.entries(fill)) if (out[c] === null || out[c] === undefined) out[c] = v;
    return out;
  };
  for (let i = 0; i < rows.length; i += batch) {
    const slice = rows.slice(i, i + batch);
    try {
      await tx.query(sql, [JSON.stringify(slice.map(filled))]);
    } catch (e) {
      if (isDatabaseError(e)) throw new RowRefused(table, slice.length === 1 ? String(i + 1) : `${i + 1}–${i + slice.length}`, e.message);
      throw e;
    }
  }
}

/**
 * Sets the given columns of existing rows (matched by `id`) to the values in `rows`; every row must
 * match. For what triggers stamp on insert (created_at, created_by, version …): the caller runs it
 * with triggers off (`session_replication_role = replica`), so the copy keeps the original's.
 */
export async function restoreColumns(tx: SqlExecutor, table: string, columns: readonly string[], rows: readonly TableRow[]): Promise<void> {
  if (!rows.length) return;
  const target = new Set(await writableColumns(tx, table));
  const set = columns.filter((c) => c !== 'id' && target.has(c));
  if (!set.length) return;
  const sql = `update ${quotedTable(table)} t set ${set.map((c) => `${quotedColumn(c)} = s.${quotedColumn(c)}`).join(', ')}
    from jsonb_populate_recordset(null::${quotedTable(table)}, $1::jsonb) s where s.id = t.id`;
  const r = await tx.query(sql, [JSON.stringify(rows)]);
  if (r.affectedRows !== rows.length) throw new RowRefused(table, `1–${rows.length}`, `应有 ${rows.length} 行对应的记录，实有 ${r.affectedRows} 行`);
}

/** Sets the identity sequence of `table.id` past the highest id written with its own value. */
export async function advanceIdentity(tx: SqlExecutor, table: string): Promise<void> {
  if (!(await tableExists(tx, table))) return;
  await tx.query(`select setval(pg_get_serial_sequence($1, 'id'), coalesce((select max(id) from ${quotedTable(table)}), 0) + 1, false)`, [table]);
}
