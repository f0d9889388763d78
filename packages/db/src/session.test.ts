import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, SqlExecutor } from './client.js';
import { asAnon, asServiceRole, asUser, queriesAs, queryAs, userStatementTimeout } from './session.js';
import { testDatabases } from './testing/test-databases.js';

const alice = '00000000-0000-4000-8000-00000000a11c';
const bob = '00000000-0000-4000-8000-000000000b0b';

interface Who {
  uid: string | null;
  role: string;
  claim_role: string | null;
  email: string | null;
}

const whoAmI = async (tx: SqlExecutor): Promise<Who> =>
  (await tx.query<Who>(`select auth.uid()::text as uid, current_user::text as role, auth.role() as claim_role, auth.jwt() ->> 'email' as email`)).rows[0]!;

describe.each(testDatabases())('sessions on $name', (backend) => {
  let db: Database;
  let owner: string;
  beforeAll(async () => {
    db = await backend.create();
    owner = (await db.query<{ u: string }>('select current_user::text as u')).rows[0]!.u;
  });
  afterAll(() => db.close());

  it('runs as an authenticated user with the JWT claims PostgREST would set', async () => {
    const who = await asUser(db, { userId: alice, claims: { email: 'alice@example.test' } }, whoAmI);
    expect(who).toEqual({ uid: alice, role: 'authenticated', claim_role: 'authenticated', email: 'alice@example.test' });
  });

  it('keeps callers apart when their calls interleave', async () => {
    const seen = (userId: string) =>
      asUser(db, { userId }, async (tx) => {
        const uids: (string | null)[] = [];
        for (let i = 0; i < 4; i++) {
          uids.push((await whoAmI(tx)).uid);
          await new Promise((r) => setTimeout(r, 3));
        }
        return uids;
      });
    const [a, b, a2, b2] = await Promise.all([seen(alice), seen(bob), seen(alice), seen(bob)]);
    expect(a).toEqual([alice, alice, alice, alice]);
    expect(b).toEqual([bob, bob, bob, bob]);
    expect(a2).toEqual(a);
    expect(b2).toEqual(b);
  });

  it('leaves nothing behind, even when the callback throws', async () => {
    const failed = await asUser(db, { userId: alice }, async (tx) => {
      await tx.query('select 1');
      throw new Error('出错了');
    }).catch((e: Error) => e.message);
    expect(failed).toBe('出错了');
    const after = await db.query<{ role: string; claims: string | null; uid: string | null }>(
      `select current_user::text as role, current_setting('request.jwt.claims', true) as claims, auth.uid()::text as uid`,
    );
    expect(after.rows[0]).toMatchObject({ role: owner, uid: null });
    expect(after.rows[0]!.claims ?? '').toBe('');
    // And a failed statement (not only a thrown JS error) too.
    await asUser(db, { userId: bob }, (tx) => tx.query('select 1/0')).catch(() => undefined);
    expect((await db.query<{ role: string }>('select current_user::text as role')).rows[0]!.role).toBe(owner);
  });

  it('runs as anon and as service_role', async () => {
    expect(await asAnon(db, whoAmI)).toEqual({ uid: null, role: 'anon', claim_role: 'anon', email: null });
    expect(await asServiceRole(db, whoAmI)).toEqual({ uid: null, role: 'service_role', claim_role: 'service_role', email: null });
  });

  it('is subject to row-level security as that user', async () => {
    await db.exec(`insert into public.org_units (id, kind, code, name) values ('00000000-0000-4000-8000-0000000000d1', 'district', 'd1', '测试区') on conflict do nothing`);
    const count = (tx: SqlExecutor) => tx.query<{ n: number }>('select count(*)::int as n from public.org_units').then((r) => r.rows[0]!.n);
    expect(await count(db)).toBeGreaterThan(0);
    expect(await asUser(db, { userId: alice }, count)).toBe(0);
    expect(await asServiceRole(db, count)).toBeGreaterThan(0);
  });

  it('bounds every statement of a user request in time, and only that request', async () => {
    const timeout = (tx: SqlExecutor) => tx.query<{ t: string }>("select current_setting('statement_timeout') as t").then((r) => r.rows[0]!.t);
    expect(await asUser(db, { userId: alice }, timeout)).toBe(userStatementTimeout);
    expect(await asAnon(db, timeout)).toBe(userStatementTimeout);
    expect(await timeout(db)).toBe('0');
  });

  it('refuses a user id that is not a uuid, in Chinese', async () => {
    await expect(asUser(db, { userId: 'alice' }, whoAmI)).rejects.toThrow('用户编号“alice”不是有效的 UUID');
    await expect(queryAs(db, { userId: 'alice' }, 'select 1')).rejects.toThrow('用户编号“alice”不是有效的 UUID');
  });

  it('runs a batch of statements as the user, as asUser would, answering each in order', async () => {
    const who = `select auth.uid()::text as uid, current_user::text as role, auth.jwt() ->> 'email' as email, current_setting('statement_timeout') as t`;
    const [first, second] = await queriesAs(db, { userId: alice, claims: { email: 'alice@example.test' } }, [{ sql: who }, { sql: 'select $1::int + 1 as n', params: [41] }]);
    expect(first!.rows).toEqual([{ uid: alice, role: 'authenticated', email: 'alice@example.test', t: userStatementTimeout }]);
    expect(second!.rows).toEqual([{ n: 42 }]);
    const count = 'select count(*)::int as n from public.org_units';
    expect((await queryAs<{ n: number }>(db, { userId: alice }, count)).rows[0]!.n).toBe(await asUser(db, { userId: alice }, (tx) => tx.query<{ n: number }>(count).then((r) => r.rows[0]!.n)));
  });

  it('leaves nothing behind after a batch, even one that fails part-way', async () => {
    await db.exec('create table if not exists public.batch_probe (n int primary key)');
    const failed = await queriesAs(db, { userId: bob }, [{ sql: 'select 1' }, { sql: 'select 1/0' }]).catch((e: { code?: string }) => e.code);
    expect(failed).toBe('22012');
    // The owner writes, then a failing statement: the write is undone with it.
    await expect(db.batch([{ sql: 'insert into public.batch_probe values (1)' }, { sql: 'insert into public.batch_probe values (1)' }])).rejects.toMatchObject({ code: '23505' });
    expect((await db.query<{ n: number }>('select count(*)::int as n from public.batch_probe')).rows).toEqual([{ n: 0 }]);
    const after = await db.query<{ role: string; uid: string | null }>(`select current_user::text as role, auth.uid()::text as uid`);
    expect(after.rows[0]).toEqual({ role: owner, uid: null });
    await db.exec('drop table public.batch_probe');
  });
});
