import { exportAllLedgers, ledgerFileOf, orgTreeFileName, readLedger, readOrgTree, type LedgerRow, type References } from '@fazhi/ledger';
import {
  importRecords,
  importRowOf,
  importRows,
  insertOrder,
  isDatabaseError,
  readDatabaseRecords,
  readStreetCopy,
  StreetCopyRefused,
  writeStreetAccounts,
  writeStreetCopy,
  attachmentFilesDir,
  backupExtension,
  ledgerRowsFile,
  type SqlExecutor,
  type TableRow,
} from '@fazhi/db';
import { columnName, type AnyRecord, type OrgUnit, type RecordKind } from '@fazhi/domain';
import type { FazhiModel } from '@fazhi/model';
import JSZip from 'jszip';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { CliError } from '../cli-error.js';
import { writeFileAtomic, type Output } from '../io.js';
import { manifestFile, readCopyFolder, writeCopyFolder } from './copy-folder.js';
import { isMissingSchemaObject, withDatabase } from './db.js';
import { issueLines, referencesFor, type LedgerOptions } from './ledger.js';


/**
 * `fazhi export --all --out DIR` and `fazhi import --all --dir DIR`: every kind of a database as
 * `DIR/<kind>.xlsx` plus the org tree (`DIR/组织机构.xlsx`), and such a folder taken into an empty
 * database in one transaction. Reference fields travel as the target's business key, so records
 * that point to others (执法人员, 服务事项) find them again.
 *
 * With `--unmasked` the folder is a whole-street copy (copy-folder.ts): beside the ledgers, the
 * records' ids and system columns, members and accounts, attachments, workflow steps, report
 * versions and templates, and the audit trail, all listed with checksums in manifest.json. Its
 * import keeps every id, so the server holds the same street the browser did.
 */
export async function runExportAll(opts: LedgerOptions, out: Output, model: FazhiModel): Promise<void> {
  if (!opts.out) throw new CliError('请用 --out 指定输出目录（--all 把每类记录写成 目录/<类型>.xlsx，并写出 组织机构.xlsx）', 2);
  if (opts.kind || opts.year || opts.org) throw new CliError('--all 导出整个数据库，不能与 --kind、--year、--org 同用', 2);
  const dir = opts.out;
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new CliError(`--out“${dir}”已存在且不是目录`, 2);
  await withDatabase(opts.db, async (db) => {
    const read = await readDatabaseRecords(db, { registry: model.registry });
    const units = [...read.orgs.units.values()];
    const root = read.orgs.get(read.rootOrgId);
    mkdirSync(dir, { recursive: true });
    const kinds = model.registry.list();
    const ledgers = await exportAllLedgers({ units, kinds, recordsOf: (id) => read.records.get(id) ?? [], unitLabel: root.shortName || root.name, masked: !opts.unmasked });
    for (const [name, { bytes }] of ledgers) writeFileAtomic(join(dir, name), bytes);
    const total = kinds.reduce((n, k) => n + (read.records.get(k.id)?.length ?? 0), 0);
    out.stdout(`已导出 ${kinds.length} 类记录共 ${total} 条（含已删除的记录，见“删除时间”列）和 ${units.length} 个机构到 ${dir}${opts.unmasked ? '' : '；个人信息已打码，这样的文件不能再导入，需要完整的副本请加 --unmasked'}\n`);
    if (!opts.unmasked) return;
    // The whole-street copy: what the ledgers cannot hold, and the manifest over everything.
    const copy = await readStreetCopy(db, kinds);
    await writeCopyFolder(dir, ledgers, copy);
    const count = (rows: Record<string, TableRow[]>, table: string) => rows[table]?.length ?? 0;
    const { members, attachments, steps, reports, audit } = copy.parts;
    out.stdout(
      `另写出整库副本（${manifestFile} 列出全部文件及校验值）：账号 ${count(members.tables, 'auth.users')} 个、成员资格 ${count(members.tables, 'public.memberships')} 条、邀请 ${count(members.tables, 'public.invitations')} 条、附件 ${count(attachments.tables, 'public.attachments')} 个（文件 ${copy.files.size} 个）、办理步骤 ${count(steps.tables, 'public.record_steps')} 条、报告版本 ${count(reports.tables, 'public.report_versions')} 个、封账 ${count(reports.tables, 'public.report_year_locks')} 条、报告模板 ${count(reports.tables, 'public.report_templates')} 个、操作日志 ${count(audit.tables, 'public.audit_log')} 条；含密码散列和未打码的个人信息，请妥善保管\n`,
    );
    if (copy.missingFiles.length) out.stdout(`提示：${copy.missingFiles.length} 个附件的文件存放在数据库之外（Supabase Storage），未写入目录；请另行从存储桶 attachments 下载到 ${join(dir, 'attachments')}\n`);
  });
}

/** The rows of every ledger file of the folder, read in reference order; problems listed. */
interface FolderRead {
  units: OrgUnit[];
  kinds: { kind: RecordKind; file: string; rows: LedgerRow[] }[];
  errors: string[];
  warnings: string[];
}

/**
 * `ids`: the records' own ids per kind in ledger row order (a whole-street copy's ledger-rows.json);
 * without them every row gets a new id.
 */
async function readFolder(dir: string, model: FazhiModel, ids?: Record<string, TableRow[]>): Promise<FolderRead> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`--dir“${dir}”不是目录`, 2);
  const orgFile = join(dir, orgTreeFileName);
  if (!existsSync(orgFile)) throw new CliError(`目录“${dir}”中没有 ${orgTreeFileName}（fazhi export --all 写出的机构表）：没有它无法建立机构`, 2);
  const tree = await readOrgTree(new Uint8Array(await readFile(orgFile)));
  const result: FolderRead = { units: tree.units, kinds: [], errors: [...tree.errors], warnings: [] };
  if (tree.errors.length) return result;
  const kinds = insertOrder(model.registry.list());
  const known = new Set([orgTreeFileName, ...kinds.map(ledgerFileOf)]);
  for (const name of readdirSync(dir).filter((f) => /\.(xlsx|csv)$/i.test(f) && !known.has(f))) result.warnings.push(`  ${name}：不对应任何记录类型，未导入\n`);
  // Records read so far, by kind: the targets of the reference fields of the kinds read after them.
  const readRecords = new Map<string, AnyRecord[]>();
  for (const kind of kinds) {
    const file = join(dir, ledgerFileOf(kind));
    if (!existsSync(file)) {
      result.warnings.push(`  ${ledgerFileOf(kind)}：没有这个文件，${kind.label}未导入\n`);
      continue;
    }
    const byKey = referencesFor(kind, model, (id) => readRecords.get(id) ?? []);
    // A whole-street copy carries every row's exact unit and links: a unit name or a key that
    // several share (two streets' 塘坑社区, their 执法人员 with the same 执法证号) is no error
    // there, the copy's own value replaces the one matched by name below.
    const references = ids ? sharedKeysResolved(byKey) : byKey;
    // Copies made before ledger-rows.json carried units are matched by name, ambiguity an error.
    const ownUnits = ids?.[kind.id]?.every((r) => typeof r.org_id === 'string') ?? false;
    const orgs = ownUnits ? unitsNamedOnce(tree.units) : tree.units;
    const read = await readLedger(new Uint8Array(await readFile(file)), { kind, orgs, fileName: ledgerFileOf(kind), references, withDeleted: true });
    if (read.errors.length) result.errors.push(issueLines(`${ledgerFileOf(kind)} 的错误`, read.errors, 20));
    if (ids) {
      const own = ids[kind.id] ?? [];
      const refFields = kind.fields.filter((f) => f.type === 'ref');
      if (own.length !== read.rows.length) result.errors.push(`${ledgerFileOf(kind)}：有 ${read.rows.length} 行记录，${ledgerRowsFile} 中有 ${own.length} 条记录编号，无法对应\n`);
      else
        read.rows.forEach((r, i) => {
          r.record.id = String(own[i]!.id);
          if (ownUnits) r.record.orgId = String(own[i]!.org_id);
          for (const f of refFields) r.record[f.key] = (own[i]![columnName(f.key)] as string | null | undefined) ?? null;
        });
    }
    readRecords.set(kind.id, read.rows.map((r) => r.record));
    result.kinds.push({ kind, file: ledgerFileOf(kind), rows: read.rows });
  }
  return result;
}

/**
 * The units to match a copy's 所属单位 cells (full names, as the export writes them) against: one
 * per name, without short names, which other units may share (the caller replaces the match).
 */
function unitsNamedOnce(units: readonly OrgUnit[]): OrgUnit[] {
  const taken = new Set<string>();
  return units.flatMap((u) => {
    if (taken.has(u.name)) return [];
    taken.add(u.name);
    return [{ ...u, shortName: undefined }];
  });
}

/** Reference tables in which a key several records share names one of them (any: the caller replaces the link). */
function sharedKeysResolved(references: References): References {
  return new Map(
    [...references].map(([kindId, table]) => {
      const holder = new Map<string, string>();
      for (const [id, text] of table.shown) if (!holder.has(text)) holder.set(text, id);
      return [kindId, { ...table, ids: new Map([...table.ids].map(([text, id]) => [text, id ?? holder.get(text) ?? null])) }] as const;
    }),
  );
}

async function insertOrgUnits(tx: SqlExecutor, units: readonly OrgUnit[]): Promise<void> {
  const existing = Number((await tx.query<{ n: number }>('select count(*)::int as n from public.org_units')).rows[0]!.n);
  if (existing > 0) throw new CliError(`数据库不是空的（已有 ${existing} 个机构）：--all 只导入到空数据库（可先用 fazhi db migrate 建一个新库），未写入任何数据`);
  // Parents first (the file's order, checked by readOrgTree): each unit's parent rule is checked on insert.
  for (const u of units) {
    await tx.query('insert into public.org_units (id, parent_id, kind, code, name, short_name, ledger_from, ledger_to) values ($1::uuid, $2::uuid, $3, $1::text, $4, $5, $6::date, $7::date)', [
      u.id,
      u.parentId,
      u.kind,
      u.name,
      u.shortName ?? null,
      u.ledgerSpan?.from ?? null,
      u.ledgerSpan?.to ?? null,
    ]);
  }
}

/**
 * Soft-deleted records of the copy, written as deleted (the business key is unique among live
 * records only, so they never clash with the live ones `import_records` wrote). `import_records`
 * refuses `deleted_at`; the CLI connects as the database owner, whose insert still passes the value
 * rules and the audit trail.
 */
async function insertDeleted(tx: SqlExecutor, kind: RecordKind, records: readonly AnyRecord[]): Promise<void> {
  if (!records.length) return;
  const rows = importRows(kind, records).map((row, i) => ({ ...row, deleted_at: records[i]!.deletedAt }));
  const columns = Object.keys(rows[0]!).map((c) => `"${c}"`).join(', ');
  await tx.query(`insert into public."${kind.id}" (${columns}) select ${columns} from jsonb_populate_recordset(null::public."${kind.id}", $1::jsonb)`, [JSON.stringify(rows)]);
}

/** A refusal of the copy's rows (file, table and row named) as the CLI's error. */
async function refusedAsCliError<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof StreetCopyRefused) throw new CliError(e.message);
    throw e;
  }
}

/**
 * `fazhi import --all --file 导出.zip`: the same folder as one zip (the console's 导出全部数据),
 * unpacked into a temporary folder and imported from there.
 */
async function runImportAllZip(opts: LedgerOptions, out: Output, model: FazhiModel): Promise<number> {
  const file = opts.file!;
  if (opts.dir) throw new CliError('--all 用 --dir 指定目录或用 --file 指定 .zip 文件，二者选一', 2);
  if (!/\.zip$/i.test(file)) throw new CliError(`--all --file 只读取 .zip 文件（控制台“导出全部数据”下载的文件），收到“${file}”`, 2);
  if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`找不到文件“${file}”`, 2);
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-import-all-'));
  try {
    await unzipInto(file, dir);
    return await runImportAll({ ...opts, file: undefined, dir }, out, model);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Unpacks `file` into `dir`, refusing entries that would land outside it. */
async function unzipInto(file: string, dir: string): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await readFile(file));
  } catch (e) {
    throw new CliError(`“${file}”不是有效的 zip 文件（${(e as Error).message}）`);
  }
  for (const entry of Object.values(zip.files)) {
    // JSZip strips `../` from `name`; the name as stored tells whether the zip tried to leave.
    if (entry.dir) continue;
    const stored = (entry as JSZip.JSZipObject & { unsafeOriginalName?: string | null }).unsafeOriginalName ?? entry.name;
    const path = join(dir, ...stored.split(/[\\/]/));
    if (/^([\\/]|[A-Za-z]:)/.test(stored) || relative(dir, path).split(/[\\/]/)[0] === '..' || isAbsolute(relative(dir, path))) {
      throw new CliError(`“${file}”中的文件名“${stored}”不在压缩包之内，未写入任何数据`);
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, await entry.async('uint8array'));
  }
}

export async function runImportAll(opts: LedgerOptions, out: Output, model: FazhiModel): Promise<number> {
  if (opts.file && !opts.kind) return runImportAllZip(opts, out, model);
  if (!opts.dir) throw new CliError('请用 --dir 指定 fazhi export --all 写出的目录，或用 --file 指定控制台“导出全部数据”下载的 .zip 文件', 2);
  if (opts.kind || opts.file || opts.org || opts.map?.length) throw new CliError('--all 导入整个目录，不能与 --kind、--file、--org、--map 同用', 2);
  if (opts.db?.trim().endsWith(backupExtension)) throw new CliError(`工作台的备份文件（${backupExtension}）只能读取，不能导入：请导入到 pglite:目录 或 postgres://…`, 2);
  if (!existsSync(opts.dir) || !statSync(opts.dir).isDirectory()) throw new CliError(`--dir“${opts.dir}”不是目录`, 2);
  const copy = readCopyFolder(opts.dir);
  const folder = await readFolder(opts.dir, model, copy?.copy.ledgerRows.kinds);
  if (!copy) folder.warnings.push(`  目录中没有 ${manifestFile}：只导入机构和台账（记录取新的编号），不含成员、附件、办理步骤、年度报告和操作日志（整库副本请用 fazhi export --all --unmasked 导出）\n`);
  if (folder.warnings.length) out.stdout(`提示：\n${folder.warnings.join('')}`);
  const rows = folder.kinds.reduce((n, k) => n + k.rows.length, 0);
  if (folder.errors.length) {
    out.stdout(`${folder.errors.join('')}有错误，未导入任何数据\n`);
    return 1;
  }
  const summary = `${folder.units.length} 个机构，${folder.kinds.length} 类记录共 ${rows} 条${copy ? '及整库副本' : ''}`;
  if (opts.dryRun) {
    out.stdout(`读取 ${summary}，全部有效。仅检查（--dry-run），未写入数据库\n`);
    return 0;
  }
  return withDatabase(opts.db, async (db) => {
    const counts: string[] = [];
    let extra = '';
    await db.transaction(async (tx) => {
      await insertOrgUnits(tx, folder.units);
      const accounts = copy ? await refusedAsCliError(() => writeStreetAccounts(tx, copy.copy)) : {};
      for (const { kind, file, rows: kindRows } of folder.kinds) {
        const live = kindRows.filter((r) => !r.record.deletedAt);
        let result;
        try {
          result = await importRecords(tx, kind, live.map((r) => r.record), 'stop');
        } catch (e) {
          // A missing table is the schema's fault, not a row's: withDatabase says to migrate.
          if (!isDatabaseError(e) || isMissingSchemaObject(e)) throw e;
          const n = importRowOf(e.detail);
          const row = n === null ? undefined : live[n - 1];
          throw new CliError(`数据库拒绝了导入，未写入任何数据：${file}${row ? ` 工作表“${row.sheet}”第 ${row.row} 行` : ''}：${e.message.replace(/^第 \d+ 条记录：/, '')}`);
        }
        if (result.stopped) throw new CliError(`${file}：编号重复（${result.duplicates.slice(0, 20).join('、')}${result.duplicates.length > 20 ? ' 等' : ''}），未写入任何数据`);
        const deleted = kindRows.filter((r) => r.record.deletedAt).map((r) => r.record);
        await insertDeleted(tx, kind, deleted);
        if (kindRows.length) counts.push(`${kind.label} ${result.inserted + deleted.length} 条${deleted.length ? `（其中已删除 ${deleted.length} 条）` : ''}`);
      }
      if (!copy) return;
      const written = await refusedAsCliError(() => writeStreetCopy(tx, copy.copy));
      const n = (table: string) => accounts[table] ?? written.counts[table] ?? 0;
      extra = `；账号 ${n('auth.users')} 个、成员资格 ${n('public.memberships')} 条、邀请 ${n('public.invitations')} 条、附件 ${n('public.attachments')} 个、办理步骤 ${n('public.record_steps')} 条、报告版本 ${n('public.report_versions')} 个、封账 ${n('public.report_year_locks')} 条、报告模板 ${n('public.report_templates')} 个、操作日志 ${n('public.audit_log')} 条`;
      if (written.filesToUpload) extra += `\n提示：这个数据库的附件文件存放在 Supabase Storage：请把 ${join(opts.dir!, attachmentFilesDir)} 中的 ${written.filesToUpload} 个文件上传到存储桶 attachments（见 docs/operations.md“Moving to a server”）`;
    });
    out.stdout(`已导入 ${summary}：${counts.join('、') || '无记录'}${extra}\n`);
    return 0;
  });
}

