import { isUtf8 } from 'node:buffer';
import { readFile, stat } from 'node:fs/promises';
import { decodeText, encodingProblem, firstReplacement, type DecodedText } from './text-encoding.js';
import { unstorableCharProblem } from './cell-text.js';

/**
 * A file's decoded text; for a file of valid UTF-8 also its bytes after the mark (`utf8`), from
 * which CSV is read without decoding the whole text (see `readCsv`).
 */
export interface FileText extends DecodedText {
  readonly utf8?: Buffer;
}

export type TextFileResult = { ok: true; decoded: FileText } | { ok: false; missing: boolean; message: string };

/**
 * `decodeText` of a file's bytes, except that valid UTF-8 (nearly every file) is only checked,
 * not decoded: its text is decoded when first asked for. Turning 10 MB of UTF-8 into a JavaScript
 * string takes about 40 ms, most of a large CSV's read, and the CSV reader needs the text only
 * for the cells that are not ASCII.
 */
export function decodeFile(bytes: Buffer): FileText {
  const marked = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = marked ? bytes.subarray(3) : bytes;
  // Anything else is decodeText's to judge: UTF-16's marks are never valid UTF-8, and the GBK
  // that happens to be valid UTF-8 is read as UTF-8 there as well.
  if (!isUtf8(body)) return decodeText(bytes);
  let text: string | undefined;
  return {
    get text() {
      return (text ??= body.toString('utf8'));
    },
    encoding: 'UTF-8',
    invalid: false,
    utf8: body,
  };
}

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
    return { ok: true, decoded: decodeFile(await readFile(path)) };
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
