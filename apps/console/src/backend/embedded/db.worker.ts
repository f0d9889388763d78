import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { worker } from '@electric-sql/pglite/worker';
import { carryErrorFields } from '@fazhi/db/browser';
// PostgreSQL itself (the same files PGlite would fetch on its own): downloaded here on a first
// visit, beside the snapshot, so one progress bar counts every byte.
import pgliteDataUrl from 'pglite-dist/pglite.data?url';
import pgliteWasmUrl from 'pglite-dist/pglite.wasm?url';
import type { DatabaseProgress } from '../backend.js';
import { ChangeAwareIdbFs } from './change-aware-idb-fs.js';
import { buildDeferredIndexes } from './deferred-indexes.js';
import { idbDatabaseName, openFailedMessage, progressMessage, type EmbeddedWorkerMeta, type ProgressMessage } from './worker-meta.js';

/**
 * The embedded database: one PGlite per data directory, persisted in IndexedDB. PGliteWorker
 * elects one tab's worker as leader and the other tabs talk to it, so two tabs never open the
 * same files. A new data directory starts from the demo snapshot (a data directory made at build
 * time: migrated, seeded, demo accounts) instead of initdb + migrations + 48k inserts, which would
 * take minutes, or from a backup being restored.
 */

const report = (progress: DatabaseProgress) => postMessage({ type: progressMessage, progress } satisfies ProgressMessage);

/** Everything a first visit downloads, fetched at once, with one running count of bytes. */
async function downloadAll(meta: EmbeddedWorkerMeta): Promise<{ snapshot: Blob; wasm: Blob; data: Blob }> {
  let loaded = 0;
  let reportedAt = 0;
  const total = meta.downloadBytes;
  const tick = (n: number) => {
    loaded += n;
    // A message per chunk would flood the page: about ten a second.
    if (performance.now() - reportedAt > 100) {
      reportedAt = performance.now();
      report({ step: 'download', loaded: Math.min(loaded, total), total });
    }
  };
  const get = async (url: string, what: string, type: string) => {
    const res = await fetch(url);
    if (!res.ok || !res.body) throw new Error(`无法下载${what}（${url}：HTTP ${res.status}）`);
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    const reader = res.body.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      chunks.push(r.value);
      tick(r.value.length);
    }
    return new Blob(chunks, { type });
  };
  report({ step: 'download', loaded: 0, total });
  const [snapshot, wasm, data] = await Promise.all([
    // Typed explicitly: PGlite inflates a gzip blob only when its type says so (older snapshots were .tar.gz).
    get(meta.snapshotUrl, '演示数据库', meta.snapshotUrl.endsWith('.gz') ? 'application/gzip' : 'application/x-tar'),
    get(pgliteWasmUrl, '数据库程序', 'application/wasm'),
    get(pgliteDataUrl, '数据库程序的数据文件', 'application/octet-stream'),
  ]);
  report({ step: 'download', loaded: total, total });
  return { snapshot, wasm, data };
}

/** What a new data directory starts from and, on a first visit, PostgreSQL's files already downloaded. */
async function startingPoint(meta: EmbeddedWorkerMeta): Promise<Pick<PGliteOptions, 'loadDataDir' | 'pgliteWasmModule' | 'fsBundle'>> {
  if (meta.loadDataDir) return { loadDataDir: meta.loadDataDir };
  const exists = (await indexedDB.databases()).some((d) => d.name === idbDatabaseName(meta.dataDir));
  if (exists) return {};
  const { snapshot, wasm, data } = await downloadAll(meta);
  return { loadDataDir: snapshot, pgliteWasmModule: await WebAssembly.compile(await wasm.arrayBuffer()), fsBundle: data };
}

worker({
  async init(options) {
    const meta = options.meta as EmbeddedWorkerMeta;
    try {
      const start = await startingPoint(meta);
      report({ step: 'start', fresh: start.loadDataDir !== undefined });
      // Durable: a statement that changed files returns once IndexedDB has them, so a tab closed
      // right after saving loses nothing; reads skip the sync (see ChangeAwareIdbFs).
      const pg = await PGlite.create({ fs: new ChangeAwareIdbFs(meta.dataDir), extensions: { pgcrypto }, ...start });
      // The demo snapshot comes without its largest indexes (a smaller download): built now, before any query needs them.
      await buildDeferredIndexes(pg);
      // PGliteWorker passes only an error's message to the page: carry SQLSTATE, constraint … in it.
      return carryErrorFields(pg);
    } catch (e) {
      postMessage({ type: openFailedMessage, message: e instanceof Error ? e.message : String(e) });
      throw e;
    }
  },
});
