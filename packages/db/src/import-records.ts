import type { AnyRecord, RecordKind } from '@fazhi/domain';
import type { SqlExecutor } from './client.js';
import { kindTable } from './providers/kind-table.js';
import { writeValues } from './providers/write-values.js';

/** What to do with a record whose business key is already in the file or in the street. */
export type OnDuplicate = 'skip' | 'update' | 'stop';
export const onDuplicateChoices: readonly OnDuplicate[] = ['skip', 'update', 'stop'];

/** The answer of `public.import_records`. */
export interface ImportSummary {
  inserted: number;
  updated: number;
  skipped: number;
  /** Business keys found twice in the file or already in the street. */
  duplicates: string[];
  /** `stop` met duplicates: nothing was written. */
  stopped: boolean;
}

/**
 * Records in the wire format the data providers write (SQL column → value, each value checked and
 * normalised by the same `writeValues` as a form's create), the rows `public.import_records` takes.
 * `id` is sent so the caller knows the new records' ids.
 */
export function importRows(kind: RecordKind, records: readonly AnyRecord[]): Record<string, unknown>[] {
  const t = kindTable(kind);
  return records.map((r) => {
    const { deletedAt: _deleted, ...values } = r;
    return Object.fromEntries(writeValues(t, values, 'create').map((v) => [v.column.column, v.value]));
  });
}

/** The row of `p_rows` a refusal names (`DETAIL import_row:N`, 1-based), or null. */
export function importRowOf(detail: string | undefined): number | null {
  const m = /import_row:(\d+)/.exec(detail ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * Writes records of one kind in one statement as the caller of `tx` (RLS and grants apply): all or
 * nothing. A refusal throws the database's error, whose message begins `第 N 条记录：`.
 */
export async function importRecords(tx: SqlExecutor, kind: RecordKind, records: readonly AnyRecord[], onDuplicate: OnDuplicate): Promise<ImportSummary> {
  const rows = JSON.stringify(importRows(kind, records));
  const res = await tx.query<{ result: ImportSummary | string }>('select public.import_records($1, $2::jsonb, $3) as result', [kind.id, rows, onDuplicate]);
  const result = res.rows[0]!.result;
  return typeof result === 'string' ? (JSON.parse(result) as ImportSummary) : result;
}
