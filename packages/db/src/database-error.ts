import { decodeErrorFields } from './worker-error-codec.js';

/**
 * The one error type both backends throw for errors the server reports, so callers (data
 * providers, the CLI) map SQLSTATEs without knowing the driver: 42501 → 403, 23505 → conflict,
 * PT409 → stale version …
 */
export class DatabaseError extends Error {
  /** SQLSTATE, e.g. `23505`, `42501`, or our own `PT409`. */
  readonly code: string;
  readonly detail?: string;
  readonly hint?: string;
  readonly schema?: string;
  readonly table?: string;
  readonly column?: string;
  readonly constraint?: string;
  /** 1-based character offset of the error in the statement text, when the server gives one. */
  readonly position?: number;
  /** PostgreSQL's CONTEXT, e.g. `unnamed portal parameter $2 = '...'`. */
  readonly where?: string;

  constructor(fields: { code: string; message: string; detail?: string; hint?: string; schema?: string; table?: string; column?: string; constraint?: string; position?: number; where?: string }, options?: { cause?: unknown }) {
    super(fields.message, options);
    this.name = 'DatabaseError';
    this.code = fields.code;
    this.detail = fields.detail;
    this.hint = fields.hint;
    this.schema = fields.schema;
    this.table = fields.table;
    this.column = fields.column;
    this.constraint = fields.constraint;
    this.position = fields.position;
    this.where = fields.where;
  }
}

/** True for a `DatabaseError`, optionally with the given SQLSTATE. */
export function isDatabaseError(e: unknown, code?: string): e is DatabaseError {
  return e instanceof DatabaseError && (code === undefined || e.code === code);
}

const sqlState = /^[0-9A-Z]{5}$/;

/**
 * Wraps an error from node-postgres or PGlite (both carry the server's ErrorResponse fields) in a
 * `DatabaseError`; anything else (a network failure, a bug) is returned as it is.
 */
export function toDatabaseError(e: unknown): unknown {
  if (e instanceof DatabaseError || !(e instanceof Error)) return e;
  // From PGlite in a Web Worker the fields arrive inside the message (see worker-error-codec).
  const decoded = decodeErrorFields(e.message);
  const d = (decoded ?? e) as unknown as Record<string, unknown>;
  // An HttpError (statusCode) thrown inside a transaction is already mapped: pass it through.
  if (typeof d.code !== 'string' || !sqlState.test(d.code) || 'statusCode' in e) return e;
  const text = (k: string) => (typeof d[k] === 'string' && d[k] !== '' ? (d[k] as string) : undefined);
  const position = text('position');
  return new DatabaseError(
    {
      code: d.code,
      message: decoded?.message ?? e.message,
      detail: text('detail'),
      hint: text('hint'),
      schema: text('schema'),
      table: text('table'),
      column: text('column'),
      constraint: text('constraint'),
      position: position === undefined ? undefined : Number(position),
      where: text('where'),
    },
    { cause: e },
  );
}

/** Runs `fn`, rethrowing driver errors as `DatabaseError`. */
export async function mapErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toDatabaseError(e);
  }
}
