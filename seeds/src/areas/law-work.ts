import { internalRules, lawWorkMeetings, legislativeFeedback } from '@fazhi/domain';
import { datesInYear, nextWorkday } from '../calendar.js';
import { base, deletedAfter, type Draft, type GenContext } from '../context.js';
import { years } from '../targets.js';

type MeetingType = Draft<typeof lawWorkMeetings>['meetingType'];

const meetings: readonly (readonly [MeetingType, string])[] = [
  ['law_committee', '全面依法治街委员会全体会议'],
  ['special_meeting', '法治政府建设工作专题会议'],
  ['special_meeting', '法治建设考评迎检工作专题会议'],
  ['promotion_meeting', '法治建设重点任务推进会'],
  ['special_meeting', '行政执法规范化建设专题会议'],
  ['law_committee', '全面依法治街委员会年中工作会议'],
];

/** Rule-of-law work meetings, internal rules and the legislative contact point's comments. */
export function generateLawWork(ctx: GenContext) {
  const rng = ctx.rng('law-work');
  const { street } = ctx.orgs;
  const { secretary, director } = ctx.staff;

  const meetingRows: Draft<typeof lawWorkMeetings>[] = [];
  for (const year of years) {
    const list = year === 2024 ? meetings : meetings.slice(0, 4);
    const dates = datesInYear(rng, year, list.length);
    list.forEach(([meetingType, title], i) => {
      meetingRows.push({
        ...base(rng, street.id),
        title: `${year}年${title}`,
        meetingType,
        heldOn: dates[i]!,
        chairedBy: meetingType === 'law_committee' ? secretary.name : director.name,
        issuesDecided: rng.int(2, 6),
      });
    });
  }
  const dup = meetingRows[1]!;
  meetingRows.push({ ...dup, id: rng.uuid(), deletedAt: deletedAfter(rng, dup.heldOn) });

  const rule = (title: string, action: Draft<typeof internalRules>['action'], adoptedOn: string, docNo: string | null): Draft<typeof internalRules> => ({
    ...base(rng, street.id),
    title,
    action,
    adoptedOn: nextWorkday(adoptedOn),
    approvedAt: action === 'repealed' ? '主任办公会' : '党工委会议',
    docNo,
  });
  const rules = [
    rule('南沙街道重大行政决策程序规定', 'adopted', '2023-04-12', '南街〔2023〕12号'),
    rule('南沙街道合同管理办法', 'revised', '2023-09-06', '南街〔2023〕31号'),
    rule('南沙街道行政规范性文件合法性审查工作规程', 'adopted', '2024-03-19', '南街〔2024〕9号'),
    rule('南沙街道法律顾问工作规则', 'revised', '2024-06-25', '南街〔2024〕22号'),
    rule('南沙街道行政执法全过程记录实施细则', 'adopted', '2024-10-15', '南街〔2024〕37号'),
    rule('南沙街道公文处理暂行办法（2016年）', 'repealed', '2024-10-15', null),
  ];

  const feedback = (draftLaw: string, submittedOn: string, commentsCount: number, adoptedCount: number | null): Draft<typeof legislativeFeedback> => ({
    ...base(rng, street.id),
    draftLaw,
    submittedOn,
    commentsCount,
    adoptedCount,
    requestedBy: '南沙区人大常委会基层立法联系点',
  });
  const comments = [
    feedback('《广州市养犬管理条例（修订草案征求意见稿）》', '2023-06-14', 12, 2),
    feedback('《广东省物业管理条例（修订草案）》', '2023-10-20', 9, 1),
    feedback('《中华人民共和国治安管理处罚法（修订草案）》', '2024-03-08', 15, 3),
    feedback('《广州市历史文化名城保护条例（修订草案）》', '2024-07-11', 7, null),
    feedback('《广东省矛盾纠纷多元化解条例（草案）》', '2024-11-05', 18, 4),
  ];

  return { law_work_meetings: meetingRows, internal_rules: rules, legislative_feedback: comments };
}
