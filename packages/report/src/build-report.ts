import { formatIndicator, formatNumber, type IndicatorComparison } from '@fazhi/metrics';
import type { AnyRecord, Period } from '@fazhi/domain';
import { monthDayLabel, periodLabel, periodRange } from '@fazhi/domain';
import { changeCell, changeClause } from './comparison-wording.js';
import { parseSentence, renderSentence, type ResolvedSlot } from './figure-sentence.js';
import { figureText, type FigureStyle } from './figure-text.js';
import type { FigureWording } from './hedged-wording.js';
import type { Block, Inline, ReportDocument, Section } from './model.js';
import { emptyNarrative, type Narrative } from './narrative.js';
import { type ReportTemplate, type TemplateBlock, type TemplateSection } from './template.js';

/** What a report needs from a backend: indicator comparisons and a few record lists, fetched up front. */
export interface ReportData {
  comparisons: ReadonlyMap<string, IndicatorComparison>;
  /** Records of the kinds `templateRequirements` names (soft-deleted ones are ignored). */
  records: ReadonlyMap<string, readonly AnyRecord[]>;
}

export interface BuildReportInput {
  template: ReportTemplate;
  /** Name used in the title and text, e.g. 南沙街道. */
  orgName: string;
  period: Period;
  data: ReportData;
  narrative?: Narrative;
  /**
   * Per indicator, how its figures read in running text: exact (242宗) or hedged (240余宗, 近百场,
   * always true of the exact value). The 附表 always shows exact figures. Unset: the narrative
   * file's 余/多/超/近 for that indicator, else exact.
   */
  wording?: Readonly<Record<string, FigureWording>>;
}

const level1 = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

function ordinal(level: number, n: number): string {
  const cn = level1[n - 1] ?? String(n);
  if (level === 1) return `${cn}、`;
  if (level === 2) return `（${cn}）`;
  return `${n}. `;
}

export class ReportBuildError extends Error {}

/** Turns a template, precomputed figures and the user's narrative into a report document. */
export function buildReport(input: BuildReportInput): ReportDocument {
  const { template, orgName, period, data } = input;
  const narrative = input.narrative ?? emptyNarrative;
  const year = period.year;
  const vars: Record<string, string> = { year: String(year), prevYear: String(year - 1), nextYear: String(year + 1), org: orgName };
  const fill = (text: string) => text.replace(/\{(year|prevYear|nextYear|org)\}/g, (_, k: string) => vars[k]!);

  const comparison = (id: string): IndicatorComparison => {
    const c = data.comparisons.get(id);
    if (!c) throw new ReportBuildError(`报告模板引用的指标“${id}”没有计算结果`);
    return c;
  };
  const style: FigureStyle = { moneyTrimZeros: template.figureDefaults?.moneyTrimZeros ?? true };
  /** A figure in running text: the user's choice of wording, else a narrative file's 余/多/超/近, else exact. */
  const textFigure = (id: string, value: number | null, c: IndicatorComparison): { text: string; hedged: boolean } => {
    const chosen = input.wording?.[id];
    const styled = narrative.hedge.get(id);
    const exact = figureText(c.current.indicator, value, style);
    const text =
      chosen === undefined && styled !== undefined
        ? formatIndicator(c.current.indicator, value, { hedge: styled, money: { trimZeros: style.moneyTrimZeros } })
        : figureText(c.current.indicator, value, style, chosen ?? 'exact');
    return { text, hedged: text !== exact };
  };

  const resolve = (name: string, modifier?: string): ResolvedSlot => {
    if (!name.includes('.')) return { inline: { type: 'text', text: vars[name] ?? `{${name}}` } };
    const c = comparison(name);
    if (modifier === 'yoy') return { inline: { type: 'text', text: changeClause(c) } };
    if (modifier === 'num' || modifier === 'den') return rateCount(name, c, modifier);
    const result = modifier === 'prev' ? c.previous : c.current;
    // Last year's figure of a period that does not compare: the reason, never a number.
    if (!result) return { inline: { type: 'text', text: changeCell(c) } };
    const { text, hedged } = textFigure(name, result.value, c);
    const inline: Inline = { type: 'figure', indicatorId: name, value: result.value, text, ...(hedged ? { hedged } : {}) };
    return modifier === 'prev' ? { inline } : { inline, figure: { value: result.value, label: result.indicator.label, rate: result.indicator.valueType === 'percent' } };
  };

  /** `{rate|num}`, `{rate|den}`: the count a rate divides, as a bare number beside which the template writes the unit. */
  const rateCount = (name: string, c: IndicatorComparison, modifier: 'num' | 'den'): ResolvedSlot => {
    const indicator = c.current.indicator;
    const measure = modifier === 'num' ? c.current.numerator : c.current.denominator;
    if (!measure || indicator.denominator === undefined) throw new ReportBuildError(`报告模板中的“{${name}|${modifier}}”：指标“${indicator.label}”不是比率，没有分子和分母`);
    const value = measure.value;
    const part = modifier === 'num' ? 'numerator' : 'denominator';
    const label = `${indicator.label}的${modifier === 'num' ? '分子' : '分母'}`;
    return {
      inline: { type: 'figure', indicatorId: name, value, part, text: value === null ? '—' : formatNumber(value, 0) },
      figure: { value, label, rate: false },
    };
  };

  const figureBlock = (text: string): Block[] => {
    const result = renderSentence(parseSentence(text), resolve);
    switch (result.type) {
      case 'sentence':
        return [{ type: 'paragraph', inlines: result.inlines }];
      case 'omitted':
        return [];
      case 'unready':
        return [{ type: 'missing', text: `【待核实】以下指标本期没有数据，相关语句暂不生成：${result.missing.join('、')}` }];
    }
  };

  const range = periodRange(period);
  const recordList = (b: Extract<TemplateBlock, { type: 'record-list' }>): Block => {
    const rows = (data.records.get(b.kind) ?? []).filter((r) => {
      const d = r[b.dateField] as string | null;
      return !r.deletedAt && d != null && d >= range.start && d < range.end;
    });
    rows.sort((a, c) => String(a[b.dateField]).localeCompare(String(c[b.dateField])));
    if (!rows.length) return { type: 'paragraph', inlines: [{ type: 'text', text: fill(b.empty ?? '') }] };
    const items = rows.map((r) => b.item.replace(/\{(\w+)\}/g, (_, k: string) => String(r[k] ?? '')));
    // Quotes inside a quoted title become single quotes: “…‘枫桥经验’…”.
    const quoted = items.map((x) => `“${x.replace(/“/g, '‘').replace(/”/g, '’')}”`);
    return { type: 'paragraph', inlines: [{ type: 'text', text: `${fill(b.intro)}${quoted.join('、')}${fill(b.outro)}` }] };
  };

  const renderBlocks = (blocks: readonly TemplateBlock[]): Block[] =>
    blocks.flatMap((b): Block[] => {
      switch (b.type) {
        case 'figures':
          return figureBlock(fill(b.text));
        case 'narrative': {
          const paragraphs = narrative.sections.get(b.key);
          if (!paragraphs?.length) return [{ type: 'missing', text: `【待补充】${fill(b.prompt)}（叙述文件段落：${b.key}）` }];
          return paragraphs.map((p) => ({ type: 'paragraph', inlines: [{ type: 'text', text: fill(p) }] }));
        }
        case 'record-list':
          return [recordList(b)];
        case 'indicator-table': {
          const comparisons = b.indicators.map(comparison);
          // A running year is shown to its last counted day, and so is last year's column.
          const asOf = comparisons.find((c) => c.basis.asOf)?.basis.asOf;
          const through = asOf ? `（截至${monthDayLabel(asOf)}）` : '';
          return [
            {
              type: 'table',
              caption: fill(b.caption),
              columns: ['指标', `${year}年${through}`, `${year - 1}年${asOf ? '同期' : ''}`, '同比'],
              rows: comparisons.map((c) => {
                const fmt = (v: number | null) => figureText(c.current.indicator, v, style);
                return [c.current.indicator.label, fmt(c.current.value), c.previous ? fmt(c.previous.value) : '—', changeCell(c)];
              }),
            },
          ];
        }
      }
    });

  const renderSections = (sections: readonly TemplateSection[], level: 1 | 2 | 3): Section[] => {
    let n = 0;
    return sections.map((s) => ({
      id: s.id,
      heading: `${s.unnumbered ? '' : ordinal(level, ++n)}${fill(s.heading)}`,
      level,
      blocks: renderBlocks(s.blocks),
      sections: renderSections(s.sections ?? [], Math.min(level + 1, 3) as 1 | 2 | 3),
    }));
  };

  // Attachments are numbered among themselves (附件1, 附件2), the body's parts among themselves.
  const body = template.sections.filter((s) => !s.attachment);
  const attachments = template.sections.filter((s) => s.attachment);
  return {
    title: fill(template.title),
    orgName,
    periodLabel: periodLabel(period),
    preamble: renderBlocks(template.preamble),
    sections: renderSections(body, 1),
    ...(narrative.signature ? { signature: { org: narrative.signature, date: narrative.date ?? '' } } : {}),
    ...(attachments.length ? { attachments: renderSections(attachments, 1) } : {}),
  };
}
