/**
 * Copies a ustar archive keeping only the entries `keep` accepts. Enough for PGlite's data-dir
 * dumps (regular files and folders, no long-name extensions beyond ustar's prefix field).
 */
export function filterTar(tar: Uint8Array, keep: (path: string) => boolean): Uint8Array {
  const parts: Uint8Array[] = [];
  const text = (at: number, len: number) => new TextDecoder().decode(tar.subarray(at, at + len)).replace(/\0.*$/s, '');
  let at = 0;
  while (at + 512 <= tar.length) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const name = text(at, 100);
    const prefix = text(at + 345, 155);
    const size = parseInt(text(at + 124, 12).trim() || '0', 8);
    const blocks = 512 + Math.ceil(size / 512) * 512;
    const path = prefix ? `${prefix}/${name}` : name;
    if (keep(path)) parts.push(tar.subarray(at, at + blocks));
    at += blocks;
  }
  parts.push(new Uint8Array(1024)); // end-of-archive marker
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
