import type { FieldDef, RecordKind, Workflow } from '@fazhi/domain';
import type { Catalog } from '@fazhi/metrics';
import type { WorkAreaPlugin } from './plugin.js';

/**
 * English mode's words for the units declared in Chinese (field `unit`, measures' and indicators'
 * `unit`, roster columns): what follows a number in English. An empty string means the number
 * stands alone (个, 件: a measure word English does not need).
 */
export const unitsEn: Readonly<Record<string, string>> = {
  人: 'people',
  名: 'people',
  人次: 'attendances',
  个: '',
  件: '',
  条: '',
  家: '',
  宗: 'cases',
  次: 'times',
  场次: 'sessions',
  项: 'items',
  份: 'copies',
  期: 'issues',
  元: 'yuan',
  小时: 'hours',
  学时: 'hours',
  平方米: 'm²',
  '%': '%',
};

const han = /\p{Script=Han}/u;

/**
 * Where a plugin's declarations lack English: one entry per Chinese text without its English twin
 * (`labelEn`, `titleEn`, `menuGroupEn`), named by where it is. Covers the plugin's own texts and
 * the kinds its resources show (fields, options, workflow steps, units); the catalog has its own
 * check (`catalogEnglishGaps`). Empty when English mode can show the plugin whole.
 */
export function englishGaps(plugin: WorkAreaPlugin): string[] {
  const gaps: string[] = [];
  const need = (where: string, zh: string | undefined, en: string | undefined) => {
    if (zh && han.test(zh) && !en) gaps.push(`${where}“${zh}”`);
  };
  const p = `插件“${plugin.id}”`;
  need(`${p}的名称`, plugin.label, plugin.labelEn);
  need(`${p}的菜单组`, plugin.menuGroup, plugin.menuGroupEn);
  for (const r of plugin.resources) {
    const where = `${p}的资源“${r.kind.id}”`;
    gaps.push(...kindEnglishGaps(r.kind));
    for (const s of r.formSections ?? []) need(`${where}的表单分组`, s.title, s.titleEn);
    for (const a of r.attachments ?? []) need(`${where}的附件`, a.label, a.labelEn);
    if (r.deadline) need(`${where}的期限提示`, r.deadline.label, r.deadline.labelEn);
    for (const a of r.attention ?? []) need(`${where}的提示`, a.label, a.labelEn);
    for (const c of r.relatedSums ?? []) {
      need(`${where}的汇总列`, c.label, c.labelEn);
      if (c.unit) needUnit(gaps, `${where}的汇总列“${c.label}”`, c.unit);
    }
    for (const c of r.ratioColumns ?? []) need(`${where}的比率列`, c.label, c.labelEn);
    if (r.workflow && r.workflow !== r.kind.workflow) gaps.push(...workflowGaps(`${where}的流程`, r.workflow));
  }
  for (const w of plugin.dashboard ?? []) if (w.type !== 'indicator-card') need(`${p}的看板图表`, w.title, w.titleEn);
  for (const g of plugin.indicatorGroups ?? []) need(`${p}的指标组`, g.label, g.labelEn);
  for (const key of Object.keys(plugin.messages?.['zh-CN'] ?? {})) if (plugin.messages?.en?.[key] === undefined) gaps.push(`${p}的界面文字“${key}”`);
  return gaps;
}

/** Where a record kind lacks English: its name, fields, their options and descriptions, units, workflow steps. */
export function kindEnglishGaps(kind: RecordKind): string[] {
  const gaps: string[] = [];
  const k = `记录类型“${kind.id}”`;
  if (!kind.labelEn) gaps.push(`${k}的名称“${kind.label}”`);
  for (const f of kind.fields) gaps.push(...fieldGaps(`${k}的字段“${f.key}”`, f));
  if (kind.workflow) gaps.push(...workflowGaps(`${k}的流程`, kind.workflow));
  return gaps;
}

function fieldGaps(where: string, f: FieldDef): string[] {
  const gaps: string[] = [];
  if (!f.labelEn) gaps.push(`${where}的名称“${f.label}”`);
  if (f.description && han.test(f.description) && !f.descriptionEn) gaps.push(`${where}的说明“${f.description}”`);
  if (f.unit) needUnit(gaps, where, f.unit);
  if (f.type === 'enum' || f.type === 'enum-set') for (const o of f.options) if (!o.labelEn && han.test(o.label)) gaps.push(`${where}的选项“${o.label}”`);
  return gaps;
}

function workflowGaps(where: string, wf: Workflow): string[] {
  return wf.transitions.flatMap((t) => [
    ...(t.labelEn ? [] : [`${where}步骤“${t.label}”`]),
    ...(t.requiresAttachments ?? []).filter((a) => !a.labelEn).map((a) => `${where}步骤“${t.label}”所需附件“${a.label}”`),
  ]);
}

function needUnit(gaps: string[], where: string, unit: string) {
  if (han.test(unit) && unitsEn[unit] === undefined) gaps.push(`${where}的单位“${unit}”（unitsEn 中没有）`);
}

/** Where the catalog lacks English: measures' and indicators' names and units. */
export function catalogEnglishGaps(catalog: Catalog): string[] {
  const gaps: string[] = [];
  for (const [what, list] of [['度量', catalog.measures], ['指标', catalog.indicators]] as const) {
    for (const d of list) {
      if (!d.labelEn) gaps.push(`${what}“${d.id}”的名称“${d.label}”`);
      needUnit(gaps, `${what}“${d.id}”`, d.unit);
    }
  }
  return gaps;
}
