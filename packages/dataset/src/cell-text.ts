import { replacementChar, replacementMessage, type DecodedText } from './text-encoding.js';

/**
 * Why a text value cannot be kept as it is, or null. NUL cannot be stored in PostgreSQL text, and
 * U+FFFD marks text already lost to a wrong decoding: either would be stored garbled or fail
 * later, far from the file and row that hold it.
 */
export function unstorableCharProblem(value: string, origin: Pick<DecodedText, 'encoding' | 'invalid'> = { encoding: 'UTF-8', invalid: false }): string | null {
  if (value.includes('\u0000')) return '含有空字符（U+0000），数据库无法保存：文件可能是不带 BOM 的 UTF-16 文件或二进制文件';
  if (value.includes(replacementChar)) return replacementMessage(origin);
  return null;
}
