import { IdbFs } from '@electric-sql/pglite';
import { deleteFigureStamp, renewFigureStamp } from './figure-stamp.js';
import { step } from './worker-step.js';

interface EmscriptenFs {
  getMounts(root: unknown): { type: unknown; mountpoint: string }[];
  analyzePath(path: string): { exists: boolean };
  root: { mount: unknown };
  readdir(path: string): string[];
  lstat(path: string): { mode: number; size: number; mtime: Date | number };
  isDir(mode: number): boolean;
}

/**
 * PGlite's IndexedDB file system, skipping syncs that would write nothing. PGlite syncs after
 * every statement, and each IDBFS sync lists all of the cluster's files stored in IndexedDB
 * (~1,000 here): 150–250 ms in Chromium even after a read that changed nothing. This one first
 * compares sizes and modification times of the in-memory files with those at the last sync,
 * which takes 5–15 ms, and syncs only when something changed (and not inside a transaction). Writes stay durable:
 * with `relaxedDurability` off, a statement that changed files returns after they are stored.
 *
 * One exception, for the demo snapshot a first visit downloads (`storeLoadedLater`): the syncs of
 * PGlite's start store nothing, and the whole cluster (40-odd MB) is stored at the page's first
 * pause (`storeLoaded`) instead of ahead of its first queries. Nothing in it is anyone's work yet,
 * and reads need nothing stored. A statement that changes a file before that store (a save) stores
 * the whole cluster with its change and returns only once IndexedDB has them; any statement during
 * the store returns once it is done (a change then stores itself too), so what the page was shown
 * after the store began is kept by a reload. What it risks: a tab closed before the store is done
 * keeps no database (IndexedDB drops an unfinished transaction whole), and the next visit
 * downloads the snapshot again.
 *
 * Every store first renews the data directory's figure stamp (`figure-stamp.ts`), so that figures
 * remembered at the old stamp are no longer taken for current.
 */
export class ChangeAwareIdbFs extends IdbFs {
  readonly #dataDir: string;
  #stamps = new Map<string, string>();
  #capturedAt = -Infinity;
  /** A downloaded cluster: `loading` while PGlite starts on it, `unstored` until it is stored. */
  #loaded: 'loading' | 'unstored' | undefined;
  /** A cluster IndexedDB holds already, while PGlite starts on it (`reopenWithoutStoring`). */
  #reopening = false;
  /** The store of the loaded cluster while it runs; never rejects. */
  #storing: Promise<void> | undefined;

  constructor(dataDir: string) {
    super(dataDir);
    this.#dataDir = dataDir;
  }

  /** The cluster PGlite is about to load is stored later (`storeLoaded`, or the first change), not by the syncs of its start. */
  storeLoadedLater(): void {
    this.#loaded = 'loading';
  }

  /**
   * The cluster PGlite is about to start on is the one IndexedDB holds (a later visit): the syncs
   * of its start store nothing. Starting after a tab closed without shutting PostgreSQL down
   * recovers from the WAL and rewrites a few files; storing them took a full IDBFS sync on every
   * visit, and renewed the figure stamp, so that no visit found the last one's figures current.
   * Nothing is lost: the next change's sync stores every file that differs from IndexedDB (IDBFS
   * compares each file's time with the stored one's), those of the start included, in one
   * transaction; until then a start recovers from the same stored state as this one did. Only
   * when IndexedDB holds a cluster (a `PG_VERSION`): see `initialSyncFs`.
   */
  reopenWithoutStoring(): void {
    this.#reopening = true;
  }

  /** PostgreSQL has started: changes from here on are stored (a loaded cluster's whole, on the first). */
  started(): void {
    if (this.#loaded !== 'loading' && !this.#reopening) return;
    this.#stamps = this.#scanMounts();
    this.#capturedAt = Date.now();
    this.#reopening = false;
    if (this.#loaded === 'loading') this.#loaded = 'unstored';
  }

  /**
   * Starts storing the loaded cluster and returns at once: reads go ahead meanwhile, a sync after
   * a change waits for it. A failed store is tried once more; if that fails too, the next change
   * stores everything. Nothing to do when a change has stored it already.
   */
  storeLoaded(): void {
    if (this.#loaded !== 'unstored') return;
    this.#loaded = undefined;
    this.#stamps = this.#scanMounts();
    this.#capturedAt = Date.now();
    step('storing');
    this.#storing = this.#stored(() => super.syncToFs())
      .catch(() => this.#stored(() => super.syncToFs()))
      .then(
        () => step('stored'),
        (e: unknown) => {
          // The page's figures stop waiting for it (see `firstStore` in embedded-database.ts).
          step('store-failed');
          // Forgotten stamps: the next sync compares with nothing and stores the whole cluster.
          this.#stamps = new Map();
          console.error('本机数据库未能写入 IndexedDB，下次保存时重试', e);
        },
      )
      .finally(() => (this.#storing = undefined));
  }

  /** Reads the whole cluster from IndexedDB into memory once, at start (marked: it is a large part of a later visit). */
  override async initialSyncFs(): Promise<void> {
    step('runtime-loaded');
    await super.initialSyncFs();
    // No cluster stored after all (an IndexedDB database left empty): PostgreSQL's initdb makes
    // one, and its start stores it as it always did.
    if (this.#reopening && !this.#holdsCluster()) this.#reopening = false;
    step('files-read');
  }

  override async syncToFs(relaxedDurability?: boolean): Promise<void> {
    if (this.#loaded === 'loading' || this.#reopening) return;
    // A statement during the store of the loaded cluster answers once it is stored: see above.
    if (this.#storing) await this.#storing;
    // Inside a transaction nothing is final yet; the sync after COMMIT stores it all. (PGlite's own
    // `transaction()` asks for none after COMMIT: the worker stores what it runs in one itself, see `storeExclusively`.)
    if (this.pg?.isInTransaction()) return;
    if (!this.#changed(this.#scanMounts())) return;
    // A change to a loaded cluster not stored yet: this sync stores all of it (IDBFS compares with what IndexedDB holds).
    const whole = this.#loaded === 'unstored';
    if (whole) {
      this.#loaded = undefined;
      step('storing');
    }
    const now = this.#scanMounts();
    const capturedAt = Date.now();
    try {
      await this.#stored(() => super.syncToFs(relaxedDurability));
    } catch (e) {
      // The page's figures stop waiting for the first store (see `firstStore` in embedded-database.ts).
      if (whole) step('store-failed');
      throw e;
    }
    this.#stamps = now;
    this.#capturedAt = capturedAt;
    if (whole) step('stored');
  }

  /**
   * A store, the figure stamp renewed before it. A store that fails leaves memory ahead of
   * IndexedDB until a later one succeeds, so the stamp is deleted: a stamp read meanwhile would
   * stand for changes that were never stored.
   */
  async #stored(store: () => Promise<void>): Promise<void> {
    await this.#renewStamp();
    try {
      await store();
    } catch (e) {
      await this.#dropStamp();
      throw e;
    }
  }

  /** Should IndexedDB refuse the new stamp, the old one is dropped and the store goes ahead all the same (the user's change comes first). */
  async #renewStamp(): Promise<void> {
    try {
      await renewFigureStamp(this.#dataDir);
    } catch (e) {
      console.error('未能更新本机数据库的指标标记', e);
      await this.#dropStamp();
    }
  }

  /** No stamp: figures read now are remembered without one (shown 正在更新 next time). */
  async #dropStamp(): Promise<void> {
    try {
      await deleteFigureStamp(this.#dataDir);
    } catch (e) {
      // IndexedDB refuses everything: the console also forgets its remembered figures on every write.
      console.error('未能删除本机数据库的指标标记', e);
    }
  }

  /** Emscripten's file system, and where PGlite's IndexedDB file system is mounted in it. */
  #idbMounts(): { fs: EmscriptenFs; mountpoints: string[] } {
    const { FS, IDBFS } = (this.pg as unknown as { Module: { FS: EmscriptenFs; IDBFS: unknown } }).Module;
    return { fs: FS, mountpoints: FS.getMounts(FS.root.mount).flatMap((m) => (m.type === IDBFS ? [m.mountpoint] : [])) };
  }

  /** Whether a PostgreSQL data directory (its top-level `PG_VERSION`, as PGlite checks) was read from IndexedDB. */
  #holdsCluster(): boolean {
    const { fs, mountpoints } = this.#idbMounts();
    return mountpoints.some((m) => fs.analyzePath(`${m}/PG_VERSION`).exists);
  }

  /** Sizes and modification times of every file under PGlite's IndexedDB mounts. */
  #scanMounts(): Map<string, string> {
    const { fs, mountpoints } = this.#idbMounts();
    return this.#scan(fs, mountpoints);
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

  #scan(fs: EmscriptenFs, mountpoints: readonly string[]): Map<string, string> {
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
    for (const m of mountpoints) walk(m);
    return out;
  }
}
