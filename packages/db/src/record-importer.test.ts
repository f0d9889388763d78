import { mediationCases, type AnyRecord } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.js';
import { importRows } from './import-records.js';
import { pgError, recordingClient, recordingFetch } from './providers/recording-fetch.test-helper.js';
import { sqlRecordImporter, supabaseRecordImporter } from './record-importer.js';
import { clerkA, org, otherAreaClerkA, seedFixture } from './rls/fixture.test-helper.js';
import { asUser } from './session.js';
import { testDatabases } from './testing/index.js';

let n = 0;
function mediationCase(extra: Partial<AnyRecord> = {}): AnyRecord {
  n++;
  return {
    id: `00000000-0000-4000-a300-${String(n).padStart(12, '0')}`,
    orgId: org.communityA1,
    deletedAt: null,
    ...Object.fromEntries(mediationCases.fields.map((f) => [f.key, null])),
    caseNo: `导入器〔2024〕${n}号`,
    source: 'proactive',
    disputeType: 'neighbourhood',
    partiesCount: 2,
    acceptedOn: '2024-03-05',
    status: 'accepted',
    ...extra,
  };
}

describe.each(testDatabases())('sqlRecordImporter on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.create();
    await seedFixture(db);
  }, 120_000);
  afterAll(() => db?.close());

  const importer = (userId: string) => sqlRecordImporter((fn) => asUser(db, { userId }, fn));
  const stored = async (caseNos: string[]) => Number((await db.query<{ n: number }>('select count(*)::int as n from public.mediation_cases where case_no = any($1::text[])', [caseNos])).rows[0]!.n);

  it('writes as the user: the area’s clerk imports, then a second run skips or updates by 案件编号', async () => {
    const rows = [mediationCase(), mediationCase()];
    const keys = rows.map((r) => String(r.caseNo));
    expect(await importer(clerkA('mediation')).import(mediationCases, rows, 'stop')).toEqual({ inserted: 2, updated: 0, skipped: 0, duplicates: [], stopped: false });
    expect(await stored(keys)).toBe(2);
    const again = rows.map((r) => ({ ...r, id: crypto.randomUUID(), partiesCount: 3 }));
    expect(await importer(clerkA('mediation')).import(mediationCases, again, 'skip')).toMatchObject({ inserted: 0, skipped: 2, duplicates: [...keys].sort() });
    expect(await importer(clerkA('mediation')).import(mediationCases, again, 'update')).toMatchObject({ inserted: 0, updated: 2 });
    expect(await stored(keys)).toBe(2);
  });

  it('refuses a clerk of another area and writes nothing (RLS applies: the function is security invoker)', async () => {
    const rows = [mediationCase(), mediationCase()];
    await expect(importer(otherAreaClerkA('mediation')).import(mediationCases, rows, 'stop')).rejects.toThrow(/第 1 条记录/);
    expect(await stored(rows.map((r) => String(r.caseNo)))).toBe(0);
  });
});

// PostgREST cannot run here: the Supabase importer is checked against a recording fetch.
describe('supabaseRecordImporter', () => {
  const answer = { inserted: 1, updated: 0, skipped: 1, duplicates: ['X-1'], stopped: false };

  it('sends one RPC with the kind, the rows in the providers’ wire format and the duplicate choice', async () => {
    const rec = recordingFetch(() => ({ body: answer }));
    const rows = [mediationCase(), mediationCase()];
    expect(await supabaseRecordImporter(recordingClient(rec) as never).import(mediationCases, rows, 'skip')).toEqual(answer);
    expect(rec.requests.map((r) => [r.method, r.path])).toEqual([['POST', '/rest/v1/rpc/import_records']]);
    expect(rec.requests[0]!.body).toEqual({ p_kind: 'mediation_cases', p_rows: JSON.parse(JSON.stringify(importRows(mediationCases, rows))), p_on_duplicate: 'skip' });
    expect((rec.requests[0]!.body as { p_rows: Record<string, unknown>[] }).p_rows[0]).toMatchObject({ case_no: rows[0]!.caseNo, org_id: org.communityA1 });
  });

  it('fails in Chinese: the database’s own refusal as it is, PostgREST’s English replaced; a foreign answer is refused', async () => {
    const refused = recordingFetch(() => pgError(403, '42501', '第 2 条记录：您没有在「人民调解」新建记录的权限', 'import_row:2'));
    await expect(supabaseRecordImporter(recordingClient(refused) as never).import(mediationCases, [mediationCase()], 'stop')).rejects.toThrow('导入失败：第 2 条记录：您没有在「人民调解」新建记录的权限');
    const missing = recordingFetch(() => pgError(404, 'PGRST202', 'Could not find the function public.import_records in the schema cache'));
    await expect(supabaseRecordImporter(recordingClient(missing) as never).import(mediationCases, [mediationCase()], 'stop')).rejects.toThrow('导入失败：数据服务出错，请稍后重试');
    const foreign = recordingFetch(() => ({ body: [] }));
    await expect(supabaseRecordImporter(recordingClient(foreign) as never).import(mediationCases, [mediationCase()], 'stop')).rejects.toThrow('不是导入结果');
  });
});
