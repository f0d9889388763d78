import type { OrgUnitKind } from '@fazhi/domain';
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
            {
              type: 'figures',
              text: '全年，{org}人民调解委员会成功调处矛盾纠纷{mediation.successful_cases}（{mediation.successful_cases|yoy}）[，涉及当事人{mediation.successful_parties}][，涉及金额{mediation.successful_amount}]。',
            },
            {
              type: 'figures',
              text: '年内新受理的矛盾纠纷{mediation.accepted_cases}[，其中已调解成功{mediation.success_rate|num}宗，调解成功率为{mediation.success_rate}]。',
            },
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
            { type: 'figures', text: '全年受理法律援助申请{legal_aid.accepted_applications}[，涉及金额{legal_aid.accepted_amount}]。' },
          ],
        },
        {
          id: 'publicity',
          heading: '开展群众身边的普法活动',
          blocks: [
            { type: 'narrative', key: 'publicity', prompt: '写明普法的重点内容、对象和形式。' },
            { type: 'figures', text: '全年[组织法治宣传活动{publicity.events}[，参与群众{publicity.audience}]]，[发放宣传资料{publicity.materials_distributed}]。' },
          ],
        },
        {
          id: 'democracy',
          heading: '推进民主法治建设',
          blocks: [
            { type: 'narrative', key: 'democracy', prompt: '写明村（居）民自治、村规民约（居民公约）修订和民主法治示范创建情况。' },
            { type: 'record-list', kind: 'honours', dateField: 'awardedOn', item: '{title}', intro: '本年度获评', outro: '。', empty: '' },
          ],
        },
      ],
    },
    {
      id: 'problems',
      heading: '存在的不足和原因',
      blocks: [
        { type: 'narrative', key: 'problems', prompt: '逐条写明存在的不足（一是、二是……）。' },
        { type: 'narrative', key: 'causes', prompt: '分析产生上述不足的原因。' },
      ],
    },
    {
      id: 'plans',
      heading: '{nextYear}年工作打算',
      blocks: [{ type: 'narrative', key: 'plans', prompt: '逐条写明下一年度的工作打算。' }],
    },
    {
      id: 'appendix',
      heading: '主要工作数据',
      unnumbered: true,
      attachment: true,
      blocks: [
        {
          type: 'indicator-table',
          caption: '{org}{year}年法治建设主要数据',
          indicators: [
            'mediation.accepted_cases',
            'mediation.successful_cases',
            'mediation.success_rate',
            'mediation.successful_amount',
            'legality_review.counsel_duty_shifts',
            'public_legal_service.consultations',
            'legal_aid.accepted_applications',
            'publicity.events',
            'publicity.audience',
          ],
        },
      ],
    },
  ],
};

/** The built-in template that fits a unit: the community one below the street, else the street one. */
export function defaultTemplateFor(kind: OrgUnitKind): ReportTemplate {
  return kind === 'community' || kind === 'village' ? communityAnnualTemplate : streetAnnualTemplate;
}
