import { Inflate } from 'fflate';

/** One file of a zip archive, located through the central directory; its bytes are not inflated yet. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** The compressed bytes (a view of the archive, no copy). */
  data: Uint8Array;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/**
 * The entries of a zip archive by name, read from its central directory (sizes there are exact even
 * when a writer streamed the data with descriptors after it). Throws a Chinese message for anything
 * that is not a zip an office suite writes.
 */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('文件不完整或不是 .xlsx 文件（找不到 ZIP 目录）');
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new Error('不支持 ZIP64 格式的 .xlsx 文件（文件超过 4 GB？）');
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new Error('文件已损坏（ZIP 目录不完整）');
    const method = u16(bytes, at + 10);
    const size = u32(bytes, at + 20);
    const nameLength = u16(bytes, at + 28);
    const local = u32(bytes, at + 42);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw new Error(`文件已损坏（“${name}”的位置不对）`);
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + size > bytes.length) throw new Error(`文件不完整（“${name}”被截断）`);
    entries.set(name, { name, method, data: bytes.subarray(start, start + size) });
  }
  return entries;
}

/** Compressed bytes fed to the inflater at a time: the inflated text arrives in pieces of a few hundred kB. */
const inputChunk = 64 * 1024;

/**
 * Inflates an entry piece by piece and hands its text on as it comes (UTF-8 decoded across piece
 * boundaries), so a large sheet is never one string in memory.
 */
export function inflateText(entry: ZipEntry, onText: (text: string) => void): void {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (piece: Uint8Array, final: boolean) => {
    try {
      const text = decoder.decode(piece, { stream: !final });
      if (text) onText(text);
    } catch (e) {
      if (e instanceof TypeError) throw new Error(`“${entry.name}”不是有效的 UTF-8 文本`);
      throw e;
    }
  };
  if (entry.method === 0) {
    for (let at = 0; at < entry.data.length; at += inputChunk) decode(entry.data.subarray(at, at + inputChunk), false);
    decode(new Uint8Array(0), true);
    return;
  }
  if (entry.method !== 8) throw new Error(`“${entry.name}”的压缩方式（${entry.method}）不受支持`);
  const inflater = new Inflate((piece, final) => decode(piece, final));
  try {
    for (let at = 0; at < entry.data.length; at += inputChunk) inflater.push(entry.data.subarray(at, at + inputChunk), at + inputChunk >= entry.data.length);
    if (entry.data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if ((e as { code?: number }).code !== undefined) throw new Error(`“${entry.name}”已损坏，无法解压（${(e as Error).message}）`);
    throw e;
  }
}
