import type { LedgerReader } from '@fazhi/plugin-sdk';
import type { LedgerReadAnswer } from './ledger-read.worker.js';

/**
 * `readLedger` in a Web Worker of its own per reading: parsing a 20,000-row workbook and checking
 * every row takes seconds of CPU, which on the page's thread froze the import wizard (its progress
 * bar and its 取消 button included). Cancelling terminates the worker, so the work stops at once.
 * The bytes are copied, not transferred: the wizard reads the same file again after a new mapping.
 */
export const workerLedgerReader: LedgerReader = {
  read: (bytes, options, signal) =>
    new Promise((resolve, reject) => {
      if (signal.aborted) return reject(new Error('已取消'));
      const worker = new Worker(new URL('./ledger-read.worker.ts', import.meta.url), { type: 'module', name: 'fazhi-ledger-read' });
      const finish = () => {
        worker.terminate();
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        finish();
        reject(new Error('已取消'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      worker.onmessage = (e: MessageEvent<LedgerReadAnswer>) => {
        finish();
        if (e.data.ok) resolve(e.data.result);
        else reject(new Error(e.data.message));
      };
      worker.onerror = (e) => {
        finish();
        reject(new Error(`读取文件失败：${e.message || '后台读取出错'}`));
      };
      try {
        worker.postMessage({ bytes, options });
      } catch (e) {
        // Options a worker cannot receive (a function among them): the caller's own error.
        finish();
        reject(e as Error);
      }
    }),
};
