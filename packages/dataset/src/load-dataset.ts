import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { createRegistry, OrgTree, type AnyRecord, type RecordKindRegistry } from '@fazhi/domain';
import { crossCheck } from './cross-checks.js';
import { DatasetError } from './dataset-error.js';
import { parseManifest } from './manifest.js';
import { readOrgs } from './org-file.js';
import { kindColumns, readRecordFile } from './record-file.js';
import type { RowRefs } from './row-refs.js';
import { encodingProblem } from './text-encoding.js';
import { fileErrorMessage, plainTextProblem, readTextFile, type FileText } from './text-file.js';
import { kindFile, manifestFile, orgsFile, type Dataset, type DatasetManifest, type DatasetProblem } from './types.js';
import { outOfYearsWarnings } from './year-warnings.js';

export interface LoadOptions {
  /** Record kinds to recognise; the built-in ones by default. */
  registry?: RecordKindRegistry;
  /**
   * Kind id → the date field from which a record's value is in force (a metrics catalog's
   * `asOfEnd` bindings): such records dated before the dataset's years are not warned about.
   */
  inForceFrom?: ReadonlyMap<string, string>;
}

/**
 * One file of the folder, decoded: null when it does not exist; 'failed' when it cannot be used
 * at all (a folder, unreadable, mixed encodings), the problem then already in `problems`.
 */
async function readDatasetFile(dir: string, file: string, problems: DatasetProblem[]): Promise<FileText | null | 'failed'> {
  const res = await readTextFile(join(dir, file));
  if (!res.ok) {
    if (res.missing) return null;
    problems.push({ file, message: res.message });
    return 'failed';
  }
  const mixed = encodingProblem(res.decoded);
  if (mixed) {
    problems.push({ file, ...(res.decoded.mixedLine !== undefined ? { row: res.decoded.mixedLine } : {}), message: mixed });
    return 'failed';
  }
  return res.decoded;
}

/**
 * Loads a dataset folder and validates all of it. Every problem is collected (a broken file does
 * not hide the next one's), then thrown together as one `DatasetError`.
 */
export async function loadDataset(dir: string, opts: LoadOptions = {}): Promise<Dataset> {
  const registry = opts.registry ?? createRegistry();
  const abs = resolve(dir);
  const problems: DatasetProblem[] = [];
  // The folder, the manifest and the orgs are asked for together, and the kind files as soon as
  // the manifest names them: each read waits on the disk, and waiting for one at a time added up.
  const folder = stat(abs).catch((e: unknown) => e as Error);
  const manifestRead = readDatasetFile(abs, manifestFile, problems);
  const orgsRead = readDatasetFile(abs, orgsFile, problems);
  const info = await folder;
  if (info instanceof Error || !info.isDirectory()) {
    const why = info instanceof Error ? fileErrorMessage(info) : '不是文件夹';
    throw new DatasetError(basename(abs), [{ file: abs, message: why === '不存在' ? '文件夹不存在' : why }]);
  }

  let manifest: DatasetManifest | undefined;
  const manifestText = await manifestRead;
  const manifestTextProblem = manifestText && manifestText !== 'failed' ? plainTextProblem(manifestText) : null;
  if (manifestText === null) problems.push({ file: manifestFile, message: '文件不存在' });
  else if (manifestTextProblem) problems.push({ file: manifestFile, row: manifestTextProblem.line, message: manifestTextProblem.message });
  else if (manifestText !== 'failed') {
    const res = parseManifest(manifestText.text, registry);
    problems.push(...res.problems);
    manifest = res.manifest;
  }

  // Without a usable manifest, still check every known kind file present so no problem hides.
  const kindIds = manifest
    ? manifest.kinds
    : (await readdir(abs).catch(() => [] as string[])).filter((f) => f.endsWith('.csv') && registry.has(f.slice(0, -4))).map((f) => f.slice(0, -4)).sort();

  // Every kind file is asked for at once and each is read as soon as it is in, in manifest order:
  // the files still on their way (the large ones come late) arrive while the earlier ones are read.
  const texts = kindIds.map((k) => readDatasetFile(abs, kindFile(k), problems));

  const orgsText = await orgsRead;
  const orgs = orgsText === null || orgsText === 'failed' ? undefined : readOrgs(orgsText);
  if (orgsText === null) problems.push({ file: orgsFile, message: '文件不存在' });
  if (orgs) problems.push(...orgs.problems);
  if (manifest?.rootOrgId && orgs?.ids && !orgs.ids.has(manifest.rootOrgId)) {
    problems.push({ file: manifestFile, field: '根机构', key: 'rootOrgId', message: `机构“${manifest.rootOrgId}”不在 ${orgsFile} 中` });
  }
  for (const orgId of Object.keys(manifest?.orgLedgerSpans ?? {})) {
    if (orgs?.ids && !orgs.ids.has(orgId)) problems.push({ file: manifestFile, field: '各机构建账起止', key: 'orgLedgerSpans', message: `机构“${orgId}”不在 ${orgsFile} 中` });
  }

  const records = new Map<string, AnyRecord[]>();
  const rowsByKind = new Map<string, RowRefs>();
  for (const [i, kindId] of kindIds.entries()) {
    const text = await texts[i];
    if (text === 'failed') continue;
    if (text === null || text === undefined) {
      problems.push({ file: kindFile(kindId), message: `文件不存在（${manifestFile} 列出了“${registry.get(kindId).label}”）` });
      continue;
    }
    const res = readRecordFile(registry.get(kindId), text);
    records.set(kindId, res.records);
    rowsByKind.set(kindId, res.rows);
    problems.push(...res.problems);
  }
  problems.push(...crossCheck(registry, rowsByKind, orgs?.ids ?? null));

  const name = manifest?.label || manifest?.name || basename(abs);
  if (problems.length || !manifest || !orgs?.tree) throw new DatasetError(name, sortProblems(problems, kindIds, registry));
  const warnings = sortProblems(outOfYearsWarnings(registry, manifest, records, rowsByKind, opts.inForceFrom), kindIds, registry);
  return { dir: abs, manifest, orgs: withLedgerSpans(orgs.tree, manifest), records, warnings };
}

/** The tree with the manifest's spans on its units: the dataset's default on each root. */
function withLedgerSpans(tree: OrgTree, manifest: DatasetManifest): OrgTree {
  if (!manifest.ledgerSpan && !manifest.orgLedgerSpans) return tree;
  return new OrgTree(
    [...tree.units.values()].map((u) => {
      const span = manifest.orgLedgerSpans?.[u.id] ?? (u.parentId === null ? manifest.ledgerSpan : undefined);
      return span ? { ...u, ledgerSpan: span } : u;
    }),
  );
}

/**
 * Manifest first, then orgs, then kind files in manifest order; within a file by row, and within
 * a row by column, so the list reads like the spreadsheet.
 */
export function sortProblems(problems: readonly DatasetProblem[], kindIds: readonly string[], registry: RecordKindRegistry): DatasetProblem[] {
  const order = new Map<string, number>([[manifestFile, 0], [orgsFile, 1], ...kindIds.map((k, i) => [kindFile(k), i + 2] as const)]);
  const columns = new Map<string, string[]>([[orgsFile, ['id', 'parentId', 'kind', 'name', 'shortName']]]);
  for (const k of kindIds) if (registry.has(k)) columns.set(kindFile(k), kindColumns(registry.get(k)).map((c) => c.key));
  const col = (p: DatasetProblem) => (p.key ? (columns.get(p.file)?.indexOf(p.key) ?? -1) : -1);
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (order.get(a.p.file) ?? 1e9) - (order.get(b.p.file) ?? 1e9) || (a.p.row ?? 0) - (b.p.row ?? 0) || col(a.p) - col(b.p) || a.i - b.i)
    .map((x) => x.p);
}
