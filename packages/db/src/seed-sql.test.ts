import { loadDataset } from '@fazhi/dataset';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.js';
import { demoAccounts } from './demo-users.js';

// One identity and profile per demo account; one membership per grant an account holds.
const accounts = demoAccounts.length;
const memberships = demoAccounts.reduce((n, a) => n + a.memberships.length, 0);
import { readDatabaseRecords } from './read-records.js';
import { seedDataset } from './seed.js';
import { seedSql, sqlLiteral } from './seed-sql.js';
import { splitStatements } from './split-statements.js';
import { writeFixtureDataset } from './testing/fixture-dataset.js';
import { emulateSupabaseAuth } from './testing/supabase-auth.js';
import { postgresBackend, testDatabases } from './testing/test-databases.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const seedFile = `${root}supabase/seed.sql`;

describe('sqlLiteral', () => {
  it('quotes text, keeps numbers and booleans bare, and writes arrays as array literals', () => {
    expect(sqlLiteral(null)).toBe('null');
    expect(sqlLiteral("it's;--$$")).toBe("'it''s;--$$'");
    expect(sqlLiteral(125005)).toBe('125005');
    expect(sqlLiteral(false)).toBe('false');
    expect(sqlLiteral(['civil_code', 'a"b'])).toBe(`'{"civil_code","a\\"b"}'`);
    expect(sqlLiteral([])).toBe("'{}'");
  });
});

describe.each(testDatabases())('seed.sql on $name', (backend) => {
  let viaSql: Database;
  let viaLoader: Database;
  let dir: string;
  beforeAll(async () => {
    dir = await writeFixtureDataset();
    [viaSql, viaLoader] = await Promise.all([backend.create(), backend.create()]);
  });
  afterAll(async () => {
    await viaSql.close();
    await viaLoader.close();
  });

  it('loads the same records as seedDataset, plus demo accounts that can sign in', async () => {
    const sql = seedSql(await loadDataset(dir), { source: 'fixture' });
    await emulateSupabaseAuth(viaSql);
    await viaSql.exec(sql);
    await seedDataset(viaLoader, dir);
    const [a, b] = await Promise.all([readDatabaseRecords(viaSql), readDatabaseRecords(viaLoader)]);
    expect(a.records).toEqual(b.records);
    expect([...a.orgs.units.values()]).toEqual([...b.orgs.units.values()]);
    const users = await viaSql.query<{ email: string; ok: boolean }>(
      `select u.email, u.encrypted_password = extensions.crypt('fazhi-demo-2024', u.encrypted_password) as ok from auth.users u order by u.email`,
    );
    expect(users.rows).toEqual(demoAccounts.map((d) => ({ email: d.email, ok: true })).sort((x, y) => x.email.localeCompare(y.email)));
    expect((await viaSql.query('select count(*)::int as n from auth.identities')).rows).toEqual([{ n: accounts }]);
    expect((await viaSql.query('select count(*)::int as n from public.memberships')).rows).toEqual([{ n: memberships }]);
    expect((await viaSql.query('select count(*)::int as n from public.profiles')).rows).toEqual([{ n: accounts }]);
    expect((await viaSql.query(`select current_setting('session_replication_role') as r`)).rows).toEqual([{ r: 'origin' }]);
  });

  it('is all or nothing: a statement the database refuses leaves it empty, and running it again succeeds', async () => {
    const db = await backend.create();
    try {
      const sql = seedSql(await loadDataset(dir), { source: 'fixture' });
      await emulateSupabaseAuth(db);
      // The last statement (memberships) fails, after every record went in.
      await db.exec('alter table public.memberships add constraint fazhi_test_refuse check (false) not valid');
      // As `psql -f` runs a file: statement by statement, going on after an error.
      const errors: unknown[] = [];
      for (const statement of splitStatements(sql)) await db.exec(statement).catch((e: unknown) => errors.push(e));
      expect(errors[0]).toMatchObject({ code: '23514' });
      expect((await db.query('select count(*)::int as n from public.org_units')).rows).toEqual([{ n: 0 }]);
      expect((await db.query('select count(*)::int as n from auth.users')).rows).toEqual([{ n: 0 }]);
      await db.exec('alter table public.memberships drop constraint fazhi_test_refuse');
      await db.exec(sql);
      expect((await db.query('select count(*)::int as n from public.memberships')).rows).toEqual([{ n: memberships }]);
    } finally {
      await db.close();
    }
  });
});

describe('supabase/seed.sql', () => {
  let expected: string;
  beforeAll(async () => {
    expected = seedSql(await loadDataset(`${root}seeds/nansha-2024`), { source: 'seeds/nansha-2024' });
  });

  it('is what the generator makes from seeds/nansha-2024 (run `pnpm --filter @fazhi/db generate:seed`)', () => {
    const committed = readFileSync(seedFile, 'utf8');
    // Not toBe: a 14 MB diff would drown the message.
    expect(committed === expected, 'supabase/seed.sql 已过期：请运行 pnpm --filter @fazhi/db generate:seed').toBe(true);
  });

  it('splits into whole statements the way the Supabase CLI reads it', () => {
    const statements = splitStatements(expected);
    expect(statements.filter((s) => /^(-- .*\n)*insert into /.test(s)).length).toBeGreaterThan(80);
    expect(statements.filter((s) => !/^(-- [^\n]*\n|\n)*(insert into|set local session_replication_role|select private\.rebuild_measure_months\(\)|begin|commit)/.test(s))).toEqual([]);
  });

  it('loads on PostgreSQL 15 after the migrations', async () => {
    const db = await postgresBackend.create();
    try {
      await emulateSupabaseAuth(db);
      const started = performance.now();
      await db.exec(readFileSync(seedFile, 'utf8'));
      if (process.env.FAZHI_TEST_TIMINGS) console.log(`[fazhi] seed.sql on postgres: ${Math.round(performance.now() - started)} ms`);
      expect((await db.query('select count(*)::int as n from public.hotline_tickets')).rows).toEqual([{ n: 41088 }]);
      expect((await db.query('select count(*)::int as n from public.memberships')).rows).toEqual([{ n: memberships }]);
    } finally {
      await db.close();
    }
  });
});
