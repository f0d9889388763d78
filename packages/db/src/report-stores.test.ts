import { describe, expect, it } from 'vitest';
import { pgError, recordingClient, recordingFetch } from './providers/recording-fetch.test-helper.js';
import { supabaseReportStore } from './report-stores.js';

// PostgREST cannot run here: the Supabase store is checked against a recording fetch (the SQL one
// and every rule run on PGlite and PostgreSQL in rls/annual-reports.test.ts).
const orgId = '00000000-0000-4000-8000-0000000000a0';
const versionRow = {
  id: 'v1',
  org_id: orgId,
  year: 2024,
  version: 3,
  status: 'final',
  content: { narrative: { summary: '全年工作' }, wording: {} },
  frozen_figures: [{ indicatorId: 'mediation.accepted_cases', numerator: 12, denominator: null }],
  saved_by: 'u1',
  saved_by_name: '张三',
  saved_at: '2025-01-05T09:00:00+08:00',
  signed_by: 'u2',
  signed_by_name: 'li@example.test',
  signed_at: '2025-01-06T10:00:00+08:00',
};

describe('supabaseReportStore', () => {
  it('reads versions, the lock and the template with selects, and maps their rows', async () => {
    const rec = recordingFetch((req) => ({
      body: req.path.endsWith('report_versions') ? [versionRow] : req.path.endsWith('report_year_locks') ? [{ org_id: orgId, year: 2024, locked_by: 'u2', locked_by_name: '李四', locked_at: '2025-01-06T10:00:00+08:00' }] : [{ org_id: orgId, version: 2, template: { title: 't' }, saved_by: 'u2', saved_at: '2025-01-01T00:00:00+08:00' }],
    }));
    const store = supabaseReportStore(recordingClient(rec));
    const [v] = await store.versions(orgId, 2024);
    expect(v).toEqual({
      id: 'v1', orgId, year: 2024, version: 3, status: 'final', content: versionRow.content,
      frozenFigures: [{ indicatorId: 'mediation.accepted_cases', numerator: 12, denominator: null }],
      savedBy: 'u1', savedByName: '张三', savedAt: versionRow.saved_at, signedBy: 'u2', signedByName: 'li@example.test', signedAt: versionRow.signed_at,
    });
    expect(await store.lock(orgId, 2024)).toEqual({ orgId, year: 2024, lockedBy: 'u2', lockedByName: '李四', lockedAt: '2025-01-06T10:00:00+08:00' });
    expect(await store.template(orgId)).toMatchObject({ version: 2, template: { title: 't' } });
    expect(rec.requests.map((r) => [r.method, r.path, r.params])).toEqual([
      ['GET', '/rest/v1/report_versions', [['select', 'id,org_id,year,version,status,content,frozen_figures,saved_by,saved_at,signed_by,signed_at,saved_by_name,signed_by_name'], ['org_id', `eq.${orgId}`], ['year', 'eq.2024'], ['order', 'version.desc']]],
      ['GET', '/rest/v1/report_year_locks', [['select', 'org_id,year,locked_by,locked_at,locked_by_name'], ['org_id', `eq.${orgId}`], ['year', 'eq.2024'], ['reopened_at', 'is.null']]],
      ['GET', '/rest/v1/report_templates', [['select', 'org_id,version,template,saved_by,saved_at'], ['org_id', `eq.${orgId}`], ['order', 'version.desc'], ['limit', '1']]],
    ]);
  });

  it('saves, moves, reopens and compares through the RPCs', async () => {
    const rec = recordingFetch((req) => ({
      body: req.path.endsWith('district_comparison')
        ? [
            { org_id: 'B', org_name: '乙街道', row_kind: 'street', indicator_id: 'x', value: 1, numerator: '1', denominator: null, ord: 1 },
            { org_id: 'D', org_name: '区直', row_kind: 'direct', indicator_id: 'x', value: 2, numerator: '2', denominator: null, ord: 1 },
            { org_id: 'D', org_name: '测试区', row_kind: 'total', indicator_id: 'x', value: 3, numerator: '3', denominator: null, ord: 1 },
          ]
        : req.path.endsWith('reopen_report_year')
          ? { id: 'l1' }
          : versionRow,
    }));
    const store = supabaseReportStore(recordingClient(rec));
    const content = { narrative: { a: '文字' }, wording: { x: 'hedged' as const } };
    expect((await store.save(orgId, 2024, content)).savedByName).toBe('张三');
    await store.move('v1', 'draft', '数字待核');
    await store.move('v1', 'review');
    await store.reopen(orgId, 2024, '补录');
    const c = await store.districtComparison('D', 2024);
    expect([c.streets.map((s) => s.name), c.direct.figures, c.total.name]).toEqual([['乙街道'], [{ indicatorId: 'x', value: 2, numerator: 2, denominator: null }], '测试区']);
    // The rows the RPCs return carry the people's names too (computed fields selected by name).
    expect(rec.requests.filter((r) => r.path.endsWith('_report')).map((r) => r.params)).toEqual(
      Array(3).fill([['select', 'id,org_id,year,version,status,content,frozen_figures,saved_by,saved_at,signed_by,signed_at,saved_by_name,signed_by_name']]),
    );
    expect(rec.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', '/rest/v1/rpc/save_report', { p_org: orgId, p_year: 2024, p_content: content }],
      ['POST', '/rest/v1/rpc/move_report', { p_version: 'v1', p_status: 'draft', p_reason: '数字待核' }],
      ['POST', '/rest/v1/rpc/move_report', { p_version: 'v1', p_status: 'review' }],
      ['POST', '/rest/v1/rpc/reopen_report_year', { p_org: orgId, p_year: 2024, p_reason: '补录' }],
      // Read-only, so GET with its arguments in the query: Supabase sends only GETs to read replicas.
      ['GET', '/rest/v1/rpc/district_comparison', undefined],
    ]);
    expect(rec.requests.at(-1)!.params).toEqual([
      ['p_parent', 'D'],
      ['p_year', '2024'],
    ]);
  });

  it('fails in Chinese: the database’s own message when it is ours, never PostgREST’s English', async () => {
    const locked = recordingFetch(() => pgError(400, 'FZ423', '2024年度已封账（2025-01-06 定稿），报告不能再修改；如需更正，请街道管理员先重新开启该年度'));
    await expect(supabaseReportStore(recordingClient(locked)).save(orgId, 2024, { narrative: {}, wording: {} })).rejects.toThrow('保存报告失败：2024年度已封账');
    const missing = recordingFetch(() => pgError(404, 'PGRST202', 'Could not find the function public.save_report_template in the schema cache'));
    await expect(supabaseReportStore(recordingClient(missing)).saveTemplate(orgId, {})).rejects.toThrow('保存报告模板失败：数据服务出错，请稍后重试');
    const bad = recordingFetch(() => ({ body: { ...versionRow, status: 'archived' } }));
    await expect(supabaseReportStore(recordingClient(bad)).move('v1', 'final')).rejects.toThrow('年度报告版本返回的“status”不是草稿、审核或定稿');
  });
});
