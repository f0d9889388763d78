import { PGlite, type Extension, type PGliteOptions } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { worker } from '@electric-sql/pglite/worker';
import { carryErrorFields, PgliteDatabase, serveDirectCalls, textParsers, type MessagePortLike } from '@fazhi/db/browser';
// PostgreSQL itself (the same files PGlite would fetch on its own): downloaded here on a first
// visit, beside the snapshot, so one progress bar counts every byte.
import pgliteDataUrl from 'pglite-dist/pglite.data?url';
import pgliteWasmUrl from 'pglite-dist/pglite.wasm?url';
import type { DatabaseProgress } from '../backend.js';
import { ChangeAwareIdbFs } from './change-aware-idb-fs.js';
import { arrivedBytes, encodedLength } from './download-progress.js';
import { buildDeferredIndexes } from './deferred-indexes.js';
import { idbDatabaseName, leadingMessage, openFailedMessage, progressMessage, type EmbeddedWorkerMeta, type ProgressMessage } from './worker-meta.js';
import { leftEmptyByIdbfs } from './stored-files.js';
import { type QuietTime, watchStatements } from './quiet-time.js';
import { step } from './worker-step.js';

/**
 * The embedded database: one PGlite per data directory, persisted in IndexedDB. PGliteWorker
 * elects one tab's worker as leader and the other tabs talk to it, so two tabs never open the
 * same files. A new data directory starts from the demo snapshot (a data directory made at build
 * time: migrated, seeded, demo accounts) instead of initdb + migrations + 48k inserts, which would
 * take minutes, or from a backup being restored.
 */

const report = (progress: DatabaseProgress) => postMessage({ type: progressMessage, progress } satisfies ProgressMessage);

/**
 * PostgreSQL's wasm compiled from its response as it streams in. The browser compiles a stream only
 * when the server sends the file as `application/wasm`: a server that does not is named here.
 */
async function compileWasm(response: Response | Promise<Response>): Promise<WebAssembly.Module> {
  try {
    return await WebAssembly.compileStreaming(response);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new Error(`无法编译数据库程序（${pgliteWasmUrl}）：${detail}。服务器须以 application/wasm 类型发送 .wasm 文件（见 docs/operations.md）`);
  }
}

/** One file a first visit downloads, read as it arrives; the inflated bytes read so far in `read`. */
interface Download {
  url: string;
  what: string;
  inflated: number;
  sent?: number;
  read: number;
}

/**
 * Everything a first visit downloads, fetched at once, with one running count of the bytes that
 * arrive (compressed, as sent: see download-progress.ts). PostgreSQL's wasm is compiled as it
 * streams in, from the response itself: the download and the compile overlap, and Chromium keeps
 * the compiled code for a module compiled from a fetched response, which the next visit reuses.
 */
async function downloadAll(meta: EmbeddedWorkerMeta): Promise<{ snapshot: Blob; wasm: WebAssembly.Module; data: Blob }> {
  let reportedAt = 0;
  const downloads: Download[] = [
    { url: meta.snapshotUrl, what: '演示数据库', inflated: meta.downloadBytes.snapshot, read: 0 },
    { url: pgliteWasmUrl, what: '数据库程序', inflated: meta.downloadBytes.wasm, read: 0 },
    { url: pgliteDataUrl, what: '数据库程序的数据文件', inflated: meta.downloadBytes.data, read: 0 },
  ];
  const tick = (force = false) => {
    // A message per chunk would flood the page: about ten a second.
    if (!force && performance.now() - reportedAt < 100) return;
    reportedAt = performance.now();
    report({ step: 'download', ...arrivedBytes(downloads) });
  };
  const responses = await Promise.all(
    downloads.map(async (d) => {
      const res = await fetch(d.url);
      if (!res.ok || !res.body) throw new Error(`无法下载${d.what}（${d.url}：HTTP ${res.status}）`);
      const sent = encodedLength(res.headers);
      if (sent !== undefined) d.sent = sent;
      return res;
    }),
  );
  // Every file's size as sent is known once its headers are in: the total the bar counts to.
  tick(true);
  const readAll = async (d: Download, res: Response) => {
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    const reader = res.body!.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      chunks.push(r.value);
      d.read += r.value.length;
      tick();
    }
    return chunks;
  };
  const [snapshotRes, wasmRes, dataRes] = responses as [Response, Response, Response];
  // Counted on a copy of the stream, made before the compile starts reading the response itself.
  const wasmCounted = wasmRes.clone();
  const [snapshot, wasm, data] = await Promise.all([
    // Typed explicitly: PGlite inflates a gzip blob only when its type says so (older snapshots were .tar.gz).
    readAll(downloads[0]!, snapshotRes).then((c) => new Blob(c, { type: meta.snapshotUrl.endsWith('.gz') ? 'application/gzip' : 'application/x-tar' })),
    Promise.all([compileWasm(wasmRes), readAll(downloads[1]!, wasmCounted)]).then(([module]) => module),
    readAll(downloads[2]!, dataRes).then((c) => new Blob(c, { type: 'application/octet-stream' })),
  ]);
  tick(true);
  return { snapshot, wasm, data };
}

/**
 * PostgreSQL's files on a later visit, from the browser's HTTP cache. Compiled from the stream:
 * Chromium keeps the machine code of a module compiled so, keyed by its URL, and reuses it
 * on the next visit instead of compiling 9 MB of wasm again.
 */
async function cachedRuntime(): Promise<Pick<PGliteOptions, 'pgliteWasmModule' | 'fsBundle'>> {
  const [wasm, data] = await Promise.all([
    compileWasm(fetch(pgliteWasmUrl)),
    fetch(pgliteDataUrl).then((res) => {
      if (!res.ok) throw new Error(`无法读取数据库程序的数据文件（${pgliteDataUrl}：HTTP ${res.status}）`);
      return res.blob();
    }),
  ]);
  return { pgliteWasmModule: wasm, fsBundle: data };
}

/** What a new data directory starts from and, on a first visit, PostgreSQL's files already downloaded. */
async function startingPoint(meta: EmbeddedWorkerMeta): Promise<Pick<PGliteOptions, 'loadDataDir' | 'pgliteWasmModule' | 'fsBundle'> & { downloaded?: true }> {
  if (meta.loadDataDir) return { loadDataDir: meta.loadDataDir };
  const exists = (await indexedDB.databases()).some((d) => d.name === idbDatabaseName(meta.dataDir));
  // Left empty by a first visit closed before its demo data was stored (see ChangeAwareIdbFs): loaded anew.
  if (exists && !(await leftEmptyByIdbfs(meta.dataDir))) return cachedRuntime();
  const { snapshot, wasm, data } = await downloadAll(meta);
  return { loadDataDir: snapshot, pgliteWasmModule: wasm, fsBundle: data, downloaded: true };
}

/** How long the page must have asked nothing before the deferred indexes are built, and the longest wait. */
const afterQuietMs = 1000;
const atLatestMs = 15_000;

/**
 * The same for storing the demo data a first visit downloaded (half a second of this thread): the
 * migrations check and the sign-in go first, and the store runs while the page renders the console,
 * which asks nothing for most of a second. Any later pause is taken too, at the latest after 3 s.
 */
const storeAfterQuietMs = 100;
const storeAtLatestMs = 3000;

/**
 * The indexes the demo snapshot's download left out, if still pending, built once the page has had
 * its first answers (quiet for a second; on a first visit and on a reload right after it alike), as one transaction (PGlite's transaction lock: never inside a transaction
 * the page has open); until then the few queries that would use them read the table. A failure is
 * only logged: the next open builds them, and queries need them only to be faster.
 */
async function indexWhenQuiet(pg: PGlite, quiet: QuietTime): Promise<void> {
  await quiet.whenQuiet(afterQuietMs, atLatestMs);
  try {
    await pg.transaction((tx) => buildDeferredIndexes(tx));
    step('indexes');
  } catch (e) {
    console.error('演示数据的索引未能建立，下次打开时重试', e);
  }
}

/**
 * pgcrypto's library (3 MB of wasm, for passwords only: signing in, setting one) compiled when
 * PostgreSQL first calls it instead of at every start. Emscripten compiles each extension library
 * as it is unpacked, on the way to the first query, and a later visit (already signed in) never
 * calls it; with `noWasmDecoding` the file is only written, and PostgreSQL's dlopen compiles it on
 * first use (synchronously, which a worker may).
 */
const librariesOnFirstUse: Extension = {
  name: 'libraries-on-first-use',
  setup: async (_pg, emscriptenOpts: object) => ({ emscriptenOpts: { ...emscriptenOpts, noWasmDecoding: true } }),
};

/**
 * The page's one-message calls (direct-calls.ts), answered once this worker leads and PostgreSQL
 * has started. Listening from the start: a call that arrives earlier waits instead of being lost.
 */
let opened!: (db: PgliteDatabase) => void;
let failed!: (e: unknown) => void;
const leaderDatabase = new Promise<PgliteDatabase>((resolve, reject) => {
  opened = resolve;
  failed = reject;
});
serveDirectCalls(self as unknown as MessagePortLike, leaderDatabase);

worker({
  async init(options) {
    // Called only in the leader: the page may now send this worker its direct calls.
    postMessage({ type: leadingMessage });
    const meta = options.meta as EmbeddedWorkerMeta;
    try {
      const { downloaded, ...start } = await startingPoint(meta);
      step('runtime');
      report({ step: 'start', fresh: start.loadDataDir !== undefined });
      // Durable: a statement that changed files returns once IndexedDB has them, so a tab closed
      // right after saving loses nothing; reads skip the sync (see ChangeAwareIdbFs).
      const fs = new ChangeAwareIdbFs(meta.dataDir);
      // The demo data a first visit downloaded is stored at the page's first pause, not ahead of its
      // first queries (a database the page switches to only once stored, e.g. a reset, is stored before it answers).
      const storeLater = downloaded && meta.storeDemoInBackground === true;
      if (storeLater) fs.storeLoadedLater();
      const pg = await PGlite.create({ fs, extensions: { pgcrypto, librariesOnFirstUse }, ...start });
      step('postgres');
      const quiet = watchStatements(pg);
      if (storeLater) {
        fs.started();
        // Figures shown after this began are answered once it is done: a reload right after them finds it stored.
        void quiet.whenQuiet(storeAfterQuietMs, storeAtLatestMs).then(() => fs.storeLoaded());
      }
      // Pending when the demo snapshot was just loaded, or when a tab was closed before they were built.
      void indexWhenQuiet(pg, quiet);
      opened(new PgliteDatabase(pg, { parsers: textParsers }));
      // PGliteWorker passes only an error's message to the page: carry SQLSTATE, constraint … in it.
      return carryErrorFields(pg);
    } catch (e) {
      failed(e);
      postMessage({ type: openFailedMessage, message: e instanceof Error ? e.message : String(e) });
      throw e;
    }
  },
});
