import type { SqlExecutor } from '@fazhi/db';

/**
 * A console list page of hotline tickets: one street's subtree, one year, complaints only, newest
 * first, 20 per page, with the total for the pager: the two statements a data provider sends.
 * Served by the partial list indexes of supabase/migrations/20261128000500_list_indexes.sql.
 */
const where = `t.org_id = any ($1::uuid[]) and t.deleted_at is null
  and t.received_at >= $2::timestamptz and t.received_at < $3::timestamptz and t.kind = 'complaint'`;

export const listPageSql = `select t.id, t.ticket_no, t.channel, t.kind, t.topic, t.department, t.received_at, t.due_at, t.closed_at, t.satisfaction
from public.hotline_tickets t
where ${where}
order by t.received_at desc, t.id desc
limit 20 offset 0`;

export const listCountSql = `select count(*)::int as n from public.hotline_tickets t where ${where}`;

export interface ListPageParams {
  orgIds: readonly string[];
  from: string;
  to: string;
}

export async function listPage(db: SqlExecutor, p: ListPageParams): Promise<{ rows: number; total: number }> {
  const params = [p.orgIds, p.from, p.to];
  const page = await db.query(listPageSql, params);
  const count = await db.query<{ n: number }>(listCountSql, params);
  return { rows: page.rows.length, total: count.rows[0]!.n };
}

