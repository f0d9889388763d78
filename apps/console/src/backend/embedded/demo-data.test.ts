import { migrate, openPglite, type Database } from '@fazhi/db';
import { demoAccounts } from '@fazhi/db/demo-accounts';
import { afterEach, describe, expect, it } from 'vitest';
import { holdsDemoData } from './demo-data.js';

describe('demo data marker', () => {
  let db: Database | undefined;
  afterEach(() => db?.close());

  it('is false for a database without the demo accounts and true once they exist', async () => {
    db = await openPglite();
    await migrate(db);
    expect(await holdsDemoData(db)).toBe(false);
    await db.query(`insert into auth.users (id, email) values ('00000000-0000-4000-9000-00000000d001', $1)`, [demoAccounts[1]!.email]);
    expect(await holdsDemoData(db)).toBe(true);
  });
});
