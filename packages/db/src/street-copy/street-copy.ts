import { columnName, type RecordKind } from '@fazhi/domain';
import { rebuildMeasureMonths } from '../measure-months.js';
import type { SqlExecutor } from '../client.js';
import { advanceIdentity, dumpTable, quotedTable, restoreColumns, restoreRows, RowRefused, tableExists, type TableRow } from './table-rows.js';

/**
 * What a whole-street copy (`fazhi export --all`) carries besides its ledgers, and how it is
 * written into an empty database after them. The ledgers (.xlsx, read by people) hold the records'
 * values; these JSON parts hold what a ledger cannot: the records' ids and system columns (so
 * attachments, workflow steps and the audit trail still point at them), the members with their
 * password hashes and grants, the attachments' rows and files, workflow steps, report versions with
 * frozen figures, year locks and templates, and the audit trail. Browser-safe (no node imports).
 */
export const streetCopyFormat = 1;

/** A JSON part: its tables' rows, each table in write order. */
export interface StreetCopyPart {
  format: typeof streetCopyFormat;
  tables: Record<string, TableRow[]>;
}

interface PartSpec {
  file: string;
  label: string;
  /** Tables in write order, each with the order its rows are read in. */
  tables: readonly (readonly [table: string, orderBy: string])[];
}

/** The JSON parts, in the order they are written (each after what it points to). */
export const streetCopyParts = {
  members: {
    file: 'members.json',
    label: '成员与账号',
    tables: [
      ['auth.users', 't.id'],
      ['auth.identities', 't.user_id, t.provider'],
      ['public.profiles', 't.id'],
      ['public.memberships', 't.id'],
      // Local accounts (embedded): who created each and whether its initial password still stands.
      ['private.local_accounts', 't.user_id'],
      // Invitations (Supabase Auth) where the schema has them.
      ['public.invitations', 't.id'],
    ],
  },
  attachments: {
    file: 'attachments.json',
    label: '附件',
    tables: [
      ['storage.objects', 't.name'],
      ['public.attachments', 't.id'],
    ],
  },
  steps: { file: 'steps.json', label: '办理步骤', tables: [['public.record_steps', 't.id']] },
  reports: {
    file: 'reports.json',
    label: '年度报告',
    tables: [
      ['public.report_versions', 't.org_id, t.year, t.version'],
      ['public.report_status_changes', 't.id'],
      ['public.report_year_locks', 't.locked_at, t.id'],
      ['public.report_templates', 't.org_id, t.version'],
    ],
  },
  // The history of changes: the audit trail and the org units' change records (who, why).
  audit: {
    file: 'audit.json',
    label: '操作日志',
    tables: [
      ['public.audit_log', 't.id'],
      ['public.org_unit_changes', 't.id'],
    ],
  },
} as const satisfies Record<string, PartSpec>;

export type StreetCopyPartName = keyof typeof streetCopyParts;

/** The ids and system columns of every ledger row, in the ledgers' row order (by id). */
export interface LedgerRowsPart {
  format: typeof streetCopyFormat;
  /** Whole rows of public.org_units (code, stamps and whatever else the tree sheet does not show). */
  units: TableRow[];
  /**
   * Per record kind, ordered by id like the ledger's rows: each record's id, unit, system columns and
   * reference fields (a ledger names the target by its key, which a soft-deleted target may share
   * with a live one; the copy keeps the exact link).
   */
  kinds: Record<string, TableRow[]>;
}
export const ledgerRowsFile = 'ledger-rows.json';

/** What the triggers of a record table (and public.attachments) stamp on insert. */
export const stampColumns = ['version', 'created_at', 'created_by', 'updated_at', 'updated_by', 'deleted_at', 'deleted_by'] as const;

/** Where the bytes of each stored attachment file go in the folder: `attachments/<object path>`. */
export const attachmentFilesDir = 'attachments';

export interface StreetCopy {
  ledgerRows: LedgerRowsPart;
  parts: Record<StreetCopyPartName, StreetCopyPart>;
  /** Object path → bytes, for every attachment whose bytes this database holds. */
  files: Map<string, Uint8Array>;
  /** Attachments whose bytes live outside the database (Supabase Storage) and were not read. */
  missingFiles: string[];
}

/** Reads everything but the ledgers' values, as the connection's role (the database owner for a full copy). */
export async function readStreetCopy(db: SqlExecutor, recordKinds: readonly RecordKind[]): Promise<StreetCopy> {
  const kinds: Record<string, TableRow[]> = {};
  for (const kind of recordKinds) {
    // The unit too: a ledger names it by name, which two streets' units may share (the demo's).
    const columns = ['id', 'org_id', ...stampColumns, ...kind.fields.filter((f) => f.type === 'ref').map((f) => columnName(f.key))];
    const r = await db.query<{ rows: TableRow[] | string }>(
      `select coalesce(jsonb_agg(jsonb_build_object(${columns.map((c) => `'${c}', t."${c}"`).join(', ')}) order by t.id), '[]'::jsonb) as rows from public."${kind.id}" t`,
    );
    const rows = r.rows[0]!.rows;
    kinds[kind.id] = typeof rows === 'string' ? (JSON.parse(rows) as TableRow[]) : rows;
  }
  const parts = {} as Record<StreetCopyPartName, StreetCopyPart>;
  for (const [name, spec] of Object.entries(streetCopyParts) as [StreetCopyPartName, PartSpec][]) {
    const tables: Record<string, TableRow[]> = {};
    for (const [table, orderBy] of spec.tables) if (await tableExists(db, table)) tables[table] = await dumpTable(db, table, orderBy);
    parts[name] = { format: streetCopyFormat, tables };
  }
  // Only the attachments bucket belongs to the street.
  const objects = parts.attachments.tables['storage.objects'];
  if (objects) parts.attachments.tables['storage.objects'] = objects.filter((o) => o.bucket_id === 'attachments');
  const files = new Map<string, Uint8Array>();
  const missingFiles: string[] = [];
  const haveBytes = await tableExists(db, 'storage.object_data');
  for (const a of parts.attachments.tables['public.attachments'] ?? []) {
    const path = String(a.object_path);
    const bytes = haveBytes
      ? await db.query<{ data: Uint8Array }>(`select d.data from storage.objects o join storage.object_data d on d.object_id = o.id where o.bucket_id = 'attachments' and o.name = $1`, [path])
      : { rows: [] };
    if (bytes.rows[0]) files.set(path, new Uint8Array(bytes.rows[0].data));
    else missingFiles.push(path);
  }
  return { ledgerRows: { format: streetCopyFormat, units: await dumpTable(db, 'public.org_units', 't.id'), kinds }, parts, files, missingFiles };
}

/** A refusal while writing a part: which file, table and row, and the database's reason. */
export class StreetCopyRefused extends Error {
  override name = 'StreetCopyRefused';
}

// GoTrue reads these as strings: a null there breaks sign-in on Supabase (as seed.sql writes them).
const goTrueTextColumns = Object.fromEntries(
  ['confirmation_token', 'recovery_token', 'email_change_token_new', 'email_change', 'email_change_token_current', 'phone_change', 'phone_change_token', 'reauthentication_token'].map((c) => [c, '']),
);

/** Tables with an identity column whose sequence must move past the ids written. */
const identityTables = ['public.record_steps', 'public.report_status_changes', 'public.audit_log', 'public.org_unit_changes'];

export interface WriteStreetCopyResult {
  /** Rows written per table. */
  counts: Record<string, number>;
  /** Attachment files not written because this database keeps no bytes (Supabase Storage): upload them. */
  filesToUpload: number;
}

/** Refuses a database that already has accounts: a copy brings its own. */
export async function assertNoUsers(tx: SqlExecutor): Promise<void> {
  const n = (await tx.query<{ n: number }>('select count(*)::int as n from auth.users')).rows[0]!.n;
  if (n > 0) throw new StreetCopyRefused(`数据库不是空的（已有 ${n} 个账号）：整库导入只写入空数据库，未写入任何数据`);
}

type CopyToWrite = Pick<StreetCopy, 'ledgerRows' | 'parts' | 'files'>;

/** Writes the tables of one part (those `only` accepts), each row checked by the database; counts added to `counts`. */
async function writePart(tx: SqlExecutor, copy: CopyToWrite, name: StreetCopyPartName, counts: Record<string, number>, only?: (table: string) => boolean): Promise<void> {
  const spec: PartSpec = streetCopyParts[name];
  for (const [table] of spec.tables) {
    const rows = copy.parts[name].tables[table];
    if (!rows?.length || (only && !only(table))) continue;
    if (!(await tableExists(tx, table))) throw new StreetCopyRefused(`${spec.file}：目标数据库没有表 ${table}，无法写入其中的 ${rows.length} 行（请先用同一版本的 fazhi db migrate 建库）`);
    try {
      await restoreRows(tx, table, rows, table === 'auth.users' ? { fill: goTrueTextColumns } : { batch: table === 'public.audit_log' ? 5000 : 1 });
    } catch (e) {
      if (e instanceof RowRefused) throw new StreetCopyRefused(`数据库拒绝了 ${spec.file} 中 ${e.message}，未写入任何数据`);
      throw e;
    }
    counts[table] = rows.length;
  }
}

/**
 * First part of writing a copy, right after its org units (before the records, so a refused account
 * or grant stops the import early): accounts, profiles, memberships and invitations, checked by the
 * database's membership rules. Refuses a database that already has accounts.
 */
export async function writeStreetAccounts(tx: SqlExecutor, copy: CopyToWrite): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await assertNoUsers(tx);
  // Local accounts sign in on the embedded database by pgcrypto's crypt() (Supabase has it already).
  if (copy.parts.members.tables['auth.users']?.length) await tx.exec('create schema if not exists extensions; create extension if not exists pgcrypto with schema extensions;');
  // The insert trigger gives each account a profile; the copy's own profiles replace those.
  await writePart(tx, copy, 'members', counts, (t) => t === 'auth.users');
  await tx.query('delete from public.profiles');
  await synthesiseIdentities(tx, copy.parts.members);
  await writePart(tx, copy, 'members', counts, (t) => t !== 'auth.users');
  return counts;
}

/**
 * The rest of a copy, after its ledgers were imported with the ids of `ledgerRows` (records exist,
 * so attachments and steps find them). Rows are written with the triggers on, so the database
 * checks them as any write (an attachment only on a record of its unit …); then, with triggers off,
 * the system columns the insert triggers stamped are set back to the original's, and the audit
 * trail is replaced by the original's (the copy's own insert entries would only say "inserted by
 * nobody just now").
 */
export async function writeStreetCopy(tx: SqlExecutor, copy: CopyToWrite): Promise<WriteStreetCopyResult> {
  const counts: Record<string, number> = {};
  const haveBytes = await tableExists(tx, 'storage.object_data');
  // Attachments: the object rows and bytes where this database keeps them (PGlite, PostgreSQL with
  // the shim); on Supabase the files are uploaded to Storage instead (docs/operations.md).
  if (haveBytes) {
    await writePart(tx, copy, 'attachments', counts, (t) => t === 'storage.objects');
    for (const o of copy.parts.attachments.tables['storage.objects'] ?? []) {
      const bytes = copy.files.get(String(o.name));
      if (!bytes) throw new StreetCopyRefused(`${attachmentFilesDir}/${String(o.name)}：缺少附件文件，未写入任何数据`);
      await tx.query('insert into storage.object_data (object_id, data) values ($1, $2)', [o.id, bytes]);
    }
  }
  await writePart(tx, copy, 'attachments', counts, (t) => t === 'public.attachments');
  await writePart(tx, copy, 'steps', counts);
  await writePart(tx, copy, 'reports', counts);

  // Triggers off (the database owner only): system columns back to the original's, and the audit trail.
  await tx.query('set local session_replication_role = replica');
  await restoreColumns(tx, 'public.org_units', Object.keys(copy.ledgerRows.units[0] ?? {}), copy.ledgerRows.units);
  for (const [kind, rows] of Object.entries(copy.ledgerRows.kinds)) await restoreColumns(tx, `public.${kind}`, Object.keys(rows[0] ?? {}), rows);
  await restoreColumns(tx, 'public.attachments', stampColumns, copy.parts.attachments.tables['public.attachments'] ?? []);
  // The history tables hold only what this import wrote so far ("inserted by nobody just now").
  for (const [table] of streetCopyParts.audit.tables) if (await tableExists(tx, table)) await tx.query(`delete from ${quotedTable(table)}`);
  await writePart(tx, copy, 'audit', counts);
  for (const table of identityTables) await advanceIdentity(tx, table);
  await tx.query('set local session_replication_role = origin');
  // The restored columns (deletion marks among them) bypassed the triggers keeping these current.
  await rebuildMeasureMonths(tx);
  return { counts, filesToUpload: haveBytes ? 0 : copy.files.size };
}

/**
 * GoTrue signs in by e-mail through an identity row; a copy from the embedded database (whose
 * auth schema has no identities) gets one per account with an e-mail, as seed.sql writes them.
 */
async function synthesiseIdentities(tx: SqlExecutor, members: StreetCopyPart): Promise<void> {
  if (members.tables['auth.identities']?.length || !(await tableExists(tx, 'auth.identities'))) return;
  await tx.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
     select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', u.email_confirmed_at is not null), 'email', u.last_sign_in_at, u.created_at, u.updated_at
     from auth.users u where u.email is not null`,
  );
}
