import { MemoryFS, PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { storeExclusively } from './exclusive-store.js';

// A real PGlite whose file system takes its time to store, as IndexedDB does. It notes whether the
// WAL changed while it stored: a statement that committed in between writes to it.
const events: string[] = [];
interface Files {
  readdir(path: string): string[];
  stat(path: string): { size: number; mtime: Date | number };
}
class SlowFs extends MemoryFS {
  slow = false;
  #wal(): string {
    const files = (this.pg as unknown as { Module: { FS: Files } }).Module.FS;
    const dir = '/pglite/data/pg_wal';
    return files
      .readdir(dir)
      .filter((n) => /^[0-9A-F]{24}$/.test(n))
      .map((n) => `${n}:${files.stat(`${dir}/${n}`).size}:${Number(files.stat(`${dir}/${n}`).mtime)}`)
      .join();
  }
  override async syncToFs(relaxedDurability?: boolean) {
    if (this.slow) {
      const before = this.#wal();
      events.push('store begins');
      await new Promise((r) => setTimeout(r, 150));
      events.push(this.#wal() === before ? 'store ends' : 'store ends, the WAL written meanwhile');
    }
    return super.syncToFs(relaxedDurability);
  }
}
const fs = new SlowFs();
let pg: PGlite;
beforeAll(async () => {
  pg = await PGlite.create({ fs });
  await pg.exec('create table notes (id int primary key)');
});
afterAll(() => pg.close());

describe('storeExclusively', () => {
  test('no statement runs while it stores, and none waiting in a transaction is cut into', async () => {
    events.length = 0;
    fs.slow = true;
    const store = storeExclusively(pg);
    // Asked for while the store runs: a statement, and a transaction.
    const query = pg.query('insert into notes values (1)').then(() => events.push('statement done'));
    const tx = pg.transaction(async (t) => {
      events.push('transaction begins');
      await t.query('insert into notes values (2)');
    });
    await Promise.all([store, query, tx]);
    fs.slow = false;
    // The first store ran alone; the others came after it (each statement stores again itself).
    expect(events.slice(0, 2)).toEqual(['store begins', 'store ends']);
    expect(events).toContain('statement done');
    expect(events.indexOf('transaction begins')).toBeGreaterThan(1);
  });
});
