import type { ReportTemplate } from './template.js';

/**
 * The default template of a street office's annual 法治政府建设 report, covering the five parts
 * required by 《法治政府建设与责任落实督察工作规定》: 主要举措和成效, 第一责任人履职, 不足和原因,
 * 下一年度安排, 其他情况. Wording is fazhi's own; every number comes from an indicator.
 */
export const streetAnnualTemplate: ReportTemplate = {
  id: 'street-annual',
  label: '街道法治政府建设年度报告',
  title: '{org}{year}年法治政府建设情况报告',
  figureDefaults: { moneyTrimZeros: true },
  preamble: [{ type: 'narrative', key: 'preamble', prompt: '概述本年度法治政府建设的指导思想和总体情况（一段）。' }],
  sections: [
    {
      id: 'achievements',
      heading: '{year}年推进法治政府建设的主要举措和成效',
      blocks: [],
      sections: [
        {
          id: 'lawful-decisions',
          heading: '健全依法决策机制，落实合法性审查',
          blocks: [
            { type: 'narrative', key: 'lawful_decisions', prompt: '简述制度建设、法律顾问和司法所“双重审核”等主要做法。' },
            {
              type: 'figures',
              text: '全年司法所会同法律顾问为街道各部门办理法律咨询{legality_review.consultations}，审查合同{legality_review.contract_reviews}，出具法律意见书{legality_review.legal_opinions}，参与行政事项讨论会{legality_review.meetings}。',
            },
          ],
        },
        {
          id: 'disputes',
          heading: '妥善化解行政争议，落实负责人出庭应诉',
          blocks: [
            { type: 'narrative', key: 'admin_disputes', prompt: '简述行政争议预警、诉源治理等主要做法。' },
            {
              type: 'figures',
              text: '协助处理行政处理决定{admin_disputes.handling_decisions}，办理行政复议案件{admin_disputes.reconsiderations}、行政诉讼案件{admin_disputes.litigations}，行政机关负责人出庭应诉率为{admin_disputes.head_appearance_rate}。',
            },
          ],
        },
        {
          id: 'enforcement',
          heading: '坚持严格规范公正文明执法',
          blocks: [
            { type: 'narrative', key: 'enforcement', prompt: '简述执法“三项制度”、包容审慎监管、“综合查一次”等主要做法。' },
            {
              type: 'figures',
              text: '全年运用柔性执法方式开展行政辅导{enforcement.guidance}、行政约谈{enforcement.interviews}、行政告诫{enforcement.warnings}。',
            },
            {
              type: 'figures',
              text: '在岗执法人员{enforcement.officers}，年度培训不少于60学时的达标率为{enforcement.training_compliance_rate}；全年招录执法辅助人员{enforcement.aux_staff_recruited}。',
            },
          ],
        },
        {
          id: 'mediation',
          heading: '多元化解社会矛盾纠纷',
          blocks: [
            { type: 'narrative', key: 'mediation', prompt: '简述矛盾纠纷排查化解、诉源治理的重点领域和做法。' },
            {
              type: 'figures',
              text: '辖区各人民调解委员会全年成功调处矛盾纠纷{mediation.successful_cases}（{mediation.successful_cases|yoy}），涉及当事人{mediation.successful_parties}，涉及金额{mediation.successful_amount}。',
            },
          ],
        },
        {
          id: 'legal-services',
          heading: '优化公共法律服务',
          blocks: [
            { type: 'narrative', key: 'legal_services', prompt: '简述公共法律服务平台建设情况。' },
            {
              type: 'figures',
              text: '公共法律服务工作站大厅面积达{public_legal_service.hall_area}。全年受理法律援助申请{legal_aid.accepted_applications}，涉及金额{legal_aid.accepted_amount}。',
            },
          ],
        },
        {
          id: 'publicity',
          heading: '深入开展法治宣传教育',
          blocks: [
            { type: 'narrative', key: 'publicity', prompt: '简述普法重点（宪法、民法典等）和主要形式。' },
            { type: 'figures', text: '全年开展各类法治宣传活动{publicity.events}，发布普法视频{publicity.videos}。' },
          ],
        },
        {
          id: 'business-environment',
          heading: '推进法治化营商环境建设',
          blocks: [
            { type: 'narrative', key: 'business_env', prompt: '简述国际化社区建设、涉外服务等主要做法。' },
            { type: 'figures', text: '全年完成商铺招牌双语化改造{business_env.bilingual_signs}，为境外人士提供服务{business_env.foreign_services}。' },
          ],
        },
        {
          id: 'public-service',
          heading: '提升政务服务效能',
          blocks: [
            { type: 'narrative', key: 'public_service', prompt: '简述“一网通办”、线上线下服务融合等主要做法。' },
            {
              type: 'figures',
              text: '梳理政务服务事项{public_service.catalogue_items}，开展全覆盖督查{public_service.full_coverage_supervisions}；全年办理12345热线工单{public_service.tickets_received}，组织协调会议及现场勘查{public_service.coordination_events}，工单办结率为{public_service.ticket_closure_rate}，满意率为{public_service.ticket_satisfaction_rate}。',
            },
          ],
        },
        {
          id: 'rectification',
          heading: '上年度考评发现问题的整改落实情况',
          blocks: [
            { type: 'narrative', key: 'rectification', prompt: '简述整改工作部署、三级联络人和任务分派等做法。' },
            {
              type: 'figures',
              text: '针对{prevYear}年考评和督察发现的问题分派整改任务{rectification.tasks}，已完成{rectification.completed}，按期完成率为{rectification.on_time_rate}，按期书面报告率为{rectification.reported_on_time_rate}。',
            },
          ],
        },
      ],
    },
    {
      id: 'leadership',
      heading: '党政主要负责人履行推进法治建设第一责任人职责情况',
      blocks: [
        {
          type: 'figures',
          text: '全年通过党工委会议{leadership.party_committee_sessions}、主任办公会{leadership.director_office_sessions}、理论学习中心组学习{leadership.theory_group_sessions}等形式学习法治建设部署，研究推进法治政府建设工作。',
        },
        {
          type: 'figures',
          text: '召开法治建设专题会议{leadership.law_work_meetings}，研究解决法治建设问题{leadership.law_work_meeting_issues}；举办法治讲座{leadership.lecture_sessions}，参加学法{leadership.study_attendees}。',
        },
        { type: 'narrative', key: 'leadership', prompt: '简述主要负责人部署、推进、督办法治建设的情况，如依法治街委员会调整、重点工作推进。' },
        { type: 'record-list', kind: 'honours', dateField: 'awardedOn', item: '{title}', intro: '本年度相关工作获评', outro: '。', empty: '本年度未录入获评荣誉或创新案例。' },
      ],
    },
    {
      id: 'problems',
      heading: '存在的不足和原因',
      blocks: [{ type: 'narrative', key: 'problems', prompt: '逐条写明存在的不足及其原因。' }],
    },
    {
      id: 'plans',
      heading: '{nextYear}年推进法治政府建设的主要安排',
      blocks: [{ type: 'narrative', key: 'plans', prompt: '逐条写明下一年度的主要工作安排。' }],
    },
    {
      id: 'other',
      heading: '其他需要报告的情况',
      blocks: [{ type: 'narrative', key: 'other', prompt: '写明其他需要报告的情况；没有的请写“无”。' }],
    },
    {
      id: 'appendix',
      heading: '附表：主要指标统计',
      unnumbered: true,
      blocks: [
        {
          type: 'indicator-table',
          caption: '主要指标同比情况',
          indicators: [
            'legality_review.consultations',
            'legality_review.contract_reviews',
            'legality_review.legal_opinions',
            'legality_review.meetings',
            'admin_disputes.reconsiderations',
            'admin_disputes.litigations',
            'admin_disputes.head_appearance_rate',
            'enforcement.actions',
            'enforcement.training_compliance_rate',
            'mediation.accepted_cases',
            'mediation.successful_cases',
            'mediation.success_rate',
            'mediation.successful_amount',
            'legal_aid.accepted_applications',
            'legal_aid.accepted_amount',
            'publicity.events',
            'publicity.videos',
            'public_service.tickets_received',
            'public_service.ticket_closure_rate',
            'public_service.ticket_on_time_rate',
            'public_service.ticket_satisfaction_rate',
            'rectification.on_time_rate',
          ],
        },
      ],
    },
  ],
};
