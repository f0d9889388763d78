import { createRegistry } from '@fazhi/domain';
import type { Database } from '../client.js';
import { asUser, queriesAs } from '../session.js';
import type { TestBackend } from '../testing/index.js';
import type { ContractHarness, ContractRole } from './contract.js';
import { resolveResource } from './kind-table.js';
import { sqlDataProvider } from './sql-data-provider.js';
import { insertStatement } from './sql-statements.js';
import { toWriteParam } from './values.js';

/**
 * The contract's world on a real database (PGlite or PostgreSQL 15 from src/testing):
 * district D ── street A ── community A1, and street B ── community B1, with one user per
 * contract role. Providers run as those users through `asUser`, so RLS is the real one.
 */
export const fixtureOrg = {
  district: '00000000-0000-4000-8000-00000000c0d0',
  streetA: '00000000-0000-4000-8000-00000000c0a0',
  communityA1: '00000000-0000-4000-8000-00000000c0a1',
  streetB: '00000000-0000-4000-8000-00000000c0b0',
  communityB1: '00000000-0000-4000-8000-00000000c0b1',
} as const;

export const fixtureUser: Record<ContractRole, string> = {
  writer: '00000000-0000-4000-9000-0000000c0001',
  reader: '00000000-0000-4000-9000-0000000c0002',
  clerk: '00000000-0000-4000-9000-0000000c0003',
  outsider: '00000000-0000-4000-9000-0000000c0004',
};

export async function seedFixture(db: Database): Promise<void> {
  const o = fixtureOrg;
  const u = fixtureUser;
  await db.exec(`
    insert into public.org_units (id, parent_id, kind, name) values
      ('${o.district}', null, 'district', '测试区'),
      ('${o.streetA}', '${o.district}', 'street', '甲街道'),
      ('${o.communityA1}', '${o.streetA}', 'community', '甲一社区'),
      ('${o.streetB}', '${o.district}', 'street', '乙街道'),
      ('${o.communityB1}', '${o.streetB}', 'community', '乙一社区');
    insert into auth.users (id, email) values
      ('${u.writer}', 'writer@example.test'), ('${u.reader}', 'reader@example.test'),
      ('${u.clerk}', 'clerk@example.test'), ('${u.outsider}', 'outsider@example.test');
    insert into public.memberships (user_id, org_id, role, areas, personal_data) values
      ('${u.writer}', '${o.streetA}', 'admin', '{}', true),
      ('${u.reader}', '${o.streetA}', 'viewer', '{}', false),
      ('${u.clerk}', '${o.streetA}', 'clerk', '{mediation}', false),
      ('${u.outsider}', '${o.streetA}', 'clerk', '{publicity}', false);
  `);
}

const registry = createRegistry();

export function providerFor(db: Database, userId: string) {
  // Reads as the console makes them (one request each), writes in a transaction as the user.
  return sqlDataProvider({ db, session: (fn) => asUser(db, { userId }, fn), reads: (s) => queriesAs(db, { userId }, s), registry });
}

/** Inserts rows as the database owner (past RLS), values converted as the provider converts them. */
export async function insertAsOwner(db: Database, resource: string, rows: readonly { street?: 'A' | 'B'; values: Record<string, unknown> }[]): Promise<string[]> {
  const t = resolveResource(registry, resource);
  return db.transaction(async (tx) => {
    const ids: string[] = [];
    for (const row of rows) {
      const orgId = row.street === 'B' ? fixtureOrg.communityB1 : fixtureOrg.communityA1;
      const values = Object.entries({ orgId, ...row.values }).map(([key, v]) => ({ column: t.column(key), value: toWriteParam(t.column(key), v) }));
      const s = insertStatement(t, values);
      ids.push((await tx.query<{ id: string }>(s.sql, s.params.values)).rows[0]!.id);
    }
    return ids;
  });
}

export async function sqlHarness(backend: TestBackend): Promise<ContractHarness> {
  const db = await backend.create();
  await seedFixture(db);
  return {
    provider: providerFor(db, fixtureUser.writer),
    providerAs: (role) => providerFor(db, fixtureUser[role]),
    seed: (resource, rows) => insertAsOwner(db, resource, rows),
    cleanup: () => db.close(),
  };
}
