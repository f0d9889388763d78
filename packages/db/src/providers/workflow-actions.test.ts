import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { Database } from '../client.js';
import { testDatabases } from '../testing/index.js';
import { pgError, recordingClient, recordingFetch } from './recording-fetch.test-helper.js';
import { fixtureUser, insertAsOwner, providerFor, seedFixture } from './sql-harness.test-helper.js';
import { supabaseDataProvider } from './supabase-data-provider.js';
import { recordHistoryFromRow, recordStepFromRow, workflowAction } from './workflow-actions.js';
import { createRegistry, type RecordHistoryEntry, type RecordStep } from '@fazhi/domain';

const caseValues = (caseNo: string) => ({ caseNo, source: 'proactive', disputeType: 'other', partiesCount: 2, acceptedOn: '2024-05-01', status: 'accepted' });

describe('workflow actions (custom calls)', () => {
  it('answer record-steps in the one wire type the console reads (RecordStep of @fazhi/domain)', () => {
    expectTypeOf(recordStepFromRow).returns.toEqualTypeOf<RecordStep>();
  });

  it('answer record-history in the one wire type the console reads (RecordHistoryEntry of @fazhi/domain)', () => {
    expectTypeOf(recordHistoryFromRow).returns.toEqualTypeOf<RecordHistoryEntry>();
  });


  it('reads take-step, undo-step and record-steps calls and refuses malformed ones in Chinese', () => {
    expect(workflowAction('restore', 'post', {}, undefined)).toBeUndefined();
    expect(workflowAction('take-step', 'post', { resource: 'mediation_cases', id: 'x', to: 'closed', values: { result: 'failure' }, version: 2 }, undefined)).toEqual({
      type: 'take-step', resource: 'mediation_cases', id: 'x', to: 'closed', values: { result: 'failure' }, version: 2,
    });
    expect(workflowAction('record-steps', 'get', undefined, { resource: 'mediation_cases', id: 'x' })).toEqual({ type: 'record-steps', resource: 'mediation_cases', id: 'x' });
    expect(() => workflowAction('take-step', 'get', {}, undefined)).toThrow('不支持的操作“get take-step”');
    expect(() => workflowAction('take-step', 'post', { resource: 'mediation_cases', id: 'x', to: 'closed' }, undefined)).toThrow('缺少版本号，请刷新后重试');
    expect(() => workflowAction('take-step', 'post', { resource: 'mediation_cases', id: 'x', to: 'closed', values: [], version: 1 }, undefined)).toThrow('流程步骤的填写内容应为一条记录');
    expect(() => workflowAction('undo-step', 'post', { resource: 'mediation_cases', id: 'x', reason: '  ' }, undefined)).toThrow('撤销流程步骤须填写理由');
    expect(() => workflowAction('undo-step', 'post', { id: 'x', reason: 'r' }, undefined)).toThrow('流程操作需要指明记录类型和编号');
  });
});

describe.each(testDatabases())('sql provider workflow steps on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
  }, 120_000);
  afterAll(() => db?.close());

  it('takes a step with its fields, refuses one without them under the field, lists the history and lets the admin undo', async () => {
    const [id] = await insertAsOwner(db, 'mediation_cases', [{ values: caseValues('W1') }]);
    const clerk = providerFor(db, fixtureUser.clerk);
    const step = (to: string, values: Record<string, unknown>, version: number) => clerk.custom({ url: 'take-step', method: 'post', payload: { resource: 'mediation_cases', id, to, values, version } });
    await expect(step('closed', { result: 'failure' }, 1)).rejects.toMatchObject({ statusCode: 422, message: '“结案”需要先填写：结案日期', errors: { closedOn: ['“结案”需要先填写：结案日期'] } });
    await expect(step('followed_up', {}, 1)).rejects.toMatchObject({ statusCode: 409, message: /流程中没有这一步/ });
    const closed = await step('closed', { result: 'failure', closedOn: '2024-05-10' }, 1);
    expect(closed.data).toMatchObject({ id, status: 'closed', result: 'failure', closedOn: '2024-05-10', version: 2 });
    await expect(step('followed_up', { followUpOn: '2024-05-20', satisfaction: 'satisfied' }, 1)).rejects.toMatchObject({ statusCode: 409, code: 'PT409' });

    const undo = (who: string) => providerFor(db, who).custom({ url: 'undo-step', method: 'post', payload: { resource: 'mediation_cases', id, reason: '结案日期填错' } });
    await expect(undo(fixtureUser.clerk)).rejects.toMatchObject({ statusCode: 403, message: '只有记录所属街道的管理员可以撤销流程步骤' });
    expect((await undo(fixtureUser.writer)).data).toMatchObject({ status: 'accepted', version: 3 });
    const history = await providerFor(db, fixtureUser.reader).custom({ url: 'record-steps', method: 'get', query: { resource: 'mediation_cases', id } });
    expect(history.data).toEqual([
      { id: expect.any(Number), fromState: 'accepted', toState: 'closed', label: '结案', takenBy: fixtureUser.clerk, takenAt: expect.any(String), undoneBy: fixtureUser.writer, undoneAt: expect.any(String), undoReason: '结案日期填错' },
    ]);
    const outsider = await providerFor(db, fixtureUser.outsider).custom({ url: 'record-steps', method: 'get', query: { resource: 'mediation_cases', id } });
    expect(outsider.data).toEqual([]);
  });

  it('record-history: the 操作日志 keyed by field, a personal value masked for a reader without the right, the step named', async () => {
    const [id] = await insertAsOwner(db, 'mediation_cases', [{ values: { ...caseValues('H1'), partyNames: '张三' } }]);
    const writer = providerFor(db, fixtureUser.writer);
    await writer.update({ resource: 'mediation_cases', id: id!, variables: { partyNames: '王五', summary: '改过', version: 1 } });
    await writer.custom({ url: 'take-step', method: 'post', payload: { resource: 'mediation_cases', id, to: 'mediating', version: 2 } });
    const read = async (who: string) => (await providerFor(db, who).custom({ url: 'record-history', method: 'get', query: { resource: 'mediation_cases', id } })).data as unknown as RecordHistoryEntry[];
    const history = await read(fixtureUser.reader);
    expect(history.map((h) => [h.operation, h.step])).toEqual([['INSERT', null], ['UPDATE', null], ['UPDATE', '开始调解']]);
    expect(history[1]!.changes).toEqual([
      { field: 'partyNames', before: '张*', after: '王*' },
      { field: 'summary', before: null, after: '改过' },
    ]);
    expect(history[1]).toMatchObject({ actor: fixtureUser.writer, at: expect.any(String) });
    expect(history[2]!.changes).toEqual([{ field: 'status', before: 'accepted', after: 'mediating' }]);
    expect(await read(fixtureUser.outsider)).toEqual([]);
  });
});

describe('supabase provider workflow steps (recording fetch: PostgREST cannot run here)', () => {
  const id1 = '11111111-1111-4111-8111-111111111111';
  const row = (extra: Record<string, unknown> = {}) => ({ id: id1, case_no: 'C1', version: 1, deleted_at: null, status: 'mediating', party_names: '张*', ...extra });
  const setup = () => {
    const rec = recordingFetch();
    return { rec, provider: supabaseDataProvider(recordingClient(rec), { registry: createRegistry() }) };
  };

  it('take-step reads the record, calls take_step with snake_case values and reads it back', async () => {
    const { rec, provider } = setup();
    rec.queue({ body: [row()] }, { body: { id: id1, version: 2 } }, { body: row({ status: 'closed', version: 2 }) });
    const r = await provider.custom({ url: 'take-step', method: 'post', payload: { resource: 'mediation_cases', id: id1, to: 'closed', values: { result: 'failure', closedOn: '2024-05-10', partyNames: '张*' }, version: 1 } });
    const call = rec.requests[1]!;
    // The masked party name echoed back is not sent.
    expect([call.method, call.path, call.body]).toEqual(['POST', '/rest/v1/rpc/take_step', { p_kind: 'mediation_cases', p_id: id1, p_to: 'closed', p_values: { result: 'failure', closed_on: '2024-05-10' }, p_version: 1 }]);
    expect(r.data).toMatchObject({ status: 'closed', version: 2 });
  });

  it('maps the database’s refusal of a step (FZ422, FZ001) and undo (42501)', async () => {
    const { rec, provider } = setup();
    rec.queue({ body: [row()] }, pgError(400, 'FZ422', '“结案”需要先填写：结案日期'));
    await expect(provider.custom({ url: 'take-step', method: 'post', payload: { resource: 'mediation_cases', id: id1, to: 'closed', values: {}, version: 1 } })).rejects.toMatchObject({ statusCode: 422, message: '“结案”需要先填写：结案日期' });
    rec.queue(pgError(403, '42501', '只有记录所属街道的管理员可以撤销流程步骤'));
    await expect(provider.custom({ url: 'undo-step', method: 'post', payload: { resource: 'mediation_cases', id: id1, reason: '录错' } })).rejects.toMatchObject({ statusCode: 403, message: '只有记录所属街道的管理员可以撤销流程步骤' });
    expect([rec.requests[2]!.path, rec.requests[2]!.body]).toEqual(['/rest/v1/rpc/undo_step', { p_kind: 'mediation_cases', p_id: id1, p_reason: '录错' }]);
  });

  it('record-history calls public.record_history and keys the changes by field', async () => {
    const { rec, provider } = setup();
    rec.queue({ body: [{ id: 3, at: '2024-05-01T02:00:00+00:00', actor: 'u', actor_name: '调解员', operation: 'UPDATE', step: null, changes: [{ column: 'party_names', before: '张*', after: '王*' }] }] });
    const r = await provider.custom({ url: 'record-history', method: 'get', query: { resource: 'mediation_cases', id: id1 } });
    expect([rec.requests[0]!.method, rec.requests[0]!.path, rec.requests[0]!.body]).toEqual(['POST', '/rest/v1/rpc/record_history', { p_kind: 'mediation_cases', p_id: id1 }]);
    expect(r.data).toEqual([{ id: 3, at: '2024-05-01T02:00:00+00:00', actor: 'u', actorName: '调解员', operation: 'UPDATE', step: null, changes: [{ field: 'partyNames', before: '张*', after: '王*' }] }]);
  });

  it('record-steps reads public.record_steps of the record, oldest first', async () => {
    const { rec, provider } = setup();
    rec.queue({ body: [{ id: 7, from_state: 'accepted', to_state: 'mediating', label: '开始调解', taken_by: 'u', taken_at: '2024-05-01T02:00:00+00:00', undone_by: null, undone_at: null, undo_reason: null }] });
    const r = await provider.custom({ url: 'record-steps', method: 'get', query: { resource: 'mediation_cases', id: id1 } });
    expect([rec.requests[0]!.path, rec.requests[0]!.params]).toEqual([
      '/rest/v1/record_steps',
      [['select', 'id,from_state,to_state,label,taken_by,taken_at,undone_by,undone_at,undo_reason'], ['kind_id', 'eq.mediation_cases'], ['record_id', `eq.${id1}`], ['order', 'id.asc']],
    ]);
    expect(r.data).toEqual([{ id: 7, fromState: 'accepted', toState: 'mediating', label: '开始调解', takenBy: 'u', takenAt: '2024-05-01T02:00:00+00:00', undoneBy: null, undoneAt: null, undoReason: null }]);
  });
});
