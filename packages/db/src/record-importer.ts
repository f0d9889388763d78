import type { AnyRecord, RecordKind } from '@fazhi/domain';
import type { SupabaseClient } from '@supabase/supabase-js';
import { chineseOr } from './chinese-message.js';
import type { SqlExecutor } from './client.js';
import type { SupabaseDatabase } from './database-types.generated.js';
import { importRecords, importRows, type ImportSummary, type OnDuplicate } from './import-records.js';

/**
 * Writes a ledger's records of one kind through `public.import_records`, as the signed-in user
 * (the function is security invoker: RLS, grants and the value rules decide), all or nothing. The
 * console's import wizard calls it once the user confirms; a refusal rejects with the database's
 * Chinese message (`第 N 条记录：…`).
 */
export interface RecordImporter {
  import(kind: RecordKind, records: readonly AnyRecord[], onDuplicate: OnDuplicate): Promise<ImportSummary>;
}

/** Over SQL; `session` runs the call as the user (e.g. `(fn) => asUser(db, user, fn)`), in one transaction. */
export function sqlRecordImporter(session: <T>(fn: (tx: SqlExecutor) => Promise<T>) => Promise<T>): RecordImporter {
  return { import: (kind, records, onDuplicate) => session((tx) => importRecords(tx, kind, records, onDuplicate)) };
}

/** The answer of the function, checked: a wrong migration must not read as "0 imported". */
export function importSummaryOf(data: unknown): ImportSummary {
  const o = (typeof data === 'string' ? JSON.parse(data) : data) as Partial<ImportSummary> | null;
  const ok = o && typeof o === 'object' && [o.inserted, o.updated, o.skipped].every((n) => typeof n === 'number') && Array.isArray(o.duplicates) && typeof o.stopped === 'boolean';
  if (!ok) throw new Error('函数 import_records 的返回值不是导入结果，请检查数据库迁移');
  return { inserted: o.inserted!, updated: o.updated!, skipped: o.skipped!, duplicates: o.duplicates!.map(String), stopped: o.stopped! };
}

/** Over PostgREST: `POST /rest/v1/rpc/import_records` with `{ p_kind, p_rows, p_on_duplicate }` (one request, one transaction). */
export function supabaseRecordImporter(client: SupabaseClient<SupabaseDatabase>): RecordImporter {
  return {
    import: async (kind, records, onDuplicate) => {
      const r = await client.rpc('import_records', { p_kind: kind.id, p_rows: importRows(kind, records) as never, p_on_duplicate: onDuplicate });
      if (r.error) throw new Error(`导入失败：${chineseOr(r.error.message, '数据服务出错，请稍后重试')}`);
      return importSummaryOf(r.data);
    },
  };
}
