import { mkdir, readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { backupExtension, readBackupFile } from './backup-file.js';
import type { Database } from './client.js';
import { isDatabaseError } from './database-error.js';

/** Where a database lives, parsed from the URL given to `openDatabase`. */
export type DatabaseLocation =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string }
  /** The console's backup file (备份本机数据库), opened as an in-memory copy: what is written to it is not saved. */
  | { kind: 'pglite-backup'; file: string }
  | { kind: 'pglite-memory' };

export const databaseUrlHint = `postgres://用户:密码@主机:端口/库名、pglite:目录、pglite:备份文件${backupExtension} 或 pglite:memory`;

/** Hides the password of a postgres URL, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

export function parseDatabaseUrl(url: string): DatabaseLocation {
  const text = url.trim();
  if (/^postgres(ql)?:\/\//i.test(text)) return { kind: 'postgres', url: text };
  const pglite = /^pglite:(?:\/\/)?(.*)$/i.exec(text);
  if (pglite) {
    const where = pglite[1]!;
    if (where === 'memory' || where === ':memory:') return { kind: 'pglite-memory' };
    if (where.endsWith(backupExtension)) return { kind: 'pglite-backup', file: resolve(where) };
    if (where !== '') return { kind: 'pglite', dataDir: resolve(where) };
  }
  throw new Error(`无法识别的数据库地址“${redactUrl(text)}”，应为 ${databaseUrlHint}`);
}

/**
 * Opens the database a URL names: `postgres://…`/`postgresql://…` (PostgreSQL or Supabase, through
 * a connection pool), `pglite:DIR` (embedded, persisted in DIR, created if missing) or
 * `pglite:memory`. Drivers are loaded on demand, so PGlite users never load node-postgres.
 */
export async function openDatabase(url: string): Promise<Database> {
  const where = parseDatabaseUrl(url);
  if (where.kind === 'postgres') {
    const { openPostgres } = await import('./postgres-database.js');
    try {
      return await openPostgres(where.url);
    } catch (e) {
      if (isDatabaseError(e)) throw e;
      throw new Error(`无法连接数据库“${redactUrl(where.url)}”：${(e as Error).message}`, { cause: e });
    }
  }
  const { openPglite, nodeSharedBuffers: sharedBuffers } = await import('./pglite-database.js');
  if (where.kind === 'pglite-memory') return openPglite({ sharedBuffers });
  if (where.kind === 'pglite-backup') return openPglite({ loadDataDir: await backupData(where.file), sharedBuffers });
  await mkdir(where.dataDir, { recursive: true });
  try {
    return await openPglite({ dataDir: where.dataDir, sharedBuffers });
  } catch (e) {
    throw new Error(`无法打开 PGlite 数据目录“${where.dataDir}”：${(e as Error).message}`, { cause: e });
  }
}

/** The data directory inside a console backup file, checked (format, length, checksum, schema not newer than ours). */
async function backupData(file: string): Promise<Blob> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new Error(`无法读取备份文件“${file}”：${(e as Error).message}`, { cause: e });
  }
  const { defaultMigrationsDir } = await import('./package-paths.js');
  const newest = (await readdir(defaultMigrationsDir())).filter((f) => /^\d{14}_.*\.sql$/.test(f)).sort().at(-1)?.slice(0, 14) ?? '';
  let data: Blob;
  try {
    data = (await readBackupFile(new Blob([new Uint8Array(bytes)]), newest)).data;
  } catch (e) {
    throw new Error(`备份文件“${file}”：${(e as Error).message}`, { cause: e });
  }
  const head = new Uint8Array(await data.slice(0, 2).arrayBuffer());
  // PGlite inflates a dump only when its type says gzip.
  return new Blob([data], { type: head[0] === 0x1f && head[1] === 0x8b ? 'application/gzip' : 'application/x-tar' });
}
