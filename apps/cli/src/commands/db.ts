import { builtInModel, type FazhiModel } from '@fazhi/model';
import { DatasetError, escapeControlChars } from '@fazhi/dataset';
import {
  assertNoOrgUnits,
  demoAccounts,
  demoPassword,
  generateModelMigration,
  insertDatasetWithDemoUsers,
  isDatabaseError,
  migrate,
  migrateModel,
  modelSnapshotFile,
  openDatabase,
  readDatabaseRecords,
  redactUrl,
  sqlReportStore,
  type Database,
} from '@fazhi/db';
import { workAreaLabel } from '@fazhi/domain';
import { join } from 'node:path';
import { CliError } from '../cli-error.js';
import type { Output } from '../io.js';
import { checkDatasetDir, loadDatasetForCli, type RecordSource } from '../source.js';
import { textTable } from '../text-table.js';
import { sqlIndicators } from '../indicator-source.js';

export interface DbOptions {
  db?: string | undefined;
  dataset?: string | undefined;
  /** `db generate`: the Supabase folder (migrations/ and model-snapshot.json); `supabase` by default. */
  dir?: string | undefined;
}

export const dbUsage = `fazhi db migrate --db URL                 应用 supabase/migrations 中尚未应用的迁移
fazhi db seed --db URL --dataset DIR      迁移后导入数据集（机构与全部记录）并创建演示账号
fazhi db generate [--dir supabase]        把模型（内置类型、插件与扩展）的变化写成新的迁移文件，并更新 model-snapshot.json
  URL：postgres://用户:密码@主机:端口/库名、pglite:目录 或 pglite:memory`;

/** Turns database and dataset errors into messages for the terminal (never a stack trace). */
function asCliError(e: unknown): unknown {
  if (e instanceof CliError) return e;
  if (e instanceof DatasetError) return new CliError(e.message);
  if (isDatabaseError(e)) return new CliError(`数据库报错（${e.code}）：${e.message}${e.detail ? `（${e.detail}）` : ''}`);
  if (e instanceof Error && /[\u4e00-\u9fff]/.test(e.message)) return new CliError(e.message);
  return e;
}

/** What PostgreSQL says of a table, function or schema that is not there (undefined_table, _function, invalid_schema_name). */
const missingObjectCodes = ['42P01', '42883', '3F000'];

/** A table, function or schema the command needs is not there: the schema's fault, never a row's. */
export const isMissingSchemaObject = (e: unknown): boolean => missingObjectCodes.some((code) => isDatabaseError(e, code));

/**
 * A command failed on a table or function that is not there: the database has no fazhi schema
 * yet, or an older one. Says which, and the command that fixes it, instead of PostgreSQL's words.
 */
async function unmigratedError(db: Database, url: string, e: unknown): Promise<CliError | null> {
  if (!isMissingSchemaObject(e)) return null;
  const shown = redactUrl(url);
  const fix = `请先运行 fazhi db migrate --db ${shown}`;
  const schema = await db.query<{ present: boolean }>(`select to_regclass('public.org_units') is not null as present`).catch(() => null);
  if (schema?.rows[0]?.present === false) return new CliError(`数据库“${shown}”还没有 fazhi 的数据结构（尚未迁移）：${fix}（新库随后用 fazhi setup 建立本单位，或用 fazhi db seed 导入数据集）`);
  return new CliError(`数据库“${shown}”的结构不是最新（${(e as Error).message}）：${fix}`);
}

/** Opens `--db`, runs `fn`, and always closes the connection again. */
export async function withDatabase<T>(url: string | undefined, fn: (db: Database) => Promise<T>): Promise<T> {
  if (!url) throw new CliError('请用 --db 指定数据库，如 --db pglite:./data 或 --db postgres://…', 2);
  let db: Database;
  try {
    db = await openDatabase(url);
  } catch (e) {
    throw asCliError(e);
  }
  try {
    return await fn(db);
  } catch (e) {
    throw (await unmigratedError(db, url, e)) ?? asCliError(e);
  } finally {
    await db.close().catch(() => undefined);
  }
}

/** The migration files, then what the composed model adds beyond them (plugins' kinds, extensions). */
async function migrateAndReport(db: Database, out: Output, model: FazhiModel): Promise<void> {
  const result = await migrate(db);
  if (result.shim) out.stdout('已应用 Supabase 兼容脚本（数据库中没有 auth 模式）\n');
  if (result.applied.length === 0) out.stdout('数据库结构已是最新，没有需要应用的迁移\n');
  for (const m of result.applied) out.stdout(`已应用迁移 ${m.file}（${m.statements} 条语句，${m.ms} 毫秒）\n`);
  for (const f of result.skipped) out.stdout(`已跳过 ${f}：文件名不是“时间戳_名称.sql”\n`);
  const upgrade = await migrateModel(db, model);
  if (upgrade.changed) out.stdout(`已按当前模型升级数据库结构（模型快照 ${upgrade.hash.slice(0, 12)}）：\n${upgrade.changes.map((c) => `  ${c}\n`).join('')}`);
}

/** `db generate`: the files driver of the schema evolution (see docs/database.md). */
async function generate(dir: string, out: Output, model: FazhiModel): Promise<void> {
  const result = await generateModelMigration({ dir, model }).catch((e: unknown) => {
    throw asCliError(e);
  });
  if (!result.file) {
    out.stdout(`模型没有变化，没有生成迁移（${join(dir, modelSnapshotFile)} 已是最新）\n`);
    return;
  }
  out.stdout(`已生成迁移 ${join(dir, result.file)}：\n${result.changes.map((c) => `  ${c}\n`).join('')}`);
  out.stdout(`已更新模型快照 ${join(dir, modelSnapshotFile)}（${result.hash.slice(0, 12)}）\n`);
}

const roleLabels: Record<string, string> = { supervisor: '区级督导', admin: '街道管理员', clerk: '业务经办人', viewer: '查看者' };

export async function runDb(sub: string | undefined, opts: DbOptions, out: Output, model: FazhiModel = builtInModel()): Promise<void> {
  switch (sub) {
    case 'migrate':
      await withDatabase(opts.db, (db) => migrateAndReport(db, out, model));
      return;
    case 'generate':
      await generate(opts.dir ?? 'supabase', out, model);
      return;
    case 'seed': {
      if (!opts.dataset) throw new CliError('请用 --dataset 指定要导入的数据集目录，如 --dataset seeds/nansha-2024', 2);
      const dataset = opts.dataset;
      await checkDatasetDir(dataset);
      await withDatabase(opts.db, async (db) => {
        await migrateAndReport(db, out, model);
        // Refuse a non-empty database before spending seconds on loading the dataset.
        await assertNoOrgUnits(db, dataset);
        const ds = await loadDatasetForCli(dataset, out, model);
        // Records and accounts in one transaction: a run that dies half-way leaves nothing behind.
        const result = await insertDatasetWithDemoUsers(db, ds, { registry: model.registry });
        const records = Object.values(result.records).reduce((a, b) => a + b, 0);
        out.stdout(`已导入数据集“${escapeControlChars(ds.manifest.label)}”：机构 ${result.orgUnits} 个，记录 ${records} 条（${Object.keys(result.records).length} 类），耗时 ${(result.ms / 1000).toFixed(1)} 秒\n`);
        out.stdout(`已创建演示账号 ${result.demoUsers.users} 个（密码均为 ${demoPassword}）：\n`);
        const rows = demoAccounts.map((a) => [a.email, a.displayName, a.memberships.map((m) => `${roleLabels[m.role]}${m.areas.length ? `（${m.areas.map(workAreaLabel).join('、')}）` : ''}`).join(' + ')]);
        out.stdout(textTable(['账号', '说明', '角色'], rows));
      });
      return;
    }
    case undefined:
      throw new CliError(`请指定 db 的子命令：\n${dbUsage}`, 2);
    default:
      throw new CliError(`未知的 db 子命令“${sub}”，可用：\n${dbUsage}`, 2);
  }
}

/**
 * `--db` for metrics and report: the org tree and the records of every kind the URL's role can
 * read, loaded into memory like a dataset. The connection stays open (for figures computed in
 * SQL) until `close()`.
 */
export async function openDbSource(url: string, model: FazhiModel): Promise<RecordSource> {
  let db: Database;
  try {
    db = await openDatabase(url);
  } catch (e) {
    throw asCliError(e);
  }
  try {
    const read = await readDatabaseRecords(db, { registry: model.registry });
    // Figures are computed by the database (the SQL evaluator), as the connection's role: see indicator-source.ts.
    return { label: redactUrl(url), orgs: read.orgs, rootOrgId: read.rootOrgId, records: read.records, indicators: sqlIndicators(db, model.catalog), reports: sqlReportStore((fn) => db.transaction(fn)), close: () => db.close() };
  } catch (e) {
    const unmigrated = await unmigratedError(db, url, e);
    await db.close().catch(() => undefined);
    throw unmigrated ?? asCliError(e);
  }
}
