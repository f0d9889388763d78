import { escapeControlChars, fileErrorMessage, plainTextProblem, readTextFile } from '@fazhi/dataset';
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from './cli-error.js';

/** Why a file cannot be written there, in Chinese (the caller puts the path in front). */
export function writeErrorMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return '无法写入：没有写入权限';
    case 'EROFS':
      return '无法写入：所在的文件系统是只读的';
    case 'ENOSPC':
      return '无法写入：磁盘空间不足';
    case 'ENOENT':
      return '无法写入：所在的文件夹不存在';
    case 'ENOTDIR':
      return '无法写入：路径中有一段是文件而不是文件夹';
    case 'EISDIR':
      return '是文件夹，应为文件路径';
    case 'ELOOP':
      return '无法写入：路径中有循环的符号链接';
    case 'ENAMETOOLONG':
      return '无法写入：路径过长';
    default:
      return `无法写入（${code ?? String(e)}）`;
  }
}

/**
 * Writes via a temporary sibling and a rename, so a failed run never leaves a half-written file.
 * A path a person got wrong (a folder, a parent folder that does not exist, no permission) is a
 * CliError naming it; the parent folder is not created, so a typo does not leave folders about.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, what = '输出文件'): void {
  checkOutputPath(path, what);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new CliError(`${what}“${path}”${writeErrorMessage(e)}`);
  }
}

/**
 * The checks `writeFileAtomic` starts with, for commands to run before slow work: the path is not
 * a folder and its folder exists. (Permissions show only when writing.)
 */
export function checkOutputPath(path: string, what = '输出文件'): void {
  const fail = (message: string): never => {
    throw new CliError(`${what}“${path}”${message}`);
  };
  const parent = dirname(path);
  const target = statOrError(path);
  if (target && !(target instanceof Error) && target.isDirectory()) fail('是文件夹，应为文件路径');
  const folder = statOrError(parent);
  if (folder === null) fail(`无法写入：所在的文件夹“${parent}”不存在`);
  if (folder instanceof Error) fail(writeErrorMessage(folder));
  if (folder && !(folder instanceof Error) && !folder.isDirectory()) fail(`无法写入：“${parent}”不是文件夹`);
}

/** A path's stat; null when nothing is there; the error when it cannot be looked at. */
function statOrError(path: string): ReturnType<typeof statSync> | Error | null {
  try {
    return statSync(path);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? null : (e as Error);
  }
}

/**
 * Reads a text file a person named (narrative, template…), decoded as `decodeText` does: UTF-8,
 * GBK/GB18030 or UTF-16. A folder, a symlink loop, a missing file or undecodable text is a
 * CliError naming the path (and line), never a stack trace or silently garbled text.
 */
export async function readInputText(path: string, what: string): Promise<string> {
  const res = await readTextFile(path);
  if (!res.ok) throw new CliError(`${what}“${path}”${res.message}`);
  const problem = plainTextProblem(res.decoded);
  if (problem) throw new CliError(`${what}“${path}”第${problem.line}行：${problem.message}`);
  return res.decoded.text;
}

/**
 * Filesystem errors that escaped a command: a Chinese message naming the path where the error
 * knows it (a read from an open file does not), or null for errors of any other kind.
 */
export function fileSystemErrorMessage(e: unknown): string | null {
  const err = e as NodeJS.ErrnoException | undefined;
  if (!err || typeof err.code !== 'string' || !/^E[A-Z]+$/.test(err.code) || typeof err.syscall !== 'string') return null;
  const writing = /write|rename|mkdir|copy/.test(err.syscall) || (err.syscall === 'open' && err.code !== 'ENOENT');
  const message = writing ? writeErrorMessage(err) : fileErrorMessage(err);
  return typeof err.path === 'string' ? `“${err.path}”${message}` : `读写文件时出错：${message}（${err.code}）`;
}

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processOutput: Output = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
};

/** Text for the terminal from data: control characters escaped, line breaks kept. */
export const terminalText = (text: string) => escapeControlChars(text);
