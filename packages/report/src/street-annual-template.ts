import { figuresAppendix, honoursList, legalAidFigures, mediationFigures, plansSection, problemsAndCauses, publicityFigures } from './annual-template-pieces.js';
import type { ReportTemplate } from './template.js';

/**
 * The default template of a street office's (or town's) annual 法治政府建设 report, covering the
 * five parts required by 《法治政府建设与责任落实督察工作规定》: 主要举措和成效, 第一责任人履职,
 * 不足和原因, 下一年度安排, 其他情况. Written for any street: the unit's own facts come from its
 * records (figures) or its narrative file. Optional parts in `[…]` drop out when their figures are
 * zero or do not apply (see figure-sentence.ts), so a quiet year never reads 「办理法律咨询0次」.
 * A rate is printed beside the counts it is a rate of (`|num`, `|den`), so a reader can check it.
 */
export const streetAnnualTemplate: ReportTemplate = {
  id: 'street-annual',
  label: '街道法治政府建设年度报告',
  title: '{org}{year}年法治政府建设情况报告',
  figureDefaults: { moneyTrimZeros: true },
  preamble: [{ type: 'narrative', key: 'preamble', prompt: '用一段话概述本年度法治政府建设的指导思想、总体思路和主要成效，末句引出下文。' }],
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
            { type: 'narrative', key: 'lawful_decisions', prompt: '写明本年度完善依法决策制度、发挥法律顾问和司法所审核把关作用的主要做法。' },
            {
              type: 'figures',
              text: '全年，司法所会同法律顾问[为各部门办理法律咨询{legality_review.consultations}]、[审查合同{legality_review.contract_reviews}]、[出具法律意见书{legality_review.legal_opinions}]、[参与行政事项讨论会{legality_review.meetings}]。',
            },
            {
              type: 'figures',
              text: '{org}全年作出重大行政决策{legality_review.major_decisions}[，其中{legality_review.major_decision_review_rate|num}项经过合法性审查，审查率为{legality_review.major_decision_review_rate}]。',
            },
          ],
        },
        {
          id: 'disputes',
          heading: '妥善化解行政争议，落实负责人出庭应诉',
          blocks: [
            { type: 'narrative', key: 'admin_disputes', prompt: '写明行政争议预警、诉源治理和负责人出庭应诉的主要做法。' },
            {
              type: 'figures',
              text: '全年{org}[作为被申请人参加行政复议案件{admin_disputes.reconsiderations}]、[作为被告参加行政诉讼案件{admin_disputes.litigations}]，司法所全程协助答辩举证和出庭准备。',
            },
            { type: 'figures', text: '司法所还协助{org}办理行政处理决定{admin_disputes.handling_decisions}。' },
            {
              type: 'figures',
              text: '[需要行政机关负责人出庭的庭审共{admin_disputes.head_appearance_rate|den}次，负责人出庭{admin_disputes.head_appearance_rate|num}次，出庭应诉率为{admin_disputes.head_appearance_rate}。]',
            },
          ],
        },
        {
          id: 'enforcement',
          heading: '坚持严格规范公正文明执法',
          blocks: [
            { type: 'narrative', key: 'enforcement', prompt: '写明执法方式创新、执法监督和执法队伍建设的主要做法。' },
            {
              type: 'figures',
              text: '全年执法人员[开展行政辅导{enforcement.guidance}]、[进行行政约谈{enforcement.interviews}]、[作出行政告诫{enforcement.warnings}]，以说理和提醒引导经营主体守法经营。',
            },
            {
              type: 'figures',
              text: '{org}有在岗执法人员{enforcement.officers}[，其中{enforcement.training_compliance_rate|num}名全年培训达到60学时，培训达标率为{enforcement.training_compliance_rate}]。',
            },
            { type: 'figures', text: '全年招录执法辅助人员{enforcement.aux_staff_recruited}，充实一线执法力量。' },
          ],
        },
        {
          id: 'mediation',
          heading: '多元化解社会矛盾纠纷',
          blocks: [
            { type: 'narrative', key: 'mediation', prompt: '写明矛盾纠纷排查化解、诉源治理的重点领域和做法。' },
            ...mediationFigures('辖区各人民调解委员会'),
          ],
        },
        {
          id: 'legal-services',
          heading: '优化公共法律服务',
          blocks: [
            { type: 'narrative', key: 'legal_services', prompt: '写明公共法律服务平台建设和法律援助工作的主要做法。' },
            { type: 'figures', text: '{org}公共法律服务工作站大厅面积为{public_legal_service.hall_area}。' },
            legalAidFigures,
            { type: 'figures', text: '公共法律服务站点和村（居）法律顾问全年接待群众法律咨询{public_legal_service.consultations}。' },
          ],
        },
        {
          id: 'publicity',
          heading: '深入开展法治宣传教育',
          blocks: [
            { type: 'narrative', key: 'publicity', prompt: '写明普法重点（宪法、民法典等）和主要形式。' },
            publicityFigures('[发布普法视频{publicity.videos}]'),
          ],
        },
        {
          id: 'business-environment',
          heading: '推进法治化营商环境建设',
          blocks: [
            { type: 'narrative', key: 'business_env', prompt: '写明服务经营主体、涉外服务和国际化社区建设等方面的主要做法。' },
            { type: 'figures', text: '全年[完成商铺招牌双语化改造{business_env.bilingual_signs}]，[为境外人士提供服务{business_env.foreign_services}]。' },
          ],
        },
        {
          id: 'public-service',
          heading: '提升政务服务效能',
          blocks: [
            { type: 'narrative', key: 'public_service', prompt: '写明“一网通办”、线上线下服务融合和诉求办理的主要做法。' },
            { type: 'figures', text: '{org}梳理政务服务事项{public_service.catalogue_items}[，全年开展全覆盖督查{public_service.full_coverage_supervisions}]。' },
            {
              type: 'figures',
              text: '全年受理12345热线工单{public_service.tickets_received}（{public_service.tickets_received|yoy}）[，已办结{public_service.ticket_closure_rate|num}件，办结率为{public_service.ticket_closure_rate}][；为推动诉求解决，组织协调会议及现场勘查{public_service.coordination_events}]。',
            },
            {
              type: 'figures',
              text: '[群众对{public_service.ticket_satisfaction_rate|den}件工单作出评价，其中满意和基本满意的{public_service.ticket_satisfaction_rate|num}件，满意率为{public_service.ticket_satisfaction_rate}。]',
            },
          ],
        },
        {
          id: 'rectification',
          heading: '上年度考评发现问题的整改落实情况',
          blocks: [
            { type: 'narrative', key: 'rectification', prompt: '写明整改工作的部署、责任分工和跟踪督办做法。' },
            {
              type: 'figures',
              text: '针对{prevYear}年考评和督察发现的问题，{org}分派整改任务{rectification.tasks}[，已完成{rectification.completed}][，其中按期完成{rectification.on_time_rate|num}项，按期完成率为{rectification.on_time_rate}][；按期书面报告整改情况的{rectification.reported_on_time_rate|num}项，按期报告率为{rectification.reported_on_time_rate}]。',
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
          text: '全年{org}[在党工委会议上学法{leadership.party_committee_sessions}]、[在主任办公会上学法{leadership.director_office_sessions}]、[在理论学习中心组学习中学法{leadership.theory_group_sessions}]，把法治政府建设纳入议事日程研究部署。',
        },
        {
          type: 'figures',
          text: '全年[召开法治建设专题会议{leadership.law_work_meetings}[，研究解决问题{leadership.law_work_meeting_issues}]]；[举办法治讲座{leadership.lecture_sessions}[，干部参加学法{leadership.study_attendees}]]。',
        },
        { type: 'narrative', key: 'leadership', prompt: '写明主要负责人部署、推进、督办法治建设的情况，如依法治理委员会的调整、重点工作的推进。' },
        honoursList('本年度相关工作获评', '本年度未录入获评荣誉或创新案例。'),
      ],
    },
    problemsAndCauses,
    plansSection('{nextYear}年推进法治政府建设的主要安排'),
    {
      id: 'other',
      heading: '其他需要报告的情况',
      blocks: [{ type: 'narrative', key: 'other', prompt: '写明其他需要报告的情况；没有的请写“无”。' }],
    },
    figuresAppendix('主要指标统计表', '{org}{year}年法治政府建设主要指标', [
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
    ]),
  ],
};
