import { stepMessage, type StepMessage } from './worker-meta.js';

/**
 * In the database worker: tells the page a step of the start is done, which the page marks in its
 * Performance timeline as `fazhi:db:worker:<name>` (the benchmark prints where the time goes).
 */
export const step = (name: string) => postMessage({ type: stepMessage, step: name, at: performance.timeOrigin + performance.now() } satisfies StepMessage);
