import { contractReviews, legalConsultations, legalOpinions, majorDecisions, reviewMeetings } from '@fazhi/domain';
import { addDays } from '../calendar.js';
import { base, deletedAfter, type Draft, type GenContext } from '../context.js';
import { departmentNames, short } from '../orgs.js';
import type { Rng } from '../random.js';
import { countedDates } from '../series.js';
import { targets, years } from '../targets.js';
import { companyName } from '../text-pools.js';

type HandledBy = Draft<typeof legalConsultations>['handledBy'];
const handledBy = (rng: Rng): HandledBy => rng.weighted<HandledBy>([['justice_office', 4], ['legal_counsel', 4], ['jointly', 2]]);

const consultationTopics: readonly (readonly [keyof typeof departmentNames, string])[] = [
  ['enforcement', '违法建设拆除前的告知程序'],
  ['enforcement', '占道经营行为的处罚裁量'],
  ['enforcement', '门前三包责任书的法律效力'],
  ['planning', '老旧小区改造中加装电梯的业主表决规则'],
  ['planning', '城市更新项目中历史建筑的处置'],
  ['publicService', '长者饭堂委托运营协议的解除条件'],
  ['publicService', '低保资格复核中家庭财产认定'],
  ['office', '政府信息公开申请的答复期限'],
  ['office', '公务用车租赁合同的续签'],
  ['economy', '企业租用集体物业的合同纠纷'],
  ['economy', '招商引资协议中的违约责任'],
  ['safety', '出租屋消防安全责任的划分'],
  ['safety', '网格员劳务派遣用工风险'],
  ['emergency', '三防应急征用物资的补偿'],
  ['party', '社区社会组织孵化协议的签订'],
  ['serviceCentre', '代办事项授权委托书的效力'],
  ['legalStation', '法律援助申请人经济困难的认定'],
];

/** Department, type, name, yuan range (0 = no amount), counterparty trade, and whether communities sign it too. */
const contractItems: readonly (readonly [keyof typeof departmentNames, Draft<typeof contractReviews>['contractType'], string, number, number, string, boolean])[] = [
  ['office', 'procurement', '办公用品采购合同', 5_000, 80_000, '贸易', true],
  ['office', 'service', '食堂食材配送服务合同', 80_000, 600_000, '食品', false],
  ['office', 'lease', '公务用车租赁合同', 30_000, 200_000, '汽车租赁', false],
  ['office', 'service', '法律顾问服务合同', 60_000, 120_000, '', false],
  ['office', 'service', '物业管理服务合同', 150_000, 900_000, '物业管理', true],
  ['planning', 'construction', '老旧小区微改造工程施工合同', 300_000, 4_800_000, '建筑工程', false],
  ['planning', 'service', '工程监理服务合同', 40_000, 300_000, '工程监理', false],
  ['planning', 'construction', '道路修缮工程施工合同', 100_000, 1_500_000, '市政工程', false],
  ['planning', 'service', '工程造价咨询服务合同', 20_000, 150_000, '工程造价咨询', false],
  ['enforcement', 'service', '市容巡查协管服务合同', 200_000, 1_800_000, '人力资源', false],
  ['enforcement', 'procurement', '执法记录仪采购合同', 20_000, 120_000, '电子科技', false],
  ['enforcement', 'service', '违法建设拆除服务合同', 50_000, 500_000, '拆除工程', false],
  ['enforcement', 'service', '环卫保洁服务合同', 500_000, 3_600_000, '环境科技', false],
  ['publicService', 'service', '长者饭堂运营服务合同', 100_000, 600_000, '餐饮管理', true],
  ['publicService', 'service', '社工服务项目合同', 200_000, 1_200_000, '社会工作服务中心', false],
  ['publicService', 'procurement', '慰问物资采购合同', 10_000, 90_000, '贸易', true],
  ['safety', 'service', '视频监控系统运维服务合同', 60_000, 400_000, '信息技术', false],
  ['safety', 'service', '网格员劳务派遣服务合同', 300_000, 2_400_000, '劳务派遣', false],
  ['safety', 'service', '出租屋巡查服务合同', 80_000, 500_000, '保安服务', false],
  ['emergency', 'procurement', '三防应急物资采购合同', 20_000, 260_000, '贸易', true],
  ['emergency', 'service', '消防设施维护保养合同', 30_000, 200_000, '消防工程', true],
  ['party', 'service', '党群服务中心活动承办合同', 10_000, 150_000, '文化传播', true],
  ['party', 'cooperation', '党建共建合作协议', 0, 0, '', true],
  ['economy', 'cooperation', '企业服务合作协议', 0, 0, '', false],
  ['economy', 'lease', '集体物业租赁合同', 50_000, 800_000, '', false],
  ['serviceCentre', 'service', '政务服务窗口人员派遣合同', 150_000, 900_000, '劳务派遣', false],
  ['justice', 'service', '人民调解专职调解员服务合同', 60_000, 300_000, '社会工作服务中心', false],
  ['legalStation', 'service', '公共法律服务站律师值班服务合同', 30_000, 150_000, '', false],
];

function amountFen(rng: Rng, min: number, max: number): number | null {
  if (max === 0) return null;
  // Contract sums are usually round to the yuan, often to the hundred.
  const yuan = Math.round(rng.skewed(min, max, 2));
  return (rng.chance(0.6) ? Math.round(yuan / 100) * 100 : yuan) * 100;
}

export function generateLegalityReview(ctx: GenContext) {
  // One stream per record kind, so changing one kind's generation leaves the others' rows as they were.
  const area = ctx.rng('legality-review');
  let rng = area.fork('consultations');
  const { dept, communities, districtJustice } = ctx.orgs;
  const justice = dept.justice.id;

  const consultations: Draft<typeof legalConsultations>[] = [];
  const consult = (date: string, orgId = justice): Draft<typeof legalConsultations> => {
    const [d, topic] = rng.pick(consultationTopics);
    return { ...base(rng, orgId), topic: `关于${topic}的咨询`, department: departmentNames[d], consultedOn: date, handledBy: handledBy(rng), answer: rng.chance(0.4) ? '已结合相关法律法规出具书面解答意见' : null };
  };
  for (const year of years) {
    const bounds = year === 2024 ? ['2024-01-02', '2024-12-31'] : ['2023-12-29'];
    for (const d of countedDates(rng, year, targets[year].consultations, {}, bounds)) consultations.push(consult(d));
  }
  consultations.push(consult('2025-01-02'), consult('2025-01-09'));
  consultations.push({ ...consult('2024-06-12'), deletedAt: deletedAfter(rng, '2024-06-12') });
  // Answered by the district bureau, outside the street's subtree.
  consultations.push(consult('2024-05-21', districtJustice.id), consult('2024-10-15', districtJustice.id));

  rng = area.fork('contracts');
  const reviews: Draft<typeof contractReviews>[] = [];
  const review = (date: string): Draft<typeof contractReviews> => {
    const [d, contractType, item, min, max, trade, communityToo] = rng.pick(contractItems);
    const subject = communityToo && rng.chance(0.35) ? short(rng.pick(communities)) : '南沙街道';
    const year = date.slice(0, 4);
    const suffix = rng.weighted([['', 8], ['（续签）', 1], ['补充协议', 1]] as const);
    const counterparty =
      item === '法律顾问服务合同' || item.startsWith('公共法律服务站')
        ? rng.pick(ctx.staff.lawyers).firm
        : item === '集体物业租赁合同' || (contractType === 'cooperation' && rng.chance(0.4))
          ? `${short(rng.pick(communities)).replace('社区', '')}股份合作经济联合社`
          : trade === '社会工作服务中心'
            ? `广州市南沙区${rng.pick(['启明', '善心', '和谐', '同行'])}社会工作服务中心`
            : companyName(rng, trade || undefined);
    return {
      ...base(rng, justice),
      contractName: `${subject}${rng.chance(0.5) ? `${year}年度` : ''}${item}${suffix}`,
      department: subject === '南沙街道' ? departmentNames[d] : subject,
      counterparty,
      contractType,
      amount: amountFen(rng, min, max),
      reviewedOn: date,
      reviewer: handledBy(rng),
      opinion: rng.weighted([['approved', 70], ['approved_with_changes', 28], ['rejected', 2]] as const),
    };
  };
  // Contract reviews pile up at year end, when budgets are spent and services renewed.
  const contractMonths = [0.8, 0.6, 1.0, 1.0, 0.95, 1.0, 0.9, 0.9, 1.0, 0.9, 1.15, 1.6];
  for (const year of years) {
    const bounds = year === 2024 ? ['2024-01-02', '2024-12-31'] : ['2023-12-29'];
    for (const d of countedDates(rng, year, targets[year].contractReviews, { months: contractMonths }, bounds)) reviews.push(review(d));
  }
  for (const d of ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-08']) reviews.push(review(d));
  for (const d of ['2024-03-12', '2024-08-20', '2024-12-18']) reviews.push({ ...review(d), deletedAt: deletedAfter(rng, d) });

  const opinionSubjects = [
    ['某物业服务企业退出小区管理的交接', 'planning'],
    ['违法建设强制拆除程序', 'enforcement'],
    ['集体物业租赁合同提前解除', 'economy'],
    ['政府信息公开申请答复', 'office'],
    ['城市更新项目补偿协议条款', 'planning'],
    ['工程款结算争议', 'planning'],
    ['劳务派遣人员工伤责任', 'safety'],
    ['长者饭堂运营方违约处理', 'publicService'],
    ['行政复议答复意见', 'office'],
  ] as const;
  rng = area.fork('opinions');
  const opinions: Draft<typeof legalOpinions>[] = [];
  const opinion = (date: string): Draft<typeof legalOpinions> => {
    const [subject, d] = rng.pick(opinionSubjects);
    return { ...base(rng, justice), title: `关于${subject}的法律意见书`, subject, department: departmentNames[d], issuedOn: date, issuedBy: rng.weighted([['legal_counsel', 6], ['jointly', 3], ['justice_office', 1]] as const) };
  };
  for (const year of years) for (const d of countedDates(rng, year, targets[year].legalOpinions, {}, year === 2023 ? ['2023-12-28'] : [])) opinions.push(opinion(d));
  opinions.push(opinion('2025-01-14'));
  opinions.push({ ...opinion('2024-07-09'), deletedAt: deletedAfter(rng, '2024-07-09') });

  const meetingTitles = ['行政争议案件分析研讨会', '重大合同合法性审查讨论会', '违法建设处置方案讨论会', '城市更新项目法律风险研讨会', '信访事项依法处理讨论会', '政府信息公开答复会商会'];
  rng = area.fork('meetings');
  const meetings: Draft<typeof reviewMeetings>[] = [];
  const meeting = (date: string): Draft<typeof reviewMeetings> => {
    const title = rng.pick(meetingTitles);
    return { ...base(rng, justice), title, heldOn: date, matter: title.startsWith('行政争议') ? '一案一讨论，研判案件风险并提出应诉意见' : null, attendedBy: rng.weighted([['jointly', 6], ['justice_office', 2], ['legal_counsel', 2]] as const) };
  };
  for (const year of years) {
    const bounds = year === 2024 ? ['2024-12-31'] : ['2023-12-27'];
    for (const d of countedDates(rng, year, targets[year].reviewMeetings, {}, bounds)) meetings.push(meeting(d));
  }
  meetings.push(meeting('2025-01-07'));
  meetings.push({ ...meeting('2024-04-23'), deletedAt: deletedAfter(rng, '2024-04-23') });

  rng = area.fork('decisions');
  const decision = (title: string, decidedOn: string, full: boolean): Draft<typeof majorDecisions> => ({
    ...base(rng, ctx.orgs.street.id),
    title,
    decidedOn,
    publicParticipation: true,
    expertArgument: full,
    riskAssessment: true,
    legalityReviewed: true,
    collectiveDecision: true,
    // The 法制审核 on file two weeks before the meeting: with it the decision's data shows the
    // whole workflow (审核通过 → 集体讨论决定), so the seed holds it as 已决定.
    reviewedOn: addDays(decidedOn, -14),
    reviewOpinion: '经审查，该决策事项的主体、权限、程序和内容合法，同意提交集体讨论决定。',
  });
  const decisions = [
    decision('金隆社区农贸市场升级改造方案', '2023-06-15', false),
    decision('南沙街道长者饭堂建设运营方案', '2023-09-07', false),
    decision('蕉门河国际化社区第一网格提升改造实施方案', '2024-03-28', true),
    decision('南沙街道2024年老旧小区微改造项目实施方案', '2024-05-16', true),
    decision('南沙街道城中村消防安全综合整治方案', '2024-08-22', false),
  ];

  return { legal_consultations: consultations, contract_reviews: reviews, legal_opinions: opinions, review_meetings: meetings, major_decisions: decisions };
}
