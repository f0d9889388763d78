import { isDatabaseError, type Database } from '@fazhi/db/browser';
import { toHttpError } from '@fazhi/db/refine';
import { openPglite } from '@fazhi/db';
import { afterEach, describe, expect, it } from 'vitest';
import { boundedDatabase, type Connection } from './bounded-database.js';

/**
 * Real PGlite connections. A worker stuck in a long query cannot be reproduced in-process (PGlite
 * blocks the thread it runs on, so no timer could fire): the stuck connection here is a database
 * whose statements never answer until it is terminated, which is what the page sees of a busy worker.
 */
const opened: Database[] = [];
async function realConnection(): Promise<Connection<Database> & { terminated: () => boolean }> {
  const db = await openPglite();
  opened.push(db);
  let terminated = false;
  return { db, terminate: () => void (terminated = true), terminated: () => terminated };
}

function stuckConnection(): Connection<Database> & { terminated: () => boolean } {
  let terminated = false;
  const never = () => new Promise<never>(() => undefined);
  const db: Database = { dialect: 'pglite', query: never, exec: never, transaction: never, batch: never, close: async () => undefined };
  return { db, terminate: () => void (terminated = true), terminated: () => terminated };
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

describe('bounded embedded database', () => {
  it('passes calls through within the limit', async () => {
    const c = await realConnection();
    const db = boundedDatabase(c, realConnection, 5_000);
    expect((await db.query<{ n: number }>('select 1 as n')).rows).toEqual([{ n: 1 }]);
    expect(await db.transaction(async (tx) => (await tx.query<{ n: number }>('select 2 as n')).rows[0]!.n)).toBe(2);
    expect(c.terminated()).toBe(false);
  });

  it('terminates a worker that does not answer, fails every waiting call with 查询超时, and reconnects', async () => {
    const stuck = stuckConnection();
    let reconnects = 0;
    const db = boundedDatabase(stuck, async () => (reconnects++, realConnection()), 200);
    const started = Date.now();
    const [first, second] = await Promise.all([db.query('select 1').catch((e: unknown) => e), db.exec('select 1').catch((e: unknown) => e)]);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(stuck.terminated()).toBe(true);
    for (const e of [first, second]) {
      expect(isDatabaseError(e, '57014')).toBe(true);
      expect([toHttpError(e).statusCode, toHttpError(e).message]).toEqual([504, '查询超时：数据库未能在规定时间内完成，请缩小筛选范围后重试']);
    }
    expect((await db.query<{ n: number }>('select 3 as n')).rows).toEqual([{ n: 3 }]);
    expect(reconnects).toBe(1);
  });
});
