/**
 * A token per data directory, replaced before every store of the cluster into IndexedDB. Figures
 * computed while the token read beforehand was T are those of the stored database as long as the
 * token is still T: nothing was stored since. The next visit then shows the remembered figures as
 * current, not marked 正在更新, before PostgreSQL has started (see `home/figure-memory.ts`).
 *
 * The token is written before the files and in a transaction of its own: a store cut short
 * leaves a new token over old files (the figures are recomputed: harmless), never an old token
 * over new files; a store that fails deletes it (`ChangeAwareIdbFs`). Writes ask for strict
 * durability for the same reason. What it cannot cover: IDBFS stores the files with the browser's
 * default durability, so an operating-system crash just after a store could lose the files while
 * the token renewed before them survives (the save itself would be lost too).
 */
const databaseName = 'fazhi.figure-stamps';
const storeName = 'stamps';

function openStamps(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(databaseName, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(storeName);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error(`无法打开 IndexedDB 数据库 ${databaseName}`));
  });
}

async function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openStamps();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(storeName, mode, { durability: 'strict' });
      const req = fn(tx.objectStore(storeName));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB 事务失败'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB 事务中止'));
    });
  } finally {
    db.close();
  }
}

/** Replaces the data directory's token (before its files are stored). */
export async function renewFigureStamp(dataDir: string): Promise<void> {
  await run('readwrite', (s) => s.put(crypto.randomUUID(), dataDir));
}

/** The data directory's token, or undefined when none was written (nothing stored since this build). */
export async function readFigureStamp(dataDir: string): Promise<string | undefined> {
  const value = await run('readonly', (s) => s.get(dataDir) as IDBRequest<unknown>);
  return typeof value === 'string' ? value : undefined;
}

/** Forgets a deleted data directory's token. */
export async function deleteFigureStamp(dataDir: string): Promise<void> {
  await run('readwrite', (s) => s.delete(dataDir));
}
