import { findField, workflowProblems, type RecordKind } from '@fazhi/domain';
import { pluginApiVersion, workflowOf, type AttentionCondition, type PluginResource, type TodoSeverity, type WorkAreaPlugin } from './plugin.js';
import { attentionRulesOf } from './ui/views/attention.js';

const kebab = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const numberTypes = new Set(['integer', 'decimal', 'money']);
const severities: readonly TodoSeverity[] = ['danger', 'warning', 'info'];

function resourceProblems(r: PluginResource): string[] {
  const problems: string[] = [];
  const where = `资源“${r.kind?.label ?? '?'}”`;
  const needField = (key: string, what: string) => {
    if (!findField(r.kind, key)) problems.push(`${where}的${what}引用了不存在的字段“${key}”`);
  };
  r.listColumns?.forEach((k) => needField(k, '列表列'));
  for (const f of r.listFilters ?? []) {
    if (f.type === 'period') {
      const key = f.field ?? r.kind?.periodField;
      const pf = key ? findField(r.kind, key) : undefined;
      if (key && !pf) needField(key, '期间筛选');
      else if (pf && pf.type !== 'date' && pf.type !== 'datetime') problems.push(`${where}的期间筛选字段“${pf.label}”必须是日期`);
    } else if (f.type === 'text') {
      if (!f.fields.length) problems.push(`${where}的文本搜索至少要指定一个字段`);
      f.fields.forEach((k) => needField(k, '文本搜索'));
    } else if (f.type !== 'org') needField(f.field, '筛选条件');
  }
  if (r.defaultSort) needField(r.defaultSort.field, '默认排序');
  r.formSections?.forEach((s) => s.fields.forEach((k) => needField(k, `表单分组“${s.title}”`)));
  if (r.workflow) {
    if (r.kind.workflow) problems.push(`${where}的记录类型已声明流程，资源不能另行声明（请只在记录类型的 workflow 中声明）`);
    else problems.push(...workflowProblems(r.kind.fields, r.workflow).map((m) => `${where}的${m}`));
  }
  problems.push(...viewProblems(r, where, needField));
  if (r.printForm) problems.push(...printFormProblems(r, where, needField));
  const slots = new Set<string>();
  for (const a of r.attachments ?? []) {
    if (!kebab.test(a.id)) problems.push(`${where}的附件类型编号“${a.id}”应为 kebab-case`);
    if (slots.has(a.id)) problems.push(`${where}的附件类型“${a.id}”重复`);
    slots.add(a.id);
  }
  // The database checks required attachments by slot: a slot the resource does not offer could never be filled.
  for (const t of r.kind.workflow?.transitions ?? []) {
    for (const a of t.requiresAttachments ?? []) if (!slots.has(a.slot)) problems.push(`${where}的流程步骤“${t.label}”要求的附件类型“${a.slot}”不在资源的附件类型中`);
  }
  return problems;
}

/** The declared views (deadline, attention, to-dos, board, ratio columns) against the kind's fields. */
function viewProblems(r: PluginResource, where: string, needField: (key: string, what: string) => void): string[] {
  const problems: string[] = [];
  const enumValues = (key: string | undefined, what: string, values: readonly string[]) => {
    const f = key ? findField(r.kind, key) : undefined;
    if (key && !f) return needField(key, what);
    if (!f) return problems.push(`${where}的${what}需要一个状态字段（status，或声明流程 workflow）`);
    if (f.type !== 'enum') return problems.push(`${where}的${what}字段“${f.label}”必须是单选项`);
    for (const v of values) if (!f.options.some((o) => o.value === v)) problems.push(`${where}的${what}使用了字段“${f.label}”没有的选项“${v}”`);
  };
  const dateField = (key: string, what: string) => {
    const f = findField(r.kind, key);
    if (!f) needField(key, what);
    else if (f.type !== 'date' && f.type !== 'datetime') problems.push(`${where}的${what}字段“${f.label}”必须是日期`);
  };
  const yesNoField = (key: string, what: string) => {
    const f = findField(r.kind, key);
    if (!f) needField(key, what);
    else if (f.type !== 'boolean') problems.push(`${where}的${what}字段“${f.label}”必须是是/否字段`);
  };
  if (r.deadline) {
    dateField(r.deadline.field, '期限');
    if (r.deadline.doneWhenFilled) needField(r.deadline.doneWhenFilled, '期限的完成字段');
    else enumValues(r.deadline.status ?? workflowOf(r)?.field, '期限的完成状态', r.deadline.doneWhen ?? []);
  }
  const conditions = (when: readonly AttentionCondition[], what: string) => {
    if (!when.length) problems.push(`${where}的${what}至少要有一个条件`);
    for (const c of when) {
      if ('before' in c) dateField(c.field, what);
      else if ('withinDays' in c) {
        dateField(c.field, what);
        if (!Number.isInteger(c.withinDays) || c.withinDays < 0) problems.push(`${where}的${what}的天数 withinDays 应为不小于 0 的整数，现为“${String(c.withinDays)}”`);
      } else if ('olderThanDays' in c) {
        dateField(c.field, what);
        if (!Number.isInteger(c.olderThanDays) || c.olderThanDays < 0) problems.push(`${where}的${what}的天数 olderThanDays 应为不小于 0 的整数，现为“${String(c.olderThanDays)}”`);
      } else if ('in' in c) enumValues(c.field, what, c.in);
      else if ('notIn' in c) enumValues(c.field, what, c.notIn);
      else if ('is' in c) yesNoField(c.field, what);
      else needField(c.field, what);
    }
  };
  for (const a of r.attention ?? []) {
    const what = `关注条件“${a.label}”`;
    if (!kebab.test(a.id) || a.id === 'overdue') problems.push(`${where}的${what}编号“${a.id}”应为 kebab-case 且不能是 overdue（期限专用）`);
    conditions(a.when, what);
  }
  const todoIds = new Set<string>();
  const attentionIds = attentionRulesOf(r).map((a) => a.id);
  for (const t of r.todos ?? []) {
    const what = `待办规则“${t.label ?? t.id}”`;
    if (!kebab.test(t.id) || todoIds.has(t.id)) problems.push(`${where}的${what}编号“${t.id}”应为 kebab-case 且不能重复`);
    todoIds.add(t.id);
    if (typeof t.when === 'string') {
      if (!attentionIds.includes(t.when)) problems.push(`${where}的${what}引用的关注条件“${t.when}”不存在（可用：${attentionIds.join('、') || '无'}）`);
    } else conditions(t.when, what);
    if (typeof t.when !== 'string' && !t.label) problems.push(`${where}的待办规则“${t.id}”自带条件时须有名称 label`);
    if (t.dueField) dateField(t.dueField, `${what}的到期日`);
    if (t.severity && !severities.includes(t.severity)) problems.push(`${where}的${what}的紧急程度“${String(t.severity)}”应为 ${severities.join('、')} 之一`);
  }
  if (r.board) {
    enumValues(r.board.groupBy, '看板分组', []);
    r.board.cardFields?.forEach((k) => needField(k, '看板卡片'));
  }
  const ratioIds = new Set<string>();
  for (const c of r.ratioColumns ?? []) {
    const what = `比率列“${c.label}”`;
    if (!kebab.test(c.id) || ratioIds.has(c.id)) problems.push(`${where}的${what}编号“${c.id}”应为 kebab-case 且不能重复`);
    ratioIds.add(c.id);
    for (const key of [c.numerator, c.denominator]) {
      const f = findField(r.kind, key);
      if (!f) needField(key, what);
      else if (!numberTypes.has(f.type)) problems.push(`${where}的${what}字段“${f.label}”必须是数值`);
    }
  }
  return problems;
}

/** A print form: a title, rows of one or two cells (a spanning cell alone), each field once. */
function printFormProblems(r: PluginResource, where: string, needField: (key: string, what: string) => void): string[] {
  const form = r.printForm!;
  const problems: string[] = [];
  const what = `打印表单“${form.title ?? ''}”`;
  if (!form.title?.trim()) problems.push(`${where}的打印表单缺少标题 title`);
  if (!Array.isArray(form.rows) || form.rows.length === 0) return [...problems, `${where}的${what}至少要有一行`];
  const seen = new Set<string>();
  form.rows.forEach((row, i) => {
    const cells = Array.isArray(row) ? row : [];
    const width = cells.reduce((n, c) => n + (typeof c === 'object' && c?.span === 2 ? 2 : 1), 0);
    if (cells.length === 0 || width > 2) problems.push(`${where}的${what}第 ${i + 1} 行应为一到两个字段（跨两栏的字段独占一行）`);
    for (const c of cells) {
      const key = typeof c === 'string' ? c : c?.field;
      if (typeof key !== 'string') {
        problems.push(`${where}的${what}第 ${i + 1} 行有无效的单元格`);
        continue;
      }
      needField(key, `${what}第 ${i + 1} 行`);
      if (seen.has(key)) problems.push(`${where}的${what}中字段“${key}”出现了两次`);
      seen.add(key);
    }
  });
  return problems;
}

/** Problems of one plugin value, in Chinese; empty when it is well-formed. */
export function pluginProblems(p: Partial<WorkAreaPlugin> | null | undefined): string[] {
  if (!p || typeof p !== 'object') return ['插件必须是一个对象（模块的默认导出）'];
  const problems: string[] = [];
  const name = `插件“${p.id ?? '?'}”`;
  if (typeof p.id !== 'string' || !kebab.test(p.id)) problems.push(`${name}的编号必须是 kebab-case（如 legal-aid）`);
  if (p.apiVersion !== pluginApiVersion) problems.push(`${name}的 apiVersion 为 ${String(p.apiVersion)}，本控制台支持 ${pluginApiVersion}`);
  if (!p.label) problems.push(`${name}缺少名称 label`);
  if (!p.area) problems.push(`${name}缺少工作领域 area`);
  if (!Array.isArray(p.resources) || p.resources.length === 0) problems.push(`${name}至少要声明一个资源`);
  else
    for (const r of p.resources) {
      if (!r || typeof r !== 'object' || !r.kind) {
        problems.push(`${name}：资源缺少记录类型 kind`);
        continue;
      }
      problems.push(...resourceProblems(r).map((m) => `${name}：${m}`));
      // The database grants by the kind's area: a plugin claiming another area would show buttons RLS refuses.
      if (p.area && r.kind.area !== p.area) problems.push(`${name}：资源“${r.kind.label}”属于领域“${r.kind.area}”，与插件领域“${p.area}”不一致`);
    }
  for (const w of p.dashboard ?? []) {
    if (w.type !== 'component' && !w.indicator) problems.push(`${name}：看板组件缺少指标编号`);
  }
  return problems;
}

/** Each resource of a plugin checked against its own kind's field keys. */
export type KindCheckedResources<Rs> = { readonly [I in keyof Rs]: Rs[I] extends { kind: infer K extends RecordKind } ? PluginResource<K> : PluginResource };

/**
 * Declares a plugin; throws at definition time when it is malformed. Each resource's field keys
 * are checked against its kind at compile time too (a misspelt column is a type error).
 */
export function definePlugin<const P extends WorkAreaPlugin>(plugin: P & { resources: KindCheckedResources<P['resources']> }): P {
  const problems = pluginProblems(plugin);
  if (problems.length) throw new Error(`插件定义有误：\n${problems.join('\n')}`);
  return Object.freeze(plugin);
}

/** One resource, its field keys typed from its kind: for resources declared apart from their plugin. */
export function defineResource<const K extends RecordKind>(resource: PluginResource<K>): PluginResource<K> {
  return resource;
}
