import { todayInShanghai } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDatabases, type SeededDatabase } from './seed-databases.test-helper.js';

/**
 * The 待办 count of 12345 tickets (no 办结时间, 办理时限 at most two days ahead, live) is answered
 * from `hotline_tickets_open_due_at_idx` (20261205040100_todo_indexes.sql) on both databases,
 * in the shape the data provider writes it, and counts what the seed says.
 */
describe.each(seededDatabases)('the 待办 index of open tickets ($name)', ({ open }) => {
  let s: SeededDatabase;
  beforeAll(async () => {
    s = await open();
    await s.db.query('analyze public.hotline_tickets');
  }, 600_000);
  afterAll(() => s?.close());

  const limit = new Date(Date.parse(`${todayInShanghai()}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
  const where = `deleted_at is null and due_at < $1 and closed_at is null`;

  it('plans the count through the partial index and counts the seed’s open tickets due', async () => {
    const plan = await s.db.query<{ 'QUERY PLAN': string }>(`explain select count(*) from public.hotline_tickets where ${where}`, [limit]);
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('hotline_tickets_open_due_at_idx');
    const { rows } = await s.db.query<{ n: number }>(`select count(*)::int as n from public.hotline_tickets where ${where}`, [limit]);
    const expected = (s.dataset.records.get('hotline_tickets') ?? []).filter((t) => !t.deletedAt && !t.closedAt && String(t.dueAt).slice(0, 10) < limit).length;
    expect(expected).toBeGreaterThan(0);
    expect(rows[0]!.n).toBe(expected);
  });
});
