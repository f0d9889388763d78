/**
 * Carries a database error's fields across PGlite's Web Worker boundary. `PGliteWorker` posts only
 * `error.message` of a failed call back to the page (pglite 0.5, worker/index.js: `rpc-error`), so
 * SQLSTATE, constraint, column and detail would be lost and every error would read as an unknown
 * one. The worker appends the fields to the message (`encodeErrorFields`); `toDatabaseError` on the
 * page reads them back (`decodeErrorFields`) and restores the original message.
 */
const marker = '\u0000fazhi-error-fields:';

/** The ErrorResponse fields we carry (pg-protocol's DatabaseError names). */
const fieldNames = ['code', 'detail', 'hint', 'schema', 'table', 'column', 'constraint', 'position', 'where'] as const;
export type ErrorFields = Partial<Record<(typeof fieldNames)[number], string>> & { message: string };

/** Rewrites `e.message` in place to carry its fields; errors without a SQLSTATE stay as they are. */
export function encodeErrorFields(e: unknown): unknown {
  if (!(e instanceof Error) || e.message.includes(marker)) return e;
  const o = e as Error & Record<string, unknown>;
  if (typeof o.code !== 'string') return e;
  const fields: Record<string, string> = {};
  for (const k of fieldNames) if (typeof o[k] === 'string' && o[k] !== '') fields[k] = o[k] as string;
  e.message = `${e.message}${marker}${JSON.stringify(fields)}`;
  return e;
}

/** The fields an encoded message carries, with the original message; undefined for any other text. */
export function decodeErrorFields(message: string): ErrorFields | undefined {
  const at = message.indexOf(marker);
  if (at < 0) return undefined;
  try {
    const fields = JSON.parse(message.slice(at + marker.length)) as Record<string, unknown>;
    const out: ErrorFields = { message: message.slice(0, at) };
    for (const k of fieldNames) if (typeof fields[k] === 'string') out[k] = fields[k];
    return out;
  } catch {
    return { message: message.slice(0, at) };
  }
}

/** The protocol calls `PGliteWorker` forwards to the worker's PGlite (pglite 0.5). */
const forwarded = ['execProtocol', 'execProtocolStream'] as const;
type Forwarding = Record<(typeof forwarded)[number], (...args: never[]) => Promise<unknown>>;

/**
 * Makes a worker's PGlite throw errors whose message carries their fields, so the page sees the
 * SQLSTATE (a stale write, a broken rule) instead of an unknown error. Call it in `worker({ init })`.
 */
export function carryErrorFields<T extends object>(pg: T): T {
  const target = pg as unknown as Forwarding;
  for (const method of forwarded) {
    const original = target[method].bind(pg);
    target[method] = async (...args: never[]) => {
      try {
        return await original(...args);
      } catch (e) {
        throw encodeErrorFields(e);
      }
    };
  }
  return pg;
}
