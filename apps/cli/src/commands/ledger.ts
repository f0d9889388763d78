import { exportLedger, importTemplate, readLedger, referencedKinds, referenceTable, type LedgerIssue, type LedgerReadResult, type References } from '@fazhi/ledger';
import { importRecords, importRowOf, isDatabaseError, onDuplicateChoices, readDatabaseRecords, type Database, type OnDuplicate } from '@fazhi/db';
import { periodRange, RecordKindRegistry, yearPeriod, type AnyRecord, type OrgUnit, type RecordKind } from '@fazhi/domain';
import type { FazhiModel } from '@fazhi/model';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CliError } from '../cli-error.js';
import { findOrg } from '../org-option.js';
import { checkOutputPath, writeFileAtomic, type Output } from '../io.js';
import { isMissingSchemaObject, withDatabase } from './db.js';
import { runExportAll, runImportAll } from './ledger-all.js';

export interface LedgerOptions {
  db?: string | undefined;
  kind?: string | undefined;
  file?: string | undefined;
  out?: string | undefined;
  org?: string | undefined;
  year?: string | undefined;
  map?: readonly string[] | undefined;
  onDuplicate?: string | undefined;
  dryRun?: boolean | undefined;
  skipInvalid?: boolean | undefined;
  /** Every kind and the org tree: export to the folder `out`, import from the folder `dir`. */
  all?: boolean | undefined;
  dir?: string | undefined;
  /** Export personal data in clear (default: masked, 张* and 138****5678). */
  unmasked?: boolean | undefined;
}

export const ledgerUsage = `fazhi import --db URL --kind 类型 --file 文件 [--org 机构] [--map 表头=字段 …] [--on-duplicate skip|update|stop] [--dry-run] [--skip-invalid]
fazhi import --db URL --all --dir 目录|--file 导出.zip [--dry-run]   .zip 为控制台“导出全部数据”下载的文件
fazhi export --db URL --kind 类型 --out 文件.xlsx|文件.csv [--year YYYY] [--org 机构] [--unmasked]
fazhi export --db URL --all --out 目录 [--unmasked]   加 --unmasked 为整库副本：另含成员与账号、附件、办理步骤、年度报告、操作日志和 manifest.json，可用 import --all 整体迁移
fazhi template --kind 类型 --out 文件.xlsx`;

function kindOf(model: FazhiModel, id: string | undefined): RecordKind {
  if (!id) throw new CliError(`请用 --kind 指定记录类型，可用：${model.registry.list().map((k) => `${k.id}（${k.label}）`).join('、')}`, 2);
  if (!model.registry.has(id)) {
    const byLabel = model.registry.list().find((k) => k.label === id);
    if (byLabel) return byLabel;
    throw new CliError(`未知的记录类型“${id}”，可用：${model.registry.list().map((k) => `${k.id}（${k.label}）`).join('、')}`, 2);
  }
  return model.registry.get(id);
}

/** `--map 表头=字段`, repeatable. */
function parseMap(items: readonly string[] = []): Record<string, string> {
  const map: Record<string, string> = {};
  for (const item of items) {
    const i = item.indexOf('=');
    if (i <= 0 || i === item.length - 1) throw new CliError(`--map 应写成“表头=字段”，收到“${item}”`, 2);
    map[item.slice(0, i).trim()] = item.slice(i + 1).trim();
  }
  return map;
}

/** Every unit of the database with its 机构编号, as the connection's role sees them (what `--org` is found among). */
export async function orgUnits(db: Database): Promise<OrgUnit[]> {
  const res = await db.query<{ id: string; parent_id: string | null; kind: OrgUnit['kind']; code: string | null; name: string; short_name: string | null }>(
    'select id, parent_id, kind, code, name, short_name from public.org_units order by name, id',
  );
  if (res.rows.length === 0) throw new CliError('数据库中没有机构数据，请先用 fazhi db seed 导入数据集或建立机构');
  return res.rows.map((u) => ({ id: u.id, parentId: u.parent_id, kind: u.kind, code: u.code, name: u.name, shortName: u.short_name }));
}

export const issueLines = (label: string, issues: readonly LedgerIssue[], limit = 50) =>
  issues.length ? `${label}（${issues.length} 处）：\n${issues.slice(0, limit).map((i) => `  ${i.text}\n`).join('')}${issues.length > limit ? `  ……另有 ${issues.length - limit} 处\n` : ''}` : '';

/**
 * The reference tables a kind's ledger needs (its ref fields' target kinds), from `recordsOf`:
 * a target's records shown by business key or title instead of raw ids.
 */
export function referencesFor(kind: RecordKind, model: FazhiModel, recordsOf: (kindId: string) => readonly AnyRecord[]): References {
  return new Map(referencedKinds(kind).filter((id) => model.registry.has(id)).map((id) => [id, referenceTable(model.registry.get(id), recordsOf(id))]));
}

/** A registry of the kind and the kinds its reference fields point to (what a database read needs). */
function withTargets(kind: RecordKind, model: FazhiModel): RecordKindRegistry {
  return new RecordKindRegistry([kind, ...referencedKinds(kind).filter((id) => id !== kind.id && model.registry.has(id)).map((id) => model.registry.get(id))]);
}

function onDuplicateFrom(text: string | undefined): OnDuplicate {
  const value = text ?? 'stop';
  if (!onDuplicateChoices.includes(value as OnDuplicate)) throw new CliError(`--on-duplicate 应为 skip（跳过）、update（更新）或 stop（停止），收到“${value}”`, 2);
  return value as OnDuplicate;
}

/** A refusal of the database for row N of the rows sent, named by sheet and row of the file. */
function refusalText(e: unknown, read: LedgerReadResult): string | null {
  if (!isDatabaseError(e) || isMissingSchemaObject(e)) return null;
  const n = importRowOf(e.detail);
  const row = n === null ? undefined : read.rows[n - 1];
  const message = e.message.replace(/^第 \d+ 条记录：/, '');
  return row ? `工作表“${row.sheet}”第 ${row.row} 行：${message}` : message;
}

export async function runImport(opts: LedgerOptions, out: Output, model: FazhiModel): Promise<number> {
  if (opts.all) return runImportAll(opts, out, model);
  const kind = kindOf(model, opts.kind);
  if (!opts.file) throw new CliError('请用 --file 指定要导入的 .xlsx 或 .csv 文件', 2);
  const file = opts.file;
  const map = parseMap(opts.map);
  const onDuplicate = onDuplicateFrom(opts.onDuplicate);
  const bytes = new Uint8Array(await readFile(file));
  return withDatabase(opts.db, async (db) => {
    const orgs = await orgUnits(db);
    const defaultOrg = opts.org ? findOrg(orgs, opts.org) : undefined;
    const targets = referencedKinds(kind).length ? (await readDatabaseRecords(db, { registry: withTargets(kind, model) })).records : new Map<string, AnyRecord[]>();
    const references = referencesFor(kind, model, (id) => targets.get(id) ?? []);
    const read = await readLedger(bytes, { kind, orgs, fileName: basename(file), map, references, ...(defaultOrg ? { defaultOrgId: defaultOrg.id } : {}) });
    out.stdout(issueLines('提示', read.warnings));
    out.stdout(issueLines('错误', read.errors));
    const summary = `读取 ${read.rowsRead} 行${kind.label}，有效 ${read.rows.length} 行，错误 ${read.rowsWithErrors} 行`;
    if (read.errors.length && !opts.skipInvalid) {
      out.stdout(`${summary}。有错误，未导入任何记录（改正后重试，或用 --skip-invalid 只导入有效的行）\n`);
      return 1;
    }
    if (opts.dryRun) {
      out.stdout(`${summary}。仅检查（--dry-run），未写入数据库\n`);
      return read.errors.length ? 1 : 0;
    }
    let result;
    try {
      result = await db.transaction((tx) => importRecords(tx, kind, read.rows.map((r) => r.record), onDuplicate));
    } catch (e) {
      const text = refusalText(e, read);
      if (text) throw new CliError(`数据库拒绝了导入，未写入任何记录：${text}`);
      throw e;
    }
    if (result.stopped) {
      out.stdout(`${summary}。以下${kind.fields.find((f) => f.key === kind.businessKey)?.label ?? '编号'}重复（文件内或本街道已有），按 --on-duplicate stop 未导入任何记录：\n  ${result.duplicates.join('、')}\n可改用 --on-duplicate skip 跳过或 update 更新\n`);
      return 1;
    }
    out.stdout(`${summary}；导入 ${result.inserted} 条，更新 ${result.updated} 条，跳过 ${result.skipped} 条${result.duplicates.length ? `（重复编号 ${result.duplicates.length} 个）` : ''}\n`);
    return 0;
  });
}

export async function runExport(opts: LedgerOptions, out: Output, model: FazhiModel): Promise<void> {
  if (opts.all) return runExportAll(opts, out, model);
  const kind = kindOf(model, opts.kind);
  if (!opts.out || !/\.(xlsx|csv)$/i.test(opts.out)) throw new CliError('请用 --out 指定输出文件（.xlsx 或 .csv）', 2);
  const target = opts.out;
  checkOutputPath(target);
  if (opts.year !== undefined && !/^\d{4}$/.test(opts.year)) throw new CliError(`--year 应为四位年份，收到“${opts.year}”`, 2);
  await withDatabase(opts.db, async (db) => {
    const read = await readDatabaseRecords(db, { registry: withTargets(kind, model) });
    const units = [...read.orgs.units.values()];
    const org = opts.org ? findOrg(units, opts.org) : read.orgs.get(read.rootOrgId);
    const inOrg = read.orgs.subtreeIds(org.id);
    const range = opts.year ? periodRange(yearPeriod(Number(opts.year))) : null;
    const records = (read.records.get(kind.id) ?? []).filter((r) => {
      if (r.deletedAt || !inOrg.has(r.orgId)) return false;
      const at = String(r[kind.periodField] ?? '').slice(0, 10);
      return !range || (at >= range.start && at < range.end);
    });
    const format = /\.csv$/i.test(target) ? 'csv' : 'xlsx';
    const references = referencesFor(kind, model, (id) => read.records.get(id) ?? []);
    const masked = !opts.unmasked;
    const bytes = await exportLedger(records, { kind, orgs: units, unit: org.shortName || org.name, period: opts.year ? `${opts.year}年` : '', masked, format, references });
    writeFileAtomic(target, bytes);
    const personal = kind.fields.some((f) => f.personal);
    out.stdout(`已导出${kind.label} ${records.length} 条到 ${target}${personal && masked ? '（个人信息已打码；需要原文请加 --unmasked）' : ''}\n`);
  });
}

export async function runTemplate(opts: LedgerOptions, out: Output, model: FazhiModel): Promise<void> {
  const kind = kindOf(model, opts.kind);
  if (!opts.out || !/\.xlsx$/i.test(opts.out)) throw new CliError('请用 --out 指定模板文件（.xlsx）', 2);
  writeFileAtomic(opts.out, await importTemplate(kind));
  out.stdout(`已生成${kind.label}导入模板 ${opts.out}（第二个工作表“填写说明”列出每一列的要求）\n`);
}

