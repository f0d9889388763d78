import type { OrgUnitKind } from '@fazhi/domain';
import { defaultTemplateFor, streetAnnualTemplate, type ReportTemplate } from '@fazhi/report';
import type { FazhiModel } from './compose.js';
import { mergeReportSections } from './report-sections.js';

/**
 * The template a unit's report uses when the unit has saved none of its own: the model's, unless
 * that is the built-in street template and the unit sits below the street (社区, 村), which then
 * gets the built-in template that fits it, with the extensions' sections merged in as the model's
 * were. A template chosen by the configuration or `--template` is kept for every unit.
 */
export function templateForUnit(model: Pick<FazhiModel, 'template' | 'extensions'>, kind: OrgUnitKind): ReportTemplate {
  const fitting = defaultTemplateFor(kind);
  if (fitting === streetAnnualTemplate || model.template.id !== streetAnnualTemplate.id) return model.template;
  return mergeReportSections(fitting, model.extensions.flatMap((e) => e.reportSections ?? []));
}
