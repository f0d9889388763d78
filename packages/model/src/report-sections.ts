import type { ReportTemplate, TemplateSection } from '@fazhi/report';
import type { ReportSectionContribution } from './extension.js';

/**
 * Merges extensions' report sections into the template in force, by the one documented rule:
 * a section whose id equals one of the template's (at any depth) replaces it where it stands;
 * otherwise it is appended to the section named by `parent` (at any depth), or after the last
 * top-level section when it has no parent. An unknown `parent` is a problem, not a silent move.
 * Contributions apply in order, so a later extension may replace an earlier one's section.
 */
export function mergeReportSections(
  template: ReportTemplate,
  contributions: readonly ReportSectionContribution[],
  problems: string[] = [],
): ReportTemplate {
  let sections: readonly TemplateSection[] = template.sections;
  for (const { parent, ...section } of contributions) {
    const replaced = replaceById(sections, section);
    if (replaced) sections = replaced;
    else if (parent === undefined) sections = [...sections, section];
    else {
      const appended = appendTo(sections, parent, section);
      if (appended) sections = appended;
      else problems.push(`报告章节“${section.heading}”（${section.id}）的上级章节“${parent}”在报告模板“${template.label}”中不存在`);
    }
  }
  return { ...template, sections };
}

function replaceById(sections: readonly TemplateSection[], section: TemplateSection): TemplateSection[] | null {
  let hit = false;
  const walk = (list: readonly TemplateSection[]): TemplateSection[] =>
    list.map((s) => {
      if (s.id === section.id) {
        hit = true;
        return section;
      }
      return s.sections ? { ...s, sections: walk(s.sections) } : s;
    });
  const out = walk(sections);
  return hit ? out : null;
}

function appendTo(sections: readonly TemplateSection[], parent: string, section: TemplateSection): TemplateSection[] | null {
  let hit = false;
  const walk = (list: readonly TemplateSection[]): TemplateSection[] =>
    list.map((s) => {
      if (s.id === parent) {
        hit = true;
        return { ...s, sections: [...(s.sections ?? []), section] };
      }
      return s.sections ? { ...s, sections: walk(s.sections) } : s;
    });
  const out = walk(sections);
  return hit ? out : null;
}
