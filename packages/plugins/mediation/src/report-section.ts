import type { PluginReportSection } from '@fazhi/plugin-sdk';

/**
 * Replaces the template's 多元化解社会矛盾纠纷 section (same id) with one that also states the
 * acceptance count and the success rate, each with its 同比.
 */
export const mediationReportSection: PluginReportSection = {
  id: 'mediation',
  parent: 'achievements',
  heading: '多元化解社会矛盾纠纷',
  blocks: [
    { type: 'narrative', key: 'mediation', prompt: '简述矛盾纠纷排查化解、诉源治理的重点领域和做法。' },
    {
      type: 'figures',
      text: '全年受理矛盾纠纷{mediation.accepted_cases}，辖区各人民调解委员会成功调处矛盾纠纷{mediation.successful_cases}（{mediation.successful_cases|yoy}），调解成功率{mediation.success_rate}，涉及当事人{mediation.successful_parties}，涉及金额{mediation.successful_amount}。',
    },
  ],
};
