import type { ReportDocument } from './model.js';

/**
 * A small but realistic report for renderer tests: two level-1 sections, a level-2 and a level-3
 * section, inline figures, a missing block, a table with a `|` and a newline in its cells, and
 * characters that must be escaped (`<`, `&`), the signature and one attachment.
 */
export function sampleReport(): ReportDocument {
  return {
    title: '南沙街道2024年法治政府建设年度报告',
    orgName: '广州市南沙区人民政府南沙街道办事处',
    periodLabel: '2024年',
    preamble: [
      {
        type: 'paragraph',
        inlines: [
          {
            type: 'text',
            text: '2024年，南沙街道坚持以习近平法治思想为指导，深入贯彻落实党中央、国务院关于法治政府建设的决策部署，现将有关情况报告如下。',
          },
        ],
      },
    ],
    sections: [
      {
        id: 'measures',
        heading: '一、2024年推进法治政府建设的主要举措和成效',
        level: 1,
        blocks: [],
        sections: [
          {
            id: 'mediation',
            heading: '（一）多元化解矛盾纠纷',
            level: 2,
            blocks: [
              {
                type: 'paragraph',
                inlines: [
                  { type: 'text', text: '全年各级人民调解组织受理矛盾纠纷' },
                  { type: 'figure', indicatorId: 'mediation.accepted', text: '242宗', value: 242 },
                  { type: 'text', text: '，调解成功率' },
                  { type: 'figure', indicatorId: 'mediation.success_rate', text: '100%', value: 100 },
                  { type: 'text', text: '，涉及金额' },
                  { type: 'figure', indicatorId: 'mediation.amount', text: '560.22万元', value: 5602200 },
                  { type: 'text', text: '；“调解<诉讼”理念与“访调对接&诉调对接”机制深入人心。' },
                ],
              },
              {
                type: 'table',
                caption: '表1 2024年人民调解案件分类统计',
                columns: ['纠纷类型', '受理（宗）', '备注'],
                rows: [
                  ['婚姻家庭', '58', '含调解|回访'],
                  ['物业', '96', '书面协议\n口头协议'],
                  ['合计', '242', ''],
                ],
              },
            ],
            sections: [
              {
                id: 'legal-aid',
                heading: '1.法律援助',
                level: 3,
                blocks: [
                  {
                    type: 'paragraph',
                    inlines: [
                      { type: 'text', text: '全年受理法律援助案件' },
                      { type: 'figure', indicatorId: 'legal_aid.accepted', text: '20余件', value: 23 },
                      { type: 'text', text: '，为群众挽回经济损失。' },
                    ],
                  },
                ],
                sections: [],
              },
            ],
          },
        ],
      },
      {
        id: 'shortcomings',
        heading: '二、存在的不足和原因',
        level: 1,
        blocks: [{ type: 'missing', text: '请概述本年度法治政府建设存在的不足及原因。' }],
        sections: [],
      },
    ],
    signature: { org: '广州市南沙区人民政府南沙街道办事处', date: '2025年1月20日' },
    attachments: [
      {
        id: 'appendix',
        heading: '主要指标统计表',
        level: 1,
        blocks: [{ type: 'table', caption: '南沙街道2024年主要指标', columns: ['指标', '2024年', '2023年', '同比'], rows: [['受理矛盾纠纷', '279宗', '247宗', '同比增长13%']] }],
        sections: [],
      },
    ],
  };
}
