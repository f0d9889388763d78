import { PGlite, type Extension, type PGliteOptions } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { worker } from '@electric-sql/pglite/worker';
import { carryErrorFields, PgliteDatabase, serveDirectCalls, textParsers, type MessagePortLike } from '@fazhi/db/browser';
// PostgreSQL itself (the same files PGlite would fetch on its own): downloaded here on a first
// visit, beside the snapshot, so one progress bar counts every byte.
import pgliteDataUrl from 'pglite-dist/pglite.data?url';
import pgliteWasmUrl from 'pglite-dist/pglite.wasm?url';
// pgcrypto's bundle, which PGlite fetches as it starts: fetched earlier here, into the HTTP cache (see downloadRuntime).
import pgcryptoBundleUrl from 'pglite-dist/pgcrypto.tar.gz?url';
import type { DatabaseProgress } from '../backend.js';
import { ChangeAwareIdbFs } from './change-aware-idb-fs.js';
import { arrivedBytes, encodedLength } from './download-progress.js';
import { buildAndStoreDeferredIndexes } from './deferred-indexes.js';
import { storeExclusively } from './exclusive-store.js';
import { attachMessage, idbDatabaseName, keptMessage, leadingMessage, openFailedMessage, prepareMessage, progressMessage, upgradedMessage, type EmbeddedWorkerMeta, type ProgressMessage } from './worker-meta.js';
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
  /** The whole file inflated, from the demo manifest (0 until the page has said: see `prepareMessage`). */
  inflated: number;
  sent?: number;
  read: number;
}

/** Told of every chunk a first visit's download reads: the progress bar's tick, once the page is attached. */
let chunkRead = () => undefined as void;

/** Starts `d`'s download: resolves with its headers in (the size as sent noted), the body still to read. */
async function requested(d: Download): Promise<Response> {
  const res = await fetch(d.url);
  if (!res.ok || !res.body) throw new Error(`无法下载${d.what}（${d.url}：HTTP ${res.status}）`);
  const sent = encodedLength(res.headers);
  if (sent !== undefined) d.sent = sent;
  return res;
}

async function readAll(d: Download, res: Response): Promise<Uint8Array<ArrayBuffer>[]> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const reader = res.body!.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    chunks.push(r.value);
    d.read += r.value.length;
    chunkRead();
  }
  return chunks;
}

/** PostgreSQL's own files on their way: its wasm (compiled as it streams in) and its data file. */
interface RuntimeDownload {
  files: [wasm: Download, data: Download];
  /** Both files' headers in: their sizes as sent are known. */
  requested: Promise<unknown>;
  done: Promise<Pick<PGliteOptions, 'pgliteWasmModule' | 'fsBundle'>>;
}

/**
 * Downloads PostgreSQL's files, counting the bytes that arrive. The wasm is compiled from the
 * response itself: the download and the compile overlap, and Chromium keeps the compiled code for
 * a module compiled from a fetched response, which the next visit reuses.
 */
function downloadRuntime(): RuntimeDownload {
  const wasm: Download = { url: pgliteWasmUrl, what: '数据库程序', inflated: 0, read: 0 };
  const data: Download = { url: pgliteDataUrl, what: '数据库程序的数据文件', inflated: 0, read: 0 };
  const responses = Promise.all([requested(wasm), requested(data)]);
  const done = responses.then(async ([wasmRes, dataRes]) => {
    // Counted on a copy of the stream, made before the compile starts reading the response itself.
    const wasmCounted = wasmRes.clone();
    const [module, , dataChunks] = await Promise.all([compileWasm(wasmRes), readAll(wasm, wasmCounted), readAll(data, dataRes)]);
    return { pgliteWasmModule: module, fsBundle: new Blob(dataChunks, { type: 'application/octet-stream' }) };
  });
  // Awaited by whoever starts the database; a failure is reported there, not as an unhandled rejection.
  done.catch(() => undefined);
  // Read to the end into the HTTP cache (sent as immutable), where PGlite's own fetch finds it; a
  // failure here is PGlite's to report when it fetches it again.
  void fetch(pgcryptoBundleUrl)
    .then((res) => res.arrayBuffer())
    .catch(() => undefined);
  return { files: [wasm, data], requested: responses, done };
}

/**
 * PostgreSQL's files fetched while the user makes a first visit's choice (`prepareMessage`), before
 * any data directory is named: every choice needs them.
 */
let prepared: RuntimeDownload | undefined;

/**
 * Everything a first visit downloads, with one running count of the bytes that arrive (compressed,
 * as sent: see download-progress.ts): the demo snapshot and PostgreSQL's files, which may be on
 * their way already (`prepared`) and then count with what they have read.
 */
async function downloadAll(meta: EmbeddedWorkerMeta, runtime: RuntimeDownload): Promise<{ snapshot: Blob } & Pick<PGliteOptions, 'pgliteWasmModule' | 'fsBundle'>> {
  let reportedAt = 0;
  const snapshot: Download = { url: meta.snapshotUrl, what: '演示数据库', inflated: meta.downloadBytes.snapshot, read: 0 };
  runtime.files[0].inflated = meta.downloadBytes.wasm;
  runtime.files[1].inflated = meta.downloadBytes.data;
  const downloads = [snapshot, ...runtime.files];
  const tick = (force = false) => {
    // A message per chunk would flood the page: about ten a second.
    if (!force && performance.now() - reportedAt < 100) return;
    reportedAt = performance.now();
    report({ step: 'download', ...arrivedBytes(downloads) });
  };
  const [snapshotRes] = await Promise.all([requested(snapshot), runtime.requested]);
  // Every file's size as sent is known once its headers are in: the total the bar counts to. Not
  // before: a prepared file's chunk arriving earlier would report a total with the snapshot inflated (48 MB).
  tick(true);
  chunkRead = tick;
  const [snapshotChunks, loaded] = await Promise.all([readAll(snapshot, snapshotRes), runtime.done]);
  tick(true);
  // Typed explicitly: PGlite inflates a gzip blob only when its type says so (older snapshots were .tar.gz).
  return { snapshot: new Blob(snapshotChunks, { type: meta.snapshotUrl.endsWith('.gz') ? 'application/gzip' : 'application/x-tar' }), ...loaded };
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
  if (meta.loadDataDir) return { loadDataDir: meta.loadDataDir, ...(prepared ? await prepared.done : {}) };
  const exists = (await indexedDB.databases()).some((d) => d.name === idbDatabaseName(meta.dataDir));
  // Left empty by a first visit closed before its demo data was stored (see ChangeAwareIdbFs): loaded anew.
  if (exists && !(await leftEmptyByIdbfs(meta.dataDir))) return prepared ? prepared.done : cachedRuntime();
  const { snapshot, ...runtime } = await downloadAll(meta, prepared ?? downloadRuntime());
  return { loadDataDir: snapshot, ...runtime, downloaded: true };
}

/** How long the page must have asked nothing before the deferred indexes are built, and the longest wait. */
const afterQuietMs = 1000;
const atLatestMs = 15_000;

/**
 * The same for storing the demo data a first visit downloaded (half a second of this thread), once
 * the page has said its start-up is done (`upgradedMessage`): the migrations check and the sign-in
 * go first, and the store takes the next pause (the user typing, or the console loading after the
 * sign-in), at the latest 3 s after that.
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
    await buildAndStoreDeferredIndexes(pg);
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

/** The page's start-up answered (schema checked, upgraded): see `upgradedMessage`. */
let upgradedByPage!: () => void;
const pageUpgraded = new Promise<void>((resolve) => (upgradedByPage = resolve));

/** The page keeps the database (see `keptMessage`): noted as it arrives, to know whether before PostgreSQL started. */
let keptByPage = false;

/**
 * The page may start this worker before it knows which database it will open (a first visit's
 * choice): `prepareMessage` starts PostgreSQL's download at once, and PGlite's worker protocol,
 * which begins with a message the page must be listening for, waits for `attachMessage`.
 */
let attached = false;
const pageMessages = new Map<string, () => void>([
  [prepareMessage, () => void (prepared ??= downloadRuntime())],
  [
    attachMessage,
    () => {
      if (attached) return;
      attached = true;
      serveDatabase();
    },
  ],
  [upgradedMessage, () => upgradedByPage()],
  [keptMessage, () => void (keptByPage = true)],
]);

/**
 * The page's own messages (worker-meta.ts) are heard here and go no further. PGlite's worker
 * protocol takes the first message after its 'here' for the page's 'init' (a listener with
 * `once`), so one of ours in between swallowed 'init' and the database never opened: the page
 * keeping the database just as the worker attached (a demo sign-in answered from the shipped file
 * at that moment) did so in about one first visit of a hundred under load. Registered before
 * PGlite's listeners, which `attachMessage` adds.
 */
addEventListener('message', (ev: MessageEvent<{ type?: unknown }>) => {
  const heard = typeof ev.data?.type === 'string' ? pageMessages.get(ev.data.type) : undefined;
  if (!heard) return;
  ev.stopImmediatePropagation();
  heard();
});

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
// A batch that changed something is stored before it answers (PGlite's transaction() does not store on COMMIT).
serveDirectCalls(self as unknown as MessagePortLike, leaderDatabase, { storeChanges: async () => storeExclusively((await leaderDatabase).pglite as PGlite) });

const serveDatabase = () => worker({
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
      // A database of an earlier visit: its start's changes are stored with the first change after it.
      if (start.loadDataDir === undefined) fs.reopenWithoutStoring();
      const pg = await PGlite.create({ fs, extensions: { pgcrypto, librariesOnFirstUse }, ...start });
      step('postgres');
      fs.started();
      const quiet = watchStatements(pg);
      if (storeLater && keptByPage) {
        // Kept already: the store starts now, before the page's first statement (see `keptMessage`).
        fs.storeLoaded();
      } else if (storeLater) {
        // Figures shown after this began are answered once it is done: a reload right after them finds it stored.
        void pageUpgraded.then(() => quiet.whenQuiet(storeAfterQuietMs, storeAtLatestMs)).then(() => fs.storeLoaded());
      }
      // Pending when the demo snapshot was just loaded, or when a tab was closed before they were
      // built. Not before the page keeps the database (`upgradedMessage`): building them writes,
      // and a write stores demo data loaded ahead of a first visit's choice.
      void pageUpgraded.then(() => indexWhenQuiet(pg, quiet));
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
