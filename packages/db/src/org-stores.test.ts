import { describe, expect, it } from 'vitest';
import { orgUnitFromRow, supabaseOrgStore } from './org-stores.js';
import { pgError, recordingClient, recordingFetch } from './providers/recording-fetch.test-helper.js';

// PostgREST cannot run here: the Supabase store is checked against a recording fetch (the SQL one
// and every rule run on PGlite and PostgreSQL in rls/org-units.test.ts).
const unitRow = {
  id: 'c1',
  parent_id: 's1',
  kind: 'community',
  code: 'A2',
  name: '甲二社区',
  short_name: null,
  ledger_from: '2024-01-01',
  ledger_to: null,
  retired_at: null,
};

describe('supabaseOrgStore', () => {
  it('lists with a select and changes through the RPCs, sending only the keys that change', async () => {
    const rec = recordingFetch((req) => ({ body: req.path.endsWith('org_units') ? [unitRow] : req.path.endsWith('retire_org_unit') ? 'retired' : unitRow }));
    const store = supabaseOrgStore(recordingClient(rec));
    expect(await store.list()).toEqual([{ id: 'c1', parentId: 's1', kind: 'community', code: 'A2', name: '甲二社区', shortName: null, ledgerFrom: '2024-01-01', ledgerTo: null, retiredAt: null }]);
    await store.add({ parentId: 's1', kind: 'community', name: '甲二社区', shortName: null, code: 'A2', ledgerFrom: '2024-01-01', ledgerTo: null });
    await store.update('c1', { name: '新名', ledgerTo: null });
    await store.move('c1', 's2', '区划调整');
    await store.retire('c1', '撤并');
    expect(rec.requests.map((r) => [r.method, r.path, r.method === 'GET' ? r.params : r.body])).toEqual([
      ['GET', '/rest/v1/org_units', [['select', 'id,parent_id,kind,code,name,short_name,ledger_from,ledger_to,retired_at'], ['order', 'name.asc']]],
      ['POST', '/rest/v1/rpc/add_org_unit', { p_parent: 's1', p_kind: 'community', p_name: '甲二社区', p_short_name: null, p_code: 'A2', p_ledger_from: '2024-01-01', p_ledger_to: null }],
      ['POST', '/rest/v1/rpc/update_org_unit', { p_org: 'c1', p_change: { name: '新名', ledgerTo: null } }],
      ['POST', '/rest/v1/rpc/move_org_unit', { p_org: 'c1', p_parent: 's2', p_reason: '区划调整' }],
      ['POST', '/rest/v1/rpc/retire_org_unit', { p_org: 'c1', p_reason: '撤并' }],
    ]);
  });

  it('fails in Chinese: the database’s own message when it is ours, never PostgREST’s English', async () => {
    const refused = recordingFetch(() => pgError(403, '42501', '“甲街道”是您任职的机构，不能由您自己移动；请由上级机构的管理人员办理'));
    await expect(supabaseOrgStore(recordingClient(refused)).move('a', 'd', '换区')).rejects.toThrow('移动机构失败：“甲街道”是您任职的机构');
    const missing = recordingFetch(() => pgError(404, 'PGRST202', 'Could not find the function public.retire_org_unit in the schema cache'));
    await expect(supabaseOrgStore(recordingClient(missing)).retire('a', '撤并')).rejects.toThrow('停用机构失败：数据服务出错，请稍后重试');
  });

  it('says which column is wrong when a row does not fit', () => {
    expect(() => orgUnitFromRow({ ...unitRow, kind: 'hamlet' })).toThrow('机构返回的“kind”不是已知的机构类型，请检查数据库迁移');
    expect(() => orgUnitFromRow({ ...unitRow, name: 3 })).toThrow('机构返回的“name”不是文本');
  });
});
