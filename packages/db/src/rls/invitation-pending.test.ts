import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlAccessStore } from '../access-stores.js';
import type { Database } from '../client.js';
import { asUser } from '../session.js';
import { testDatabases } from '../testing/index.js';
import { as, committedAs, org, outcome, seedFixture, user } from './fixture.test-helper.js';

/**
 * `public.invitation_pending(email)` (20261205100100_invitation_pending.sql): what the console's
 * sign-in page asks, as `anon`, before it mails a sign-in link — true only for an e-mail with a
 * pending, unexpired, unwithdrawn invitation — on PGlite and PostgreSQL 15.
 */
const viewer = { orgId: org.streetA, role: 'viewer' as const, areas: [], personalData: false };

describe.each(testDatabases())('invitation_pending on $name', (backend) => {
  let db: Database;
  const pending = (who: string, email: string) => as(db, who, async (tx) => (await tx.query<{ p: boolean }>('select public.invitation_pending($1) as p', [email])).rows[0]!.p);
  const adminA = () => sqlAccessStore((fn) => asUser(db, { userId: user.adminA }, fn));
  const owner = (sql: string, params: unknown[]) => committedAs(db, 'owner', (tx) => tx.query(sql, params));

  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
  }, 120_000);
  afterAll(() => db?.close());

  it('answers anon true for a pending invitation (any case, spaces around), false once accepted, withdrawn or expired', async () => {
    expect(await pending('anon', 'someone@example.test')).toBe(false);
    const invited = await adminA().invite('Invited@Example.test', viewer, '新同事');
    expect(await pending('anon', '  INVITED@example.test ')).toBe(true);
    expect(await pending(user.clerkB, 'invited@example.test')).toBe(true);

    const withdrawn = await adminA().invite('withdrawn@example.test', viewer, '新同事');
    expect(await pending('anon', 'withdrawn@example.test')).toBe(true);
    await adminA().withdrawInvitation(withdrawn.id, '岗位取消');
    expect(await pending('anon', 'withdrawn@example.test')).toBe(false);

    await adminA().invite('late@example.test', viewer, '新同事', 1);
    await owner(`update public.invitations set invited_at = now() - interval '3 days', expires_at = now() - interval '1 second' where email = $1`, ['late@example.test']);
    expect(await pending('anon', 'late@example.test')).toBe(false);

    // The e-mail confirmed in Supabase Auth: the trigger accepts the invitation, nothing is pending.
    await owner('insert into auth.users (id, email, email_confirmed_at) values ($1, $2, now())', ['00000000-0000-4000-9000-000000000990', 'invited@example.test']);
    expect((await adminA().listInvitations(org.streetA)).find((i) => i.id === invited.id)?.acceptedAt).not.toBeNull();
    expect(await pending('anon', 'invited@example.test')).toBe(false);
  });

  it('gives anon nothing else: the invitations themselves stay unreadable', async () => {
    expect(await outcome(() => as(db, 'anon', (tx) => tx.query('select email from public.invitations')))).toBe('42501');
  });
});
