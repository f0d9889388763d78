import { defineRecordKind, mediationCases } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, SqlExecutor } from '../client.js';
import { dropWorkflowSql, workflowSql } from '../generate/workflow-sql.js';
import { testDatabases } from '../testing/index.js';
import { as, clerkA, committedAs, org, otherAreaClerkA, outcome, seedFixture, switchTo, user } from './fixture.test-helper.js';

/**
 * Workflows in SQL (migration 20261205010000_workflow_steps.sql and the generated
 * `mediation_cases_check_step` trigger): steps are checked and recorded, inserts are history,
 * and only a street admin undoes a step, with a reason.
 */
const clerk = clerkA('mediation');
let n = 0;
const nextId = () => `00000000-0000-4000-a100-${String(++n).padStart(12, '0')}`;

/** A case of street A in `status` (inserted as `who`, committed), with extra columns. */
async function insertCase(db: Database, who: string, status: string, extra: Record<string, string> = {}): Promise<string> {
  const id = nextId();
  const cols = ['id', 'org_id', 'case_no', 'source', 'dispute_type', 'parties_count', 'accepted_on', 'status', ...Object.keys(extra)];
  const values = [id, org.communityA1, `(2024)调字第${n}号`, 'proactive', 'neighbourhood', 2, '2024-03-05', status, ...Object.values(extra)];
  await committedAs(db, who, (tx) => tx.query(`insert into public.mediation_cases (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, values));
  return id;
}

/** The error (code, message, column) a statement fails with. */
async function failure(run: () => Promise<unknown>): Promise<{ code: string; message: string; column?: string }> {
  try {
    await run();
  } catch (e) {
    const err = e as { code?: string; message: string; column?: string };
    return { code: err.code ?? '', message: err.message, ...(err.column ? { column: err.column } : {}) };
  }
  throw new Error('the statement succeeded');
}

const stepsOf = (tx: SqlExecutor, id: string) =>
  tx.query<{ from_state: string; to_state: string; label: string; taken_by: string; undone_by: string | null; undo_reason: string | null }>(
    `select from_state, to_state, label, taken_by, undone_by, undo_reason from public.record_steps where record_id = $1 order by id`,
    [id],
  );

const aidClerk = clerkA('legal_aid');

/** A legal-aid application of street A entered as history (no 办理阶段: 待审查), committed. */
async function insertApplication(db: Database): Promise<string> {
  const id = nextId();
  const cols = { id, org_id: org.communityA1, application_no: `援〔2024〕${n}号`, applicant_name: '李四', applicant_category: 'elderly', channel: 'walk_in', case_kind: 'civil', applied_on: '2024-04-01', decision: 'pending' };
  const keys = Object.keys(cols);
  await committedAs(db, aidClerk, (tx) => tx.query(`insert into public.legal_aid_applications (${keys.join(', ')}) values (${keys.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(cols)));
  return id;
}

const statusOf = async (tx: SqlExecutor, id: string) => (await tx.query<{ status: string }>('select status from public.mediation_cases where id = $1', [id])).rows[0]?.status;

describe.each(testDatabases())('workflow steps on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
  }, 120_000);
  afterAll(() => db?.close());

  it('loads history in any state: an insert is checked by the kind’s rules only', async () => {
    // 已回访 without 回访满意度, which the 回访 step requires: a past ledger's record still loads.
    const id = await insertCase(db, clerk, 'followed_up', { result: 'success', agreement_form: 'oral', closed_on: '2024-03-20', follow_up_on: '2024-04-01' });
    await as(db, 'owner', async (tx) => expect((await stepsOf(tx, id)).rows).toEqual([]));
    // …but the kind's own rules still hold for history (已结案 needs 结案日期 and 调解结果).
    expect(await outcome(() => insertCase(db, clerk, 'closed'))).toBe('23514');
  });

  it('refuses a change of state that is not a declared step, naming both states and the steps there are', async () => {
    const id = await insertCase(db, clerk, 'accepted');
    const e = await as(db, clerk, (tx) => failure(() => tx.query(`update public.mediation_cases set status = 'followed_up', follow_up_on = '2024-04-01', version = 1 where id = $1`, [id])));
    expect(e).toEqual({ code: 'FZ001', message: '“办理状态”不能从“已受理”改为“已回访”：流程中没有这一步（当前可走的步骤：开始调解、结案）', column: 'status' });
  });

  it('refuses a step whose required fields are empty, naming them; the same through take_step', async () => {
    const id = await insertCase(db, clerk, 'mediating');
    const direct = await as(db, clerk, (tx) => failure(() => tx.query(`update public.mediation_cases set status = 'closed', version = 1 where id = $1`, [id])));
    expect(direct).toEqual({ code: 'FZ422', message: '“结案”需要先填写：调解结果、结案日期', column: 'result' });
    const rpc = await as(db, clerk, (tx) => failure(() => tx.query(`select public.take_step('mediation_cases', $1, 'closed', '{"result": "failure"}', 1)`, [id])));
    expect(rpc).toEqual({ code: 'FZ422', message: '“结案”需要先填写：结案日期', column: 'closed_on' });
    // Empty text counts as not filled.
    const blank = await as(db, clerk, (tx) => failure(() => tx.query(`select public.take_step('mediation_cases', $1, 'closed', '{"result": "failure", "closed_on": null}', 1)`, [id])));
    expect(blank.code).toBe('FZ422');
  });

  it('takes a step with its values in one update and records who took it', async () => {
    const id = await insertCase(db, clerk, 'accepted');
    const result = await committedAs(db, clerk, async (tx) => {
      await tx.query(`update public.mediation_cases set status = 'mediating', version = 1 where id = $1`, [id]);
      return (await tx.query<{ r: { id: string; version: number } }>(`select public.take_step('mediation_cases', $1, 'closed', '{"result": "failure", "closed_on": "2024-03-20"}', 2) as r`, [id])).rows[0]!.r;
    });
    expect(result).toEqual({ id, version: 3 });
    await as(db, 'owner', async (tx) => {
      expect((await tx.query(`select status, result, closed_on::text from public.mediation_cases where id = $1`, [id])).rows[0]).toEqual({ status: 'closed', result: 'failure', closed_on: '2024-03-20' });
      expect((await stepsOf(tx, id)).rows).toEqual([
        { from_state: 'accepted', to_state: 'mediating', label: '开始调解', taken_by: clerk, undone_by: null, undo_reason: null },
        { from_state: 'mediating', to_state: 'closed', label: '结案', taken_by: clerk, undone_by: null, undo_reason: null },
      ]);
    });
    // A stale version is refused like any write (PT409), and nothing is recorded.
    expect(await as(db, clerk, (tx) => outcome(() => tx.query(`select public.take_step('mediation_cases', $1, 'followed_up', '{"follow_up_on": "2024-04-01", "satisfaction": "satisfied"}', 1)`, [id])))).toBe('PT409');
  });

  it('take_step refuses the workflow field, unknown columns and kinds without a workflow, and records the caller cannot write', async () => {
    const id = await insertCase(db, clerk, 'accepted');
    const run = (who: string, sql: string) => as(db, who, (tx) => failure(() => tx.query(sql, [id])));
    expect(await run(clerk, `select public.take_step('mediation_cases', $1, 'closed', '{"status": "closed"}')`)).toMatchObject({ code: '22023', message: '流程步骤不能填写“status”（不是该记录类型可填写的字段）' });
    expect(await run(clerk, `select public.take_step('mediation_cases', $1, 'mediating', '{"nope; drop table x": 1}')`)).toMatchObject({ code: '22023' });
    expect(await run(clerk, `select public.take_step('honours', $1, 'x')`)).toMatchObject({ code: '22023', message: '记录类型“honours”没有流程' });
    // RLS: another area's clerk and another street's admin find nothing to update.
    for (const who of [otherAreaClerkA('mediation'), user.adminB, user.viewerA]) {
      expect((await run(who, `select public.take_step('mediation_cases', $1, 'mediating')`)).code).toMatch(/^(P0002|42501)$/);
    }
    await as(db, 'owner', async (tx) => expect(await statusOf(tx, id)).toBe('accepted'));
  });

  it('lets only a street admin undo the last step, with a reason, and keeps the undo in the history', async () => {
    const id = await insertCase(db, clerk, 'accepted');
    await committedAs(db, clerk, (tx) => tx.query(`select public.take_step('mediation_cases', $1, 'mediating')`, [id]));
    const undo = (who: string, reason: string | null) => as(db, who, (tx) => outcome(() => tx.query(`select public.undo_step('mediation_cases', $1, $2)`, [id, reason])));
    expect(await undo(clerk, '录错了')).toBe('42501');
    expect(await undo(user.viewerA, '录错了')).toBe('42501');
    expect(await undo(user.adminB, '录错了')).toBe('42501');
    expect(await undo(user.adminA, '  ')).toBe('23514');
    expect(await undo(user.adminA, null)).toBe('23514');
    // Nobody writes the history directly, not even its readers.
    expect(await as(db, user.adminA, (tx) => outcome(() => tx.query(`update public.record_steps set undo_reason = 'x' where record_id = $1`, [id])))).toBe('42501');
    expect(await as(db, user.adminA, (tx) => outcome(() => tx.query(`insert into public.record_steps (kind_id, record_id, org_id, from_state, to_state, label) values ('mediation_cases', $1, '${org.communityA1}', 'a', 'b', 'c')`, [id])))).toBe('42501');

    const undone = await committedAs(db, user.adminA, async (tx) => (await tx.query<{ from_state: string; undo_reason: string }>(`select from_state, undo_reason from public.undo_step('mediation_cases', $1, ' 误点了开始调解 ')`, [id])).rows[0]);
    expect(undone).toEqual({ from_state: 'accepted', undo_reason: '误点了开始调解' });
    // Nothing left to undo: the record is back at the start.
    expect(await undo(user.adminA, '再撤销')).toBe('FZ001');
    await committedAs(db, clerk, (tx) => tx.query(`select public.take_step('mediation_cases', $1, 'mediating')`, [id]));
    await as(db, 'owner', async (tx) => {
      expect(await statusOf(tx, id)).toBe('mediating');
      expect((await stepsOf(tx, id)).rows).toEqual([
        { from_state: 'accepted', to_state: 'mediating', label: '开始调解', taken_by: clerk, undone_by: user.adminA, undo_reason: '误点了开始调解' },
        { from_state: 'accepted', to_state: 'mediating', label: '开始调解', taken_by: clerk, undone_by: null, undo_reason: null },
      ]);
    });
    // A record's readers read its history; others do not.
    const visible = (who: string) => as(db, who, async (tx) => (await stepsOf(tx, id)).rows.length);
    expect(await visible(user.viewerA)).toBe(2);
    expect(await visible(clerk)).toBe(2);
    expect(await visible(otherAreaClerkA('mediation'))).toBe(0);
    expect(await visible(user.adminB)).toBe(0);
  });

  it('undoing a step gives back the values it wrote, so the figures counting them drop again', async () => {
    const id = await insertApplication(db);
    const accepted = () => as(db, 'owner', async (tx) => (await tx.query<{ n: number }>(`select count(*)::int as n from public.legal_aid_applications where decision = 'accepted' and org_id = $1`, [org.communityA1])).rows[0]!.n);
    const before = await accepted();
    await committedAs(db, aidClerk, (tx) => tx.query(`select public.take_step('legal_aid_applications', $1, 'approved', '{"decided_on": "2024-04-03"}', 1)`, [id]));
    expect(await accepted()).toBe(before + 1);
    await committedAs(db, user.adminA, (tx) => tx.query(`select public.undo_step('legal_aid_applications', $1, '误点了准予')`, [id]));
    await as(db, 'owner', async (tx) => {
      const row = (await tx.query(`select stage, decision, decided_on from public.legal_aid_applications where id = $1`, [id])).rows[0];
      expect(row).toEqual({ stage: 'applied', decision: 'pending', decided_on: null });
    });
    // 准予受理 counted in legal_aid.accepted_applications: the dashboard drops back.
    expect(await accepted()).toBe(before);
    // What the step overwrote may be personal: the history's readers cannot read it.
    expect(await as(db, aidClerk, (tx) => outcome(() => tx.query(`select previous from public.record_steps where record_id = $1`, [id])))).toBe('42501');
    // The step can be taken again, and a value typed before the step stays when its step is undone.
    await committedAs(db, aidClerk, (tx) => tx.query(`update public.legal_aid_applications set law_firm = '某律师事务所', version = 3 where id = $1`, [id]));
    await committedAs(db, aidClerk, (tx) => tx.query(`select public.take_step('legal_aid_applications', $1, 'approved', '{"decided_on": "2024-04-05"}', 4)`, [id]));
    await committedAs(db, aidClerk, (tx) => tx.query(`select public.take_step('legal_aid_applications', $1, 'assigned', '{"lawyer": "王律师"}', 5)`, [id]));
    await committedAs(db, user.adminA, (tx) => tx.query(`select public.undo_step('legal_aid_applications', $1, '律师未确认')`, [id]));
    await as(db, 'owner', async (tx) => {
      const row = (await tx.query(`select stage, decision, decided_on::text, lawyer, law_firm from public.legal_aid_applications where id = $1`, [id])).rows[0];
      expect(row).toEqual({ stage: 'approved', decision: 'accepted', decided_on: '2024-04-05', lawyer: null, law_firm: '某律师事务所' });
    });
  });

  it('undoing is not a way around the workflow: a user cannot take a step back by hand', async () => {
    const id = await insertCase(db, clerk, 'accepted');
    await committedAs(db, clerk, (tx) => tx.query(`select public.take_step('mediation_cases', $1, 'mediating')`, [id]));
    expect(await as(db, user.adminA, (tx) => outcome(() => tx.query(`update public.mediation_cases set status = 'accepted', version = 2 where id = $1`, [id])))).toBe('FZ001');
  });

  it('requires a step’s attachment slots to hold a live file (the generated SQL of a kind declaring one)', async () => {
    const kind = defineRecordKind({
      ...mediationCases,
      workflow: { field: 'status', transitions: [{ from: ['accepted'], to: 'mediating', label: '开始调解', requiresAttachments: [{ slot: 'application', label: '调解申请书' }] }] },
    });
    const id = await insertCase(db, clerk, 'accepted');
    await as(db, 'owner', async (tx) => {
      await tx.exec(`${dropWorkflowSql(kind)}\n${workflowSql(kind)}`);
      await switchTo(tx, clerk);
      const e = await failure(() => tx.query(`select public.take_step('mediation_cases', $1, 'mediating')`, [id]));
      expect(e).toEqual({ code: 'FZ422', message: '“开始调解”需要先上传附件：调解申请书' });
    });
    const path = (file: string) => `${org.communityA1}/mediation_cases/${id}/application/${file}`;
    const attach = (tx: SqlExecutor, file: string, deleted: boolean) =>
      tx.query(`insert into public.attachments (org_id, kind_id, record_id, slot, object_path, file_name, size_bytes, mime_type, deleted_at) values ($1, 'mediation_cases', $2, 'application', $3, $4, 10, 'application/pdf', $5)`, [
        org.communityA1, id, path(file), file === '0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b.pdf' ? '旧申请书.pdf' : '申请书.pdf', deleted ? '2024-03-06T00:00:00Z' : null,
      ]);
    await as(db, 'owner', async (tx) => {
      await tx.exec(`${dropWorkflowSql(kind)}\n${workflowSql(kind)}`);
      // A removed file does not count.
      await attach(tx, '0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b.pdf', true);
      await switchTo(tx, clerk);
      expect((await failure(() => tx.query(`select public.take_step('mediation_cases', $1, 'mediating')`, [id]))).code).toBe('FZ422');
    });
    await as(db, 'owner', async (tx) => {
      await tx.exec(`${dropWorkflowSql(kind)}\n${workflowSql(kind)}`);
      await attach(tx, '0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a.pdf', false);
      await switchTo(tx, clerk);
      await tx.query(`select public.take_step('mediation_cases', $1, 'mediating')`, [id]);
      expect(await statusOf(tx, id)).toBe('mediating');
    });
  });

  it('rectification: 销号 needs its evidence uploaded (the built-in kind’s generated trigger); tasks loaded as history need none', async () => {
    const rectifier = clerkA('rectification');
    const task = async (status: string, extra: Record<string, string> = {}) => {
      const id = nextId();
      const cols = { id, org_id: org.communityA1, problem: '执法案卷不规范', source: 'audit', source_year: '2024', department: '综合执法办', leader_liaison: '甲', head_liaison: '乙', contact_liaison: '丙', assigned_on: '2024-03-01', deadline: '2024-06-30', status, ...extra };
      const keys = Object.keys(cols);
      await committedAs(db, rectifier, (tx) => tx.query(`insert into public.rectification_tasks (${keys.join(', ')}) values (${keys.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(cols)));
      return id;
    };
    // History: a closed-out task of a past ledger, no scanned evidence, loads.
    await task('closed_out', { completed_on: '2024-05-01', closed_out_on: '2024-05-10' });
    const id = await task('completed', { completed_on: '2024-05-01', reported_on: '2024-05-02' });
    const closeOut = (tx: SqlExecutor) => tx.query(`select public.take_step('rectification_tasks', $1, 'closed_out', '{"closed_out_on": "2024-05-10"}', 1)`, [id]);
    expect(await as(db, rectifier, (tx) => failure(() => closeOut(tx)))).toEqual({ code: 'FZ422', message: '“销号”需要先上传附件：整改佐证材料' });
    await committedAs(db, 'owner', (tx) =>
      tx.query(`insert into public.attachments (org_id, kind_id, record_id, slot, object_path, file_name, size_bytes, mime_type) values ($1, 'rectification_tasks', $2, 'evidence', $3, '整改报告.pdf', 10, 'application/pdf')`, [
        org.communityA1, id, `${org.communityA1}/rectification_tasks/${id}/evidence/0c0c0c0c-0c0c-4c0c-8c0c-0c0c0c0c0c0c.pdf`,
      ]),
    );
    await committedAs(db, rectifier, closeOut);
    await as(db, 'owner', async (tx) => expect((await stepsOf(tx, id)).rows.map((r) => [r.label, r.taken_by])).toEqual([['销号', rectifier]]));
  });

  it('legal aid: 准予 sets 审查结果 itself, 指派 without a lawyer is refused, and applications entered before the workflow start at 待审查', async () => {
    const application = () => insertApplication(db);
    // Entered before the workflow existed: no 办理阶段, so it is 待审查.
    const id = await application();
    const step = (tx: SqlExecutor, to: string, values: object, version: number) => tx.query(`select public.take_step('legal_aid_applications', $1, $2, $3, $4)`, [id, to, JSON.stringify(values), version]);
    // By hand, 准予 without 准予受理 as the decision is refused; take_step sets it.
    expect(await as(db, aidClerk, (tx) => failure(() => tx.query(`update public.legal_aid_applications set stage = 'approved', decided_on = '2024-04-03', version = 1 where id = $1`, [id])))).toEqual({
      code: 'FZ422', message: '“准予援助”要求审查结果为“准予受理”', column: 'decision',
    });
    await committedAs(db, aidClerk, (tx) => step(tx, 'approved', { decided_on: '2024-04-03', decision: 'rejected' }, 1));
    // The defect this closes: 指派 with no lawyer.
    expect(await as(db, aidClerk, (tx) => failure(() => step(tx, 'assigned', { law_firm: '某律师事务所' }, 2)))).toEqual({ code: 'FZ422', message: '“指派”需要先填写：承办律师', column: 'lawyer' });
    expect(await as(db, aidClerk, (tx) => failure(() => step(tx, 'assigned', { lawyer: '' }, 2)))).toMatchObject({ code: 'FZ422' });
    await committedAs(db, aidClerk, (tx) => step(tx, 'assigned', { lawyer: '王律师' }, 2));
    await committedAs(db, aidClerk, (tx) => step(tx, 'closed', { closed_on: '2024-06-01', outcome: '调解结案', loss_recovered: 1500000 }, 3));
    await as(db, 'owner', async (tx) => {
      const row = (await tx.query(`select stage, decision, lawyer, loss_recovered::text from public.legal_aid_applications where id = $1`, [id])).rows[0];
      expect(row).toEqual({ stage: 'closed', decision: 'accepted', lawyer: '王律师', loss_recovered: '1500000' });
      expect((await stepsOf(tx, id)).rows.map((r) => [r.from_state, r.to_state, r.label])).toEqual([
        ['applied', 'approved', '准予援助'],
        ['approved', 'assigned', '指派'],
        ['assigned', 'closed', '结案'],
      ]);
    });
    // 不予 needs its reason (the kind's rule) and sets 不予受理.
    const other = await application();
    const reject = (values: object) => as(db, aidClerk, (tx) => failure(() => tx.query(`select public.take_step('legal_aid_applications', $1, 'rejected', $2, 1)`, [other, JSON.stringify(values)])));
    expect(await reject({ decided_on: '2024-04-03' })).toEqual({ code: 'FZ422', message: '“不予援助”需要先填写：不予受理理由', column: 'rejection_reason' });
  });

  it('hotline: 办结 needs 办结时间, 回访 needs 满意度; a ticket entered before the workflow is 已受理', async () => {
    const serviceClerk = clerkA('public_service');
    const id = nextId();
    await committedAs(db, serviceClerk, (tx) =>
      tx.query(
        `insert into public.hotline_tickets (id, org_id, ticket_no, channel, kind, topic, received_at, due_at) values ($1, $2, 'GD2024001', 'phone', 'consultation', 'housing', '2024-04-01T09:00:00+08:00', '2024-04-08T09:00:00+08:00')`,
        [id, org.communityA1],
      ),
    );
    const step = (to: string, values: object, version: number) => (tx: SqlExecutor) => tx.query(`select public.take_step('hotline_tickets', $1, $2, $3, $4)`, [id, to, JSON.stringify(values), version]);
    expect(await as(db, serviceClerk, (tx) => failure(() => step('closed', {}, 1)(tx)))).toEqual({ code: 'FZ422', message: '“办结”需要先填写：办结时间', column: 'closed_at' });
    await committedAs(db, serviceClerk, step('closed', { closed_at: '2024-04-05T10:00:00+08:00' }, 1));
    expect(await as(db, serviceClerk, (tx) => failure(() => step('followed_up', {}, 2)(tx)))).toEqual({ code: 'FZ422', message: '“回访”需要先填写：满意度评价', column: 'satisfaction' });
    await committedAs(db, serviceClerk, step('followed_up', { satisfaction: 'satisfied' }, 2));
    await as(db, 'owner', async (tx) => expect((await stepsOf(tx, id)).rows.map((r) => [r.from_state, r.to_state])).toEqual([['received', 'closed'], ['closed', 'followed_up']]));
  });
});
