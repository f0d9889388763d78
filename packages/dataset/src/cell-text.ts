import { replacementChar, replacementMessage, type DecodedText } from './text-encoding.js';

/** Half of a UTF-16 surrogate pair on its own: UTF-8 cannot encode it, a file would get U+FFFD. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a text value cannot be kept as it is, or null. NUL cannot be stored in PostgreSQL text, a
 * lone surrogate cannot be written as UTF-8, and U+FFFD marks text already lost to a wrong
 * decoding: each would be stored garbled or fail later, far from the file and row that hold it.
 */
export function unstorableCharProblem(value: string, origin: Pick<DecodedText, 'encoding' | 'invalid'> = { encoding: 'UTF-8', invalid: false }): string | null {
  if (value.includes('\u0000')) return '含有空字符（U+0000），数据库无法保存：文件可能是不带 BOM 的 UTF-16 文件或二进制文件';
  if (value.includes(replacementChar)) return replacementMessage(origin);
  // isWellFormed is native and quick on whole files; the pattern says the same for older engines.
  if (!((value as { isWellFormed?: () => boolean }).isWellFormed?.() ?? !loneSurrogate.test(value))) return '含有不成对的 UTF-16 代理字符，无法保存为 UTF-8：文本可能在复制时被截断，请重新输入';
  return null;
}
