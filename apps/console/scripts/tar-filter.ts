/** One entry of a ustar archive: its path and where its data lies in the archive. */
export interface TarEntry {
  path: string;
  /** Offset of the header block; the data follows at `at + 512`. */
  at: number;
  size: number;
}

/**
 * The entries of a ustar archive. Enough for PGlite's data-dir dumps (regular files and folders,
 * no long-name extensions beyond ustar's prefix field).
 */
export function* tarEntries(tar: Uint8Array): Generator<TarEntry> {
  const text = (at: number, len: number) => new TextDecoder().decode(tar.subarray(at, at + len)).replace(/\0.*$/s, '');
  let at = 0;
  while (at + 512 <= tar.length) {
    if (tar.subarray(at, at + 512).every((b) => b === 0)) return;
    const name = text(at, 100);
    const prefix = text(at + 345, 155);
    const size = parseInt(text(at + 124, 12).trim() || '0', 8);
    yield { path: prefix ? `${prefix}/${name}` : name, at, size };
    at += 512 + Math.ceil(size / 512) * 512;
  }
}

/** Copies a ustar archive keeping only the entries `keep` accepts. */
export function filterTar(tar: Uint8Array, keep: (path: string) => boolean): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of tarEntries(tar)) if (keep(e.path)) parts.push(tar.subarray(e.at, e.at + 512 + Math.ceil(e.size / 512) * 512));
  parts.push(new Uint8Array(1024)); // end-of-archive marker
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
