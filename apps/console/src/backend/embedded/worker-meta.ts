/** What the console tells the database worker when it starts it. */
export interface EmbeddedWorkerMeta {
  /** IndexedDB data directory name (`idb://<dataDir>`). */
  dataDir: string;
  /** The demo snapshot to start from when the profile has no database yet. */
  snapshotUrl: string;
}

/** The IndexedDB database PGlite's IDBFS keeps `idb://<dataDir>` in. */
export const idbDatabaseName = (dataDir: string) => `/pglite/${dataDir}`;

/** The one embedded database of this origin: `idb://fazhi`. */
export const dataDir = 'fazhi';
