import type { PluginReportSection } from '@fazhi/plugin-sdk';

/**
 * Replaces the template's 多元化解社会矛盾纠纷 section (same id) with one that also states the
 * acceptance count and the success rate. The rate stands beside the two counts it divides (cases
 * accepted in the year, and those of them settled), so a reader can check it; cases settled in the
 * year (some accepted the year before) are a different count and get their own sentence.
 */
export const mediationReportSection: PluginReportSection = {
  id: 'mediation',
  parent: 'achievements',
  heading: '多元化解社会矛盾纠纷',
  blocks: [
    { type: 'narrative', key: 'mediation', prompt: '写明矛盾纠纷排查化解、诉源治理的重点领域和做法。' },
    {
      type: 'figures',
      text: '全年，辖区各人民调解委员会成功调处矛盾纠纷{mediation.successful_cases}（{mediation.successful_cases|yoy}）[，涉及当事人{mediation.successful_parties}][，涉及金额{mediation.successful_amount}]。',
    },
    {
      type: 'figures',
      text: '年内新受理的矛盾纠纷{mediation.accepted_cases}[，其中已调解成功{mediation.success_rate|num}宗，调解成功率为{mediation.success_rate}]。',
    },
  ],
};
