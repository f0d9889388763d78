import type { OrgUnitKind } from '@fazhi/domain';
import { figuresAppendix, honoursList, legalAidFigures, mediationFigures, plansSection, problemsAndCauses, publicityFigures } from './annual-template-pieces.js';
import { streetAnnualTemplate } from './street-annual-template.js';
import type { ReportTemplate } from './template.js';

/**
 * The annual report of a unit below the street: a 社区 (residents' committee) or 村 (villagers'
 * committee). These are self-governing bodies, not government: they neither decide nor enforce, so
 * the report covers what they do — 矛盾纠纷调解, 普法, 法律顾问 and 法律服务 at the door, 民主法治
 * 创建 — and is titled 法治建设工作情况, not 法治政府建设. Section ids match the street template where
 * the subject is the same, so a plugin's section for that subject fits both.
 */
export const communityAnnualTemplate: ReportTemplate = {
  id: 'community-annual',
  label: '村（社区）法治建设年度工作报告',
  title: '{org}{year}年法治建设工作情况报告',
  figureDefaults: { moneyTrimZeros: true },
  preamble: [{ type: 'narrative', key: 'preamble', prompt: '用一段话概述本年度村（社区）法治建设的总体情况，末句引出下文。' }],
  sections: [
    {
      id: 'achievements',
      heading: '{year}年法治建设的主要工作',
      blocks: [],
      sections: [
        {
          id: 'mediation',
          heading: '就地化解矛盾纠纷',
          blocks: [
            { type: 'narrative', key: 'mediation', prompt: '写明调解委员会排查化解纠纷的做法和典型事例。' },
            ...mediationFigures('{org}人民调解委员会'),
          ],
        },
        {
          id: 'legal-services',
          heading: '把法律服务送到家门口',
          blocks: [
            { type: 'narrative', key: 'legal_services', prompt: '写明村（居）法律顾问坐班、法律咨询和法律援助转介的做法。' },
            {
              type: 'figures',
              text: '全年[村（居）法律顾问坐班值班{legality_review.counsel_duty_shifts}]，[接待群众法律咨询{public_legal_service.consultations}]。',
            },
            legalAidFigures,
          ],
        },
        {
          id: 'publicity',
          heading: '开展群众身边的普法活动',
          blocks: [
            { type: 'narrative', key: 'publicity', prompt: '写明普法的重点内容、对象和形式。' },
            publicityFigures('[发放宣传资料{publicity.materials_distributed}]'),
          ],
        },
        {
          id: 'democracy',
          heading: '推进民主法治建设',
          blocks: [
            { type: 'narrative', key: 'democracy', prompt: '写明村（居）民自治、村规民约（居民公约）修订和民主法治示范创建情况。' },
            honoursList('本年度获评', ''),
          ],
        },
      ],
    },
    problemsAndCauses,
    plansSection('{nextYear}年工作打算'),
    figuresAppendix('主要工作数据', '{org}{year}年法治建设主要数据', [
      'mediation.accepted_cases',
      'mediation.successful_cases',
      'mediation.success_rate',
      'mediation.successful_amount',
      'legality_review.counsel_duty_shifts',
      'public_legal_service.consultations',
      'legal_aid.accepted_applications',
      'publicity.events',
      'publicity.audience',
    ]),
  ],
};

/** The built-in template that fits a unit: the community one below the street, else the street one. */
export function defaultTemplateFor(kind: OrgUnitKind): ReportTemplate {
  return kind === 'community' || kind === 'village' ? communityAnnualTemplate : streetAnnualTemplate;
}
