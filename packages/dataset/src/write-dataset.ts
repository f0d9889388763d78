import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRegistry, OrgTree, type AnyRecord, type OrgUnit, type RecordKindRegistry } from '@fazhi/domain';
import { replaceDirAtomically } from './atomic-dir.js';
import { crossCheck } from './cross-checks.js';
import { DatasetError } from './dataset-error.js';
import { sortProblems } from './load-dataset.js';
import { formatManifest } from './manifest.js';
import { formatOrgs, unstorableOrgValues } from './org-file.js';
import { formatRecordFile } from './record-file.js';
import type { RowRefs } from './row-refs.js';
import { kindFile, manifestFile, orgsFile, type DatasetInput, type DatasetProblem } from './types.js';

export interface WriteOptions {
  registry?: RecordKindRegistry;
}

/** Files a dataset owns; anything else in an existing folder (README, notes) is kept. */
const isDatasetFile = (name: string) => name === manifestFile || name.endsWith('.csv');

function recordsOf(input: DatasetInput['records'], kindId: string): readonly AnyRecord[] | undefined {
  return input instanceof Map ? input.get(kindId) : (input as Readonly<Record<string, readonly AnyRecord[]>>)[kindId];
}

function recordKindIds(input: DatasetInput['records']): string[] {
  return input instanceof Map ? [...input.keys()] : Object.keys(input);
}

/**
 * Writes a dataset folder: `dataset.json`, `orgs.csv` and one CSV per listed kind. Records are
 * validated as they are formatted, with the same checks as `loadDataset`, so whatever is written
 * loads back; on any problem nothing changes on disk and a `DatasetError` is thrown.
 * Output is deterministic: records in the given order, declared column order, `\n` endings.
 */
export async function writeDataset(dir: string, input: DatasetInput, opts: WriteOptions = {}): Promise<void> {
  const registry = opts.registry ?? createRegistry();
  const { manifest } = input;
  const problems: DatasetProblem[] = [];

  let units: OrgUnit[];
  if (input.orgs instanceof OrgTree) units = [...input.orgs.units.values()];
  else {
    units = [...input.orgs];
    try {
      new OrgTree(units);
    } catch (e) {
      for (const line of (e as Error).message.split('\n').slice(1)) problems.push({ file: orgsFile, message: line });
    }
  }
  problems.push(...unstorableOrgValues(units));
  const orgIds = new Set(units.map((u) => u.id));
  if (!orgIds.has(manifest.rootOrgId)) problems.push({ file: manifestFile, field: '根机构', key: 'rootOrgId', message: `机构“${manifest.rootOrgId}”不在 ${orgsFile} 中` });
  for (const k of manifest.kinds) if (!registry.has(k)) problems.push({ file: manifestFile, field: '记录类型', key: 'kinds', message: `未知的记录类型“${k}”` });
  for (const k of recordKindIds(input.records)) {
    if (!manifest.kinds.includes(k) && (recordsOf(input.records, k)?.length ?? 0) > 0) {
      problems.push({ file: manifestFile, field: '记录类型', key: 'kinds', message: `有“${k}”的记录，但“kinds”未列出该类型` });
    }
  }
  const kindIds = manifest.kinds.filter((k) => registry.has(k));

  await replaceDirAtomically(
    dir,
    async (tmp) => {
      await writeFile(join(tmp, manifestFile), formatManifest(manifest));
      await writeFile(join(tmp, orgsFile), formatOrgs(units));
      const rowsByKind = new Map<string, RowRefs>();
      // Files are written one by one as they are formatted; a later failure discards the temp folder.
      for (const kindId of kindIds) {
        const formatted = formatRecordFile(registry.get(kindId), recordsOf(input.records, kindId) ?? []);
        rowsByKind.set(kindId, formatted.rows);
        if (formatted.problems.length) problems.push(...formatted.problems);
        else await writeFile(join(tmp, kindFile(kindId)), formatted.text);
      }
      problems.push(...crossCheck(registry, rowsByKind, orgIds));
      if (problems.length) throw new DatasetError(manifest.label || manifest.name, sortProblems(problems, kindIds, registry), { writing: true });
    },
    (entry) => !isDatasetFile(entry) && !entry.startsWith('.'),
  );
}
