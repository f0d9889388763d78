import { createRegistry, type RecordKind } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, SqlExecutor } from '../client.js';
import { testDatabases } from '../testing/index.js';
import { as, clerkA, insertSamples, org, otherAreaClerkA, seedFixture, user } from './fixture.test-helper.js';
import { insertSql, sampleColumns } from './sample-records.test-helper.js';

/**
 * The role model of docs/database.md, as data. `select` lists the streets whose record the role
 * sees (one record in street A's community, one in B's); writes target street A. `denied`: an
 * insert fails with 42501 from a policy, an update or delete touches 0 rows. `error`: refused
 * before any policy, for lack of the privilege itself (42501).
 */
type Street = 'A' | 'B';
type Write = 'allowed' | 'denied' | 'error';
interface Expectation {
  select: readonly Street[] | 'error';
  insert: Write;
  update: Write;
  delete: Write;
}

const roleModel = {
  anon: { select: 'error', insert: 'error', update: 'error', delete: 'error' },
  'district supervisor': { select: ['A', 'B'], insert: 'denied', update: 'denied', delete: 'denied' },
  'street admin': { select: ['A'], insert: 'allowed', update: 'allowed', delete: 'denied' },
  "clerk of the table's area": { select: ['A'], insert: 'allowed', update: 'allowed', delete: 'denied' },
  'clerk of another area': { select: [], insert: 'denied', update: 'denied', delete: 'denied' },
  viewer: { select: ['A'], insert: 'denied', update: 'denied', delete: 'denied' },
  'admin of another street': { select: ['B'], insert: 'denied', update: 'denied', delete: 'denied' },
  'clerk of another street': { select: ['B'], insert: 'denied', update: 'denied', delete: 'denied' },
  'user without membership': { select: [], insert: 'denied', update: 'denied', delete: 'denied' },
} as const satisfies Record<string, Expectation>;

type RoleName = keyof typeof roleModel;

function userFor(role: RoleName, kind: RecordKind): string {
  switch (role) {
    case 'anon':
      return 'anon';
    case 'district supervisor':
      return user.supervisor;
    case 'street admin':
      return user.adminA;
    case "clerk of the table's area":
      return clerkA(kind.area);
    case 'clerk of another area':
      return otherAreaClerkA(kind.area);
    case 'viewer':
      return user.viewerA;
    case 'admin of another street':
      return user.adminB;
    case 'clerk of another street':
      return user.clerkB;
    case 'user without membership':
      return user.stranger;
  }
}

const kinds = createRegistry().list();

/**
 * Runs one statement and classifies a refusal: `error` when the role lacks the privilege itself,
 * `denied` when a row-level security policy refused the row (both are SQLSTATE 42501).
 */
async function attempt<T>(run: () => Promise<T>): Promise<T | 'error' | 'denied'> {
  try {
    return await run();
  } catch (e) {
    const { code, message } = e as { code?: string; message?: string };
    if (code === '42501') return /row-level security/.test(message ?? '') ? 'denied' : 'error';
    throw e;
  }
}

describe.each(testDatabases())('RLS matrix on $name', (backend) => {
  let db: Database;
  let rows: Map<string, { A: string; B: string }>;

  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
    rows = await insertSamples(db, kinds);
  }, 120_000);
  afterAll(() => db?.close());

  it.each(kinds.map((k) => [k.id, k] as const))('%s follows the role model', async (_, kind) => {
    const { A, B } = rows.get(kind.id)!;
    const refs = (target: string) => rows.get(target)!.A;
    const mismatches: string[] = [];
    for (const [role, expected] of Object.entries(roleModel) as [RoleName, Expectation][]) {
      const who = userFor(role, kind);
      const check = (command: string, want: unknown, got: unknown) => {
        if (JSON.stringify(want) !== JSON.stringify(got)) mismatches.push(`${role} ${command}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
      };
      // Each attempt in its own rolled-back transaction, as `who`.
      const run = <T>(fn: (tx: SqlExecutor) => Promise<T>) => as(db, who, (tx) => attempt(() => fn(tx)));

      const seen = await run(async (tx) => {
        const r = await tx.query<{ id: string }>(`select id from public.${kind.id} where id = any ($1::uuid[])`, [[A, B]]);
        return (['A', 'B'] as const).filter((s) => r.rows.some((x) => x.id === (s === 'A' ? A : B)));
      });
      check('select', expected.select, seen);

      const { columns, values } = sampleColumns(kind, refs);
      const { sql, extraValues } = insertSql(kind.id, columns, { org_id: org.communityA1 });
      const inserted = await run(async (tx) => (await tx.query(sql, [...extraValues, ...values])).affectedRows);
      check('insert', expected.insert, inserted === 1 ? 'allowed' : inserted);

      const rowsTouched = (n: number | 'error' | 'denied') => (n === 1 ? 'allowed' : n === 0 ? 'denied' : n);
      const updated = await run(async (tx) => (await tx.query(`update public.${kind.id} set version = version where id = $1`, [A])).affectedRows);
      check('update', expected.update, rowsTouched(updated));

      const deleted = await run(async (tx) => (await tx.query(`delete from public.${kind.id} where id = $1`, [A])).affectedRows);
      check('delete', expected.delete, rowsTouched(deleted));
    }
    expect(mismatches.join('\n')).toBe('');
  });
});
