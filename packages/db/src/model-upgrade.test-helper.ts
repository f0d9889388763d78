import type { SqlExecutor } from './client.js';

/**
 * "Nothing is lost" across an upgrade: per table (every schema the application writes), its row
 * count and an md5 of its rows over the columns it had before, in a fixed order.
 */
export type TableChecksums = Record<string, { rows: number; md5: string }>;

const schemas = ['public', 'private', 'auth', 'storage', 'supabase_migrations'];

/** Columns of every table, to checksum the same columns again after columns were added. */
export async function tableColumns(db: SqlExecutor): Promise<Map<string, string[]>> {
  const r = await db.query<{ t: string; c: string }>(
    `select c.table_schema || '.' || c.table_name as t, c.column_name as c
     from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
     where c.table_schema = any ($1::text[]) and t.table_type = 'BASE TABLE'
     order by 1, c.ordinal_position`,
    [schemas],
  );
  const out = new Map<string, string[]>();
  for (const row of r.rows) out.set(row.t, [...(out.get(row.t) ?? []), row.c]);
  return out;
}

export async function tableChecksums(db: SqlExecutor, columns: ReadonlyMap<string, readonly string[]>): Promise<TableChecksums> {
  const out: TableChecksums = {};
  for (const [table, cols] of columns) {
    const [schema, name] = table.split('.');
    const list = cols.map((c) => `"${c}"`).join(', ');
    const r = await db.query<{ rows: number; md5: string }>(
      `select count(*)::int as rows, coalesce(md5(string_agg(x::text, E'\\n' order by x::text)), '') as md5 from (select ${list} from "${schema}"."${name}") x`,
    );
    out[table] = r.rows[0]!;
  }
  return out;
}

/** What a model upgrade writes about the model itself (kinds, snapshot, personal columns): not records. */
export const modelTables = ['private.record_kinds', 'private.model_snapshot', 'private.kind_personal_columns'] as const;

/** The checksums without the tables an upgrade writes to itself. */
export function withoutTables(checksums: TableChecksums, tables: readonly string[]): TableChecksums {
  return Object.fromEntries(Object.entries(checksums).filter(([t]) => !tables.includes(t)));
}
