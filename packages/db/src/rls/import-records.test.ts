import { mediationCases, studySessions, type AnyRecord } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, SqlExecutor } from '../client.js';
import { importRecords, importRowOf, type OnDuplicate } from '../import-records.js';
import { testDatabases } from '../testing/index.js';
import { as, clerkA, committedAs, org, otherAreaClerkA, seedFixture } from './fixture.test-helper.js';

/**
 * Ledger imports in SQL (migration 20261205020700_import_records.sql): all rows or none, as the
 * caller, duplicates by business key handled as asked.
 */
const clerk = clerkA('mediation');
let n = 0;

/** A valid mediation case of street A (a fresh id and, unless given, a fresh case number). */
function mediationCase(extra: Partial<AnyRecord> = {}): AnyRecord {
  n++;
  return {
    id: `00000000-0000-4000-a200-${String(n).padStart(12, '0')}`,
    orgId: org.communityA1,
    deletedAt: null,
    ...Object.fromEntries(mediationCases.fields.map((f) => [f.key, null])),
    caseNo: `导入〔2024〕${n}号`,
    source: 'proactive',
    disputeType: 'neighbourhood',
    partiesCount: 2,
    acceptedOn: '2024-03-05',
    status: 'accepted',
    ...extra,
  };
}

const importAs = (db: Database, who: string, records: AnyRecord[], mode: OnDuplicate = 'stop') => committedAs(db, who, (tx) => importRecords(tx, mediationCases, records, mode));
const countOf = async (tx: SqlExecutor, caseNos: string[]) =>
  Number((await tx.query<{ n: number }>('select count(*)::int as n from public.mediation_cases where case_no = any($1::text[]) and deleted_at is null', [caseNos])).rows[0]!.n);

async function failure(run: () => Promise<unknown>): Promise<{ code: string; message: string; detail?: string; column?: string }> {
  try {
    await run();
  } catch (e) {
    const err = e as { code?: string; message: string; detail?: string; column?: string };
    return { code: err.code ?? '', message: err.message, detail: err.detail, column: err.column };
  }
  throw new Error('the import succeeded');
}

describe.each(testDatabases())('import_records on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
  }, 120_000);
  afterAll(() => db?.close());

  it('writes every row in one statement as the clerk and answers the counts', async () => {
    const rows = [mediationCase(), mediationCase({ status: 'closed', closedOn: '2024-03-20', result: 'failure', amount: 1_500_000 })];
    expect(await importAs(db, clerk, rows)).toEqual({ inserted: 2, updated: 0, skipped: 0, duplicates: [], stopped: false });
    const stored = await as(db, clerk, (tx) => tx.query<{ version: number; amount: string | number; created_by: string }>('select version, amount, created_by from public.mediation_cases where id = $1', [rows[1]!.id]));
    expect(stored.rows[0]).toMatchObject({ version: 1, created_by: clerk });
    expect(Number(stored.rows[0]!.amount)).toBe(1_500_000);
  });

  it('a refused row rolls back everything and is named by its position', async () => {
    // The third row breaks a rule the domain also holds (结案 without 结案日期): the database refuses it.
    const rows = [mediationCase(), mediationCase(), mediationCase({ status: 'closed', result: 'failure' })];
    const e = await failure(() => importAs(db, clerk, rows));
    expect(e.code).toBe('23514');
    expect(e.message).toMatch(/^第 3 条记录：/);
    expect(importRowOf(e.detail)).toBe(3);
    expect(await as(db, clerk, (tx) => countOf(tx, rows.map((r) => r.caseNo as string)))).toBe(0);
  });

  it('a clerk of another area cannot import, and nothing is written', async () => {
    const rows = [mediationCase()];
    const e = await failure(() => importAs(db, otherAreaClerkA('mediation'), rows));
    expect(e.code).toBe('42501');
    expect(await as(db, clerk, (tx) => countOf(tx, [rows[0]!.caseNo as string]))).toBe(0);
  });

  it('a clerk cannot import into another street', async () => {
    const rows = [mediationCase({ orgId: org.communityB1 })];
    expect((await failure(() => importAs(db, clerk, rows))).code).toBe('42501');
  });

  it('stop: duplicates in the file and in the street are listed and nothing is written', async () => {
    const existing = mediationCase();
    await importAs(db, clerk, [existing]);
    const fresh = mediationCase();
    const twice = mediationCase();
    const rows = [fresh, twice, mediationCase({ caseNo: twice.caseNo }), mediationCase({ caseNo: existing.caseNo })];
    expect(await importAs(db, clerk, rows, 'stop')).toEqual({ inserted: 0, updated: 0, skipped: 0, duplicates: [existing.caseNo, twice.caseNo].sort(), stopped: true });
    expect(await as(db, clerk, (tx) => countOf(tx, [fresh.caseNo as string]))).toBe(0);
  });

  it('skip: the first row of a key is written unless the street has it', async () => {
    const existing = mediationCase();
    await importAs(db, clerk, [existing]);
    const first = mediationCase({ mediator: '第一' });
    const rows = [first, mediationCase({ caseNo: first.caseNo, mediator: '第二' }), mediationCase({ caseNo: existing.caseNo, mediator: '新' })];
    expect(await importAs(db, clerk, rows, 'skip')).toMatchObject({ inserted: 1, updated: 0, skipped: 2, stopped: false });
    const mediators = await as(db, clerk, (tx) => tx.query<{ case_no: string; mediator: string | null }>('select case_no, mediator from public.mediation_cases where case_no = any($1::text[]) order by case_no', [[first.caseNo, existing.caseNo]]));
    expect(Object.fromEntries(mediators.rows.map((r) => [r.case_no, r.mediator]))).toEqual({ [first.caseNo as string]: '第一', [existing.caseNo as string]: null });
  });

  it('update: the existing record is updated with its version and audit trail; the last row of a key wins', async () => {
    const existing = mediationCase();
    await importAs(db, clerk, [existing]);
    const rows = [mediationCase({ caseNo: existing.caseNo, mediator: '甲' }), mediationCase({ caseNo: existing.caseNo, mediator: '乙', partiesCount: 5 })];
    expect(await importAs(db, clerk, rows, 'update')).toMatchObject({ inserted: 0, updated: 1, skipped: 1, duplicates: [existing.caseNo] });
    const after = await as(db, 'owner', async (tx) => ({
      row: (await tx.query<{ id: string; mediator: string; parties_count: number; version: number; updated_by: string }>('select id, mediator, parties_count, version, updated_by from public.mediation_cases where case_no = $1', [existing.caseNo])).rows,
      audit: (await tx.query<{ operation: string; actor: string; before: { mediator: string | null; version: number }; after: { mediator: string; version: number } }>(
        `select operation, actor, before, after from public.audit_log where table_name = 'mediation_cases' and record_id = $1 order by id`,
        [existing.id],
      )).rows,
    }));
    // The record keeps its id (the file's row had another); version 1 → 2, stamped by the clerk.
    expect(after.row).toEqual([{ id: existing.id, mediator: '乙', parties_count: 5, version: 2, updated_by: clerk }]);
    expect(after.audit.map((a) => [a.operation, a.actor, a.before?.mediator ?? null, a.before?.version ?? null, a.after.mediator, a.after.version])).toEqual([
      ['INSERT', clerk, null, null, null, 1],
      ['UPDATE', clerk, null, 1, '乙', 2],
    ]);
  });

  // PGlite's lock table holds a few thousand locks in all; the row-level business-key check took one
  // advisory lock per row, and a 21,349-row hotline import ran out of them ("out of shared memory").
  // The per-statement check locks the street's key buckets (at most 64), however many rows come.
  it('a large file is written in one call with its audit trail and few locks, and skipped whole the second time', async () => {
    const rows = Array.from({ length: 8000 }, (_, i) => mediationCase({ caseNo: `大批〔2024〕${i + 1}号` }));
    const { summary, advisoryLocks } = await committedAs(db, clerk, async (tx) => ({
      summary: await importRecords(tx, mediationCases, rows, 'stop'),
      advisoryLocks: (await tx.query<{ n: number }>(`select count(*)::int as n from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()`)).rows[0]!.n,
    }));
    expect(summary).toEqual({ inserted: 8000, updated: 0, skipped: 0, duplicates: [], stopped: false });
    expect(advisoryLocks).toBeGreaterThan(0);
    expect(advisoryLocks).toBeLessThanOrEqual(64);
    const ids = rows.map((r) => r.id as string);
    const audited = await db.query<{ n: number }>(`select count(distinct record_id)::int as n from public.audit_log where table_name = 'mediation_cases' and operation = 'INSERT' and record_id = any($1::uuid[])`, [ids]);
    expect(audited.rows[0]!.n).toBe(8000);
    const again = rows.map((r) => mediationCase({ caseNo: r.caseNo }));
    expect(await importAs(db, clerk, again, 'skip')).toMatchObject({ inserted: 0, updated: 0, skipped: 8000, stopped: false });
    expect(await as(db, clerk, (tx) => countOf(tx, rows.map((r) => r.caseNo as string)))).toBe(8000);
  }, 180_000);

  // Migration 20261205100700: the inserts run 2,000 rows per statement; a row refused in a later
  // chunk still undoes the chunks written before it and is named by its place in the file.
  it('a row refused in the third chunk of 2,000 undoes the two written before it', async () => {
    const rows = Array.from({ length: 4500 }, () => mediationCase());
    rows[4400] = mediationCase({ status: 'closed', result: 'failure' });
    const e = await failure(() => importAs(db, clerk, rows));
    expect(e.message).toMatch(/^第 4401 条记录：/);
    expect(importRowOf(e.detail)).toBe(4401);
    expect(await as(db, clerk, (tx) => countOf(tx, rows.map((r) => r.caseNo as string)))).toBe(0);
  }, 180_000);

  // Migration 20261205090600: inserts are audited per statement (a row-level trigger call per row
  // was the largest cost of a large import); the audit rows must be what the row-level trigger wrote.
  it('an import is audited per statement, each record by the row image the row-level trigger wrote', async () => {
    const rows = [mediationCase({ mediator: '审计' }), mediationCase()];
    await importAs(db, clerk, rows);
    const { audit, stored } = await as(db, 'owner', async (tx) => ({
      audit: (await tx.query<{ record_id: string; actor: string; org_id: string; operation: string; before: unknown; after: unknown }>(
        `select record_id, actor, org_id, operation, before, after from public.audit_log where table_name = 'mediation_cases' and record_id = any($1::uuid[]) order by id`,
        [rows.map((r) => r.id)],
      )).rows,
      stored: (await tx.query<{ id: string; image: unknown }>('select id, to_jsonb(t) as image from public.mediation_cases t where id = any($1::uuid[]) order by case_no', [rows.map((r) => r.id)])).rows,
    }));
    expect(audit).toEqual(
      rows.map((r) => ({ record_id: r.id, actor: clerk, org_id: org.communityA1, operation: 'INSERT', before: null, after: stored.find((x) => x.id === r.id)!.image })),
    );
    // Every record kind: inserts per statement, updates and deletes per row (each with its before image).
    const triggers = await db.query<{ kind_id: string; per_row: string[]; per_statement: string[] }>(`
      select k.kind_id,
        coalesce(array_agg(g.tgname::text order by g.tgname) filter (where g.tgtype & 1 = 1 and g.tgfoid = 'private.audit()'::regprocedure and g.tgtype & 4 = 0 and g.tgtype & 24 = 24), '{}'::text[]) as per_row,
        coalesce(array_agg(g.tgname::text order by g.tgname) filter (where g.tgtype & 1 = 0 and g.tgfoid = 'private.audit_inserted()'::regprocedure and g.tgtype & 28 = 4), '{}'::text[]) as per_statement
      from private.record_kinds k left join pg_trigger g on g.tgrelid = format('public.%I', k.kind_id)::regclass and not g.tgisinternal
      group by k.kind_id order by k.kind_id`);
    expect(triggers.rows.length).toBeGreaterThan(30);
    expect(triggers.rows.filter((t) => t.per_row.length !== 1 || t.per_statement.length !== 1)).toEqual([]);
  });

  it('a kind without a business key: every row inserted in file order; a refused row is named and nothing written', async () => {
    const session = (topic: string, heldOn = '2024-04-01'): AnyRecord => ({
      id: crypto.randomUUID(),
      orgId: org.communityA1,
      deletedAt: null,
      ...Object.fromEntries(studySessions.fields.map((f) => [f.key, null])),
      format: 'lecture',
      topic,
      heldOn,
    });
    const leader = clerkA('leadership');
    const rows = ['第一讲', '第二讲', '第三讲'].map((t) => session(t));
    expect(await committedAs(db, leader, (tx) => importRecords(tx, studySessions, rows, 'stop'))).toEqual({ inserted: 3, updated: 0, skipped: 0, duplicates: [], stopped: false });
    const order = await as(db, 'owner', (tx) => tx.query<{ topic: string }>(`select t.topic from public.study_sessions t join public.audit_log a on a.record_id = t.id and a.operation = 'INSERT' where t.id = any($1::uuid[]) order by a.id`, [rows.map((r) => r.id)]));
    expect(order.rows.map((r) => r.topic)).toEqual(['第一讲', '第二讲', '第三讲']);
    const bad = [session('第四讲'), session('明年的课', '2999-01-01'), session('第六讲')];
    const e = await failure(() => committedAs(db, leader, (tx) => importRecords(tx, studySessions, bad, 'stop')));
    expect(e.code).toBe('23514');
    expect(e.message).toMatch(/^第 2 条记录：「日期」不能晚于今天/);
    expect(importRowOf(e.detail)).toBe(2);
    const left = await as(db, 'owner', (tx) => tx.query<{ n: number }>('select count(*)::int as n from public.study_sessions where id = any($1::uuid[])', [bad.map((r) => r.id)]));
    expect(left.rows[0]!.n).toBe(0);
  });

  it('the key stays unique per statement: a multi-row insert or an update that repeats a key is refused', async () => {
    const first = mediationCase();
    await importAs(db, clerk, [first]);
    const columns = 'id, org_id, case_no, source, dispute_type, parties_count, accepted_on, status';
    const values = (c: AnyRecord) => `('${c.id as string}', '${org.communityA1}', '${c.caseNo as string}', 'proactive', 'neighbourhood', 2, '2024-03-05', 'accepted')`;
    const twins = [mediationCase({ caseNo: '同批〔2024〕1号' }), mediationCase({ caseNo: '同批〔2024〕1号' })];
    const inFile = await failure(() => committedAs(db, clerk, (tx) => tx.exec(`insert into public.mediation_cases (${columns}) values ${twins.map(values).join(', ')}`)));
    expect(inFile).toMatchObject({ code: '23505', column: 'case_no' });
    expect(inFile.message).toContain('案件编号“同批〔2024〕1号”在本街道已存在');
    const other = mediationCase();
    await importAs(db, clerk, [other]);
    const renamed = await failure(() => committedAs(db, clerk, (tx) => tx.query('update public.mediation_cases set case_no = $1 where id = $2', [first.caseNo, other.id])));
    expect(renamed).toMatchObject({ code: '23505', column: 'case_no' });
    // An update that leaves the key alone is not checked against it.
    await committedAs(db, clerk, (tx) => tx.query('update public.mediation_cases set parties_count = 3 where id = any($1::uuid[])', [[first.id, other.id]]));
  });

  it('refuses an unknown mode, a system column and a kind that does not exist, in Chinese', async () => {
    const bad = (sql: string, params: unknown[]) => failure(() => committedAs(db, clerk, (tx) => tx.query(sql, params)));
    expect((await bad(`select public.import_records('mediation_cases', '[]', 'merge')`, [])).message).toContain('重复记录的处理方式“merge”无效');
    expect((await bad(`select public.import_records('mediation_cases', $1::jsonb, 'stop')`, [JSON.stringify([{ org_id: org.communityA1, version: 7 }])])).message).toBe('导入的数据含有不能填写的列：version');
    expect((await bad(`select public.import_records('no_such_kind', '[]', 'stop')`, [])).message).toBe('没有记录类型“no_such_kind”');
    expect((await bad(`select public.import_records('mediation_cases', '{}', 'stop')`, [])).message).toContain('导入的数据应为记录的数组');
  });
});
