import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.js';
import { testDatabases } from '../testing/index.js';
import { as, clerkA, committedAs, org, outcome, seedFixture, user } from './fixture.test-helper.js';

/**
 * public.log_personal_data_access (migration 20261204000400): a backup, export or print with
 * unmasked personal values appends who/what/when to audit_log; only those allowed may do it.
 */
const log = (action: string, orgId: string, scope: string, area: string | null = null) =>
  `select public.log_personal_data_access(${[action, orgId, scope].map((v) => `'${v}'`).join(', ')}, ${area === null ? 'null' : `'${area}'`}) as id`;

describe.each(testDatabases())('personal-data access log on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
  }, 120_000);
  afterAll(() => db?.close());

  it('records a street admin’s backup: who, what, when, which unit', async () => {
    const before = new Date(Date.now() - 60_000);
    const id = await committedAs(db, user.adminA, async (tx) => (await tx.query<{ id: string }>(log('backup', org.streetA, '本机数据库完整备份'))).rows[0]!.id);
    const row = (await db.query<{ actor: string; org_id: string; operation: string; table_name: string; after: unknown; at: string }>(
      `select actor, org_id, operation, table_name, after, at::text from public.audit_log where id = $1`,
      [id],
    )).rows[0]!;
    expect(row).toMatchObject({ actor: user.adminA, org_id: org.streetA, operation: 'PERSONAL_DATA_ACCESS', table_name: 'database', after: { action: 'backup', scope: '本机数据库完整备份', area: null } });
    expect(new Date(row.at).getTime()).toBeGreaterThan(before.getTime());
    // The admin (with the personal-data right) reads it back through the audit log policy.
    const seen = await as(db, user.adminA, async (tx) => (await tx.query(`select 1 from public.audit_log where id = $1`, [id])).rows.length);
    expect(seen).toBe(1);
  });

  it('records an export by a user with the personal-data right for the area', async () => {
    expect(await outcome(() => as(db, user.viewerAPersonal, (tx) => tx.query(log('export', org.streetA, '人民调解案件 2024年 导出', 'mediation'))))).toBe('ok');
  });

  it.each([
    ['a viewer backs up', user.viewerAPersonal, log('backup', org.streetA, '备份'), '42501'],
    ['an admin of street B backs up street A', user.adminB, log('backup', org.streetA, '备份'), '42501'],
    ['a clerk without the personal-data right exports', clerkA('mediation'), log('export', org.streetA, '导出', 'mediation'), '42501'],
    ['a visitor who is not signed in', 'anon', log('backup', org.streetA, '备份'), '42501'],
    ['an unknown action', user.adminA, log('download', org.streetA, '备份'), '22023'],
    ['an empty scope', user.adminA, log('backup', org.streetA, '  '), '22023'],
    ['an unknown unit', user.adminA, log('backup', '00000000-0000-4000-8000-0000000000ff', '备份'), '23503'],
  ])('refuses %s', async (_, who, sql, code) => {
    expect(await outcome(() => as(db, who, (tx) => tx.query(sql)))).toBe(code);
  });

  it('cannot be forged past the function: users may not insert into audit_log directly', async () => {
    const sql = `insert into public.audit_log (actor, table_name, org_id, operation) values ('${user.adminA}', 'database', '${org.streetA}', 'PERSONAL_DATA_ACCESS')`;
    expect(await outcome(() => as(db, user.adminA, (tx) => tx.query(sql)))).toBe('42501');
  });
});
