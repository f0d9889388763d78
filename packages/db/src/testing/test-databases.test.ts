import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open-database.js';
import { testDatabases } from './test-databases.js';

describe.each(testDatabases())('testDatabases: $name', (backend) => {
  it('hands out migrated databases that are independent of each other', async () => {
    const [a, b] = await Promise.all([backend.create(), backend.create()]);
    try {
      for (const db of [a, b]) expect((await db.query<{ n: number }>('select count(*)::int as n from supabase_migrations.schema_migrations')).rows[0]!.n).toBeGreaterThan(0);
      await a.exec(`insert into public.org_units (kind, code, name) values ('district', 'x', '只在甲库')`);
      expect((await b.query('select count(*)::int as n from public.org_units')).rows).toEqual([{ n: 0 }]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('gives URLs that openDatabase understands, migrated or empty', async () => {
    const migrated = await openDatabase(await backend.createUrl());
    const empty = await openDatabase(await backend.createEmptyUrl());
    try {
      expect((await migrated.query(`select to_regclass('public.mediation_cases') is not null as ok`)).rows).toEqual([{ ok: true }]);
      expect((await empty.query(`select to_regclass('public.mediation_cases') is not null as ok`)).rows).toEqual([{ ok: false }]);
    } finally {
      await Promise.all([migrated.close(), empty.close()]);
    }
  });
});
