import {
  attachmentFilesDir,
  ledgerRowsFile,
  manifestFile,
  streetCopyFiles,
  streetCopyFormat,
  streetCopyParts,
  type CopyManifest,
  type LedgerRowsPart,
  type StreetCopy,
  type StreetCopyPart,
  type StreetCopyPartName,
} from '@fazhi/db';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { CliError } from '../cli-error.js';
import { writeFileAtomic } from '../io.js';

/**
 * The folder of a whole-street copy beyond its ledgers (the files of `streetCopyFiles`, manifest.json
 * last). Reading checks every file against the manifest: the records' ids are matched to the
 * ledgers' rows by position, so a ledger changed after the export cannot be taken as part of the copy.
 */
export { manifestFile, type CopyManifest };

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Writes the copy's files (the ledgers are written by the caller) into `dir`, the manifest last. */
export async function writeCopyFolder(dir: string, ledgers: ReadonlyMap<string, { bytes: Uint8Array; rows: number }>, copy: StreetCopy): Promise<void> {
  for (const [name, bytes] of await streetCopyFiles(ledgers, copy)) {
    const path = join(dir, ...name.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, bytes);
  }
}

/** The copy's parts read back from `dir`, every file checked against the manifest; null without a manifest. */
export function readCopyFolder(dir: string): { manifest: CopyManifest; copy: Omit<StreetCopy, 'missingFiles'> } | null {
  const manifestPath = join(dir, manifestFile);
  if (!existsSync(manifestPath)) return null;
  const manifest = parseJson<CopyManifest>(manifestPath, manifestFile);
  if (manifest?.app !== 'fazhi' || manifest.kind !== 'street-copy' || typeof manifest.files !== 'object' || manifest.files === null) {
    throw new CliError(`${manifestFile}：不是 fazhi export --all 写出的清单`);
  }
  if (manifest.format !== streetCopyFormat) throw new CliError(`${manifestFile}：格式版本 ${String(manifest.format)} 不受支持（本版本读取第 ${streetCopyFormat} 版），请用相同版本的 fazhi 导出和导入`);
  for (const [name, entry] of Object.entries(manifest.files)) {
    const path = join(dir, ...name.split('/'));
    if (relative(dir, path).startsWith(`..${sep}`)) throw new CliError(`${manifestFile}：文件名“${name}”不在目录之内`);
    if (!existsSync(path) || !statSync(path).isFile()) throw new CliError(`缺少文件 ${name}（${manifestFile} 中列出），未写入任何数据`);
    const bytes = readFileSync(path);
    if (bytes.byteLength !== entry.bytes || sha256(bytes) !== entry.sha256) {
      throw new CliError(`${name} 与 ${manifestFile} 记载的校验值不符（导出后被改动或损坏），未写入任何数据：记录编号按行对应，改过的台账请用 fazhi import --kind 单独导入`);
    }
  }
  const need = (name: string) => {
    if (!manifest.files[name]) throw new CliError(`${manifestFile} 中没有 ${name}`);
    return join(dir, name);
  };
  const ledgerRows = parseJson<LedgerRowsPart>(need(ledgerRowsFile), ledgerRowsFile);
  checkPart(ledgerRows, ledgerRowsFile, () => Array.isArray(ledgerRows.units) && typeof ledgerRows.kinds === 'object' && ledgerRows.kinds !== null);
  const parts = {} as Record<StreetCopyPartName, StreetCopyPart>;
  for (const name of Object.keys(streetCopyParts) as StreetCopyPartName[]) {
    const file = streetCopyParts[name].file;
    const part = parseJson<StreetCopyPart>(need(file), file);
    checkPart(part, file, () => typeof part.tables === 'object' && part.tables !== null && Object.values(part.tables).every(Array.isArray));
    const known = new Set<string>(streetCopyParts[name].tables.map(([t]) => t));
    const unknown = Object.keys(part.tables).filter((t) => !known.has(t));
    if (unknown.length) throw new CliError(`${file}：含有不认识的表 ${unknown.join('、')}`);
    parts[name] = part;
  }
  const files = new Map<string, Uint8Array>();
  const prefix = `${attachmentFilesDir}/`;
  for (const name of Object.keys(manifest.files).filter((n) => n.startsWith(prefix))) files.set(name.slice(prefix.length), new Uint8Array(readFileSync(join(dir, ...name.split('/')))));
  return { manifest, copy: { ledgerRows, parts, files } };
}

function parseJson<T>(path: string, name: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new CliError(`${name}：无法读取（${(e as Error).message}）`);
  }
}

function checkPart(part: { format?: unknown } | null, file: string, shape: () => boolean): void {
  if (part?.format !== streetCopyFormat) throw new CliError(`${file}：格式版本 ${String(part?.format)} 不受支持（本版本读取第 ${streetCopyFormat} 版）`);
  if (!shape()) throw new CliError(`${file}：内容不完整（缺少应有的表）`);
}
