import { createRegistry } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, SqlExecutor } from '../client.js';
import { personalColumnsOf } from '../generate/personal-columns.js';
import { migrateModel } from '../migrate-model.js';
import { correctionCases, testDatabases, upgradedModel } from '../testing/index.js';
import { as, clerkA, committedAs, org, otherAreaClerkA, seedFixture, switchTo, user } from './fixture.test-helper.js';

/**
 * 操作日志 (migration 20261205020800_record_history.sql): `public.record_history(kind, id)` gives
 * every reader of a record its audited changes field by field, personal values masked as the
 * record's view masks them for the caller, workflow steps named; others get nothing. Which columns
 * are personal is the model's list, written by the generated migrations (20261205040300).
 */
const clerk = clerkA('mediation');
const id = '00000000-0000-4000-a200-000000000001';

interface HistoryRow {
  operation: string;
  actor: string | null;
  actor_name: string | null;
  step: string | null;
  changes: { column: string; before: unknown; after: unknown }[];
}

const historyOf = (tx: SqlExecutor) =>
  tx.query<HistoryRow>(`select operation, actor, actor_name, step, changes from public.record_history('mediation_cases', $1)`, [id]).then((r) => r.rows);
const change = (row: HistoryRow | undefined, column: string) => row?.changes.find((c) => c.column === column);

describe.each(testDatabases())('record history on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
    // Written by the mediation clerk: created, a party's name and the summary corrected, one step.
    await committedAs(db, clerk, async (tx) => {
      await tx.query(
        `insert into public.mediation_cases (id, org_id, case_no, source, dispute_type, parties_count, accepted_on, status, party_names, summary)
         values ($1, $2, '(2024)调字第9号', 'proactive', 'neighbourhood', 2, '2024-03-05', 'accepted', '张三、李四', '噪音')`,
        [id, org.communityA1],
      );
    });
    await committedAs(db, clerk, (tx) => tx.query(`update public.mediation_cases set party_names = '王五、李四', summary = '噪音扰民', version = 1 where id = $1`, [id]));
    await committedAs(db, clerk, (tx) => tx.query(`select public.take_step('mediation_cases', $1, 'mediating')`, [id]));
  }, 120_000);
  afterAll(() => db?.close());

  it('masks by the model’s list of personal columns: every kind’s, exactly as declared', async () => {
    const r = await as(db, 'owner', (tx) => tx.query<{ kind: string; c: string[] }>(`select k.kind_id as kind, private.personal_columns(k.kind_id) as c from private.record_kinds k`));
    const listed = Object.fromEntries(r.rows.map((x) => [x.kind, x.c]));
    expect(listed).toEqual(Object.fromEntries(createRegistry().list().map((k) => [k.id, personalColumnsOf(k).sort()])));
    expect(listed['mediation_cases']).toEqual(['party_id_numbers', 'party_names', 'party_phones']);
    expect(listed['honours']).toEqual([]);
  });

  it('the list decides, not the view’s text: a column listed as personal is masked in the history', async () => {
    const summaries = await as(db, 'owner', async (tx) => {
      await tx.query(`insert into private.kind_personal_columns (kind_id, column_name) values ('mediation_cases', 'summary')`);
      await switchTo(tx, clerk);
      return (await historyOf(tx))[1]!.changes.find((c) => c.column === 'summary');
    });
    expect(summaries).toEqual({ column: 'summary', before: '噪*', after: '噪***' });
  });

  it('a clerk without the personal-data right: every change with old and new value, personal ones masked, the step named', async () => {
    const rows = await as(db, clerk, historyOf);
    expect(rows.map((r) => r.operation)).toEqual(['INSERT', 'UPDATE', 'UPDATE']);
    expect(rows.every((r) => r.actor === clerk)).toBe(true);
    const [created, edited, stepped] = rows;
    expect(change(created, 'party_names')).toEqual({ column: 'party_names', before: null, after: '张*、李*' });
    expect(change(created, 'version')).toBeUndefined();
    expect(edited!.changes).toEqual([
      { column: 'party_names', before: '张*、李*', after: '王*、李*' },
      { column: 'summary', before: '噪音', after: '噪音扰民' },
    ]);
    expect(edited!.step).toBeNull();
    const label = await as(db, 'owner', (tx) => tx.query<{ label: string }>(`select label from public.record_steps where record_id = $1`, [id]));
    expect(stepped!.step).toBe(label.rows[0]!.label);
    expect(stepped!.changes).toEqual([{ column: 'status', before: 'accepted', after: 'mediating' }]);
    // Nothing of the real names anywhere in what the clerk received.
    expect(JSON.stringify(rows)).not.toMatch(/张三|王五/);
  });

  it('a street admin holding the right sees the values as they were', async () => {
    const rows = await as(db, user.adminA, historyOf);
    expect(rows[1]!.changes[0]).toEqual({ column: 'party_names', before: '张三、李四', after: '王五、李四' });
  });

  it('nobody who cannot read the record gets any of it', async () => {
    for (const who of [otherAreaClerkA('mediation'), user.adminB, user.stranger]) expect(await as(db, who, historyOf)).toEqual([]);
    await expect(as(db, 'anon', historyOf)).rejects.toMatchObject({ code: '42501' });
  });
});

describe.each(testDatabases())('personal columns of a kind a model migration adds, on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.create();
    await migrateModel(db, upgradedModel());
  }, 180_000);
  afterAll(() => db?.close());

  it('a plugin’s new kind has its personal columns listed by the generated migration', async () => {
    const r = await as(db, 'owner', (tx) => tx.query<{ c: string[] }>(`select private.personal_columns($1) as c`, [correctionCases.id]));
    expect(r.rows[0]!.c).toEqual(personalColumnsOf(correctionCases).sort());
    expect(r.rows[0]!.c).toEqual(['person_id_number', 'person_name']);
  });
});
