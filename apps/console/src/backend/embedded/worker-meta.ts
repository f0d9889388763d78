import type { DatabaseProgress } from '../backend.js';

/** What the console tells the database worker when it starts it. */
export interface EmbeddedWorkerMeta {
  /** IndexedDB data directory name (`idb://<dataDir>`). */
  dataDir: string;
  /** The demo snapshot to start from when the profile has no database of that name yet. */
  snapshotUrl: string;
  /** The sizes of what a first visit downloads (as read, after Content-Encoding), for the progress bar. */
  downloadBytes: { snapshot: number; wasm: number; data: number };
  /** A data directory to start from instead (a restored backup); only for a new `dataDir`. */
  loadDataDir?: Blob;
  /**
   * A demo snapshot the worker downloads may be stored in IndexedDB at the page's first pause, after
   * its first queries (the profile's own database on a first visit). Not for a database the page
   * switches to only once it is stored (reset): that one is stored before the worker answers.
   */
  storeDemoInBackground?: boolean;
}

/** The IndexedDB database PGlite's IDBFS keeps `idb://<dataDir>` in. */
export const idbDatabaseName = (dataDir: string) => `/pglite/${dataDir}`;

/** The data directory of profiles made before databases were switched by pointer. */
export const firstDataDir = 'fazhi';

/**
 * Posted by the page to a worker it starts ahead of the database it will open (a first visit's
 * choice): download PostgreSQL's own files now, which every choice needs.
 */
export const prepareMessage = 'fazhi-prepare';

/**
 * Posted by the page right before it hands the worker to PGliteWorker, whose protocol starts with a
 * message from the worker that only a listening page receives: the worker starts it on this.
 */
export const attachMessage = 'fazhi-attach';

/**
 * Posted by the page once its start-up conversation is done (schema checked, upgraded) and it keeps
 * the database (demo data loaded ahead of a first visit's choice waits for the choice): only then
 * does the worker look for a pause to store a first visit's demo data. A pause alone was not
 * enough: a busy page could take 100 ms between two statements of its start-up, and the store
 * (half a second) then went ahead of the migrations check and the sign-in.
 */
export const upgradedMessage = 'fazhi-upgraded';

/**
 * Posted by the page when a demo sign-in answered from the shipped file keeps the database it is
 * opening (see embedded-backend.ts). Kept so before PostgreSQL has started on a first visit's demo
 * data, the store starts at once, before the page's first statement (whose answer waits for it):
 * the stored cluster is the snapshot as shipped (a write meanwhile would store itself again, with
 * a new figure stamp), and the shipped figures, restamped, hold for a reload right after. Any other keeping waits for the page's first pause (`upgradedMessage`).
 */
export const keptMessage = 'fazhi-kept';

/** Posted by the worker when it cannot open the database (PGliteWorker itself would wait forever). */
export const openFailedMessage = 'fazhi-open-failed';

/**
 * Posted by the worker when it becomes the leader (runs PostgreSQL for every tab on its data
 * directory): from then on this tab may send it direct calls (direct-calls.ts of @fazhi/db).
 * PGliteWorker's own `isLeader` misses the message when it arrives before its listener does.
 */
export const leadingMessage = 'fazhi-leading';

/** Posted by the worker as it opens the database (see DatabaseProgress). */
export const progressMessage = 'fazhi-progress';

export interface ProgressMessage {
  type: typeof progressMessage;
  progress: DatabaseProgress;
}

/** Posted by the worker at each step of its start, for the page's Performance timeline (`fazhi:db:…`). */
export const stepMessage = 'fazhi-step';

export interface StepMessage {
  type: typeof stepMessage;
  step: string;
  /** When, in ms since the Unix epoch (`performance.timeOrigin + now()`): worker and page clocks differ in origin. */
  at: number;
}
