import { openPglite, type PgliteDatabase } from '@fazhi/db';
import { afterEach, describe, expect, test } from 'vitest';
import type { StoredHome } from '../../home/figure-memory.js';
import { currentShippedHomes, databaseIdentity, firstVisitAccount, sameFiguresOn, type ShippedAccount, type ShippedHomes } from './shipped-homes.js';

const home = (userId: string, year = 2024): StoredHome => ({ userId, orgId: 'street', year, orgName: '南沙街道', pluginIds: ['mediation'], comparisons: [] });
const account = (userId: string, year = 2024): ShippedAccount => ({ session: { userId, email: `${userId}@demo.fazhi.example`, displayName: userId, mustChangePassword: false }, home: home(userId, year) });

describe('the demo data’s shipped home figures', () => {
  let db: PgliteDatabase | undefined;
  afterEach(() => db?.close());

  test('the identity stays through reads and moves with any write, committed or not', async () => {
    db = await openPglite();
    await db.exec('create table t (n int)');
    const before = await databaseIdentity(db);
    await db.query('select count(*) from t');
    await db.transaction(async (tx) => void (await tx.query('select * from t')));
    expect(await databaseIdentity(db)).toBe(before);
    await db.query('insert into t values (1)');
    const written = await databaseIdentity(db);
    expect(written).not.toBe(before);
    await db.transaction(async (tx) => {
      await tx.query('insert into t values (2)');
      throw new Error('rolled back');
    }).catch(() => undefined);
    expect(await databaseIdentity(db)).not.toBe(written);
    // Another cluster (another initdb) differs even where its writes have come as far.
    const other = await openPglite();
    try {
      expect((await databaseIdentity(other)).split(':')[0]).not.toBe(before.split(':')[0]);
    } finally {
      await other.close();
    }
  });

  test('are used only for the database they were computed on, unchanged, and fetched only then', async () => {
    db = await openPglite();
    const loaded: string[] = [];
    const load = async (file: string) => (loaded.push(file), [account('admin'), account('clerk')]);
    const shipped: ShippedHomes = { file: 'fazhi-homes-k.json', identity: await databaseIdentity(db), computedOn: '2026-12-07' };
    const homes = await currentShippedHomes(db, shipped, '2026-12-08', load);
    expect(homes('admin')).toEqual({ ...home('admin'), stamp: `shipped|fazhi-homes-k.json|${shipped.identity}` });
    expect(homes('someone-else')).toBeUndefined();
    expect(loaded).toEqual(['fazhi-homes-k.json']);
    // A build without them, or a database written since: nothing, and the file is not fetched.
    expect((await currentShippedHomes(db, undefined, '2026-12-08', load))('admin')).toBeUndefined();
    await db.exec('create table t (n int)');
    expect((await currentShippedHomes(db, shipped, '2026-12-08', load))('admin')).toBeUndefined();
    expect(loaded).toHaveLength(1);
  });

  test("answer a first visit's sign-in for a shipped account with the demo password, as the database would compare them", () => {
    const shipped: ShippedHomes = { file: 'fazhi-homes-k.json', identity: '7:750', computedOn: '2026-12-07' };
    const accounts = [account('admin'), account('clerk', 2026)];
    const signIn = (email: string, password: string, today = '2026-12-08') => firstVisitAccount(accounts, shipped, 'demo-pass', today, email, password);
    expect(signIn(' Admin@Demo.fazhi.example ', 'demo-pass')).toEqual({ session: accounts[0]!.session, home: { ...home('admin'), stamp: 'shipped|fazhi-homes-k.json|7:750' } });
    // Any other password (case, spaces), account or a year whose figures no longer hold: the database answers.
    expect(signIn('admin@demo.fazhi.example', 'Demo-pass')).toBeUndefined();
    expect(signIn('admin@demo.fazhi.example', 'demo-pass ')).toBeUndefined();
    expect(signIn('someone@demo.fazhi.example', 'demo-pass')).toBeUndefined();
    expect(signIn('clerk@demo.fazhi.example', 'demo-pass')).toBeUndefined();
    expect(signIn('clerk@demo.fazhi.example', 'demo-pass', '2026-12-07')).toBeDefined();
  });

  test('hold on another day only for a year over on both days', () => {
    expect(sameFiguresOn(2024, '2026-12-07', '2027-03-01')).toBe(true);
    expect(sameFiguresOn(2024, '2025-01-01', '2025-06-30')).toBe(true);
    // Computed while the year ran (counted up to that day), or looked at while it runs.
    expect(sameFiguresOn(2024, '2024-12-31', '2025-01-02')).toBe(false);
    expect(sameFiguresOn(2026, '2027-01-02', '2026-12-31')).toBe(false);
    expect(sameFiguresOn(2026, '2026-12-07', '2026-12-07')).toBe(true);
    expect(sameFiguresOn(2026, '2026-12-07', '2026-12-08')).toBe(false);
  });
});
