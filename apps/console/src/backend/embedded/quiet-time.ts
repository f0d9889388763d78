/**
 * In the database worker: when the page has stopped asking for a while. Work nobody waits for
 * (building the demo snapshot's deferred indexes) runs then, not ahead of the page's first answers:
 * PostgreSQL answers one statement at a time.
 */

const protocolCalls = ['execProtocol', 'execProtocolRaw', 'execProtocolStream', 'execProtocolRawStream'] as const;

export interface QuietTime {
  /** Resolves once no statement has run for `quietMs`, or after `atMostMs` whatever happens. */
  whenQuiet(quietMs: number, atMostMs: number): Promise<void>;
}

/** Watches every statement `pg` runs (PGliteWorker forwards the page's through these calls). */
export function watchStatements(pg: object): QuietTime {
  let running = 0;
  let lastEnded = performance.now();
  const target = pg as Record<(typeof protocolCalls)[number], (...args: unknown[]) => Promise<unknown>>;
  for (const name of protocolCalls) {
    const original = target[name].bind(pg);
    target[name] = async (...args: unknown[]) => {
      running++;
      try {
        return await original(...args);
      } finally {
        running--;
        lastEnded = performance.now();
      }
    };
  }
  return {
    async whenQuiet(quietMs, atMostMs) {
      const until = performance.now() + atMostMs;
      for (;;) {
        const now = performance.now();
        if (now >= until || (running === 0 && now - lastEnded >= quietMs)) return;
        await new Promise((r) => setTimeout(r, Math.max(20, Math.min(until - now, running ? quietMs : quietMs - (now - lastEnded)))));
      }
    },
  };
}
