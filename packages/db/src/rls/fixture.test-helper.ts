import { createRegistry, workAreas, type RecordKind } from '@fazhi/domain';
import type { Database, SqlExecutor } from '../client.js';
import { asAnon, asServiceRole, asUser } from '../session.js';
import { insertSql, sampleColumns } from './sample-records.test-helper.js';

/**
 * The org tree, users and memberships every RLS test uses:
 *
 *   district D ── street A ── community A1
 *              └─ street B ── community B1
 *
 * Records of street A live in A1 (so subtree inheritance is exercised), those of B in B1.
 */
export const org = {
  district: '00000000-0000-4000-8000-0000000000d0',
  streetA: '00000000-0000-4000-8000-0000000000a0',
  communityA1: '00000000-0000-4000-8000-0000000000a1',
  streetB: '00000000-0000-4000-8000-0000000000b0',
  communityB1: '00000000-0000-4000-8000-0000000000b1',
} as const;

const uid = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;

export const user = {
  supervisor: uid(1),
  /** Street admin of A with the personal-data right. */
  adminA: uid(2),
  /** Viewer of A without the personal-data right. */
  viewerA: uid(3),
  /** Viewer of A with the personal-data right. */
  viewerAPersonal: uid(4),
  adminB: uid(5),
  /** Clerk of B holding every area. */
  clerkB: uid(6),
  /** A signed-in user with no membership at all. */
  stranger: uid(7),
} as const;

/** Clerk of street A for one area (no personal-data right), one user per area. */
export const clerkA = (area: string): string => uid(100 + workAreas.findIndex((a) => a.id === area));

/** A clerk of A whose area is not `area` (the next area in the list). */
export function otherAreaClerkA(area: string): string {
  const i = workAreas.findIndex((a) => a.id === area);
  return uid(100 + ((i + 1) % workAreas.length));
}

export async function seedFixture(db: Database): Promise<void> {
  const users = [...Object.values(user), ...workAreas.map((a) => clerkA(a.id))];
  await db.exec(`
    insert into public.org_units (id, parent_id, kind, name) values
      ('${org.district}', null, 'district', '测试区'),
      ('${org.streetA}', '${org.district}', 'street', '甲街道'),
      ('${org.communityA1}', '${org.streetA}', 'community', '甲一社区'),
      ('${org.streetB}', '${org.district}', 'street', '乙街道'),
      ('${org.communityB1}', '${org.streetB}', 'community', '乙一社区');
    insert into auth.users (id, email, raw_user_meta_data) values
      ${users.map((u, i) => `('${u}', 'user${i}@example.test', '{"name": "用户${i}"}')`).join(',\n      ')};
    insert into public.memberships (user_id, org_id, role, areas, personal_data) values
      ('${user.supervisor}', '${org.district}', 'supervisor', '{}', false),
      ('${user.adminA}', '${org.streetA}', 'admin', '{}', true),
      ('${user.viewerA}', '${org.streetA}', 'viewer', '{}', false),
      ('${user.viewerAPersonal}', '${org.streetA}', 'viewer', '{}', true),
      ('${user.adminB}', '${org.streetB}', 'admin', '{}', true),
      ('${user.clerkB}', '${org.streetB}', 'clerk', '{${workAreas.map((a) => a.id).join(',')}}', false),
      ${workAreas.map((a) => `('${clerkA(a.id)}', '${org.streetA}', 'clerk', '{${a.id}}', false)`).join(',\n      ')};
  `);
}

/** Who runs a statement: a user id (signed in), `anon`, `service_role`, or `owner` (the migrating superuser). */
export type Who = string;

/** Runs `fn` in one transaction as `who`, through the sessions of ../session.ts; commits. */
export function committedAs<T>(db: Database, who: Who, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  if (who === 'anon') return asAnon(db, fn);
  if (who === 'service_role') return asServiceRole(db, fn);
  if (who === 'owner') return db.transaction(fn);
  return asUser(db, { userId: who }, fn);
}

class Rollback {
  constructor(readonly value: unknown) {}
}

/** Runs `fn` as `who` in a transaction that is always rolled back, and returns what it returned. */
export async function as<T>(db: Database, who: Who, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  try {
    await committedAs(db, who, async (tx) => {
      throw new Rollback(await fn(tx));
    });
  } catch (e) {
    if (e instanceof Rollback) return e.value as T;
    throw e;
  }
  throw new Error('unreachable');
}

/** Switches the role and claims within the current transaction (for several actors in one). */
export async function switchTo(tx: SqlExecutor, who: Who): Promise<void> {
  if (who === 'owner') {
    await tx.exec('reset role');
    return;
  }
  const role = who === 'anon' || who === 'service_role' ? who : 'authenticated';
  const claims = JSON.stringify(role === 'authenticated' ? { sub: who, role } : { role });
  await tx.query(`select set_config('request.jwt.claims', $1, true), set_config('role', $2, true)`, [claims, role]);
}

/** The SQLSTATE a statement fails with, or `ok`. Use alone in its transaction: a failure aborts it. */
export async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    throw e;
  }
}

/** Inserts a valid record of `kind` in `orgId` (run it as service_role), creating referenced records first. */
export async function insertSample(tx: SqlExecutor, kind: RecordKind, orgId: string, kinds: ReadonlyMap<string, RecordKind>): Promise<string> {
  const refIds = new Map<string, string>();
  for (const f of kind.fields) {
    if (f.type === 'ref' && !refIds.has(f.target)) refIds.set(f.target, await insertSample(tx, kinds.get(f.target)!, orgId, kinds));
  }
  const { columns, values } = sampleColumns(kind, (t) => refIds.get(t)!);
  const { sql, extraValues } = insertSql(kind.id, columns, { org_id: orgId });
  return (await tx.query<{ id: string }>(`${sql} returning id`, [...extraValues, ...values])).rows[0]!.id;
}

/** One sample record of each kind in street A's community and one in B's, committed as service_role. */
export function insertSamples(db: Database, kinds: readonly RecordKind[]): Promise<Map<string, { A: string; B: string }>> {
  const byId = new Map(createRegistry().list().map((k) => [k.id, k]));
  return committedAs(db, 'service_role', async (tx) => {
    const rows = new Map<string, { A: string; B: string }>();
    for (const k of kinds) rows.set(k.id, { A: await insertSample(tx, k, org.communityA1, byId), B: await insertSample(tx, k, org.communityB1, byId) });
    return rows;
  });
}
