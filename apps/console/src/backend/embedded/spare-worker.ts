import { prepareMessage } from './worker-meta.js';

// Small on purpose: main.tsx starts a first visit's worker at page load, before the database client has loaded.

const newWorker = () => new Worker(new URL('./db.worker.ts', import.meta.url), { type: 'module', name: 'fazhi-db' });

/** A worker started ahead of the database it will open (see `prepareWorker`). */
let spare: Worker | undefined;

/**
 * Starts the database worker while a first visit's choice is made (使用演示数据, 建立本单位, 从备份恢复,
 * or signing in with a demo account): it downloads and compiles PostgreSQL's own files meanwhile,
 * which every choice needs, and the database the choice opens starts on them. The demo data is not
 * fetched: only one of the choices needs it.
 */
export function prepareWorker(): void {
  if (spare) return;
  spare = newWorker();
  spare.postMessage({ type: prepareMessage });
}

/** The worker `prepareWorker` started, or a new one: each is used for one database. */
export function takeWorker(): Worker {
  const worker = spare ?? newWorker();
  spare = undefined;
  return worker;
}
