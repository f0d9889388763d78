import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { worker } from '@electric-sql/pglite/worker';
import { CoalescingIdbFs } from './coalescing-idb-fs.js';
import { idbDatabaseName, type EmbeddedWorkerMeta } from './worker-meta.js';

/**
 * The embedded database: one PGlite per origin, persisted in IndexedDB. PGliteWorker elects one
 * tab's worker as leader and the other tabs talk to it, so two tabs never open the same files.
 * A new profile starts from the demo snapshot (a data directory made at build time: migrated,
 * seeded, demo accounts) instead of initdb + migrations + 48k inserts, which would take minutes.
 */
worker({
  async init(options) {
    const meta = options.meta as EmbeddedWorkerMeta;
    const exists = (await indexedDB.databases()).some((d) => d.name === idbDatabaseName(meta.dataDir));
    let loadDataDir: Blob | undefined;
    if (!exists) {
      const res = await fetch(meta.snapshotUrl);
      if (!res.ok) throw new Error(`无法下载演示数据库（${meta.snapshotUrl}：HTTP ${res.status}）`);
      loadDataDir = await res.blob();
    }
    // relaxedDurability: IndexedDB is written after a query returns, not before (and, with the
    // coalescing file system, once things are quiet); a tab closed at once loses the last write.
    return PGlite.create({ fs: new CoalescingIdbFs(meta.dataDir), extensions: { pgcrypto }, relaxedDurability: true, ...(loadDataDir ? { loadDataDir } : {}) });
  },
});

