import { IdbFs } from '@electric-sql/pglite';

/**
 * PGlite's IndexedDB file system, syncing less often. PGlite asks for a sync after every
 * statement; each sync lists every file of the cluster in IndexedDB (~1,500 here), which costs
 * 150–250 ms in Chromium and stalls the next query, even when a read changed nothing. This one
 * waits until the database has been quiet for `delayMs` and then syncs once.
 * The trade-off: a tab closed within that moment loses the last changes; they were already not
 * guaranteed with `relaxedDurability`, and Postgres's WAL keeps what was synced consistent.
 */
export class CoalescingIdbFs extends IdbFs {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly delayMs = 300,
  ) {
    super(dataDir);
  }

  override syncToFs(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.delayMs);
    return Promise.resolve();
  }

  /** Writes pending changes to IndexedDB now (one sync at a time). */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#running = this.#running.then(() => super.syncToFs(true)).catch((e: unknown) => console.error('无法把本机数据库写入 IndexedDB', e));
    return this.#running;
  }

  override async closeFs(): Promise<void> {
    await this.flush();
    return super.closeFs();
  }
}
