import type { RecordKindRegistry } from '@fazhi/domain';
import type { Catalog } from '@fazhi/metrics';
import { narrativeKeys, templateRequirements, type ReportTemplate, type TemplateBlock, type TemplateSection } from '@fazhi/report';
import type { FazhiExtension } from './extension.js';

/**
 * What a template asks of the model that the model cannot give: indicators no catalog entry
 * computes, record kinds no one declared, record lists over a field the kind does not have. Each
 * problem names who wrote it: the template (with its file when read from one) or the extension
 * whose report sections say it, so the message points at the file to fix.
 */
export function templateProblems(
  template: ReportTemplate,
  merged: ReportTemplate,
  source: string | undefined,
  extensions: readonly FazhiExtension[],
  registry: RecordKindRegistry,
  catalog: Catalog,
): string[] {
  const parts = [
    { owner: `报告模板“${template.label}”${source ? `（${source}）` : ''}`, template },
    ...extensions.filter((e) => e.reportSections?.length).map((e) => ({ owner: `扩展“${e.id}”的报告章节`, template: { ...template, preamble: [], sections: e.reportSections ?? [] } })),
  ];
  const indicatorIds = new Set(catalog.indicators.map((i) => i.id));
  const problems: string[] = [];
  for (const { owner, template: t } of parts) {
    const needs = templateRequirements(t);
    for (const id of needs.indicators) if (!indicatorIds.has(id)) problems.push(`${owner}引用了未知的指标“${id}”`);
    for (const id of needs.kinds) if (!registry.has(id)) problems.push(`${owner}引用了未知的记录类型“${id}”`);
    for (const { block, section } of recordLists(t)) problems.push(...recordListProblems(block, registry).map((p) => `${owner}的章节“${section}”：${p}`));
  }
  // One narrative file holds every key once: a plugin section must not reuse a key still in force.
  const keys = narrativeKeys(merged).map((k) => k.key);
  for (const key of new Set(keys.filter((k, i) => keys.indexOf(k) !== i))) {
    const owners = parts.filter((p) => narrativeKeys(p.template).some((k) => k.key === key)).map((p) => p.owner);
    problems.push(`叙述段落名“${key}”在合并插件章节后的报告模板中重复（${owners.join('、')}）`);
  }
  return problems;
}

type RecordList = Extract<TemplateBlock, { type: 'record-list' }>;

function recordLists(t: ReportTemplate): { block: RecordList; section: string }[] {
  const out: { block: RecordList; section: string }[] = [];
  const visit = (blocks: readonly TemplateBlock[], section: string) => blocks.forEach((b) => b.type === 'record-list' && out.push({ block: b, section }));
  const walk = (sections: readonly TemplateSection[]) =>
    sections.forEach((s) => {
      visit(s.blocks, s.id);
      walk(s.sections ?? []);
    });
  visit(t.preamble, '（开头）');
  walk(t.sections);
  return out;
}

/** A record list picks rows by a date field and words each by `{field}`s: both must be the kind's. */
function recordListProblems(b: RecordList, registry: RecordKindRegistry): string[] {
  if (!registry.has(b.kind)) return []; // reported once, as an unknown kind
  const kind = registry.get(b.kind);
  const problems: string[] = [];
  const date = kind.fields.find((f) => f.key === b.dateField);
  if (date?.type !== 'date') problems.push(`记录列表的 dateField“${b.dateField}”不是“${kind.label}”的日期字段`);
  for (const m of b.item.matchAll(/\{(\w+)\}/g)) {
    if (!kind.fields.some((f) => f.key === m[1])) problems.push(`记录列表的 item 引用了“${kind.label}”没有的字段“${m[1]!}”`);
  }
  return problems;
}
