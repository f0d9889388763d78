import type { OrgUnit } from '@fazhi/domain';
import type { ConsoleUser, Membership } from './services.js';

/** Any SQL connection (`SqlExecutor` of @fazhi/db), kept structural so this entry needs no database. */
export interface SqlReader {
  query<T>(sql: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
}

/**
 * The signed-in user as the console builds it, read AS that user (run it inside `asUser`): their
 * grants, and the org units row-level security lets them read.
 */
export async function readConsoleUser(tx: SqlReader, userId: string, name: string): Promise<ConsoleUser> {
  const m = await tx.query<{ org_id: string; role: Membership['role']; areas: string[]; personal_data: boolean }>(
    'select org_id, role, areas, personal_data from public.memberships where user_id = auth.uid() order by org_id, role',
  );
  const o = await tx.query<{ id: string; parent_id: string | null; kind: OrgUnit['kind']; name: string; short_name: string | null }>(
    'select id, parent_id, kind, name, short_name from public.org_units order by code nulls last, name',
  );
  return {
    id: userId,
    name,
    memberships: m.rows.map((r) => ({ orgId: r.org_id, role: r.role, areas: r.areas, personalData: r.personal_data })),
    orgs: o.rows.map((r) => ({ id: r.id, parentId: r.parent_id, kind: r.kind, name: r.name, shortName: r.short_name })),
  };
}
