import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.js';
import { duplicateKeyFromRow, sqlDuplicateKeySource, supabaseDuplicateKeySource } from './duplicate-keys.js';
import { pgError, recordingClient, recordingFetch } from './providers/recording-fetch.test-helper.js';
import { committedAs, org, seedFixture, user } from './rls/fixture.test-helper.js';
import { asUser } from './session.js';
import { testDatabases } from './testing/index.js';

/** Two live records sharing 案件编号 in street A, stored before the rule (trigger off, as an old database had them). */
async function storeDuplicates(db: Database): Promise<string[]> {
  return committedAs(db, 'owner', async (tx) => {
    await tx.exec('alter table public.mediation_cases disable trigger mediation_cases_unique_case_no');
    const ids: string[] = [];
    for (const [orgId, acceptedOn] of [[org.communityA1, '2024-05-01'], [org.streetA, '2024-03-05']] as const) {
      const r = await tx.query<{ id: string }>(
        `insert into public.mediation_cases (org_id, case_no, source, dispute_type, parties_count, accepted_on, status) values ($1, 'NS-2024-0001', 'party_application', 'neighbourhood', 1, $2, 'accepted') returning id`,
        [orgId, acceptedOn],
      );
      ids.push(r.rows[0]!.id);
    }
    await tx.exec('alter table public.mediation_cases enable trigger mediation_cases_unique_case_no');
    return ids;
  });
}

describe.each(testDatabases())('sqlDuplicateKeySource on $name', (backend) => {
  let db: Database;
  let ids: string[];
  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
    ids = await storeDuplicates(db);
  }, 120_000);
  afterAll(() => db?.close());

  const listAs = (userId: string, orgId: string) => sqlDuplicateKeySource((fn) => asUser(db, { userId }, fn)).list(orgId);

  it('lists a street’s duplicates, oldest record first, to those who can read them', async () => {
    const expected = { kindId: 'mediation_cases', kindLabel: '人民调解案件', keyLabel: '案件编号', key: 'NS-2024-0001', streetId: org.streetA, recordIds: [ids[1], ids[0]] };
    expect(await listAs(user.adminA, org.streetA)).toEqual([expected]);
    expect(await listAs(user.supervisor, org.district)).toEqual([expected]);
    expect(await listAs(user.adminB, org.streetB)).toEqual([]);
    expect(await listAs(user.adminB, org.streetA)).toEqual([]);
  });
});

// PostgREST cannot run here: the Supabase source is checked against a recording fetch.
describe('supabaseDuplicateKeySource', () => {
  const row = { kind_id: 'mediation_cases', kind_label: '人民调解案件', key_label: '案件编号', business_key: 'NS-1', street_id: org.streetA, record_ids: ['r1', 'r2'] };

  it('calls the RPC with the org and maps its rows', async () => {
    const rec = recordingFetch(() => ({ body: [row] }));
    const list = await supabaseDuplicateKeySource(recordingClient(rec)).list(org.streetA);
    expect(rec.requests.map((r) => [r.method, r.path, r.body])).toEqual([['POST', '/rest/v1/rpc/duplicate_business_keys', { p_org: org.streetA }]]);
    expect(list).toEqual([duplicateKeyFromRow(row)]);
    expect(list[0]!.recordIds).toEqual(['r1', 'r2']);
  });

  it('fails in Chinese, never with PostgREST’s English', async () => {
    const rec = recordingFetch(() => pgError(404, 'PGRST202', 'Could not find the function public.duplicate_business_keys(p_org) in the schema cache'));
    await expect(supabaseDuplicateKeySource(recordingClient(rec)).list(org.streetA)).rejects.toThrow('读取重复编号失败：数据服务出错，请稍后重试');
    const bad = recordingFetch(() => ({ body: [{ ...row, record_ids: 'r1' }] }));
    await expect(supabaseDuplicateKeySource(recordingClient(bad)).list(org.streetA)).rejects.toThrow('“record_ids”不是列表');
  });
});

describe.each(testDatabases())('a duplicate business key through the SQL data provider on $name', (backend) => {
  it('is a 409 whose message names the duplicate, under the key field', async () => {
    const { createRegistry } = await import('@fazhi/domain');
    const { sqlDataProvider } = await import('./providers/sql-data-provider.js');
    const db = await backend.create();
    try {
      await seedFixture(db);
      const provider = sqlDataProvider({ db, session: (fn) => asUser(db, { userId: user.adminA }, fn), registry: createRegistry() });
      const variables = { orgId: org.communityA1, caseNo: 'NS-9', source: 'proactive', disputeType: 'contract', partiesCount: 1, acceptedOn: '2024-03-05', status: 'accepted' };
      await provider.create({ resource: 'mediation_cases', variables });
      const e = await provider.create({ resource: 'mediation_cases', variables: { ...variables, orgId: org.streetA } }).then(() => null, (x: unknown) => x);
      const message = '案件编号“NS-9”在本街道已存在（人民调解案件，受理日期 2024-03-05）';
      expect(e).toMatchObject({ statusCode: 409, message, errors: { caseNo: [message] } });
    } finally {
      await db.close();
    }
  });
});
