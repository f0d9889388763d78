import type { FieldDef, RecordKind } from '@fazhi/domain';
import { unitColumnKey, unitColumnLabel } from './columns.js';
import { headerLabel, headerText, headerUnit, normalizeText } from './normalize.js';

/**
 * Words real ledgers use for the same column. Each group is one meaning: a header matches a field
 * when both the header and the field's label fall in the same group (or are equal). Small on
 * purpose: a header nobody foresaw is mapped by hand (`map`), never guessed.
 */
const synonymGroups: readonly (readonly string[])[] = [
  ['受理日期', '受理时间', '登记日期', '登记时间', '收案日期'],
  ['结案日期', '结案时间', '办结日期', '调结日期'],
  ['办结时间', '办结日期', '完成时间'],
  ['派单时间', '派单日期', '受理时间', '来电时间', '接单时间'],
  ['办理时限', '时限', '办结时限', '截止时间'],
  ['涉及金额', '金额', '涉案金额', '标的金额', '争议金额'],
  ['当事人姓名', '当事人', '当事人名称', '双方当事人'],
  ['当事人身份证号', '身份证号', '身份证号码', '当事人身份证号码', '证件号码'],
  ['案件编号', '编号', '案号', '案件号', '序号编号'],
  ['工单编号', '工单号', '编号', '工单'],
  ['来电人', '来电人姓名', '诉求人', '市民姓名'],
  ['来电号码', '联系电话', '电话', '手机号码', '来电电话'],
  ['诉求内容', '内容', '诉求', '来电内容'],
  ['纠纷简要情况', '纠纷情况', '简要情况', '案情简介'],
  ['满意度评价', '满意度', '回访满意度'],
  [unitColumnLabel, '单位', '所属机构', '所属社区', '社区', '调委会', '调解组织', '承办单位', '填报单位'],
];

export interface ColumnTarget {
  /** A field key, or `orgId` for the unit column. */
  key: string;
  label: string;
}

/** Columns every kind has besides its fields: the unit. */
export function targetsOf(kind: RecordKind): ColumnTarget[] {
  return [{ key: unitColumnKey, label: unitColumnLabel }, ...kind.fields.map((f: FieldDef) => ({ key: f.key, label: f.label }))];
}

/** A field label normalised whole and as a header label, computed once per label (headers are matched cell by cell). */
const labelFormCache = new Map<string, { whole: string; label: string }>();
function labelForms(label: string): { whole: string; label: string } {
  let forms = labelFormCache.get(label);
  if (!forms) labelFormCache.set(label, (forms = { whole: normalizeText(label), label: headerLabel(label) }));
  return forms;
}

const inSameGroup = (a: string, b: string) => synonymGroups.some((g) => g.includes(a) && g.includes(b));

/**
 * The target a header names: its label (units and marks taken off) equal to a field's label, then
 * a synonym. An exact label wins over a synonym, so `受理时间` on a kind that has both 受理日期
 * and a field called 受理时间 goes to the latter.
 */
export function matchHeader(header: string, targets: readonly ColumnTarget[]): ColumnTarget | null {
  const label = headerLabel(header);
  if (label === '') return null;
  // A label that itself ends in brackets (获评村（社区）) is matched whole before units are taken off.
  const whole = headerText(header);
  const exact = targets.find((t) => labelForms(t.label).whole === whole) ?? targets.find((t) => labelForms(t.label).label === label);
  if (exact) return exact;
  const synonyms = targets.filter((t) => inSameGroup(normalizeText(t.label), label));
  return synonyms.length === 1 ? synonyms[0]! : null;
}

/** Whether a header states amounts in 万元 (`涉及金额（万元）`, `金额(万元)`, `金额万元`). */
export function headerInWan(header: string): boolean {
  return headerUnit(header) === '万元' || /万元$/.test(headerLabel(header));
}

/**
 * A manual mapping (`表头=字段`): header text → field key or field label. Keys are normalised like
 * headers, so `涉案 金额（元）` maps the same as `涉案金额`.
 */
export function normalizeMap(map: Readonly<Record<string, string>>, targets: readonly ColumnTarget[]): { byHeader: Map<string, ColumnTarget>; problems: string[] } {
  const byHeader = new Map<string, ColumnTarget>();
  const problems: string[] = [];
  for (const [header, to] of Object.entries(map)) {
    const target = targets.find((t) => t.key === to.trim() || normalizeText(t.label) === normalizeText(to));
    if (!target) problems.push(`手工对应“${header}=${to}”中的“${to}”不是该类记录的字段，可用：${targets.map((t) => t.label).join('、')}`);
    else byHeader.set(headerLabel(header), target);
  }
  return { byHeader, problems };
}
