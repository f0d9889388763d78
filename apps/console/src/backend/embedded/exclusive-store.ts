/** What of PGlite a store outside its own statements needs (its two locks, in the order PGlite takes them). */
export interface LockablePglite {
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T>;
  syncToFs(): Promise<void>;
}

/**
 * Stores the cluster while holding both of PGlite's locks, as the syncs of its own statements run:
 * no statement runs during the store (IDBFS lists the files first and reads them later, so one
 * that changed files in between could leave IndexedDB with files of two states), none is inside
 * a transaction (whose sync ChangeAwareIdbFs skips), and no statement's own sync returns early
 * because this one is pending (PGlite's `syncToFs` returns at once while another is waiting).
 */
export function storeExclusively(pg: LockablePglite): Promise<void> {
  return pg._runExclusiveTransaction(() => pg._runExclusiveQuery(() => pg.syncToFs()));
}
