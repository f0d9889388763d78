import { allowedParents, orgKindLabel, orgUnitKinds, type OrgUnitKind } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.js';
import { testDatabases } from './testing/index.js';

const kinds = orgUnitKinds.map((k) => k.id);
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * Towns (镇) and villages (村), migration 20261205000300: the database's org-tree rule
 * (private.check_org_unit) accepts exactly the parent kinds OrgTree accepts, for every pair of
 * kinds, and says in Chinese where a unit may not stand; staff may sit at a town as at a street.
 */
describe.each(testDatabases())('org unit kinds on $name', (backend) => {
  let db: Database;
  // One unit of each kind, placed where it may stand, to serve as a parent.
  const parentOf: Record<OrgUnitKind, string> = Object.fromEntries(kinds.map((k, i) => [k, uuid(i + 1)])) as Record<OrgUnitKind, string>;
  beforeAll(async () => {
    db = await backend.create();
    const place: Record<OrgUnitKind, OrgUnitKind | null> = { district: null, street: 'district', town: 'district', community: 'town', village: 'town', mediation_committee: 'village', department: 'town' };
    for (const k of kinds) {
      const parent = place[k];
      await db.query('insert into public.org_units (id, parent_id, kind, name, code) values ($1, $2, $3, $4, $5)', [parentOf[k], parent && parentOf[parent], k, `样例${orgKindLabel(k)}`, `u-${k}`]);
    }
  }, 120_000);
  afterAll(() => db?.close());

  /** 'ok' or the refusal's code and message; nothing is kept either way. */
  const attempt = (sql: string, params: unknown[] = []) =>
    db
      .transaction(async (tx) => {
        await tx.query(sql, params);
        throw new Error('rollback');
      })
      .catch((e: { code?: string; message: string }) => (e.message === 'rollback' ? 'ok' : `${e.code} ${e.message}`));

  it('accepts a kind under a parent kind exactly when OrgTree does', async () => {
    const disagreements: string[] = [];
    let n = 100;
    for (const child of kinds) {
      for (const parent of [null, ...kinds]) {
        const got = await attempt('insert into public.org_units (id, parent_id, kind, name) values ($1, $2, $3, $4)', [uuid(n++), parent && parentOf[parent], child, '新机构']);
        const expected = allowedParents[child].includes(parent) ? 'ok' : `23514 机构“新机构”的类型不能位于${parent ? `“${orgKindLabel(parent)}”之下` : '最上级'}`;
        if (got !== expected) disagreements.push(`${child} under ${parent}: ${got}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(n - 100).toBe(kinds.length * (kinds.length + 1));
  });

  it('lets staff sit at a town, still not at a village', async () => {
    const userId = uuid(900);
    await db.query(`insert into auth.users (id, raw_user_meta_data) values ($1, '{}'::jsonb)`, [userId]);
    const member = (org: string, role: string) => attempt(`insert into public.memberships (user_id, org_id, role, areas) values ($1, $2, $3, '{}')`, [userId, org, role]);
    expect(await member(parentOf.town, 'admin')).toBe('ok');
    expect(await member(parentOf.town, 'viewer')).toBe('ok');
    expect(await member(parentOf.village, 'clerk')).toBe('23514 街道（镇）管理员、业务经办人和查看者角色只能设在街道或镇');
    expect(await member(parentOf.town, 'supervisor')).toBe('23514 区级督导角色只能设在区级机构');
  });
});
