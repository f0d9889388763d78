import type { TemplateBlock, TemplateSection } from './template.js';

/**
 * The parts the built-in annual templates share (the street's and the community's), written once:
 * the sentences on subjects both units report with the same figures, and the sections every
 * annual report closes with. A template composes them with its own headings and narrative prompts.
 */

/** 人民调解, second sentence: the cases accepted in the year, the success rate and the count it divides. */
const mediationAccepted: TemplateBlock = {
  type: 'figures',
  text: '年内新受理的矛盾纠纷{mediation.accepted_cases}[，其中已调解成功{mediation.success_rate|num}宗，调解成功率为{mediation.success_rate}]。',
};

/**
 * 人民调解: the year's successful cases (同比, parties, amount), then the cases accepted with the
 * success rate. `committees` is the subject, e.g. 辖区各人民调解委员会.
 */
export function mediationFigures(committees: string): TemplateBlock[] {
  return [
    {
      type: 'figures',
      text: `全年，${committees}成功调处矛盾纠纷{mediation.successful_cases}（{mediation.successful_cases|yoy}）[，涉及当事人{mediation.successful_parties}][，涉及金额{mediation.successful_amount}]。`,
    },
    mediationAccepted,
  ];
}

/** 法律援助: applications accepted in the year (同比) and the amount they involve. */
export const legalAidFigures: TemplateBlock = {
  type: 'figures',
  text: '全年受理法律援助申请{legal_aid.accepted_applications}（{legal_aid.accepted_applications|yoy}）[，涉及金额{legal_aid.accepted_amount}]。',
};

/** 普法: the year's events with their audience, then `more` (an optional clause of the unit's own). */
export function publicityFigures(more: string): TemplateBlock {
  return { type: 'figures', text: `全年[组织法治宣传活动{publicity.events}[，参与群众{publicity.audience}]]，${more}。` };
}

/** The honours of the year as one sentence; `empty` when none is recorded ('' leaves it out). */
export function honoursList(intro: string, empty: string): TemplateBlock {
  return { type: 'record-list', kind: 'honours', dateField: 'awardedOn', item: '{title}', intro, outro: '。', empty };
}

/** 存在的不足和原因: the shortcomings and, in a paragraph of their own, their causes. */
export const problemsAndCauses: TemplateSection = {
  id: 'problems',
  heading: '存在的不足和原因',
  blocks: [
    { type: 'narrative', key: 'problems', prompt: '逐条写明存在的不足（一是、二是……），写具体表现。' },
    { type: 'narrative', key: 'causes', prompt: '分析产生上述不足的原因，主观原因和客观原因分开写。' },
  ],
};

const plans: TemplateBlock = { type: 'narrative', key: 'plans', prompt: '逐条写明下一年度的主要工作安排。' };

/** Next year's plans under `heading` (e.g. {nextYear}年工作打算). */
export function plansSection(heading: string): TemplateSection {
  return { id: 'plans', heading, blocks: [plans] };
}

/** The 附件 with the year's main figures (this year, last year, the change). */
export function figuresAppendix(heading: string, caption: string, indicators: readonly string[]): TemplateSection {
  return { id: 'appendix', heading, unnumbered: true, attachment: true, blocks: [{ type: 'indicator-table', caption, indicators }] };
}
