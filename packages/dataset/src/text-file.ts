import { readFile, stat } from 'node:fs/promises';
import { decodeText, encodingProblem, firstReplacement, type DecodedText } from './text-encoding.js';
import { unstorableCharProblem } from './cell-text.js';

export type TextFileResult = { ok: true; decoded: DecodedText } | { ok: false; missing: boolean; message: string };

/** Why a path cannot be read as a file, in Chinese (the caller puts the path in front). */
export function fileErrorMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return '不存在';
    case 'EISDIR':
      return '是文件夹，应为文件';
    case 'ELOOP':
      return '是循环的符号链接，无法读取';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限';
    case 'ENAMETOOLONG':
      return '路径过长';
    case 'ERR_FS_FILE_TOO_LARGE':
      return '过大，无法读取';
    default:
      return `无法读取（${code ?? String(e)}）`;
  }
}

/**
 * Reads and decodes a text file (see `decodeText`), never throwing for what a person can get
 * wrong: a missing path, a folder, a symlink loop, a device or pipe (reading one would hang).
 */
export async function readTextFile(path: string): Promise<TextFileResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, missing: false, message: '是文件夹，应为文件' };
    if (!info.isFile()) return { ok: false, missing: false, message: '不是普通文件' };
    return { ok: true, decoded: decodeText(await readFile(path)) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT' || code === 'ENOTDIR', message: fileErrorMessage(e) };
  }
}

/**
 * For text read whole (JSON, Markdown): the first place it cannot be used as it is — mixed
 * encodings, undecodable bytes, NUL — as `第N行第M个字符…`, or null.
 */
export function plainTextProblem(decoded: DecodedText): { line: number; message: string } | null {
  const mixed = encodingProblem(decoded);
  if (mixed) return { line: decoded.mixedLine ?? 1, message: mixed };
  const at = firstReplacement(decoded.text.replaceAll('\u0000', '\uFFFD'));
  if (!at) return null;
  const line = decoded.text.split('\n')[at.line - 1] ?? '';
  const problem = unstorableCharProblem(line, decoded) ?? '';
  return { line: at.line, message: `第${at.column}个字符${problem}` };
}
