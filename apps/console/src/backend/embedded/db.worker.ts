import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { worker } from '@electric-sql/pglite/worker';
import { carryErrorFields } from '@fazhi/db/browser';
import { ChangeAwareIdbFs } from './change-aware-idb-fs.js';
import { idbDatabaseName, openFailedMessage, type EmbeddedWorkerMeta } from './worker-meta.js';

/**
 * The embedded database: one PGlite per data directory, persisted in IndexedDB. PGliteWorker
 * elects one tab's worker as leader and the other tabs talk to it, so two tabs never open the
 * same files. A new data directory starts from the demo snapshot (a data directory made at build
 * time: migrated, seeded, demo accounts) instead of initdb + migrations + 48k inserts, which would
 * take minutes, or from a backup being restored.
 */
async function initialData(meta: EmbeddedWorkerMeta): Promise<Blob | undefined> {
  if (meta.loadDataDir) return meta.loadDataDir;
  const exists = (await indexedDB.databases()).some((d) => d.name === idbDatabaseName(meta.dataDir));
  if (exists) return undefined;
  const res = await fetch(meta.snapshotUrl);
  if (!res.ok) throw new Error(`无法下载演示数据库（${meta.snapshotUrl}：HTTP ${res.status}）`);
  // Typed explicitly: PGlite inflates a gzip blob only when its type says so.
  return new Blob([await res.arrayBuffer()], { type: meta.snapshotUrl.endsWith('.gz') ? 'application/gzip' : 'application/x-tar' });
}

worker({
  async init(options) {
    const meta = options.meta as EmbeddedWorkerMeta;
    try {
      const loadDataDir = await initialData(meta);
      // Durable: a statement that changed files returns once IndexedDB has them, so a tab closed
      // right after saving loses nothing; reads skip the sync (see ChangeAwareIdbFs).
      const pg = await PGlite.create({ fs: new ChangeAwareIdbFs(meta.dataDir), extensions: { pgcrypto }, ...(loadDataDir ? { loadDataDir } : {}) });
      // PGliteWorker passes only an error's message to the page: carry SQLSTATE, constraint … in it.
      return carryErrorFields(pg);
    } catch (e) {
      postMessage({ type: openFailedMessage, message: e instanceof Error ? e.message : String(e) });
      throw e;
    }
  },
});
