/**
 * The embedded database's backup file: one file holding a small manifest and the whole PGlite
 * data directory (a gzipped tar from `dumpDataDir`). Layout, so a person can read the head:
 *
 *   FAZHI-BACKUP 1\n
 *   {"app":"fazhi","format":1,"schemaVersion":"20261204000400",…,"bytes":N,"sha256":"…"}\n
 *   <N bytes: the data directory>
 *
 * The console writes it (备份本机数据库) and restores it; the CLI opens it read-only as
 * `--db pglite:FILE.fazhi-backup` (open-database.ts), e.g. to export a whole-street copy.
 * `readBackupFile` checks all of it before anything is replaced: the head, the manifest, the
 * length and the SHA-256 of the data. Whether the data opens and has our schema is checked by
 * opening it (embedded-backend.ts).
 */
export const backupMagic = 'FAZHI-BACKUP 1\n';
export const backupExtension = '.fazhi-backup';

export interface BackupManifest {
  app: 'fazhi';
  format: 1;
  /** The newest migration applied in the backed-up database (its version prefix). */
  schemaVersion: string;
  /** The street (or unit) of the admin who made it. */
  unit: { id: string; name: string };
  /** ISO time the backup was made. */
  createdAt: string;
  createdBy: string;
  /** Length and SHA-256 (hex) of the data that follows the manifest. */
  bytes: number;
  sha256: string;
}

const maxManifestBytes = 4096;

export async function sha256Hex(data: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The backup file for a data directory dump. */
export async function writeBackupFile(data: Blob, about: Omit<BackupManifest, 'app' | 'format' | 'bytes' | 'sha256'>): Promise<Blob> {
  const bytes = new Uint8Array(await data.arrayBuffer());
  const manifest: BackupManifest = { app: 'fazhi', format: 1, ...about, bytes: bytes.length, sha256: await sha256Hex(bytes) };
  return new Blob([backupMagic, `${JSON.stringify(manifest)}\n`, bytes], { type: 'application/octet-stream' });
}

export class BackupFileError extends Error {
  override name = 'BackupFileError';
}

const fail = (message: string): never => {
  throw new BackupFileError(message);
};

/** The manifest and the data of a backup file, or a Chinese error saying what is wrong with it. */
export async function readBackupFile(file: Blob, newestSchema: string): Promise<{ manifest: BackupManifest; data: Blob }> {
  const head = new Uint8Array(await file.slice(0, backupMagic.length + maxManifestBytes).arrayBuffer());
  const magic = new TextEncoder().encode(backupMagic);
  if (head.length < magic.length || magic.some((b, i) => head[i] !== b)) fail('不是工作台的备份文件（文件开头不是 FAZHI-BACKUP）');
  const end = head.indexOf(10, magic.length);
  if (end < 0) fail('备份文件已损坏：找不到备份说明');
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(magic.length, end))) as BackupManifest;
  } catch {
    return fail('备份文件已损坏：备份说明无法读取');
  }
  if (manifest?.app !== 'fazhi' || manifest.format !== 1) fail('不是工作台的备份文件，或来自不支持的版本');
  if (typeof manifest.schemaVersion !== 'string' || !/^\d{14}$/.test(manifest.schemaVersion)) fail('备份文件已损坏：缺少数据库结构版本');
  if (manifest.schemaVersion > newestSchema) fail(`备份来自较新版本的工作台（数据库结构 ${manifest.schemaVersion}），请先升级工作台再恢复`);
  if (!Number.isSafeInteger(manifest.bytes) || manifest.bytes <= 0 || typeof manifest.sha256 !== 'string') fail('备份文件已损坏：备份说明不完整');
  const data = file.slice(end + 1);
  if (data.size !== manifest.bytes) fail(`备份文件不完整：应有 ${manifest.bytes} 字节数据，实有 ${data.size} 字节`);
  if ((await sha256Hex(await data.arrayBuffer())) !== manifest.sha256) fail('备份文件已损坏：校验和不符');
  return { manifest, data };
}

/** `fazhi-南沙街道-2026-12-04.fazhi-backup` */
export const backupFileName = (m: Pick<BackupManifest, 'unit' | 'createdAt'>) =>
  `fazhi-${m.unit.name.replace(/[\\/:*?"<>|\s]+/g, '_')}-${m.createdAt.slice(0, 10)}${backupExtension}`;
