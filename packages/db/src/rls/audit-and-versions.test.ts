import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, SqlExecutor } from '../client.js';
import { testDatabases } from '../testing/index.js';
import { as, clerkA, committedAs, org, outcome, seedFixture, switchTo, user } from './fixture.test-helper.js';

/** Audit trail, soft delete and restore, and optimistic concurrency on one record table. */
const caseId = '00000000-0000-4000-a000-000000000001';
const clerk = clerkA('mediation');

interface AuditRow {
  actor: string | null;
  table_name: string;
  record_id: string;
  org_id: string;
  operation: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const insertCase = (id: string, caseNo: string) =>
  `insert into public.mediation_cases (id, org_id, case_no, source, dispute_type, parties_count, accepted_on, status, party_names)
   values ('${id}', '${org.communityA1}', '${caseNo}', 'proactive', 'neighbourhood', 2, '2024-03-05', 'accepted', '张三、李四')`;

/** The audit rows of one record, read as the table owner within the same transaction. */
async function auditOf(tx: SqlExecutor, id: string): Promise<AuditRow[]> {
  await switchTo(tx, 'owner');
  return (await tx.query<AuditRow>(`select actor, table_name, record_id, org_id, operation, before, after from public.audit_log where record_id = $1 order by id`, [id])).rows;
}

describe.each(testDatabases())('audit, soft delete and versions on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
  }, 120_000);
  afterAll(() => db?.close());

  it('writes who, when, table, row, operation, before and after for insert, update, soft delete and restore', async () => {
    await as(db, clerk, async (tx) => {
      await tx.query(insertCase(caseId, '(2024)调字第1号'));
      await tx.query(`update public.mediation_cases set status = 'mediating', version = 1 where id = $1`, [caseId]);
      await switchTo(tx, user.adminA);
      expect((await tx.query(`update public.mediation_cases set deleted_at = now(), version = 2 where id = $1`, [caseId])).affectedRows).toBe(1);
      const deleted = await tx.query(`select deleted_by, version from public.mediation_cases where id = $1`, [caseId]);
      expect(deleted.rows[0]).toEqual({ deleted_by: user.adminA, version: 3 });
      expect((await tx.query(`update public.mediation_cases set deleted_at = null, version = 3 where id = $1`, [caseId])).affectedRows).toBe(1);
      // A hard delete is refused without an error (no row qualifies); the record is still there.
      expect((await tx.query(`delete from public.mediation_cases where id = $1`, [caseId])).affectedRows).toBe(0);
      const row = await tx.query(
        `select version, created_by, updated_by, deleted_at, deleted_by, created_at <= updated_at as ordered from public.mediation_cases where id = $1`,
        [caseId],
      );
      expect(row.rows[0]).toEqual({ version: 4, created_by: clerk, updated_by: user.adminA, deleted_at: null, deleted_by: null, ordered: true });

      const audit = await auditOf(tx, caseId);
      expect(audit.map((a) => [a.operation, a.actor])).toEqual([
        ['INSERT', clerk],
        ['UPDATE', clerk],
        ['SOFT_DELETE', user.adminA],
        ['RESTORE', user.adminA],
      ]);
      expect(audit.every((a) => a.table_name === 'mediation_cases' && a.record_id === caseId && a.org_id === org.communityA1)).toBe(true);
      const [ins, upd, del, res] = audit as [AuditRow, AuditRow, AuditRow, AuditRow];
      expect(ins.before).toBeNull();
      expect(ins.after).toMatchObject({ case_no: '(2024)调字第1号', party_names: '张三、李四', version: 1, created_by: clerk });
      expect(upd.before).toMatchObject({ status: 'accepted', version: 1 });
      expect(upd.after).toMatchObject({ status: 'mediating', version: 2 });
      expect(del.before).toMatchObject({ deleted_at: null });
      expect(del.after).toMatchObject({ deleted_by: user.adminA });
      expect(del.after!.deleted_at).not.toBeNull();
      expect(res.after).toMatchObject({ deleted_at: null, deleted_by: null, version: 4 });
      const at = await tx.query<{ ok: boolean }>(`select bool_and(at = now()) as ok from public.audit_log where record_id = $1`, [caseId]);
      expect(at.rows[0]!.ok).toBe(true);
    });
  });

  it('audits a hard delete by service_role, the only role that may', async () => {
    await as(db, 'service_role', async (tx) => {
      await tx.query(insertCase(caseId, '(2024)调字第2号'));
      expect((await tx.query(`delete from public.mediation_cases where id = $1`, [caseId])).affectedRows).toBe(1);
      const audit = await auditOf(tx, caseId);
      expect(audit.map((a) => [a.operation, a.actor])).toEqual([
        ['INSERT', null],
        ['DELETE', null],
      ]);
      expect(audit[1]!.before).toMatchObject({ case_no: '(2024)调字第2号' });
      expect(audit[1]!.after).toBeNull();
    });
  });

  it('does not let a client forge who wrote or when', async () => {
    const forged = await as(db, clerk, (tx) =>
      outcome(() =>
        tx.query(`insert into public.mediation_cases (org_id, case_no, source, dispute_type, parties_count, accepted_on, status, created_by)
                  values ('${org.communityA1}', 'x', 'proactive', 'other', 1, '2024-01-01', 'accepted', '${user.adminA}')`),
      ),
    );
    expect(forged).toBe('42501');
    const stamped = await as(db, clerk, async (tx) => {
      await tx.query(`insert into public.mediation_cases (id, org_id, case_no, source, dispute_type, parties_count, accepted_on, status, version)
                      values ('${caseId}', '${org.communityA1}', 'x', 'proactive', 'other', 1, '2024-01-01', 'accepted', 7)`);
      return (await tx.query(`select version, created_by from public.mediation_cases where id = $1`, [caseId])).rows[0];
    });
    expect(stamped).toEqual({ version: 1, created_by: clerk });
  });

  it('shows the audit log only to admins holding the personal-data right, for their own street', async () => {
    const visible = await as(db, clerk, async (tx) => {
      await tx.query(insertCase(caseId, '(2024)调字第3号'));
      const seen: Record<string, number> = {};
      for (const [name, who] of Object.entries({ adminA: user.adminA, viewerAPersonal: user.viewerAPersonal, clerk, supervisor: user.supervisor, adminB: user.adminB })) {
        await switchTo(tx, who);
        seen[name] = (await tx.query(`select operation from public.audit_log where record_id = $1`, [caseId])).rows.length;
      }
      return seen;
    });
    expect(visible).toEqual({ adminA: 1, viewerAPersonal: 0, clerk: 0, supervisor: 0, adminB: 0 });
    expect(await as(db, user.adminA, (tx) => outcome(() => tx.query(`insert into public.audit_log (table_name, operation) values ('x', 'INSERT')`)))).toBe('42501');
  });

  it('refuses a stale write with PT409 and keeps the first writer’s values', async () => {
    const id = '00000000-0000-4000-a000-000000000002';
    await committedAs(db, 'service_role', (tx) => tx.query(insertCase(id, '(2024)调字第4号')));
    const read = (who: string) => as(db, who, async (tx) => (await tx.query<{ version: number }>(`select version from public.mediation_cases where id = $1`, [id])).rows[0]!.version);
    // Both writers have read version 1; the first to write wins.
    const [first, second] = [await read(clerk), await read(user.adminA)];
    expect([first, second]).toEqual([1, 1]);
    const won = await committedAs(db, clerk, (tx) => tx.query(`update public.mediation_cases set mediator = '王五', version = $2 where id = $1`, [id, first]));
    expect(won.affectedRows).toBe(1);
    const stale = committedAs(db, user.adminA, (tx) => tx.query(`update public.mediation_cases set mediator = '赵六', version = $2 where id = $1`, [id, second]));
    await expect(stale).rejects.toMatchObject({ code: 'PT409', message: '记录已被他人修改（当前版本 2），请刷新后重试' });
    const row = await db.query(`select mediator, version, updated_by from public.mediation_cases where id = $1`, [id]);
    expect(row.rows[0]).toEqual({ mediator: '王五', version: 2, updated_by: clerk });
  });

  it('refuses the stale write when the two transactions overlap too', async () => {
    // On PostgreSQL the second UPDATE waits for the first's row lock, then re-checks the row it
    // finds (version 2). PGlite is one session: the second transaction simply runs after.
    const id = '00000000-0000-4000-a000-000000000003';
    await committedAs(db, 'service_role', (tx) => tx.query(insertCase(id, '(2024)调字第5号')));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let written!: () => void;
    const firstWrote = new Promise<void>((r) => (written = r));
    const first = committedAs(db, clerk, async (tx) => {
      await tx.query(`update public.mediation_cases set mediator = '王五', version = 1 where id = $1`, [id]);
      written();
      await gate;
    });
    await firstWrote;
    const second = committedAs(db, user.adminA, (tx) => tx.query(`update public.mediation_cases set mediator = '赵六', version = 1 where id = $1`, [id]));
    const secondOutcome = outcome(() => second);
    await new Promise((r) => setTimeout(r, 100));
    release();
    await first;
    expect(await secondOutcome).toBe('PT409');
    const row = await db.query(`select mediator, version from public.mediation_cases where id = $1`, [id]);
    expect(row.rows[0]).toEqual({ mediator: '王五', version: 2 });
  });
});
