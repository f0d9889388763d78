import { deleteFigureStamp } from './figure-stamp.js';
import { firstDataDir, idbDatabaseName } from './worker-meta.js';

/**
 * Which IndexedDB data directory holds this profile's database. Reset, rebuild and restore load a
 * NEW directory and switch this pointer only once it opened and checked out, so the old database
 * stays until the new one is ready and an interruption leaves the profile as it was.
 */
export const dataDirKey = 'fazhi.embedded.dataDir';

export const currentDataDir = (): string => localStorage.getItem(dataDirKey) || firstDataDir;

export const newDataDir = (): string => `fazhi-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

export function switchDataDir(dataDir: string): void {
  localStorage.setItem(dataDirKey, dataDir);
}

/** Deletes a data directory's IndexedDB database; another tab still using it defers that until it closes. */
export function deleteDataDir(dataDir: string): Promise<void> {
  void deleteFigureStamp(dataDir).catch(() => undefined);
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(idbDatabaseName(dataDir));
    req.onsuccess = () => resolve();
    req.onerror = () => resolve();
    req.onblocked = () => resolve();
  });
}

/** When a data directory was made (its name carries the time); the first one counts as old. */
const madeAt = (dataDir: string) => (dataDir === firstDataDir ? 0 : parseInt(dataDir.split('-')[1] ?? '', 36) || 0);

/**
 * Data directories of this origin other than the current one, left over by a switch. Only those
 * older than `minAgeMs`: a younger one may be a new database another tab is loading right now.
 */
export async function staleDataDirs(minAgeMs = 10 * 60_000): Promise<string[]> {
  const current = currentDataDir();
  return (await indexedDB.databases())
    .map((d) => (d.name ?? '').slice('/pglite/'.length))
    .filter((dir) => (dir === firstDataDir || dir.startsWith(`${firstDataDir}-`)) && dir !== current && Date.now() - madeAt(dir) > minAgeMs);
}
