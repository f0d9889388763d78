import type { SupabaseClient } from '@supabase/supabase-js';
import type { SupabaseDatabase } from './database-types.generated.js';
import { chineseOr } from './chinese-message.js';
import type { SqlExecutor } from './client.js';

/**
 * Business keys (案件编号, 工单编号…) that more than one live record of a street shares: stored
 * before the database enforced them (`public.duplicate_business_keys`, generated with the record
 * rules). Read as the signed-in user, so only records they may read are listed.
 */
export interface DuplicateBusinessKey {
  kindId: string;
  /** zh-CN label of the kind, e.g. 人民调解案件. */
  kindLabel: string;
  /** zh-CN label of the key field, e.g. 案件编号. */
  keyLabel: string;
  key: string;
  streetId: string;
  /** The records sharing the key, oldest (by the kind's period date) first. */
  recordIds: string[];
}

export interface DuplicateKeySource {
  /** Duplicates among the records of `orgId`'s subtree, street by street. */
  list(orgId: string): Promise<DuplicateBusinessKey[]>;
}

const text = (row: Record<string, unknown>, column: string): string => {
  const v = row[column];
  if (typeof v !== 'string') throw new Error(`函数 duplicate_business_keys 返回的“${column}”不是文本，请检查数据库迁移`);
  return v;
};

/** One row of `public.duplicate_business_keys`, as SQL or PostgREST returns it. */
export function duplicateKeyFromRow(row: Record<string, unknown>): DuplicateBusinessKey {
  const ids = row.record_ids;
  if (!Array.isArray(ids)) throw new Error('函数 duplicate_business_keys 返回的“record_ids”不是列表，请检查数据库迁移');
  return {
    kindId: text(row, 'kind_id'),
    kindLabel: text(row, 'kind_label'),
    keyLabel: text(row, 'key_label'),
    key: text(row, 'business_key'),
    streetId: text(row, 'street_id'),
    recordIds: ids.map(String),
  };
}

/** Over SQL; `session` runs the query as the user (e.g. `(fn) => asUser(db, user, fn)`). */
export function sqlDuplicateKeySource(session: <T>(fn: (tx: SqlExecutor) => Promise<T>) => Promise<T>): DuplicateKeySource {
  return {
    list: async (orgId) => {
      const res = await session((tx) => tx.query<Record<string, unknown>>('select * from public.duplicate_business_keys($1)', [orgId]));
      return res.rows.map(duplicateKeyFromRow);
    },
  };
}

type Client = SupabaseClient<SupabaseDatabase>;

/** Over PostgREST: `POST /rest/v1/rpc/duplicate_business_keys` with `{ p_org }`. */
export function supabaseDuplicateKeySource(client: Client): DuplicateKeySource {
  return {
    list: async (orgId) => {
      const r = await client.rpc('duplicate_business_keys', { p_org: orgId });
      if (r.error) throw new Error(`读取重复编号失败：${chineseOr(r.error.message, '数据服务出错，请稍后重试')}`);
      if (!Array.isArray(r.data)) throw new Error('函数 duplicate_business_keys 的返回值不是数据行列表，请检查数据库迁移');
      return (r.data as Record<string, unknown>[]).map(duplicateKeyFromRow);
    },
  };
}
