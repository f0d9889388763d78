import { formatIndicator, type FigureOptions, type IndicatorComparison } from '@fazhi/metrics';
import type { AnyRecord, Period } from '@fazhi/domain';
import { monthDayLabel, periodLabel, periodRange } from '@fazhi/domain';
import { changeCell, changeClause } from './comparison-wording.js';
import type { Block, Inline, ReportDocument, Section } from './model.js';
import { emptyNarrative, type Narrative } from './narrative.js';
import { placeholderPattern, type ReportTemplate, type TemplateBlock, type TemplateSection } from './template.js';

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
  const figureOptions = (id: string): FigureOptions => {
    const hedge = narrative.hedge.get(id);
    return { ...(hedge ? { hedge } : {}), money: { trimZeros: template.figureDefaults?.moneyTrimZeros ?? false } };
  };

  const figureBlock = (text: string): Block[] => {
    const inlines: Inline[] = [];
    const missing: string[] = [];
    let last = 0;
    for (const m of text.matchAll(placeholderPattern)) {
      const [whole, name, modifier] = m as unknown as [string, string, string | undefined];
      if (m.index! > last) inlines.push({ type: 'text', text: text.slice(last, m.index) });
      last = m.index! + whole.length;
      if (!name.includes('.')) {
        inlines.push({ type: 'text', text: vars[name] ?? whole });
        continue;
      }
      const c = comparison(name);
      if (modifier === 'yoy') {
        inlines.push({ type: 'text', text: changeClause(c) });
        continue;
      }
      const result = modifier === 'prev' ? c.previous : c.current;
      if (!result) {
        // Last year's figure of a period that does not compare: the reason, never a number.
        inlines.push({ type: 'text', text: changeCell(c) });
        continue;
      }
      if (result.value === null) missing.push(result.indicator.label);
      inlines.push({ type: 'figure', indicatorId: name, value: result.value, text: formatIndicator(result.indicator, result.value, figureOptions(name)) });
    }
    if (last < text.length) inlines.push({ type: 'text', text: text.slice(last) });
    const blocks: Block[] = [{ type: 'paragraph', inlines }];
    if (missing.length) blocks.push({ type: 'missing', text: `【待核实】以下指标本期没有数据：${missing.join('、')}` });
    return blocks;
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
          if (!paragraphs?.length) return [{ type: 'missing', text: `【待补充】${fill(b.prompt)}（叙述文件段落：${b.key}）`, narrativeKey: b.key }];
          return paragraphs.map((p) => ({ type: 'paragraph', inlines: [{ type: 'text', text: fill(p) }], narrativeKey: b.key }));
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
                const fmt = (v: number | null) => formatIndicator(c.current.indicator, v, { money: { trimZeros: false } });
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

  return {
    title: fill(template.title),
    orgName,
    periodLabel: periodLabel(period),
    preamble: renderBlocks(template.preamble),
    sections: renderSections(template.sections, 1),
    ...(narrative.signature ? { signature: { org: narrative.signature, date: narrative.date ?? '' } } : {}),
  };
}
