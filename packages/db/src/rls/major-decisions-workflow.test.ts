import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, SqlExecutor } from '../client.js';
import { testDatabases } from '../testing/index.js';
import { as, clerkA, committedAs, org, outcome, seedFixture } from './fixture.test-helper.js';

/**
 * 重大行政决策 in SQL (the built-in kind's generated `major_decisions_check_step` trigger): a draft
 * has no 决策日期 and counts in no figure, 法制审核 needs its date, opinion and 合法性审查意见书,
 * and nothing reaches 已决定 except through the review.
 */
const clerk = clerkA('legality_review');
let n = 0;
const nextId = () => `00000000-0000-4000-a200-${String(++n).padStart(12, '0')}`;

/** A decision of community A1 (inserted by the clerk, committed). */
async function insertDecision(db: Database, extra: Record<string, string | boolean> = {}): Promise<string> {
  const cols: Record<string, unknown> = { id: nextId(), org_id: org.communityA1, title: `老旧小区微改造实施方案（${n}）`, ...extra };
  const keys = Object.keys(cols);
  await committedAs(db, clerk, (tx) => tx.query(`insert into public.major_decisions (${keys.join(', ')}) values (${keys.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(cols)));
  return String(cols.id);
}

const step = (id: string, to: string, values: object, version: number) => (tx: SqlExecutor) =>
  tx.query(`select public.take_step('major_decisions', $1, $2, $3, $4)`, [id, to, JSON.stringify(values), version]);

const opinionPath = (id: string) => `${org.communityA1}/major_decisions/${id}/legality-opinion/0d0d0d0d-0d0d-4d0d-8d0d-0d0d0d0d0d0d.pdf`;

/** Community A1's 2024 figure of major decisions, as the clerk's SQL indicators compute it. */
const decisions2024 = (db: Database) =>
  as(db, clerk, async (tx) => {
    const { rows } = await tx.query<{ value: string | number }>(`select value from public.measure_values($1, '2024-01-01', '2025-01-01') where measure_id = 'legality_review.major_decisions'`, [org.communityA1]);
    return Number(rows[0]?.value ?? 0);
  });

describe.each(testDatabases())('major decisions’ workflow on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
  }, 120_000);
  afterAll(() => db?.close());

  it('a draft has no 决策日期 and counts in no figure; a decided record loaded as history needs its date', async () => {
    const before = await decisions2024(db);
    await insertDecision(db, { stage: 'drafting' });
    await insertDecision(db); // no stage at all: in the workflow's initial state, 拟订中
    expect(await decisions2024(db)).toBe(before);
    // History: a decided decision of a past ledger loads without the review's fields…
    await insertDecision(db, { stage: 'decided', decided_on: '2024-05-16', legality_reviewed: true, collective_decision: true });
    expect(await decisions2024(db)).toBe(before + 1);
    // …but not without its 决策日期 (the kind's required-when rule).
    expect(await outcome(() => insertDecision(db, { stage: 'decided' }))).toBe('23514');
  });

  it('refuses 拟订中 → 已决定: there is no such step, the decision passes 法制审核 first', async () => {
    const id = await insertDecision(db, { stage: 'drafting' });
    await expect(as(db, clerk, (tx) => tx.query(`update public.major_decisions set stage = 'decided', decided_on = '2024-06-01', collective_decision = true, version = 1 where id = $1`, [id]))).rejects.toMatchObject({
      code: 'FZ001',
      message: '“决策阶段”不能从“拟订中”改为“已决定”：流程中没有这一步（当前可走的步骤：法制审核通过、退回修改）',
    });
    await expect(as(db, clerk, step(id, 'decided', { decided_on: '2024-06-01' }, 1))).rejects.toMatchObject({ code: 'FZ001' });
  });

  it('法制审核通过 needs 审核日期, 审核意见 and the 合法性审查意见书, sets 合法性审查; 集体讨论决定 needs 决策日期', async () => {
    const id = await insertDecision(db, { stage: 'drafting' });
    await expect(as(db, clerk, step(id, 'reviewed', {}, 1))).rejects.toMatchObject({ code: 'FZ422', message: '“法制审核通过”需要先填写：审核日期、审核意见', column: 'reviewed_on' });
    await expect(as(db, clerk, step(id, 'reviewed', { reviewed_on: '2024-05-02', review_opinion: '  ' }, 1))).rejects.toMatchObject({ code: 'FZ422' });
    const review = step(id, 'reviewed', { reviewed_on: '2024-05-02', review_opinion: '程序合法，内容不违反上位法', reviewed_by: 'jointly' }, 1);
    await expect(as(db, clerk, review)).rejects.toMatchObject({ code: 'FZ422', message: '“法制审核通过”需要先上传附件：合法性审查意见书' });
    await committedAs(db, 'owner', (tx) =>
      tx.query(`insert into public.attachments (org_id, kind_id, record_id, slot, object_path, file_name, size_bytes, mime_type) values ($1, 'major_decisions', $2, 'legality-opinion', $3, '合法性审查意见书.pdf', 10, 'application/pdf')`, [org.communityA1, id, opinionPath(id)]),
    );
    // By hand, the review must leave 合法性审查 true; take_step writes it.
    await expect(as(db, clerk, (tx) => tx.query(`update public.major_decisions set stage = 'reviewed', reviewed_on = '2024-05-02', review_opinion = '同意', legality_reviewed = false, version = 1 where id = $1`, [id]))).rejects.toMatchObject({
      code: 'FZ422', message: '“法制审核通过”要求合法性审查为“是”', column: 'legality_reviewed',
    });
    await committedAs(db, clerk, review);
    const before = await decisions2024(db);
    await expect(as(db, clerk, step(id, 'decided', {}, 2))).rejects.toMatchObject({ code: 'FZ422', message: '“集体讨论决定”需要先填写：决策日期', column: 'decided_on' });
    // The decision cannot predate its review (the kind's order rule).
    expect(await as(db, clerk, (tx) => outcome(() => step(id, 'decided', { decided_on: '2024-05-01' }, 2)(tx)))).toBe('23514');
    await committedAs(db, clerk, step(id, 'decided', { decided_on: '2024-05-16', public_participation: true }, 2));
    expect(await decisions2024(db)).toBe(before + 1);
    await as(db, 'owner', async (tx) => {
      const row = (await tx.query(`select stage, legality_reviewed, collective_decision, decided_on::text from public.major_decisions where id = $1`, [id])).rows[0];
      expect(row).toEqual({ stage: 'decided', legality_reviewed: true, collective_decision: true, decided_on: '2024-05-16' });
      const steps = await tx.query(`select from_state, to_state, label, taken_by from public.record_steps where record_id = $1 order by id`, [id]);
      expect(steps.rows).toEqual([
        { from_state: 'drafting', to_state: 'reviewed', label: '法制审核通过', taken_by: clerk },
        { from_state: 'reviewed', to_state: 'decided', label: '集体讨论决定', taken_by: clerk },
      ]);
    });
  });

  it('退回修改 needs the opinion too; a returned draft goes back to review, not to the decision', async () => {
    const id = await insertDecision(db, { stage: 'drafting' });
    await expect(as(db, clerk, step(id, 'returned', { reviewed_on: '2024-05-02' }, 1))).rejects.toMatchObject({ code: 'FZ422', message: '“退回修改”需要先填写：审核意见' });
    await committedAs(db, clerk, step(id, 'returned', { reviewed_on: '2024-05-02', review_opinion: '缺少风险评估报告' }, 1));
    await expect(as(db, clerk, step(id, 'reviewed', { reviewed_on: '2024-05-09', review_opinion: '同意' }, 2))).rejects.toMatchObject({ code: 'FZ001' });
    await committedAs(db, clerk, step(id, 'drafting', { risk_assessment: true }, 2));
    await as(db, 'owner', async (tx) => {
      const steps = await tx.query(`select label from public.record_steps where record_id = $1 order by id`, [id]);
      expect(steps.rows.map((r) => r.label)).toEqual(['退回修改', '重新送审']);
    });
  });
});
