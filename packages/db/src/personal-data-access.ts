import type { SupabaseClient } from '@supabase/supabase-js';
import type { SupabaseDatabase } from './database-types.generated.js';
import type { SqlExecutor } from './client.js';
import { toHttpError } from './providers/error-mapping.js';

/**
 * Leaves a trace of a backup, export or print that contains unmasked personal values
 * (个人信息保护法): one audit_log entry through the database's `log_personal_data_access` RPC,
 * which also decides who may do it. Call it before handing such a file to the user; a refusal
 * (not a street admin, no personal-data right) rejects with a Chinese `DataProviderError`.
 */
export interface PersonalDataAccess {
  action: 'backup' | 'export' | 'print';
  /** The unit whose data it is. */
  orgId: string;
  /** What was taken, in words, e.g. 本机数据库完整备份. */
  scope: string;
  /** Work area of an export or print (e.g. mediation); none for a backup. */
  area?: string;
}

const args = (a: PersonalDataAccess) => ({ action: a.action, org_id: a.orgId, scope: a.scope, area: a.area ?? null });

/** Through SQL, inside the signed-in user's transaction (embedded database, PostgreSQL). Returns the entry's id. */
export async function logPersonalDataAccess(tx: SqlExecutor, access: PersonalDataAccess): Promise<string> {
  const a = args(access);
  try {
    const r = await tx.query<{ id: string | number }>('select public.log_personal_data_access($1, $2, $3, $4) as id', [a.action, a.org_id, a.scope, a.area]);
    return String(r.rows[0]!.id);
  } catch (e) {
    throw toHttpError(e);
  }
}

/** Through PostgREST (`POST /rest/v1/rpc/log_personal_data_access`) as the signed-in Supabase user. */
export async function logPersonalDataAccessRpc(client: Pick<SupabaseClient<SupabaseDatabase>, 'rpc'>, access: PersonalDataAccess): Promise<string> {
  const { data, error } = await client.rpc('log_personal_data_access', args(access));
  if (error) throw toHttpError(error);
  return String(data);
}
