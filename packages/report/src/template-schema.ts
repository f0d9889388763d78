import { z } from 'zod';
import type { ReportTemplate, TemplateBlock, TemplateSection } from './template.js';

/**
 * The report template file format (JSON, or a module default-exporting the same value), checked
 * by one zod schema. Unknown keys are refused so a misspelt key (`heding`) is an error naming its
 * path rather than a silently missing heading. docs/configuration.md documents the format.
 */

const text = z.string().min(1);

/** Names usable in `{…}` outside indicator ids: the period and the org. */
export const templateVariables = ['year', 'prevYear', 'nextYear', 'org'] as const;
/** `{indicator.id|modifier}`: 同比 wording, last year's figure, a rate's numerator or denominator. */
export const placeholderModifiers = ['yoy', 'prev', 'num', 'den'] as const;

/** Why a `{…}` in a sentence cannot be filled, or null when it can. */
function placeholderProblem(inner: string, figures: boolean): string | null {
  const m = /^([a-zA-Z_][\w.]*)(?:\|(\w+))?$/.exec(inner);
  if (!m) return `占位符“{${inner}}”的写法无效`;
  const [, name, modifier] = m as unknown as [string, string, string | undefined];
  const isIndicator = name.includes('.');
  if (isIndicator && !figures) return `占位符“{${inner}}”：这里只能用 ${templateVariables.map((v) => `{${v}}`).join('、')}`;
  if (!isIndicator && !(templateVariables as readonly string[]).includes(name)) {
    return `未知的占位符“{${inner}}”：可用 ${templateVariables.map((v) => `{${v}}`).join('、')} 或指标编号如 {mediation.successful_cases}`;
  }
  if (modifier !== undefined && !isIndicator) return `占位符“{${inner}}”：|${modifier} 只能跟在指标编号后`;
  if (modifier !== undefined && !(placeholderModifiers as readonly string[]).includes(modifier)) {
    return `占位符“{${inner}}”的修饰“|${modifier}”无效：指标后只能跟 |yoy（同比）、|prev（上年数）、|num（比率的分子）或 |den（比率的分母）`;
  }
  return null;
}

/** A string whose `{…}` placeholders are all well formed; `figures` allows indicator ids. */
const sentence = (figures: boolean, base: z.ZodString = text) =>
  base.superRefine((value, ctx) => {
    for (const m of value.matchAll(/\{([^{}]*)\}/g)) {
      const problem = placeholderProblem(m[1]!, figures);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }
    if (/[{}]/.test(value.replace(/\{[^{}]*\}/g, ''))) ctx.addIssue({ code: 'custom', message: '有不成对的花括号“{”或“}”' });
    if (figures && !bracketsBalanced(value)) ctx.addIssue({ code: 'custom', message: '可省略部分的方括号“[”“]”不成对' });
  });

/** `[…]` marks optional parts of a figures sentence; they may nest but must pair up. */
function bracketsBalanced(value: string): boolean {
  let depth = 0;
  for (const ch of value.replace(/\{[^{}]*\}/g, '')) {
    if (ch === '[') depth++;
    else if (ch === ']' && --depth < 0) return false;
  }
  return depth === 0;
}

/** Text around a record list: may be empty, may use `{year}` and the like. */
const phrase = sentence(false, z.string());

const indicatorId = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, '应为指标编号，如 mediation.successful_cases');

const block = z.discriminatedUnion('type', [
  z
    .strictObject({ type: z.literal('figures'), text: sentence(true) })
    .describe('一句带数字的话。占位符：{指标编号}（本期数）、{指标编号|yoy}（同比）、{指标编号|prev}（上年数）、{比率编号|num}/{比率编号|den}（比率的分子/分母）、{year}、{prevYear}、{nextYear}、{org}；[…] 中的部分在其数字为零或不适用时省略'),
  z
    .strictObject({ type: z.literal('narrative'), key: z.string().regex(/^\S+$/, '应为不含空格的段落名，如 problems'), prompt: sentence(false) })
    .describe('叙述文件中“## key”之下的段落；缺少时显示【待补充】和 prompt'),
  z
    .strictObject({
      type: z.literal('record-list'),
      kind: text,
      dateField: text,
      /** `{field}` placeholders name the record's fields (checked against the kind by composition). */
      item: text,
      intro: phrase,
      outro: phrase,
      empty: phrase.optional(),
    })
    .describe('列出本期某类记录的一句话：intro + “item”、“item” + outro（没有记录时为 empty）；item 中 {字段} 为记录的字段'),
  z
    .strictObject({ type: z.literal('indicator-table'), caption: sentence(false), indicators: z.array(indicatorId).min(1) })
    .describe('指标表：本年、上年和同比'),
]);

const kebabId = (example: string) => z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, `应为 kebab-case 的编号，如 ${example}`);

const sectionId = kebabId('legal-services').describe('kebab-case，在整个模板中唯一；插件的报告章节按编号替换章节或挂在其下');

const section: z.ZodType<TemplateSection> = z.lazy(() =>
  z
    .strictObject({
      id: sectionId,
      heading: sentence(false),
      blocks: z.array(block),
      sections: z.array(section).optional(),
      unnumbered: z.boolean().optional().describe('附表一类不编序号的章节'),
      attachment: z.boolean().optional().describe('附件：正文下写附件说明，在署名和成文日期之后另页排印（仅限第一级章节）'),
    })
    .describe('章节；标题不写序号（一、（一）1. 生成报告时自动添加），可用 {year}、{nextYear} 等'),
);

export const reportTemplateSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: kebabId('street-annual'),
    label: text,
    title: sentence(false),
    preamble: z.array(block),
    sections: z.array(section),
    figureDefaults: z.strictObject({ moneyTrimZeros: z.boolean().optional() }).optional(),
  })
  .superRefine((t, ctx) => {
    // Section ids are what plugins' report sections replace or attach to: each must name one section.
    // Narrative keys are the `## key` headings of one narrative file, where a key may appear once.
    const ids = new Set<string>();
    const keys = new Map<string, string>();
    const blocks = (list: readonly TemplateBlock[], path: (string | number)[]) =>
      list.forEach((b, i) => {
        if (b.type !== 'narrative') return;
        const first = keys.get(b.key);
        if (first) ctx.addIssue({ code: 'custom', path: [...path, i, 'key'], message: `叙述段落名“${b.key}”重复（已用于 ${first}）` });
        else keys.set(b.key, templatePath([...path, i]));
      });
    const walk = (list: readonly TemplateSection[], path: (string | number)[]) =>
      list.forEach((s, i) => {
        if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `章节编号“${s.id}”重复` });
        ids.add(s.id);
        if (s.attachment && path.length > 1) ctx.addIssue({ code: 'custom', path: [...path, i, 'attachment'], message: '附件只能是第一级章节' });
        blocks(s.blocks, [...path, i, 'blocks']);
        walk(s.sections ?? [], [...path, i, 'sections']);
      });
    blocks(t.preamble, ['preamble']);
    walk(t.sections, ['sections']);
  });

/** The format as JSON Schema, for editors (`$schema` in a template file); shipped as report-template.schema.json. */
export function reportTemplateJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(reportTemplateSchema, { target: 'draft-2020-12', unrepresentable: 'any' }),
    title: 'fazhi 报告模板 (report template)',
  };
}

/** `sections[2].blocks[0].text`: the path of a value inside the template file. */
export function templatePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, k) => (typeof k === 'number' ? `${out}[${k}]` : out ? `${out}.${String(k)}` : String(k)), '') || '（整个模板）';
}

const typeNames: Record<string, string> = { string: '文字', number: '数字', boolean: '布尔值（true 或 false）', array: '数组', object: '对象' };

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `缺少必填项（应为${typeNames[issue.expected] ?? issue.expected}）` : `应为${typeNames[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return issue.origin === 'array' ? `至少要有 ${String(issue.minimum)} 项` : '不能为空';
    case 'unrecognized_keys':
      return `未知的项 ${issue.keys.map((k) => `“${k}”`).join('、')}`;
    case 'invalid_union':
      return '块的类型 type 应为 figures、narrative、record-list 或 indicator-table';
    case 'invalid_value':
      return `应为 ${issue.values.map((v) => JSON.stringify(v)).join('、')}`;
    default:
      return issue.message;
  }
}

/** The template file has problems; `problems` names each by its path inside the file, in Chinese. */
export class ReportTemplateError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`报告模板“${source}”有 ${problems.length} 处错误：\n${problems.join('\n')}`);
    this.name = 'ReportTemplateError';
  }
}

/**
 * Checks a template read from a file (`source` names it in messages) and returns it typed; throws
 * `ReportTemplateError` listing every problem by path, e.g. `sections[2].blocks[0].text：…`.
 * Indicator ids and record kinds are checked later, against the composed model's catalog.
 */
export function parseReportTemplate(value: unknown, source: string): ReportTemplate {
  const res = reportTemplateSchema.safeParse(value, { reportInput: true });
  if (res.success) {
    const { $schema: _ignored, ...template } = res.data;
    return template as ReportTemplate;
  }
  throw new ReportTemplateError(
    source,
    res.error.issues.map((i) => `${templatePath(i.path)}：${issueMessage(i)}`),
  );
}
