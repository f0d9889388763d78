import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, SqlExecutor } from '../client.js';
import { testDatabases } from '../testing/index.js';
import { as, clerkA, committedAs, org, otherAreaClerkA, outcome, seedFixture } from './fixture.test-helper.js';

/**
 * The administrative-dispute workflow (立案 → 审理 → 决定/判决 → 结案, generated trigger
 * `admin_disputes_check_step`) in SQL: 决定/判决 and 结案 need the result and its date, cases
 * loaded as history in any stage are checked by the kind's rules only.
 */
const clerk = clerkA('admin_disputes');
let n = 0;

async function insertCase(db: Database, stage: string, extra: Record<string, string> = {}): Promise<string> {
  const id = `00000000-0000-4000-a200-${String(++n).padStart(12, '0')}`;
  const cols = { id, org_id: org.communityA1, case_no: `（2024）粤0115行初${n}号`, kind: 'litigation', cause: '房屋征收补偿', our_role: 'respondent', filed_on: '2024-03-01', stage, ...extra };
  const keys = Object.keys(cols);
  await committedAs(db, clerk, (tx) => tx.query(`insert into public.admin_disputes (${keys.join(', ')}) values (${keys.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(cols)));
  return id;
}

async function failure(run: () => Promise<unknown>): Promise<{ code: string; message: string; column?: string }> {
  try {
    await run();
  } catch (e) {
    const err = e as { code?: string; message: string; column?: string };
    return { code: err.code ?? '', message: err.message, ...(err.column ? { column: err.column } : {}) };
  }
  throw new Error('the statement succeeded');
}

const step = (id: string, to: string, values: object, version: number) => (tx: SqlExecutor) =>
  tx.query(`select public.take_step('admin_disputes', $1, $2, $3, $4)`, [id, to, JSON.stringify(values), version]);

describe.each(testDatabases())('admin disputes workflow on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
  }, 120_000);
  afterAll(() => db?.close());

  it('refuses 结案 without the result and its date, by hand and through take_step, and records the steps taken', async () => {
    const id = await insertCase(db, 'filed');
    const byHand = await as(db, clerk, (tx) => failure(() => tx.query(`update public.admin_disputes set stage = 'closed', version = 1 where id = $1`, [id])));
    expect(byHand).toEqual({ code: 'FZ422', message: '“结案”需要先填写：结果、决定/判决日期', column: 'result' });
    expect(await as(db, clerk, (tx) => failure(() => step(id, 'decided', { result: 'dismissed' }, 1)(tx)))).toEqual({ code: 'FZ422', message: '“作出决定/判决”需要先填写：决定/判决日期', column: 'decided_on' });
    // Not a step: back from 审理中 to 已立案.
    await committedAs(db, clerk, step(id, 'in_progress', {}, 1));
    expect((await as(db, clerk, (tx) => failure(() => tx.query(`update public.admin_disputes set stage = 'filed', version = 2 where id = $1`, [id])))).code).toBe('FZ001');
    await committedAs(db, clerk, step(id, 'decided', { result: 'dismissed', decided_on: '2024-06-10' }, 2));
    await committedAs(db, clerk, step(id, 'closed', {}, 3));
    await as(db, 'owner', async (tx) => {
      const steps = await tx.query<{ from_state: string; to_state: string; label: string; taken_by: string }>(`select from_state, to_state, label, taken_by from public.record_steps where record_id = $1 order by id`, [id]);
      expect(steps.rows.map((r) => [r.from_state, r.to_state, r.label, r.taken_by])).toEqual([
        ['filed', 'in_progress', '开始审理', clerk],
        ['in_progress', 'decided', '作出决定/判决', clerk],
        ['decided', 'closed', '结案', clerk],
      ]);
    });
  });

  it('loads closed cases as history, held to the kind’s rules only; a clerk of another area cannot step', async () => {
    expect(await outcome(() => insertCase(db, 'closed', { result: 'withdrawn', decided_on: '2024-05-01' }))).toBe('ok');
    // The kind's own rule still holds for history: 已结案 needs its result.
    expect(await outcome(() => insertCase(db, 'closed'))).toBe('23514');
    const id = await insertCase(db, 'in_progress');
    expect((await as(db, otherAreaClerkA('admin_disputes'), (tx) => failure(() => step(id, 'closed', { result: 'mediated', decided_on: '2024-06-01' }, 1)(tx)))).code).toBe('P0002');
  });
});
