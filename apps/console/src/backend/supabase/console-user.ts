import { consoleUserFromRows, type MembershipRow, type OrgUnitRow } from '@fazhi/plugin-sdk/host';
import type { ConsoleUser } from '@fazhi/plugin-sdk';
import type { SupabaseDatabase } from '@fazhi/db/browser';
import type { SupabaseClient } from '@supabase/supabase-js';
import { postgrestError, type PostgrestFailure } from './errors.js';

type Client = SupabaseClient<SupabaseDatabase>;

interface PageResult {
  data: unknown;
  error: PostgrestFailure['error'] | null;
  status: number;
  count: number | null;
}

/** Rows per request; Supabase's default `max-rows` is 1000, so no page is cut short by default. */
export const pageSize = 1000;

/**
 * Every row of a read, page by page: PostgREST caps a response at `max-rows`, so the exact total
 * (`Prefer: count=exact`) tells whether more pages follow, whatever that cap is set to.
 */
async function readAll<T>(page: (from: number, to: number) => PromiseLike<PageResult>, host: string, what: string): Promise<T[]> {
  const rows: T[] = [];
  for (;;) {
    const r = await page(rows.length, rows.length + pageSize - 1);
    if (r.error) throw postgrestError({ error: r.error, status: r.status }, host, what);
    const got = (r.data ?? []) as T[];
    rows.push(...got);
    const done = r.count === null ? got.length < pageSize : rows.length >= r.count;
    if (done || got.length === 0) return rows;
  }
}

/**
 * The signed-in user as the console builds it, read over PostgREST AS that user (their JWT): the
 * same two reads as `readConsoleUser` of @fazhi/plugin-sdk does in the embedded database — their
 * grants, and the org units row-level security lets them read, ordered by code then name.
 */
export async function fetchConsoleUser(client: Client, userId: string, name: string, host: string): Promise<ConsoleUser> {
  const [memberships, orgs] = await Promise.all([
    readAll<MembershipRow>(
      (from, to) =>
        client
          .from('memberships')
          .select('org_id,role,areas,personal_data', { count: 'exact' })
          .eq('user_id', userId)
          // A deactivated membership grants nothing (an admin still reads their street's inactive ones).
          .eq('active', true)
          .order('org_id')
          .order('role')
          .range(from, to),
      host,
      '表 public.memberships',
    ),
    readAll<OrgUnitRow>(
      (from, to) =>
        client
          .from('org_units')
          .select('id,parent_id,kind,name,short_name', { count: 'exact' })
          .order('code', { ascending: true, nullsFirst: false })
          .order('name')
          // Ties (same name, no code) in a stable order, so paging neither skips nor repeats rows.
          .order('id')
          .range(from, to),
      host,
      '表 public.org_units',
    ),
  ]);
  return consoleUserFromRows(userId, name, memberships, orgs);
}
