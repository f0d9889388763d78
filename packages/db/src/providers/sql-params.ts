import { ident } from '../generate/sql-text.js';
import type { KindTable, SqlType } from './kind-table.js';

/**
 * Positional parameters for one statement. Every value goes through here with an explicit cast,
 * so PGlite and node-postgres infer the same types and nothing is ever spliced into SQL text.
 * The field key of each parameter is kept so a 22P02 naming `$n` can be reported on its field.
 */
export class SqlParams {
  readonly values: unknown[] = [];
  readonly keys: (string | undefined)[] = [];

  add(value: unknown, type: SqlType | `${Exclude<SqlType, 'text[]'>}[]`, key?: string): string {
    this.values.push(value);
    this.keys.push(key);
    return `$${this.values.length}::${type}`;
  }
}

/** `public.<name>`, quoted where needed (kind ids are validated snake_case already). */
export const qualified = (name: string) => `public.${ident(name)}`;
export const col = (column: string) => ident(column);

const selectCache = new WeakMap<KindTable, string>();

/** The view's columns aliased to camelCase keys: rows come back in the shape clients use. */
export function selectList(t: KindTable): string {
  let s = selectCache.get(t);
  if (!s) {
    s = t.list.map((c) => (c.column === c.key ? col(c.column) : `${col(c.column)} as "${c.key}"`)).join(', ');
    selectCache.set(t, s);
  }
  return s;
}
