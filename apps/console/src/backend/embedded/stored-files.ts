import { idbDatabaseName } from './worker-meta.js';

/** The object store Emscripten's IDBFS (PGlite's IndexedDB file system) keeps files in, keyed by path. */
const fileStore = 'FILE_DATA';

/** One IDBFS entry: a folder has no contents, a symbolic link has `link`. */
interface StoredEntry {
  timestamp?: Date | number;
  mode?: number;
  contents?: Uint8Array;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB 读取失败'));
  });
}

/**
 * Whether a data directory's database is one IDBFS made and then stored no file in: what a first
 * visit closed before its demo data was stored leaves (IndexedDB drops the unfinished store whole).
 * Not a database missing, holding files, or made otherwise (that one is reported as not opening).
 */
export async function leftEmptyByIdbfs(dataDir: string): Promise<boolean> {
  const name = idbDatabaseName(dataDir);
  // Opening a name that does not exist would create it.
  if (!(await indexedDB.databases()).some((d) => d.name === name)) return false;
  const db = await request(indexedDB.open(name));
  try {
    if (!db.objectStoreNames.contains(fileStore)) return false;
    return (await request(db.transaction(fileStore, 'readonly').objectStore(fileStore).count())) === 0;
  } finally {
    db.close();
  }
}

/**
 * The files a data directory's database left in this browser, read straight from IndexedDB
 * without starting PostgreSQL (which is what failed), as one zip (paths below the data
 * directory's name); null when there is no such database or no file in it is readable. For a
 * database about to be discarded because it does not open: someone skilled may still recover
 * records from its files.
 */
export async function storedFilesZip(dataDir: string): Promise<Blob | null> {
  const name = idbDatabaseName(dataDir);
  // Opening a name that does not exist would create it.
  if (!(await indexedDB.databases()).some((d) => d.name === name)) return null;
  const db = await request(indexedDB.open(name));
  const files: [path: string, entry: StoredEntry][] = [];
  try {
    if (!db.objectStoreNames.contains(fileStore)) return null;
    const store = db.transaction(fileStore, 'readonly').objectStore(fileStore);
    const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll() as IDBRequest<StoredEntry[]>)]);
    keys.forEach((key, i) => {
      const entry = values[i];
      if (typeof key === 'string' && entry?.contents instanceof Uint8Array) files.push([key, entry]);
    });
  } finally {
    db.close();
  }
  if (files.length === 0) return null;
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const [path, entry] of files) {
    const relative = path.startsWith(`${name}/`) ? `${dataDir}/${path.slice(name.length + 1)}` : path.replace(/^\/+/, '');
    zip.file(relative, entry.contents!, entry.timestamp ? { date: new Date(entry.timestamp) } : {});
  }
  return zip.generateAsync({ type: 'blob', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}
