import { readLedger, type LedgerReadResult, type ReadLedgerOptions } from '@fazhi/ledger';

/** One reading per worker: the file's bytes and the options in, the result (or the failure) out. */
export type LedgerReadAnswer = { ok: true; result: LedgerReadResult } | { ok: false; message: string };

self.onmessage = async (e: MessageEvent<{ bytes: Uint8Array; options: ReadLedgerOptions }>) => {
  let answer: LedgerReadAnswer;
  try {
    answer = { ok: true, result: await readLedger(e.data.bytes, e.data.options) };
  } catch (err) {
    answer = { ok: false, message: (err as Error).message };
  }
  self.postMessage(answer);
};
