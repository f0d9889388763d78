import type { OrgUnit } from '@fazhi/domain';
import type { ConsoleUser, Membership } from '../services.js';

/**
 * Runs statements in one transaction as the signed-in user and answers each, in order (`queriesAs`
 * of @fazhi/db); kept structural so this entry needs no database.
 */
export type UserReads = (statements: readonly { sql: string }[]) => Promise<readonly { rows: unknown[] }[]>;

/** A row of `public.memberships` as the console reads it. */
export interface MembershipRow {
  org_id: string;
  role: Membership['role'];
  areas: string[] | null;
  personal_data: boolean;
}

/** A row of `public.org_units` as the console reads it. */
export interface OrgUnitRow {
  id: string;
  parent_id: string | null;
  kind: OrgUnit['kind'];
  name: string;
  short_name: string | null;
}

/** The console user from their membership and org unit rows, however they were read (SQL or PostgREST). */
export function consoleUserFromRows(userId: string, name: string, memberships: readonly MembershipRow[], orgs: readonly OrgUnitRow[]): ConsoleUser {
  return {
    id: userId,
    name,
    memberships: memberships.map((r) => ({ orgId: r.org_id, role: r.role, areas: r.areas ?? [], personalData: r.personal_data })),
    orgs: orgs.map((r) => ({ id: r.id, parentId: r.parent_id, kind: r.kind, name: r.name, shortName: r.short_name })),
  };
}

/** The two reads a console user is built from: their grants, and the org units row-level security lets them read. */
const consoleUserReads = [
  { sql: 'select org_id, role, areas, personal_data from public.memberships where user_id = auth.uid() and active order by org_id, role' },
  { sql: 'select id, parent_id, kind, name, short_name from public.org_units order by code nulls last, name' },
] as const;

/** The signed-in user as the console builds it, read AS that user (both reads in one request). */
export async function readConsoleUser(read: UserReads, userId: string, name: string): Promise<ConsoleUser> {
  const [m, o] = await read(consoleUserReads);
  return consoleUserFromRows(userId, name, (m?.rows ?? []) as MembershipRow[], (o?.rows ?? []) as OrgUnitRow[]);
}
