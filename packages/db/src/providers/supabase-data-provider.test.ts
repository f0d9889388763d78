/**
 * The Supabase wrapper, tested WITHOUT PostgREST: PostgREST (and GoTrue, Storage) cannot run on
 * our machines (no Docker), so supabase-js is given a RECORDING FETCH (recording-fetch.test-helper)
 * that records method, path, query, headers and body of every request and answers with canned,
 * PostgREST-shaped responses.
 *
 * What runs of the shared contract (contract.ts / contract-cases.ts):
 * - request building for every filter case of the contract (each compared with a hand-written
 *   PostgREST query derived from PostgREST's URL grammar, not from our code), for sorting,
 *   pagination, select, soft-delete defaults, create/update/delete/restore requests;
 * - the wrapper's handling of answers: row mapping, totals from Content-Range, zero-row updates
 *   (404/409/403), and error mapping (42501, PGRST116, 23505, 23514, 23502, PT409).
 * What cannot run without a real PostgREST, and is only covered by the SQL provider's contract
 * runs on PGlite and PostgreSQL 15: that PostgREST parses these queries as we expect and returns
 * the right rows (filter semantics, RLS, masking, totals), that PATCH with `version=eq.` and the
 * version trigger behave together, and the error bodies PostgREST really sends. We did not
 * emulate PostgREST in memory: an emulator written by us would share our reading of the grammar
 * and so could not catch our mistakes.
 */
import { describe, expect, it } from 'vitest';
import { createRegistry } from '@fazhi/domain';
import { fieldComparisonCases, filterCases, typedFilterCases, type FilterCase } from './contract-cases.js';
import { pgError, recordingClient, recordingFetch } from './recording-fetch.test-helper.js';
import { supabaseDataProvider } from './supabase-data-provider.js';

const registry = createRegistry();
const id1 = '11111111-1111-4111-8111-111111111111';

function setup(fallback?: Parameters<typeof recordingFetch>[0]) {
  const rec = recordingFetch(fallback);
  const provider = supabaseDataProvider(recordingClient(rec), { registry });
  return { rec, provider };
}

/** Expected filter parameters of each contract case, written from PostgREST's documentation. */
const expected: Record<string, [string, string][]> = {
  'mediation_cases: eq': [['dispute_type', 'eq.neighbourhood']],
  'mediation_cases: eqs': [['case_no', 'eq.M02']],
  'mediation_cases: eq null': [['amount', 'is.null']],
  'mediation_cases: ne': [['dispute_type', 'neq.neighbourhood']],
  'mediation_cases: nes': [['case_no', 'neq.M02']],
  'mediation_cases: lt integer': [['parties_count', 'lt.2']],
  'mediation_cases: gt money': [['amount', 'gt.2000']],
  'mediation_cases: lte date': [['accepted_on', 'lte.2024-01-05']],
  'mediation_cases: gte date (other notation)': [['accepted_on', 'gte.2024-02-29']],
  'mediation_cases: in': [['source', 'in.("proactive","police_referral")']],
  'mediation_cases: in (empty list)': [['source', 'in.()']],
  'mediation_cases: nin': [['source', 'not.in.("proactive","police_referral")']],
  'mediation_cases: ina on a scalar column': [['status', 'in.("closed","followed_up")']],
  'mediation_cases: nina on a scalar column': [['status', 'not.in.("closed","followed_up")']],
  'mediation_cases: contains (case-insensitive)': [['summary', 'ilike.%NOISE%']],
  'mediation_cases: ncontains': [['summary', 'not.ilike.%noise%']],
  'mediation_cases: containss': [['summary', 'like.%Noise%']],
  'mediation_cases: ncontainss': [['summary', 'not.like.%Noise%']],
  'mediation_cases: contains escapes %': [['case_no', 'ilike.%100\\%%']],
  'mediation_cases: contains escapes _': [['case_no', 'ilike.%\\%\\_%']],
  // Top-level values are taken literally by PostgREST: no quoting needed (or wanted) here.
  'mediation_cases: contains with PostgREST-reserved characters': [['summary', 'ilike.%, (car) "quoted"%']],
  'mediation_cases: contains Chinese': [['summary', 'ilike.%工资%']],
  'mediation_cases: startswith': [['case_no', 'ilike.m0%']],
  'mediation_cases: nstartswith': [['case_no', 'not.ilike.m0%']],
  'mediation_cases: startswiths': [['case_no', 'like.m0%']],
  'mediation_cases: nstartswiths': [['case_no', 'not.like.M0%']],
  'mediation_cases: endswith escapes _': [['case_no', 'ilike.%\\_DONE']],
  'mediation_cases: nendswith': [['case_no', 'not.ilike.%DONE']],
  'mediation_cases: endswiths': [['case_no', 'like.%xdone']],
  'mediation_cases: nendswiths': [['case_no', 'not.like.%DONE']],
  'mediation_cases: between': [['accepted_on', 'gte.2024-01-01'], ['accepted_on', 'lte.2024-02-28']],
  'mediation_cases: nbetween': [['or', '(accepted_on.lt."2024-01-01",accepted_on.gt."2024-02-28")']],
  'mediation_cases: null': [['closed_on', 'is.null']],
  'mediation_cases: nnull': [['closed_on', 'not.is.null']],
  'mediation_cases: boolean eq': [['prevented_criminal', 'eq.true']],
  'mediation_cases: undefined value is no condition': [],
  'mediation_cases: or': [['or', '(status.eq."closed",parties_count.gt."4")']],
  'mediation_cases: and inside or': [['or', '(and(dispute_type.eq."neighbourhood",amount.gte."100000"),status.eq."accepted")']],
  'mediation_cases: or inside and': [['or', '(source.eq."proactive",source.eq."court_entrusted")'], ['accepted_on', 'lt.2024-01-06']],
  'mediation_cases: keyed and: a date before a day while a state is empty or not final': [['accepted_on', 'lt.2024-02-11'], ['or', '(result.is.null,result.not.in.("success"))']],
  'mediation_cases: three levels with negations': [['or', '(and(case_no.not.ilike."%m0%",or(amount.not.in.("0","2000"),summary.is.null)),case_no.eq."M04")']],
  'mediation_cases: or with reserved characters inside': [['or', '(summary.ilike."%(car)%",case_no.in.("M02","a,b"))']],
  'mediation_cases: two top-level filters (AND)': [['dispute_type', 'eq.neighbourhood'], ['status', 'eq.closed']],
  'publicity_events: enum-set eq (has element)': [['laws', 'cs.{"civil_code"}']],
  'publicity_events: enum-set ne': [['laws', 'not.cs.{"civil_code"}']],
  'publicity_events: enum-set in (overlap)': [['laws', 'ov.{"constitution","anti_fraud_law"}']],
  'publicity_events: enum-set nin': [['laws', 'not.ov.{"constitution","anti_fraud_law"}']],
  'publicity_events: enum-set ina (has all)': [['laws', 'cs.{"civil_code","constitution"}']],
  'publicity_events: enum-set nina': [['laws', 'not.cs.{"civil_code","constitution"}']],
  'publicity_events: integer null inside or': [['or', '(audience.is.null,audience.gte."100")']],
  'hotline_tickets: datetime gte (+08:00 local time)': [['received_at', 'gte.2024-03-05T09:30:00+08:00']],
  'hotline_tickets: datetime lt (offset converted)': [['received_at', 'lt.2024-03-05T09:30:00+08:00']],
  'hotline_tickets: datetime by date (start of day, China time)': [['received_at', 'gte.2024-03-05T00:00:00+08:00']],
};

const caseName = (c: FilterCase) => `${c.resource}: ${c.name}`;

describe('supabase data provider: request building for every contract filter case (recording fetch)', () => {
  it('has an expectation for each case of the shared contract', () => {
    expect(Object.keys(expected).sort()).toEqual([...filterCases, ...typedFilterCases].map(caseName).sort());
  });

  for (const c of [...filterCases, ...typedFilterCases]) {
    it(caseName(c), async () => {
      const { rec, provider } = setup(() => ({ body: [], headers: { 'content-range': '*/0' } }));
      await provider.getList({ resource: c.resource, filters: c.filters, pagination: { mode: 'off' } });
      const [req] = rec.requests;
      expect(req!.method).toBe('GET');
      expect(req!.path).toBe(`/rest/v1/${c.resource}_view`);
      expect(req!.params[0]).toEqual(['select', '*']);
      const filters = req!.params.filter(([k]) => !['select', 'order', 'offset', 'limit'].includes(k) && !(k === 'deleted_at'));
      expect(filters).toEqual(expected[caseName(c)]);
      expect(req!.params).toContainEqual(['deleted_at', 'is.null']);
    });
  }

  for (const c of fieldComparisonCases) {
    it(`${caseName(c)}: refused in Chinese, nothing sent (PostgREST compares a column with values only)`, async () => {
      const { rec, provider } = setup();
      const e = await provider.getList({ resource: c.resource, filters: c.filters }).then(() => undefined, (x: unknown) => x);
      expect(e).toMatchObject({ statusCode: 400, message: '「办结时间」与「办理时限」的比较无法通过 Supabase 接口筛选' });
      expect(rec.requests).toEqual([]);
    });
  }

  it('quotes backslashes and double quotes inside logic trees and arrays', async () => {
    const { rec, provider } = setup();
    await provider.getList({
      resource: 'mediation_cases',
      filters: [{ operator: 'or', value: [{ field: 'caseNo', operator: 'eq', value: 'a\\b"c' }, { field: 'caseNo', operator: 'nin', value: ['x)', 'y"'] }] }],
    });
    expect(rec.requests[0]!.params).toContainEqual(['or', '(case_no.eq."a\\\\b\\"c",case_no.not.in.("x)","y\\""))']);
  });

  it('matches text containing * (PostgREST reads it as a wildcard) with an escaped regular expression', async () => {
    const { rec, provider } = setup();
    await provider.getList({ resource: 'mediation_cases', filters: [{ field: 'summary', operator: 'contains', value: 'a*b.' }, { field: 'caseNo', operator: 'nstartswiths', value: 'M*' }] });
    expect(rec.requests[0]!.params).toContainEqual(['summary', 'imatch.a\\*b\\.']);
    expect(rec.requests[0]!.params).toContainEqual(['case_no', 'not.match.^M\\*']);
  });

  it('refuses what cannot be expressed safely, before any request', async () => {
    const { rec, provider } = setup();
    for (const call of [
      () => provider.getList({ resource: 'mediation_cases', sorters: [{ field: 'org.name', order: 'asc' }] }),
      () => provider.getList({ resource: 'mediation_cases', filters: [{ field: 'nope', operator: 'eq', value: 1 }] }),
      () => provider.getList({ resource: 'mediation_cases', filters: [{ field: 'partiesCount', operator: 'gt', value: 'abc' }] }),
      () => provider.getList({ resource: 'no_such_kind' }),
    ]) {
      await expect(call()).rejects.toMatchObject({ statusCode: 400 });
    }
    expect(rec.requests).toEqual([]);
  });
});

describe('supabase data provider: lists, reads and values (recording fetch)', () => {
  it('sorts with nulls last and an id tie-breaker, pages with offset/limit, counts exactly', async () => {
    const { rec, provider } = setup(() => ({ status: 206, body: [{ id: id1, case_no: 'M01', amount: 150000 }], headers: { 'content-range': '2-2/5' } }));
    const r = await provider.getList({
      resource: 'mediation_cases',
      sorters: [{ field: 'amount', order: 'desc' }, { field: 'acceptedOn', order: 'asc' }],
      pagination: { currentPage: 2, pageSize: 2 },
      meta: { select: ['caseNo', 'amount'] },
    });
    const req = rec.requests[0]!;
    expect(req.params).toEqual([
      ['select', 'id,case_no,amount'],
      ['deleted_at', 'is.null'],
      ['order', 'amount.desc.nullslast,accepted_on.asc.nullslast,id.asc.nullslast'],
      ['offset', '2'],
      ['limit', '2'],
    ]);
    expect(req.headers.prefer).toContain('count=exact');
    expect(r).toEqual({ data: [{ id: id1, caseNo: 'M01', amount: 150000 }], total: 5 });
  });

  it('meta.withDeleted drops the default filter; meta.onlyDeleted inverts it; meta.schema switches schema', async () => {
    const { rec, provider } = setup();
    await provider.getList({ resource: 'mediation_cases', meta: { withDeleted: true } });
    await provider.getList({ resource: 'mediation_cases', meta: { onlyDeleted: true, schema: 'api' } });
    expect(rec.requests[0]!.params.map(([k]) => k)).not.toContain('deleted_at');
    expect(rec.requests[1]!.params).toContainEqual(['deleted_at', 'not.is.null']);
    expect(rec.requests[1]!.headers['accept-profile']).toBe('api');
  });

  it('maps rows to camelCase and canonical values (UTC date-times to +08:00, bigint fen, arrays)', async () => {
    const { provider } = setup(() => ({
      body: { id: id1, ticket_no: 'T1', received_at: '2024-03-05T01:30:00+00:00', closed_at: null, version: 3, deleted_at: null, created_at: '2024-03-05T01:30:00.123456+00:00' },
    }));
    const r = await provider.getOne({ resource: 'hotline_tickets', id: id1 });
    expect(r.data).toEqual({ id: id1, ticketNo: 'T1', receivedAt: '2024-03-05T09:30:00+08:00', closedAt: null, version: 3, deletedAt: null, createdAt: '2024-03-05T09:30:00.123456+08:00' });
  });

  it('getOne asks for one object and maps PGRST116 to 404; getMany keeps the order asked', async () => {
    const { rec, provider } = setup();
    rec.queue(pgError(406, 'PGRST116', 'JSON object requested, multiple (or no) rows returned', 'The result contains 0 rows'));
    await expect(provider.getOne({ resource: 'mediation_cases', id: id1 })).rejects.toMatchObject({ statusCode: 404, message: '记录不存在或无权查看' });
    expect(rec.requests[0]!.headers.accept).toBe('application/vnd.pgrst.object+json');
    expect(rec.requests[0]!.params).toEqual([['select', '*'], ['id', `eq.${id1}`]]);
    const id2 = '22222222-2222-4222-8222-222222222222';
    rec.queue({ body: [{ id: id2, case_no: 'B' }, { id: id1, case_no: 'A' }] });
    const many = await provider.getMany!({ resource: 'mediation_cases', ids: [id1, id2] });
    expect(many.data.map((x) => x.caseNo)).toEqual(['A', 'B']);
    expect(rec.requests[1]!.params).toContainEqual(['id', `in.(${id1},${id2})`]);
  });
});

describe('supabase data provider: writes (recording fetch)', () => {
  const row = (extra: Record<string, unknown> = {}) => ({ id: id1, case_no: 'C1', version: 1, deleted_at: null, party_names: '张*', ...extra });

  it('create inserts snake_case into the table, selects only the id, and re-reads the row from the view', async () => {
    const { rec, provider } = setup();
    rec.queue({ status: 201, body: [{ id: id1 }] }, { body: row() });
    const r = await provider.create({ resource: 'mediation_cases', variables: { caseNo: ' C1 ', partiesCount: '2', amount: 12345, orgId: id1, createdAt: 'ignored' } });
    const [insert, read] = rec.requests;
    expect([insert!.method, insert!.path, insert!.params]).toEqual(['POST', '/rest/v1/mediation_cases', [['select', 'id']]]);
    expect(insert!.body).toEqual({ case_no: 'C1', parties_count: 2, amount: '12345', org_id: id1 });
    expect(insert!.headers.prefer).toContain('return=representation');
    expect([read!.path, read!.params]).toEqual(['/rest/v1/mediation_cases_view', [['select', '*'], ['id', `eq.${id1}`]]]);
    expect(r.data).toMatchObject({ id: id1, caseNo: 'C1', version: 1 });
  });

  it('maps database errors: 23514 → 400 on the field, 23502 → 400, 23505 → 409, 42501 → 403 「没有权限」', async () => {
    const { rec, provider } = setup();
    const create = () => provider.create({ resource: 'mediation_cases', variables: { caseNo: 'C1', partiesCount: 0 } });
    rec.queue(pgError(400, '23514', 'new row for relation "mediation_cases" violates check constraint "mediation_cases_parties_count_min"', 'Failing row contains (…).'));
    await expect(create()).rejects.toMatchObject({ statusCode: 400, errors: { partiesCount: ['「涉及人数」不能小于1'] } });
    rec.queue(pgError(400, '23502', 'null value in column "case_no" of relation "mediation_cases" violates not-null constraint'));
    await expect(create()).rejects.toMatchObject({ statusCode: 400, errors: { caseNo: ['「案件编号」为必填项'] } });
    rec.queue(pgError(409, '23505', 'duplicate key value violates unique constraint "mediation_cases_pkey"'));
    await expect(create()).rejects.toMatchObject({ statusCode: 409 });
    rec.queue(pgError(403, '42501', 'new row violates row-level security policy for table "mediation_cases"'));
    await expect(create()).rejects.toMatchObject({ statusCode: 403, message: '没有权限' });
  });

  it('maps the other errors PostgREST passes on: timeout, masked overwrite, trigger messages, missing schema, unknown codes', async () => {
    const { rec, provider } = setup();
    const create = () => provider.create({ resource: 'mediation_cases', variables: { caseNo: 'C1', partiesCount: 1 } });
    const list = () => provider.getList({ resource: 'mediation_cases' });
    // PostgREST answers a cancelled statement with 500 and the SQLSTATE in the body.
    rec.queue(pgError(500, '57014', 'canceling statement due to statement timeout'));
    await expect(list()).rejects.toMatchObject({ statusCode: 504, message: '查询超时：数据库未能在规定时间内完成，请缩小筛选范围后重试' });
    rec.queue(pgError(400, 'PT422', '「当事人联系电话」显示的是脱敏内容，不能保存'));
    await expect(create()).rejects.toMatchObject({ statusCode: 422, message: '「当事人联系电话」显示的是脱敏内容，不能保存' });
    rec.queue(pgError(409, '23505', '案件编号“C1”已存在'));
    await expect(create()).rejects.toMatchObject({ statusCode: 409, message: '案件编号“C1”已存在' });
    rec.queue(pgError(400, '22007', 'invalid input syntax for type date: "2024-13-01"'));
    await expect(create()).rejects.toMatchObject({ statusCode: 400, message: '输入的数据格式不正确' });
    rec.queue(pgError(404, '42P01', 'relation "public.mediation_cases_view" does not exist'));
    await expect(list()).rejects.toMatchObject({ statusCode: 503 });
    rec.queue(pgError(500, 'XX000', 'internal error'));
    await expect(list()).rejects.toMatchObject({ statusCode: 500, message: '数据服务出错（错误代码 XX000），请稍后重试' });
  });

  it('update sends the version and filters on it, leaves echoed masks alone, and re-reads', async () => {
    const { rec, provider } = setup();
    rec.queue({ body: [row()] }, { body: [{ id: id1 }] }, { body: row({ version: 2, summary: 'x' }) });
    const r = await provider.update({ resource: 'mediation_cases', id: id1, variables: { summary: 'x', partyNames: '张*', version: 1, id: id1, updatedAt: 'ignored' } });
    const [pre, patch] = rec.requests;
    expect([pre!.method, pre!.path]).toEqual(['GET', '/rest/v1/mediation_cases_view']);
    expect([patch!.method, patch!.path]).toEqual(['PATCH', '/rest/v1/mediation_cases']);
    expect(patch!.params).toEqual([['id', `eq.${id1}`], ['version', 'eq.1'], ['select', 'id']]);
    expect(patch!.body).toEqual({ summary: 'x', version: 1 });
    expect(r.data).toMatchObject({ version: 2, summary: 'x' });
  });

  it('update answering zero rows is 409 when the version moved, 403 when it did not, 404 when the row is gone', async () => {
    const { rec, provider } = setup();
    const update = () => provider.update({ resource: 'mediation_cases', id: id1, variables: { summary: 'x', version: 1 } });
    rec.queue({ body: [row()] }, { body: [] }, { body: [row({ version: 2 })] });
    await expect(update()).rejects.toMatchObject({ statusCode: 409, message: '记录已被他人修改（当前版本 2），请刷新后重试' });
    rec.queue({ body: [row()] }, { body: [] }, { body: [row()] });
    await expect(update()).rejects.toMatchObject({ statusCode: 403, message: '没有权限' });
    rec.queue({ body: [] });
    await expect(update()).rejects.toMatchObject({ statusCode: 404 });
    rec.queue({ body: [row()] }, pgError(409, 'PT409', '记录已被他人修改（当前版本 5），请刷新后重试'));
    await expect(update()).rejects.toMatchObject({ statusCode: 409, message: '记录已被他人修改（当前版本 5），请刷新后重试' });
    await expect(provider.update({ resource: 'mediation_cases', id: id1, variables: { summary: 'x' } })).rejects.toMatchObject({ statusCode: 400, errors: { version: ['缺少版本号，请刷新后重试'] } });
  });

  it('deleteOne is a soft delete (PATCH deleted_at, never DELETE) and restore clears it', async () => {
    const { rec, provider } = setup();
    rec.queue({ body: [{ id: id1 }] }, { body: row({ deleted_at: '2024-06-01T02:00:00+00:00', version: 2 }) });
    const del = await provider.deleteOne({ resource: 'mediation_cases', id: id1, variables: { version: 1 } });
    const patch = rec.requests[0]!;
    expect([patch.method, patch.params]).toEqual(['PATCH', [['id', `eq.${id1}`], ['version', 'eq.1'], ['deleted_at', 'is.null'], ['select', 'id']]]);
    expect(patch.body).toMatchObject({ version: 1, deleted_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    expect(del.data.deletedAt).toBe('2024-06-01T10:00:00+08:00');
    expect(rec.requests.some((r) => r.method === 'DELETE')).toBe(false);

    rec.queue({ body: [{ id: id1 }] }, { body: row({ version: 3 }) });
    const restored = await provider.custom!({ url: 'mediation_cases/' + id1 + '/restore', method: 'post', payload: { version: 2 } });
    const restore = rec.requests[2]!;
    expect([restore.method, restore.params, restore.body]).toEqual(['PATCH', [['id', `eq.${id1}`], ['version', 'eq.2'], ['deleted_at', 'not.is.null'], ['select', 'id']], { deleted_at: null, version: 2 }]);
    expect((restored.data as { deletedAt: unknown }).deletedAt).toBeNull();
  });

  it('createMany is one bulk insert; errors name the row', async () => {
    const { rec, provider } = setup();
    rec.queue({ status: 201, body: [{ id: id1 }] }, { body: [row()] });
    await provider.createMany!({ resource: 'mediation_cases', variables: [{ caseNo: 'C1' }] });
    expect(rec.requests[0]!.body).toEqual([{ case_no: 'C1' }]);
    await expect(provider.createMany!({ resource: 'mediation_cases', variables: [{ caseNo: 'C1' }, { partiesCount: 'x' }] })).rejects.toMatchObject({ statusCode: 400, message: /^第2条：/ });
  });
});
