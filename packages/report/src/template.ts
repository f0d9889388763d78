/**
 * Report templates are data: sections with blocks whose sentences carry `{indicator.id}`
 * placeholders. Ordinals (一、 （一） 1.) are added when the report is built, so inserting a
 * section never means renumbering by hand.
 */
export type TemplateBlock =
  /**
   * A sentence bound to indicators. Placeholders: `{indicator.id}` (the figure), `{indicator.id|yoy}`
   * (同比 wording), `{indicator.id|prev}` (last year's figure), `{rate.id|num}` and `{rate.id|den}`
   * (the counts a rate divides, as a bare number: the template writes their unit), and `{year}`,
   * `{prevYear}`, `{nextYear}`, `{org}`. Parts in `[…]` are optional (see figure-sentence.ts).
   */
  | { type: 'figures'; text: string }
  /** Text the user writes in the narrative file under `## key`; a visible placeholder when absent. */
  | { type: 'narrative'; key: string; prompt: string }
  /** One sentence listing records of the period, e.g. honours: `intro` + items joined by 、 + `outro`. */
  | { type: 'record-list'; kind: string; dateField: string; item: string; intro: string; outro: string; empty?: string }
  /** A table of indicators with this year, last year and the change. */
  | { type: 'indicator-table'; caption: string; indicators: readonly string[] };

export interface TemplateSection {
  id: string;
  /** Heading without its ordinal; may use `{year}`, `{nextYear}` … */
  heading: string;
  blocks: readonly TemplateBlock[];
  sections?: readonly TemplateSection[];
  /** Appendix-style sections carry no ordinal. */
  unnumbered?: boolean;
  /**
   * A 附件 (GB/T 9704 7.3.3): named in a 附件 line under the body, printed after the 署名 and
   * 成文日期 on a page of its own. Only top-level sections can be attachments.
   */
  attachment?: boolean;
}

export interface ReportTemplate {
  id: string;
  label: string;
  /** e.g. `{org}{year}年法治政府建设情况报告` */
  title: string;
  preamble: readonly TemplateBlock[];
  sections: readonly TemplateSection[];
  /** Rendering defaults for figures, e.g. money without trailing zeros. */
  figureDefaults?: { moneyTrimZeros?: boolean };
}

const placeholder = /\{([a-zA-Z_][\w.]*)(?:\|(\w+))?\}/g;

/** The indicator ids and record kinds a template needs, so a backend can fetch them up front. */
export function templateRequirements(t: ReportTemplate): { indicators: string[]; kinds: string[] } {
  const indicators = new Set<string>();
  const kinds = new Set<string>();
  const visit = (blocks: readonly TemplateBlock[]) => {
    for (const b of blocks) {
      if (b.type === 'figures') for (const m of b.text.matchAll(placeholder)) if (m[1]!.includes('.')) indicators.add(m[1]!);
      if (b.type === 'indicator-table') b.indicators.forEach((i) => indicators.add(i));
      if (b.type === 'record-list') kinds.add(b.kind);
    }
  };
  const walk = (sections: readonly TemplateSection[]) =>
    sections.forEach((s) => {
      visit(s.blocks);
      walk(s.sections ?? []);
    });
  visit(t.preamble);
  walk(t.sections);
  return { indicators: [...indicators], kinds: [...kinds] };
}

/** Every narrative key of a template with its prompt, e.g. to create a blank narrative file. */
export function narrativeKeys(t: ReportTemplate): { key: string; prompt: string }[] {
  const out: { key: string; prompt: string }[] = [];
  const visit = (blocks: readonly TemplateBlock[]) => blocks.forEach((b) => b.type === 'narrative' && out.push({ key: b.key, prompt: b.prompt }));
  const walk = (sections: readonly TemplateSection[]) =>
    sections.forEach((s) => {
      visit(s.blocks);
      walk(s.sections ?? []);
    });
  visit(t.preamble);
  walk(t.sections);
  return out;
}

export { placeholder as placeholderPattern };
