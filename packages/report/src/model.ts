/**
 * The report model: what a renderer receives. Built from a template, indicator results and the
 * user's narrative by `buildReport`; renderers (Markdown, HTML, DOCX) only lay it out.
 */

/** A run of text inside a paragraph. A figure is text computed from an indicator. */
export type Inline =
  | { type: 'text'; text: string }
  | {
      type: 'figure';
      /** Indicator the figure is bound to, so a reader (or a test) can trace it back. */
      indicatorId: string;
      /** The rendered figure, e.g. 242宗, 560.22万元, 100%. */
      text: string;
      /** The exact value behind the text (null when the indicator has no value). */
      value: number | null;
      /** The text is an approximation of the value (240余宗), by the user's choice. */
      hedged?: boolean;
      /** A count behind a rate (`|num`, `|den`): `value` is that count, not the rate. */
      part?: 'numerator' | 'denominator';
    };

export type Block =
  /** A body paragraph: first-line indent of two characters in the 公文 layout. */
  | { type: 'paragraph'; inlines: Inline[] }
  /** Narrative the records cannot supply and the user has not written yet: shown highlighted. */
  | { type: 'missing'; text: string }
  | { type: 'table'; caption?: string; columns: string[]; rows: string[][] };

export interface Section {
  id: string;
  /** Full heading text including its ordinal, e.g. 一、… or （一）… */
  heading: string;
  /** 1: 黑体 heading (一、); 2: 楷体 heading (（一）); 3: bold run-in heading (1.). */
  level: 1 | 2 | 3;
  blocks: Block[];
  sections: Section[];
}

export interface ReportDocument {
  /** Title line, e.g. 南沙街道2024年法治政府建设年度报告. */
  title: string;
  orgName: string;
  /** e.g. 2024年 */
  periodLabel: string;
  /** Paragraphs between the title and the first heading. */
  preamble: Block[];
  sections: Section[];
  /** Closing signature block: issuing organisation and date, right-aligned. */
  signature?: { org: string; date: string };
  /**
   * 附件: named in the 附件 line under the body (附件：1. 主要指标统计表), printed after the
   * signature, each on a page of its own with 附件1 at its top left.
   */
  attachments?: Section[];
}

/** Plain text of a block's inlines. */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((i) => i.text).join('');
}
