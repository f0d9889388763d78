import type { SupabaseClient } from '@supabase/supabase-js';
import type { SupabaseDatabase } from './database-types.generated.js';
import { chineseOr } from './chinese-message.js';
import type { SqlExecutor } from './client.js';
import { districtComparisonFromRows, reportVersionFromRow, savedTemplateFromRow, yearLockFromRow } from './report-rows.js';
import type { ReportStore } from './report-store.js';

/**
 * The ReportStore over SQL (embedded PGlite, PostgreSQL) and over PostgREST (Supabase): the same
 * tables and functions of 20261205040400_annual_reports.sql, every call as the signed-in user.
 */

type Session = <T>(fn: (tx: SqlExecutor) => Promise<T>) => Promise<T>;
type Row = Record<string, unknown>;

const versionColumns = 'id, org_id, year, version, status, content, frozen_figures, saved_by, saved_at, signed_by, signed_at';
// The people's names are computed fields (20261205090500_report_signer_names.sql): PostgREST
// selects them by name, SQL calls them on the row.
const versionFields = `${versionColumns}, saved_by_name, signed_by_name`;
const versionSql = (from: string) => `select v.*, public.saved_by_name(v) as saved_by_name, public.signed_by_name(v) as signed_by_name from ${from} v`;
const lockColumns = 'org_id, year, locked_by, locked_at';
const lockFields = `${lockColumns}, locked_by_name`;
const first = (rows: Row[], what: string): Row => {
  const row = rows[0];
  if (!row) throw new Error(`${what}没有返回结果，请检查数据库迁移`);
  return row;
};

/** Over SQL; `session` runs each call as the user (e.g. `(fn) => asUser(db, user, fn)`). */
export function sqlReportStore(session: Session): ReportStore {
  const rows = (sql: string, params: unknown[]) => session(async (tx) => (await tx.query<Row>(sql, params)).rows);
  return {
    versions: async (orgId, year) =>
      (await rows(`${versionSql('public.report_versions')} where v.org_id = $1 and v.year = $2 order by v.version desc`, [orgId, year])).map(reportVersionFromRow),
    save: async (orgId, year, content) =>
      reportVersionFromRow(first(await rows(versionSql('public.save_report($1, $2, $3::jsonb)'), [orgId, year, JSON.stringify(content)]), '保存报告')),
    move: async (versionId, status, reason) =>
      reportVersionFromRow(first(await rows(versionSql('public.move_report($1, $2, $3)'), [versionId, status, reason ?? null]), '办理报告')),
    lock: async (orgId, year) => {
      const found = await rows(`select l.*, public.locked_by_name(l) as locked_by_name from public.report_year_locks l where l.org_id = $1 and l.year = $2 and l.reopened_at is null`, [orgId, year]);
      return found[0] ? yearLockFromRow(found[0]) : null;
    },
    reopen: async (orgId, year, reason) => {
      await rows('select id from public.reopen_report_year($1, $2, $3)', [orgId, year, reason]);
    },
    template: async (orgId) => {
      const found = await rows('select org_id, version, template, saved_by, saved_at from public.report_templates where org_id = $1 order by version desc limit 1', [orgId]);
      return found[0] ? savedTemplateFromRow(found[0]) : null;
    },
    saveTemplate: async (orgId, template) =>
      savedTemplateFromRow(first(await rows('select org_id, version, template, saved_by, saved_at from public.save_report_template($1, $2::jsonb)', [orgId, JSON.stringify(template)]), '保存模板')),
    districtComparison: async (parentId, year) =>
      districtComparisonFromRows(parentId, year, await rows('select * from public.district_comparison($1, $2)', [parentId, year])),
  };
}

type Client = SupabaseClient<SupabaseDatabase>;

/** A PostgREST answer's rows, or the failure in Chinese (the database's own message when it is ours). */
function answer<T>(r: { data: T | null; error: { message: string } | null }, doing: string): T {
  if (r.error) throw new Error(`${doing}失败：${chineseOr(r.error.message, '数据服务出错，请稍后重试')}`);
  if (r.data == null) throw new Error(`${doing}失败：数据服务没有返回结果，请检查数据库迁移`);
  return r.data;
}

/**
 * Over PostgREST: the tables with `select`, the functions as `POST /rest/v1/rpc/<name>`, except the
 * read-only `district_comparison` as GET: Supabase sends only GET requests to read replicas, and
 * the supervisors' comparison is what a province-size deployment wants to read from one.
 */
export function supabaseReportStore(client: Client): ReportStore {
  return {
    versions: async (orgId, year) =>
      answer(await client.from('report_versions').select(versionFields).eq('org_id', orgId).eq('year', year).order('version', { ascending: false }), '读取报告版本').map((r) =>
        // The generated types do not know computed fields: the row is checked by reportVersionFromRow.
        reportVersionFromRow(r as unknown as Row),
      ),
    save: async (orgId, year, content) => reportVersionFromRow(answer(await client.rpc('save_report', { p_org: orgId, p_year: year, p_content: content as never }).select(versionFields), '保存报告') as Row),
    move: async (versionId, status, reason) =>
      reportVersionFromRow(answer(await client.rpc('move_report', { p_version: versionId, p_status: status, ...(reason === undefined ? {} : { p_reason: reason }) }).select(versionFields), '办理报告') as Row),
    lock: async (orgId, year) => {
      const found = answer(await client.from('report_year_locks').select(lockFields).eq('org_id', orgId).eq('year', year).is('reopened_at', null), '读取封账状态');
      return found[0] ? yearLockFromRow(found[0] as unknown as Row) : null;
    },
    reopen: async (orgId, year, reason) => {
      answer(await client.rpc('reopen_report_year', { p_org: orgId, p_year: year, p_reason: reason }), '重新开启年度');
    },
    template: async (orgId) => {
      const found = answer(await client.from('report_templates').select('org_id, version, template, saved_by, saved_at').eq('org_id', orgId).order('version', { ascending: false }).limit(1), '读取报告模板');
      return found[0] ? savedTemplateFromRow(found[0] as Row) : null;
    },
    saveTemplate: async (orgId, template) => savedTemplateFromRow(answer(await client.rpc('save_report_template', { p_org: orgId, p_template: template as never }), '保存报告模板') as Row),
    districtComparison: async (parentId, year) => {
      const data = answer(await client.rpc('district_comparison', { p_parent: parentId, p_year: year }, { get: true }), '读取街道对比');
      if (!Array.isArray(data)) throw new Error('函数 district_comparison 的返回值不是数据行列表，请检查数据库迁移');
      return districtComparisonFromRows(parentId, year, data as Row[]);
    },
  };
}
