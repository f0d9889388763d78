import { numericValue } from './numeric-value.js';
import { broken, integer, text, textOrNull, timestamp, timestampOrNull, type Row } from './row-fields.js';
import type { ComparisonFigure, ComparisonRow, DistrictComparison, FrozenFigure, ReportContent, ReportStatus, ReportVersion, SavedTemplate, YearLock } from './report-store.js';

/**
 * Rows of the annual-report tables and functions (20261205040400_annual_reports.sql) as the
 * contract's types, the same whether SQL or PostgREST returned them. A row that does not have the
 * expected shape means the database is behind the code: said so in Chinese, naming the column.
 */

/** numeric (text over SQL, number or text over PostgREST) → number, exact for integers. */
function numeric(v: unknown, column: string, what: string): number | null {
  if (v == null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return numericValue(v, column);
  throw broken(what, column, '数字');
}

function json(row: Row, column: string): unknown {
  const v = row[column];
  return typeof v === 'string' ? JSON.parse(v) : v;
}

const statuses: readonly ReportStatus[] = ['draft', 'review', 'final'];

export function reportVersionFromRow(row: Row): ReportVersion {
  const what = '年度报告版本';
  const status = text(row, 'status', what) as ReportStatus;
  if (!statuses.includes(status)) throw broken(what, 'status', '草稿、审核或定稿');
  const content = json(row, 'content') as ReportContent;
  const frozen = json(row, 'frozen_figures');
  if (frozen != null && !Array.isArray(frozen)) throw broken(what, 'frozen_figures', '列表');
  return {
    id: text(row, 'id', what),
    orgId: text(row, 'org_id', what),
    year: integer(row, 'year', what),
    version: integer(row, 'version', what),
    status,
    content: { narrative: content.narrative ?? {}, wording: content.wording ?? {} },
    frozenFigures: frozen == null ? null : (frozen as Row[]).map((f) => frozenFigure(f, what)),
    savedBy: textOrNull(row, 'saved_by', what) ?? '',
    savedByName: textOrNull(row, 'saved_by_name', what),
    savedAt: timestamp(row, 'saved_at', what),
    signedBy: textOrNull(row, 'signed_by', what),
    signedByName: textOrNull(row, 'signed_by_name', what),
    signedAt: timestampOrNull(row, 'signed_at', what),
  };
}

function frozenFigure(f: Row, what: string): FrozenFigure {
  return { indicatorId: text(f, 'indicatorId', what), numerator: numeric(f.numerator, 'numerator', what), denominator: numeric(f.denominator, 'denominator', what) };
}

export function yearLockFromRow(row: Row): YearLock {
  const what = '年度封账';
  return { orgId: text(row, 'org_id', what), year: integer(row, 'year', what), lockedBy: textOrNull(row, 'locked_by', what) ?? '', lockedByName: textOrNull(row, 'locked_by_name', what), lockedAt: timestamp(row, 'locked_at', what) };
}

export function savedTemplateFromRow(row: Row): SavedTemplate {
  const what = '年度报告模板';
  return { orgId: text(row, 'org_id', what), version: integer(row, 'version', what), template: json(row, 'template'), savedBy: textOrNull(row, 'saved_by', what) ?? '', savedAt: timestamp(row, 'saved_at', what) };
}

/** The rows of `public.district_comparison` (street rows, then 区直, then the total) grouped by unit. */
export function districtComparisonFromRows(parentId: string, year: number, rows: readonly Row[]): DistrictComparison {
  const what = '函数 district_comparison ';
  const byUnit = new Map<string, ComparisonRow>();
  for (const row of rows) {
    const kind = text(row, 'row_kind', what) as ComparisonRow['kind'];
    if (kind !== 'street' && kind !== 'direct' && kind !== 'total') throw broken(what, 'row_kind', '街道、区直或合计');
    const orgId = text(row, 'org_id', what);
    const key = `${kind}:${orgId}`;
    let unit = byUnit.get(key);
    if (!unit) byUnit.set(key, (unit = { kind, orgId, name: text(row, 'org_name', what), figures: [] }));
    const figure: ComparisonFigure & { ord: number } = {
      indicatorId: text(row, 'indicator_id', what),
      value: numeric(row.value, 'value', what),
      numerator: numeric(row.numerator, 'numerator', what),
      denominator: numeric(row.denominator, 'denominator', what),
      ord: integer(row, 'ord', what),
    };
    unit.figures.push(figure);
  }
  const units = [...byUnit.values()];
  for (const u of units) {
    (u.figures as (ComparisonFigure & { ord: number })[]).sort((a, b) => a.ord - b.ord);
    u.figures = u.figures.map(({ indicatorId, value, numerator, denominator }) => ({ indicatorId, value, numerator, denominator }));
  }
  const total = units.find((u) => u.kind === 'total');
  const direct = units.find((u) => u.kind === 'direct');
  if (!total || !direct) throw new Error('函数 district_comparison 没有返回合计或区直行，请检查数据库迁移');
  const streets = units.filter((u) => u.kind === 'street').sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return { parentId, year, streets, direct, total };
}
