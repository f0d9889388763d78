import { loadDataset, DatasetError } from '@fazhi/dataset';
import type { AnyRecord, OrgTree, OrgUnit } from '@fazhi/domain';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './cli-error.js';
import { openDbSource } from './commands/db.js';
import type { IndicatorSource } from './indicator-source.js';

/** Records and org tree to compute from, whatever they were read from. */
export interface RecordSource {
  /** Shown in messages, e.g. the dataset folder. */
  label: string;
  orgs: OrgTree;
  rootOrgId: string;
  records: ReadonlyMap<string, readonly AnyRecord[]>;
  /** Where `<year>.md` narrative files for the root org live, if anywhere. */
  narrativeDir?: string;
  /** Computes the figures in place of the in-memory evaluator (`--db`: the SQL evaluator). */
  indicators?: IndicatorSource;
  /** Releases what the source holds open (the `--db` connection); called when the command ends. */
  close?: () => Promise<void>;
}

export async function openSource(opts: { dataset?: string | undefined; db?: string | undefined }): Promise<RecordSource> {
  if (opts.dataset && opts.db) throw new CliError('--dataset 与 --db 只能选一个', 2);
  if (opts.db) return openDbSource(opts.db);
  if (!opts.dataset) throw new CliError('请用 --dataset 指定数据集目录（或用 --db 指定数据库）', 2);
  if (!existsSync(opts.dataset)) throw new CliError(`数据集目录“${opts.dataset}”不存在`);
  try {
    const ds = await loadDataset(opts.dataset);
    return { label: opts.dataset, orgs: ds.orgs, rootOrgId: ds.manifest.rootOrgId, records: ds.records, narrativeDir: join(opts.dataset, 'narrative') };
  } catch (e) {
    if (e instanceof DatasetError) throw new CliError(e.message);
    throw e;
  }
}

/** `--org` may name a unit by id, full name or short name; the dataset's root by default. */
export function resolveOrg(source: RecordSource, wanted: string | undefined): OrgUnit {
  if (!wanted) return source.orgs.get(source.rootOrgId);
  const units = [...source.orgs.units.values()];
  const match = units.filter((u) => u.id === wanted || u.name === wanted || u.shortName === wanted);
  if (match.length === 1) return match[0]!;
  if (match.length > 1) throw new CliError(`机构“${wanted}”不唯一，请改用编号：${match.map((u) => `${u.name}（${u.id}）`).join('、')}`, 2);
  const hint = units
    .filter((u) => u.kind === 'street' || u.kind === 'district')
    .map((u) => `${u.shortName || u.name}（${u.id}）`)
    .join('、');
  throw new CliError(`数据集中没有机构“${wanted}”。可选的区、街道有：${hint}`, 2);
}
