import { MemoryFS, PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildAndStoreDeferredIndexes, buildDeferredIndexes, deferIndexes } from './deferred-indexes.js';

// One database for the whole file (PGlite takes seconds to start); the tests run in order on it.
let pg: PGlite;
beforeAll(async () => {
  pg = await PGlite.create();
  await pg.exec(`
    create schema private;
    create table public.tickets (id int primary key, org text not null, received date not null, no text not null unique);
    insert into public.tickets select i, 'org' || (i % 7), date '2024-01-01' + (i % 365), 'T' || i from generate_series(1, 20000) i;
    create index tickets_org_received_idx on public.tickets (org, received);
    create index tickets_small_idx on public.tickets (id) where id < 10;`);
});
afterAll(() => pg.close());

const indexes = async () => (await pg.query<{ name: string }>(`select indexname as name from pg_indexes where schemaname = 'public' order by 1`)).rows.map((r) => r.name);

describe('indexes the demo snapshot leaves for the browser to build', () => {
  test('nothing large enough: nothing is deferred and no table is made', async () => {
    expect(await deferIndexes(pg, 1024 * 1048576)).toEqual([]);
    expect(await buildDeferredIndexes(pg)).toBe(0);
  });

  test('the large ones no constraint owns are dropped with their definitions kept; the first open builds them again, once', async () => {
    const all = await indexes();
    expect(await deferIndexes(pg, 64 * 1024)).toEqual(['tickets_org_received_idx']);
    // Primary key and unique constraint stay, and so does the small index.
    expect(await indexes()).toEqual(all.filter((n) => n !== 'tickets_org_received_idx'));
    expect(await buildDeferredIndexes(pg)).toBe(1);
    expect(await indexes()).toEqual(all);
    expect((await pg.query(`select to_regclass('private.deferred_indexes') as t`)).rows).toEqual([{ t: null }]);
    // Every later open: nothing left to do.
    expect(await buildDeferredIndexes(pg)).toBe(0);
    await pg.exec('set enable_seqscan = off');
    const plan = (await pg.query<{ 'QUERY PLAN': string }>(`explain select * from public.tickets where org = 'org3' and received = '2024-02-01'`)).rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).toContain('tickets_org_received_idx');
  });

  test('a definition that fails leaves every index waiting (one transaction), none half-built', async () => {
    await deferIndexes(pg, 0);
    await pg.exec(`insert into private.deferred_indexes values ('zz_broken', 'create index zz_broken on public.tickets (no_such_column)')`);
    await expect(buildDeferredIndexes(pg)).rejects.toThrow(/no_such_column/);
    expect(await indexes()).toEqual(['tickets_no_key', 'tickets_pkey']);
    expect((await pg.query(`select count(*)::int as n from private.deferred_indexes`)).rows).toEqual([{ n: 3 }]);
  });

  test('the worker stores what it built: a sync outside the transaction after COMMIT (PGlite syncs only as a transaction begins)', async () => {
    const syncs: boolean[] = [];
    class WatchedFs extends MemoryFS {
      override async syncToFs(relaxedDurability?: boolean) {
        syncs.push(this.pg!.isInTransaction());
        return super.syncToFs(relaxedDurability);
      }
    }
    const watched = await PGlite.create({ fs: new WatchedFs() });
    try {
      await watched.exec(`create schema private;
        create table public.cases (id int primary key, org text not null);
        insert into public.cases select i, 'org' || (i % 5) from generate_series(1, 20000) i;
        create index cases_org_idx on public.cases (org);`);
      expect(await deferIndexes(watched, 0)).toEqual(['cases_org_idx']);
      syncs.length = 0;
      expect(await buildAndStoreDeferredIndexes(watched)).toBe(1);
      // Only a sync outside a transaction stores anything (ChangeAwareIdbFs skips the others).
      expect(syncs.at(-1)).toBe(false);
      syncs.length = 0;
      expect(await buildAndStoreDeferredIndexes(watched)).toBe(0);
      expect(syncs.filter((inTransaction) => !inTransaction)).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
