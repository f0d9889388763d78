import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isDatabaseError } from './database-error.js';
import { directCalls, serveDirectCalls, type MessagePortLike } from './direct-calls.js';
import { openPglite, PgliteDatabase } from './pglite-database.js';

// A real PGlite on one end of a real message channel, as in the console's worker; the page's end
// is a PgliteDatabase whose `query` and `batch` go through the channel while `available()` is true.
const portOf = (p: MessagePort): MessagePortLike => {
  p.start();
  return p as unknown as MessagePortLike;
};

describe('direct calls to a worker’s PGlite', () => {
  let served: PgliteDatabase;
  let direct: PgliteDatabase;
  let inThread: PgliteDatabase;
  let ports: MessageChannel;
  beforeAll(async () => {
    served = await openPglite();
    ports = new MessageChannel();
    serveDirectCalls(portOf(ports.port2), Promise.resolve(served));
    direct = new PgliteDatabase(served.pglite, { direct: { calls: directCalls(portOf(ports.port1)), available: () => true } });
    inThread = served;
    await served.exec('create table notes (id int8 primary key, body text not null, on_day date, at timestamptz, amount numeric, tags text[])');
  }, 60_000);
  afterAll(async () => {
    ports.port1.close();
    await served.close();
  });

  test('answers with the same rows, values parsed as in this thread (int8, date, timestamptz, numeric, arrays)', async () => {
    await inThread.query(`insert into notes values (1, '调解', '2024-03-05', '2024-03-05 01:30:00+00', 12.50, '{甲,乙}'), (9007199254740000, 'x', null, null, null, null)`);
    const sql = 'select * from notes where id = any ($1::int8[]) order by id';
    const viaChannel = await direct.query(sql, [[1, 9007199254740000]]);
    expect(viaChannel).toEqual(await inThread.query(sql, [[1, 9007199254740000]]));
    expect(viaChannel.rows[0]).toEqual({ id: 1, body: '调解', on_day: '2024-03-05', at: '2024-03-05T09:30:00+08:00', amount: '12.50', tags: ['甲', '乙'] });
  });

  test('a batch runs in one transaction: each statement sees the one before, a failure undoes them all', async () => {
    const [inserted, seen] = await direct.batch([
      { sql: 'insert into notes (id, body) values ($1, $2)', params: [2, '批量'] },
      { sql: 'select body, txid_current() as tx from notes where id = $1', params: [2] },
    ]);
    expect(inserted!.affectedRows).toBe(1);
    expect(seen!.rows).toMatchObject([{ body: '批量' }]);

    const failure = await direct
      .batch([
        { sql: 'insert into notes (id, body) values ($1, $2)', params: [3, '不该留下'] },
        { sql: 'insert into notes (id, body) values ($1, $2)', params: [2, '重复'] },
      ])
      .catch((e: unknown) => e);
    // The SQLSTATE and constraint cross the channel (23505: the duplicate key).
    expect(isDatabaseError(failure, '23505')).toBe(true);
    expect(failure).toMatchObject({ constraint: 'notes_pkey', table: 'notes' });
    expect((await inThread.query('select count(*)::int as n from notes where id = 3')).rows).toEqual([{ n: 0 }]);
    // And the session is usable afterwards with no transaction left open: a savepoint outside a
    // transaction block is refused (25P01), inside one it would be accepted.
    expect(isDatabaseError(await direct.query('savepoint probe').catch((e: unknown) => e), '25P01')).toBe(true);
  });

  test('a call that arrives before the database is open waits for it; a failed open is its answer', async () => {
    const channel = new MessageChannel();
    let open!: (db: PgliteDatabase) => void;
    serveDirectCalls(portOf(channel.port2), new Promise((resolve) => (open = resolve)));
    const early = directCalls(portOf(channel.port1)).query<{ n: number }>('select 41 + 1 as n');
    await new Promise((r) => setTimeout(r, 20));
    open(served);
    expect((await early).rows).toEqual([{ n: 42 }]);

    const broken = new MessageChannel();
    serveDirectCalls(portOf(broken.port2), Promise.reject(new Error('无法打开本机数据库：测试')));
    await expect(directCalls(portOf(broken.port1)).query('select 1')).rejects.toThrow('无法打开本机数据库：测试');
    channel.port1.close();
    broken.port1.close();
  });

  test('while the worker does not lead, calls go the usual way (PGliteWorker), not through the channel', async () => {
    // A channel nobody answers: a call sent through it would never come back.
    const silent = new MessageChannel();
    const notLeading = new PgliteDatabase(served.pglite, { direct: { calls: directCalls(portOf(silent.port1)), available: () => false } });
    expect((await notLeading.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    expect((await notLeading.batch([{ sql: 'select 2 as two' }])).map((r) => r.rows)).toEqual([[{ two: 2 }]]);
    silent.port1.close();
  });

  test('a batch that changed something is stored before it answers; one that only read, or failed, is not', async () => {
    let stored = 0;
    const channel = new MessageChannel();
    serveDirectCalls(portOf(channel.port2), Promise.resolve(served), { storeChanges: async () => void stored++ });
    const storing = new PgliteDatabase(served.pglite, { direct: { calls: directCalls(portOf(channel.port1)), available: () => true } });
    try {
      const results = await storing.batch([{ sql: 'insert into notes (id, body) values ($1, $2)', params: [40, '存下'] }]);
      // The statement that asks is its own: the caller gets its statements' results only.
      expect(results).toHaveLength(1);
      expect(results[0]!.affectedRows).toBe(1);
      expect(stored).toBe(1);
      expect((await storing.batch([{ sql: 'select body from notes where id = $1', params: [40] }]))[0]!.rows).toEqual([{ body: '存下' }]);
      expect(stored).toBe(1);
      await expect(storing.batch([{ sql: 'insert into notes (id, body) values ($1, $2)', params: [40, '重复'] }])).rejects.toThrow();
      expect(stored).toBe(1);
    } finally {
      channel.port1.close();
    }
  });
});
