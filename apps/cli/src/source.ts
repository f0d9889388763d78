import { DatasetError, fileErrorMessage, formatProblem, loadDataset, loadDatasetWithSnapshot, type Dataset, type DatasetProblem } from '@fazhi/dataset';
import { isStreetLevel, type AnyRecord, type OrgTree, type OrgUnit } from '@fazhi/domain';
import type { ReportStore } from '@fazhi/db';
import type { FazhiModel } from '@fazhi/model';
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CliError } from './cli-error.js';
import { memoryIndicators, type IndicatorSource } from './indicator-source.js';
import type { Output } from './io.js';

/** Records and org tree to compute from, whatever they were read from. */
export interface RecordSource {
  /** Shown in messages, e.g. the dataset folder. */
  label: string;
  orgs: OrgTree;
  rootOrgId: string;
  records: ReadonlyMap<string, readonly AnyRecord[]>;
  /** Where `<year>.md` narrative files for the root org live, if anywhere. */
  narrativeDir?: string;
  /** Computes the figures: the in-memory evaluator for `--dataset`, the SQL evaluator for `--db`. */
  indicators: IndicatorSource;
  /** `--db` only: the annual reports saved in the database (templates, 定稿), read as the URL's role. */
  reports?: ReportStore;
  /** Releases what the source holds open (the `--db` connection); called when the command ends. */
  close?: () => Promise<void>;
}

/** How many warnings the CLI lists before it only counts the rest. */
const listedWarnings = 10;

/** Dataset warnings for stderr: a headline, the first few (file and row), then how many more. */
export function formatWarnings(warnings: readonly DatasetProblem[]): string {
  if (warnings.length === 0) return '';
  const lines = warnings.slice(0, listedWarnings).map((w) => `  ${formatProblem(w)}`);
  if (warnings.length > listedWarnings) lines.push(`  ……另有 ${warnings.length - listedWarnings} 处警告未列出`);
  return `警告：数据集有 ${warnings.length} 处需要检查（不影响计算）：\n${lines.join('\n')}\n`;
}

/** Dated attributes of the catalog (value in force from a date): not "outside the years" when older. */
function inForceFrom(model: FazhiModel): Map<string, string> {
  return new Map(model.catalog.measures.flatMap((m) => (m.period.type === 'asOfEnd' ? [[m.kind, m.period.field] as const] : [])));
}

/**
 * Where validated datasets are kept between runs (see `loadDatasetWithSnapshot`): FAZHI_CACHE_DIR,
 * else the user's cache folder (XDG_CACHE_HOME or ~/.cache) under fazhi/datasets. FAZHI_CACHE_DIR
 * set empty turns the snapshots off: every run then validates the folder in full.
 */
export function datasetCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.FAZHI_CACHE_DIR !== undefined) return env.FAZHI_CACHE_DIR || null;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'fazhi', 'datasets');
}

/** `--dataset DIR` names a folder that can be read (checked before slower work, e.g. opening a database). */
export async function checkDatasetDir(dir: string): Promise<void> {
  const info = await stat(dir).catch((e: unknown) => e as NodeJS.ErrnoException);
  if (info instanceof Error) throw new CliError(`数据集目录“${dir}”${fileErrorMessage(info)}`);
  if (!info.isDirectory()) throw new CliError(`数据集目录“${dir}”不是文件夹`);
}

/**
 * `--dataset DIR`: checks the folder, loads it with the composed model's kinds (a plugin's kind
 * loads from its own CSV file) (errors as a CliError) and prints its warnings to stderr.
 */
export async function loadDatasetForCli(dir: string, out: Output, model: FazhiModel): Promise<Dataset> {
  await checkDatasetDir(dir);
  try {
    const opts = { registry: model.registry, inForceFrom: inForceFrom(model) };
    const cacheDir = datasetCacheDir();
    const ds = cacheDir ? await loadDatasetWithSnapshot(dir, { ...opts, cacheDir }) : await loadDataset(dir, opts);
    out.stderr(formatWarnings(ds.warnings));
    return ds;
  } catch (e) {
    if (e instanceof DatasetError) throw new CliError(e.message);
    throw e;
  }
}

/** The records a command computes from, read with the composed model: `--dataset DIR` or `--db URL`. */
export async function openSource(opts: { dataset?: string | undefined; db?: string | undefined }, out: Output, model: FazhiModel): Promise<RecordSource> {
  if (opts.dataset && opts.db) throw new CliError('--dataset 与 --db 只能选一个', 2);
  if (opts.db) return (await import('./commands/db.js')).openDbSource(opts.db, model);
  if (!opts.dataset) throw new CliError('请用 --dataset 指定数据集目录（或用 --db 指定数据库）', 2);
  const ds = await loadDatasetForCli(opts.dataset, out, model);
  return { label: opts.dataset, orgs: ds.orgs, rootOrgId: ds.manifest.rootOrgId, records: ds.records, narrativeDir: join(opts.dataset, 'narrative'), indicators: memoryIndicators(ds, model.catalog) };
}

/** `--org` may name a unit by id, full name or short name; the dataset's root by default. */
export function resolveOrg(source: RecordSource, wanted: string | undefined): OrgUnit {
  if (!wanted) return source.orgs.get(source.rootOrgId);
  const units = [...source.orgs.units.values()];
  const match = units.filter((u) => u.id === wanted || u.name === wanted || u.shortName === wanted);
  if (match.length === 1) return match[0]!;
  if (match.length > 1) throw new CliError(`机构“${wanted}”不唯一，请改用编号：${match.map((u) => `${u.name}（${u.id}）`).join('、')}`, 2);
  const hint = units
    .filter((u) => u.kind === 'district' || isStreetLevel(u.kind))
    .map((u) => `${u.shortName || u.name}（${u.id}）`)
    .join('、');
  throw new CliError(`数据集中没有机构“${wanted}”。可选的区、街道（镇）有：${hint}`, 2);
}
