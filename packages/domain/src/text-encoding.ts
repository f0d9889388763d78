/** Encodings a dataset, narrative or other text file may arrive in. */
export type TextEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

export interface DecodedText {
  /** The text, without its byte order mark. */
  text: string;
  encoding: TextEncoding;
  /** Set when the bytes are not valid in `encoding`: the text then holds U+FFFD where they were. */
  invalid: boolean;
  /**
   * 1-based line of the first line written in another encoding than the rest (a file saved
   * partly as UTF-8 and partly as GBK, e.g. rows pasted from two sources); the text is unusable.
   */
  mixedLine?: number;
}

const boms: readonly { bytes: readonly number[]; encoding: TextEncoding; label: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'UTF-8', label: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'UTF-16LE', label: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'UTF-16BE', label: 'utf-16be' },
];

const strictDecoders = new Map<string, InstanceType<typeof TextDecoder>>();

function decodeStrict(label: string, bytes: Uint8Array): string | null {
  let decoder = strictDecoders.get(label);
  // A decoder without `stream` starts afresh on every call, so one per encoding serves all.
  if (!decoder) strictDecoders.set(label, (decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true })));
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

const ideograph = /[\u4e00-\u9fff]/gu;

let everydayHanzi: Set<string> | undefined;
/**
 * GB2312's 6,763 hanzi (lead bytes B0–F7, trail A1–FE), the characters of everyday writing, read
 * out of the platform's own GB18030 decoder in one call rather than shipped as a table.
 */
function gb2312Hanzi(): Set<string> {
  if (everydayHanzi) return everydayHanzi;
  const bytes: number[] = [];
  for (let lead = 0xb0; lead <= 0xf7; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) bytes.push(lead, trail);
  const text = new TextDecoder('gb18030').decode(Uint8Array.from(bytes));
  return (everydayHanzi = new Set(text.match(ideograph) ?? []));
}

/** The share of everyday hanzi among a text's ideographs, and how many ideographs it has. */
function everydayShare(text: string): { ideographs: number; share: number } {
  const found = text.match(ideograph) ?? [];
  const everyday = gb2312Hanzi();
  return { ideographs: found.length, share: found.length ? found.filter((ch) => everyday.has(ch)).length / found.length : 0 };
}

/**
 * Whether a line of a GBK file, valid UTF-8 as well, was written as UTF-8: read that way it is
 * Chinese a person writes (two ideographs or more, two in three of them everyday ones, as in the
 * name 李玥然) and more so than read as GBK. Validity alone is not enough: GBK text can be valid
 * UTF-8 by chance (婵楀湭 is E6 BF 97 E5 9C AA, UTF-8 for the rare 濗圪), while UTF-8 Chinese
 * read as GBK is mojibake of rare characters (测试 becomes 娴嬭瘯). A line that reads as everyday
 * Chinese both ways stays GBK, since the rest of the file is.
 */
function writtenAsUtf8(line: Uint8Array, utf8: string): boolean {
  const asUtf8 = everydayShare(utf8);
  if (asUtf8.ideographs < 2 || asUtf8.share < 2 / 3) return false;
  return asUtf8.share > everydayShare(new TextDecoder('gb18030').decode(line)).share;
}

/**
 * The first line of a non-UTF-8 file that was written as UTF-8 (see `writtenAsUtf8`): the file
 * mixes encodings, and decoding it as GB18030 would garble that line without a trace.
 */
function firstUtf8ChineseLine(bytes: Uint8Array): number | undefined {
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const lineBytes = bytes.subarray(start, i);
    const text = decodeStrict('utf-8', lineBytes);
    if (text !== null && writtenAsUtf8(lineBytes, text)) return line;
    start = i + 1;
    line++;
  }
  return undefined;
}

/**
 * Decodes a text file's bytes the way a person saved them: a byte order mark decides (UTF-8,
 * UTF-16 LE/BE, as Excel's "Unicode text" writes); without one, valid UTF-8 is UTF-8 and anything
 * else is GB18030, the superset of the GBK that Excel and WPS write on Chinese Windows. Never
 * throws; callers must refuse `invalid` or `mixedLine` text rather than use it. The mark is
 * trusted even when the rest is not valid in its encoding, so a damaged UTF-8 file is refused
 * rather than re-read as GBK gibberish; a GBK file starting with 锘 and a character whose GBK
 * bytes start with BF (锘魁) begins with UTF-8's mark, EF BB BF, and is refused the same way.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  for (const bom of boms) {
    if (bytes.length < bom.bytes.length || bom.bytes.some((b, i) => bytes[i] !== b)) continue;
    const body = bytes.subarray(bom.bytes.length);
    const strict = decodeStrict(bom.label, body);
    return { text: strict ?? new TextDecoder(bom.label, { ignoreBOM: true }).decode(body), encoding: bom.encoding, invalid: strict === null };
  }
  const utf8 = decodeStrict('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8', invalid: false };
  const gb = decodeStrict('gb18030', bytes);
  const mixedLine = firstUtf8ChineseLine(bytes);
  return {
    text: gb ?? new TextDecoder('gb18030', { ignoreBOM: true }).decode(bytes),
    encoding: 'GB18030',
    invalid: gb === null,
    ...(mixedLine !== undefined ? { mixedLine } : {}),
  };
}

/** A UTF-8 byte order mark: files the project writes start with it so Excel reads them as UTF-8. */
export const utf8Bom = '\uFEFF';

/** Where a text is unusable, as one Chinese sentence (without the file name), or null if it is fine. */
export function encodingProblem(decoded: DecodedText): string | null {
  if (decoded.mixedLine !== undefined) {
    return `第${decoded.mixedLine}行是 UTF-8 编码，而文件其余部分是 GBK/GB18030 编码：请把整个文件另存为同一种编码（推荐 UTF-8）`;
  }
  return null;
}

/** The replacement character U+FFFD, left where bytes could not be decoded. */
export const replacementChar = '\uFFFD';

/** Why a text holding U+FFFD is refused (the caller names the place). */
export function replacementMessage(decoded: Pick<DecodedText, 'encoding' | 'invalid'>): string {
  return decoded.invalid
    ? `含有无法按 ${decoded.encoding} 解码的字节：文件已损坏，或不是 UTF-8、GBK/GB18030、UTF-16 编码，请用 UTF-8 重新保存`
    : '含有替换字符“\uFFFD”：文件此前转换编码时已丢失了文字，请用原始文件重新导出';
}

/** 1-based line and column (in characters) of the first U+FFFD in a text, if any. */
export function firstReplacement(text: string): { line: number; column: number } | null {
  const at = text.indexOf(replacementChar);
  if (at < 0) return null;
  const before = text.slice(0, at);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: [...text.slice(lineStart, at)].length + 1 };
}
