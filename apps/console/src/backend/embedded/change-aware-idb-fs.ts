import { IdbFs } from '@electric-sql/pglite';
import { step } from './worker-step.js';

interface EmscriptenFs {
  getMounts(root: unknown): { type: unknown; mountpoint: string }[];
  root: { mount: unknown };
  readdir(path: string): string[];
  lstat(path: string): { mode: number; size: number; mtime: Date | number };
  isDir(mode: number): boolean;
}

/**
 * PGlite's IndexedDB file system, skipping syncs that would write nothing. PGlite syncs after
 * every statement, and each IDBFS sync lists all of the cluster's files stored in IndexedDB
 * (~1,500 here): 150–250 ms in Chromium even after a read that changed nothing. This one first
 * compares sizes and modification times of the in-memory files with those at the last sync,
 * which takes 5–15 ms, and syncs only when something changed (and not inside a transaction). Writes stay durable:
 * with `relaxedDurability` off, a statement that changed files returns after they are stored.
 */
export class ChangeAwareIdbFs extends IdbFs {
  #stamps = new Map<string, string>();
  #capturedAt = -Infinity;

  /** Reads the whole cluster from IndexedDB into memory once, at start (marked: it is a large part of a later visit). */
  override async initialSyncFs(): Promise<void> {
    step('runtime-loaded');
    await super.initialSyncFs();
    step('files-read');
  }

  override async syncToFs(relaxedDurability?: boolean): Promise<void> {
    const mod = (this.pg as unknown as { Module: { FS: EmscriptenFs; IDBFS: unknown } }).Module;
    // Inside a transaction nothing is final yet; the sync after COMMIT stores it all.
    if (this.pg?.isInTransaction()) return;
    const now = this.#scan(mod.FS, mod.IDBFS);
    if (!this.#changed(now)) return;
    const capturedAt = Date.now();
    await super.syncToFs(relaxedDurability);
    this.#stamps = now;
    this.#capturedAt = capturedAt;
  }

  #changed(now: Map<string, string>): boolean {
    if (now.size !== this.#stamps.size) return true;
    for (const [path, stamp] of now) {
      if (this.#stamps.get(path) !== stamp) return true;
      // Modified in the very millisecond of the last sync: the time alone cannot tell.
      if (Number(stamp.split(':')[1]) >= this.#capturedAt) return true;
    }
    return false;
  }

  #scan(fs: EmscriptenFs, idbfs: unknown): Map<string, string> {
    const out = new Map<string, string>();
    const walk = (dir: string) => {
      for (const name of fs.readdir(dir)) {
        if (name === '.' || name === '..') continue;
        const path = `${dir}/${name}`;
        const st = fs.lstat(path);
        if (fs.isDir(st.mode)) walk(path);
        out.set(path, `${st.size}:${Number(st.mtime)}`);
      }
    };
    for (const m of fs.getMounts(fs.root.mount)) if (m.type === idbfs) walk(m.mountpoint);
    return out;
  }
}
