import type { CrudFilter, CrudSort, DataProvider } from '@refinedev/core';
import { createRegistry } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.js';
import { asUser } from '../session.js';
import { testDatabases } from '../testing/index.js';
import { recordingClient, recordingFetch } from './recording-fetch.test-helper.js';
import { fixtureUser, insertAsOwner, providerFor, seedFixture } from './sql-harness.test-helper.js';
import { supabaseDataProvider } from './supabase-data-provider.js';

/**
 * Personal columns through the data providers, as a user without the personal-data right (the
 * fixture's `reader`, a viewer of street A, and `clerk`, its mediation clerk): sorting orders by
 * the masked text and filters match only the masked text, so neither the order nor a search can
 * tell the real value. The admin (`writer`, with the right) is the control that the same calls
 * do see the real values. Also: what the clerk was shown (徐**、严**) cannot be saved back.
 */
const base = { source: 'proactive', disputeType: 'neighbourhood', partiesCount: 1, acceptedOn: '2024-03-01', status: 'accepted' };
/** Real order aaab < aab < ab; masked order a* < a** < a***: exactly reversed. */
const named = [
  { caseNo: 'S-ab', partyNames: 'ab' },
  { caseNo: 'S-aab', partyNames: 'aab' },
  { caseNo: 'S-aaab', partyNames: 'aaab' },
];
const onlyS: CrudFilter = { field: 'caseNo', operator: 'startswith', value: 'S-' };

describe.each(testDatabases())('personal columns through the SQL provider on $name', (backend) => {
  let db: Database;
  let reader: DataProvider;
  let writer: DataProvider;
  let clerk: DataProvider;

  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
    await insertAsOwner(db, 'mediation_cases', named.map((n) => ({ values: { ...base, ...n } })));
    reader = providerFor(db, fixtureUser.reader);
    writer = providerFor(db, fixtureUser.writer);
    clerk = providerFor(db, fixtureUser.clerk);
  }, 120_000);
  afterAll(() => db?.close());

  const caseNos = async (p: DataProvider, filters: CrudFilter[], sorters: CrudSort[] = [{ field: 'caseNo', order: 'asc' }]) =>
    (await p.getList({ resource: 'mediation_cases', filters: [onlyS, ...filters], sorters, pagination: { currentPage: 1, pageSize: 20, mode: 'server' } })).data.map(
      (r) => (r as { caseNo: string }).caseNo,
    );

  it('sorting by a personal column orders by the masked value', async () => {
    for (const order of ['asc', 'desc'] as const) {
      const sorters: CrudSort[] = [{ field: 'partyNames', order }];
      const masked = order === 'asc' ? ['S-ab', 'S-aab', 'S-aaab'] : ['S-aaab', 'S-aab', 'S-ab'];
      expect(await caseNos(reader, [], sorters)).toEqual(masked);
      expect(await caseNos(clerk, [], sorters)).toEqual(masked);
      expect(await caseNos(writer, [], sorters)).toEqual([...masked].reverse());
    }
  });

  it.each<[string, CrudFilter, string[], string[]]>([
    ['eq the real value', { field: 'partyNames', operator: 'eq', value: 'ab' }, [], ['S-ab']],
    ['in real values', { field: 'partyNames', operator: 'in', value: ['ab', 'aab'] }, [], ['S-aab', 'S-ab']],
    ['contains a hidden part', { field: 'partyNames', operator: 'contains', value: 'b' }, [], ['S-aaab', 'S-aab', 'S-ab']],
    ['containss a hidden part', { field: 'partyNames', operator: 'containss', value: 'aab' }, [], ['S-aaab', 'S-aab']],
    ['startswith a hidden prefix', { field: 'partyNames', operator: 'startswith', value: 'aa' }, [], ['S-aaab', 'S-aab']],
    ['endswith a hidden suffix', { field: 'partyNames', operator: 'endswith', value: 'ab' }, [], ['S-aaab', 'S-aab', 'S-ab']],
    ['lt compares with the masked value (a* < aab)', { field: 'partyNames', operator: 'lt', value: 'aab' }, ['S-aaab', 'S-aab', 'S-ab'], ['S-aaab']],
    ['ne cannot exclude by the real value', { field: 'partyNames', operator: 'ne', value: 'ab' }, ['S-aaab', 'S-aab', 'S-ab'], ['S-aaab', 'S-aab']],
    ['eq the masked value finds what the reader sees', { field: 'partyNames', operator: 'eq', value: 'a**' }, ['S-aab'], []],
    ['contains * finds every masked value', { field: 'partyNames', operator: 'contains', value: '*' }, ['S-aaab', 'S-aab', 'S-ab'], []],
  ])('filter %s: only the masked text matches', async (_, filter, masked, real) => {
    expect(await caseNos(reader, [filter])).toEqual(masked);
    expect(await caseNos(clerk, [filter])).toEqual(masked);
    expect(await caseNos(writer, [filter])).toEqual(real);
  });

  it('the clerk who sees 徐**、严** and appends a name cannot save over the real names; retyping them in full saves', async () => {
    const [id] = await insertAsOwner(db, 'mediation_cases', [{ values: { ...base, caseNo: 'S-names', partyNames: '徐志明、严秀英' } }]);
    const read = async (p: DataProvider) => (await p.getOne({ resource: 'mediation_cases', id: id! })).data as { partyNames: string; version: number };
    const shown = await read(clerk);
    expect(shown.partyNames).toBe('徐**、严**');

    const save = (partyNames: string, version: number) => clerk.update({ resource: 'mediation_cases', id: id!, variables: { partyNames, version } });
    const failure = await save('徐**、严**、张三', shown.version).then(() => undefined, (e: { code?: string; cause?: { message?: string } }) => e);
    expect(failure?.code).toBe('PT422');
    expect(failure?.cause?.message).toBe('“当事人姓名”显示为遮蔽值（徐**、严**），不能原样保存；请点“重新填写”后输入完整内容');
    expect((await read(writer)).partyNames).toBe('徐志明、严秀英');

    // The form echoing the mask while another field changes: the provider leaves the names alone.
    await clerk.update({ resource: 'mediation_cases', id: id!, variables: { partyNames: shown.partyNames, status: 'mediating', version: shown.version } });
    const after = await read(writer);
    expect(after.partyNames).toBe('徐志明、严秀英');

    await save('徐志明、严秀英、张三', after.version);
    expect((await read(writer)).partyNames).toBe('徐志明、严秀英、张三');
    expect((await read(clerk)).partyNames).toBe('徐**、严**、张*');
  });
});

/**
 * The Supabase provider against the recording fetch: PostgREST cannot run here (no Docker), so
 * this proves the request half: sorts and filters on personal columns go to `<kind>_view` under
 * the column's own name, never to the base table. The database half, the view's column being
 * the masked value for such a reader whatever PostgREST puts in WHERE and ORDER BY, is the same
 * SQL as above; it is run directly on the view below, as PostgREST would run it for the user.
 */
describe('personal columns through the Supabase provider (recording fetch)', () => {
  it('filters and sorts a personal column on the masked view', async () => {
    const rec = recordingFetch(() => ({ status: 200, body: [], headers: { 'content-range': '*/0' } }));
    const provider = supabaseDataProvider(recordingClient(rec), { registry: createRegistry() });
    await provider.getList({
      resource: 'mediation_cases',
      filters: [{ field: 'partyNames', operator: 'eq', value: 'ab' }, { field: 'partyPhones', operator: 'startswith', value: '138' }],
      sorters: [{ field: 'partyNames', order: 'asc' }],
    });
    const req = rec.requests[0]!;
    expect(req.path).toBe('/rest/v1/mediation_cases_view');
    expect(req.params).toEqual(expect.arrayContaining([['party_names', 'eq.ab'], ['party_phones', 'ilike.138%']]));
    expect(req.params.find(([k]) => k === 'order')?.[1]).toMatch(/^party_names\.asc\.nullslast/);
    expect(rec.requests.filter((r) => r.path === '/rest/v1/mediation_cases')).toEqual([]);
  });
});

describe.each(testDatabases())('the view PostgREST reads, queried as the user, on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
    await insertAsOwner(db, 'mediation_cases', named.map((n) => ({ values: { ...base, ...n } })));
  }, 120_000);
  afterAll(() => db?.close());

  const run = (userId: string, where: string) =>
    asUser(db, { userId }, async (tx) =>
      (await tx.query<{ case_no: string }>(`select case_no from public.mediation_cases_view where case_no like 'S-%' ${where}`)).rows.map((r) => r.case_no),
    );

  it('WHERE and ORDER BY on party_names see only the masked text without the right', async () => {
    expect(await run(fixtureUser.reader, `and party_names = 'ab'`)).toEqual([]);
    expect(await run(fixtureUser.reader, `and party_names ilike 'aa%'`)).toEqual([]);
    expect(await run(fixtureUser.reader, `order by party_names asc, id`)).toEqual(['S-ab', 'S-aab', 'S-aaab']);
    expect(await run(fixtureUser.writer, `and party_names = 'ab'`)).toEqual(['S-ab']);
    expect(await run(fixtureUser.writer, `order by party_names asc, id`)).toEqual(['S-aaab', 'S-aab', 'S-ab']);
  });
});
