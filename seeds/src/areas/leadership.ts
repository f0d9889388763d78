import { honours, lawExams, studySessions } from '@fazhi/domain';
import { datesInYear, nextWorkday } from '../calendar.js';
import { base, deletedAfter, type Draft, type GenContext } from '../context.js';
import { withTitle } from '../staff.js';
import { targets, years } from '../targets.js';

type Format = Draft<typeof studySessions>['format'];

// Topics follow the themes a street office studies in a year (own wording, not the report's).
const topics: Record<number, readonly (readonly [Format, string])[]> = {
  2024: [
    ['party_committee', '传达学习中央全面依法治国工作会议精神，研究街道贯彻落实措施'],
    ['theory_group', '专题学习习近平法治思想，交流运用法治思维推进基层治理的体会'],
    ['party_committee', '研究部署南沙街道2024年法治政府建设工作计划'],
    ['director_office', '学习《法治政府建设实施纲要（2021—2025年）》，对照梳理年度重点任务'],
    ['special_study', '新修订《中华人民共和国行政复议法》施行要点专题学习'],
    ['director_office', '研究制定贯彻区委依法治区委员会年度工作要点的实施方案'],
    ['lecture', '法律顾问讲授行政争议预防与化解实务'],
    ['party_committee', '审议调整全面依法治街委员会成员名单'],
    ['theory_group', '学习党的二十届二中全会精神及法治建设相关部署'],
    ['special_study', '新修订《中华人民共和国公司法》要点与涉企服务'],
    ['director_office', '听取上年度法治建设考评问题整改进展情况汇报'],
    ['court_observation', '组织领导干部旁听行政诉讼案件庭审'],
    ['cadre_teaching', '党工委书记讲法治课：《提升行政执法质量三年行动计划（2023-2025年）》解读'],
    ['party_committee', '专题研究行政争议案件预警和诉源治理工作'],
    ['theory_group', '学习党的二十届三中全会关于完善中国特色社会主义法治体系的部署'],
    ['director_office', '研究政府合同全流程管理和履约监督工作'],
    ['warning_education', '观看职务违法犯罪警示教育片，通报基层执法领域典型案例'],
    ['party_committee', '研究“八五”普法终期评估自查迎检工作'],
    ['director_office', '研究部署辖区市容环境卫生整治执法工作'],
    ['law_report', '街道党政主要负责人年度述法'],
  ],
  2023: [
    ['party_committee', '学习贯彻党的二十大关于全面依法治国的重要部署'],
    ['theory_group', '专题学习习近平法治思想的核心要义'],
    ['party_committee', '研究部署南沙街道2023年法治政府建设工作计划'],
    ['director_office', '学习《法治政府建设与责任落实督察工作规定》'],
    ['special_study', '《中华人民共和国民法典》物权编、合同编专题学习'],
    ['lecture', '法律顾问讲授政府合同风险防范'],
    ['director_office', '研究全面依法治街委员会年度工作要点'],
    ['court_observation', '组织领导干部旁听行政诉讼案件庭审'],
    ['warning_education', '通报行政执法领域违纪违法典型案例，开展警示教育'],
    ['theory_group', '学习中央全面依法治国委员会会议精神'],
    ['party_committee', '研究法治广州建设考评迎检工作'],
    ['director_office', '听取人民调解和矛盾纠纷排查化解工作汇报'],
    ['cadre_teaching', '办事处主任讲法治课：《优化营商环境条例》与柔性执法'],
    ['party_committee', '研究行政执法“三项制度”落实情况'],
    ['director_office', '研究“八五”普法中期评估问题整改'],
    ['law_report', '街道党政主要负责人年度述法'],
  ],
};

export function generateLeadership(ctx: GenContext) {
  const rng = ctx.rng('leadership');
  const { street } = ctx.orgs;
  const { secretary, director } = ctx.staff;
  const sessions: Draft<typeof studySessions>[] = [];
  for (const year of years) {
    const list = topics[year]!;
    if (list.length !== targets[year].studySessions) throw new Error(`study sessions ${year}: ${list.length}`);
    const dates = datesInYear(rng, year, list.length);
    list.forEach(([format, topic], i) => {
      sessions.push({
        ...base(rng, street.id),
        format,
        topic,
        heldOn: format === 'law_report' ? nextWorkday(`${year}-12-${rng.int(18, 24)}`) : dates[i]!,
        chairedBy: format === 'director_office' ? director.name : secretary.name,
        attendees: format === 'theory_group' ? rng.int(11, 15) : format === 'director_office' ? rng.int(9, 14) : rng.int(14, 60),
        // Set without drawing from the stream, so the other sessions' values stay as they were.
        speaker: format === 'cadre_teaching' ? withTitle(year === 2024 ? secretary : director) : null,
        casesCount: format === 'warning_education' ? (year === 2024 ? 6 : 4) : null,
      });
    });
  }
  // A session entered twice and deleted.
  const dup = sessions[3]!;
  sessions.push({ ...dup, id: rng.uuid(), deletedAt: deletedAfter(rng, dup.heldOn) });

  const exams: Draft<typeof lawExams>[] = [
    { ...base(rng, street.id), title: '2023年度国家工作人员学法考试', heldOn: '2023-11-16', eligible: 178, participants: 176, passed: 175, excellent: 131 },
    { ...base(rng, street.id), title: '2024年度国家工作人员学法考试', heldOn: '2024-11-21', eligible: 186, participants: 186, passed: 186, excellent: 152 },
  ];

  const awards: Draft<typeof honours>[] = [
    { ...base(rng, ctx.orgs.committees.street.id), title: '南沙区人民调解工作先进集体', category: 'honour', level: 'district', awardedBy: '广州市南沙区司法局', awardedOn: '2023-12-15', project: '街道人民调解委员会' },
    { ...base(rng, street.id), title: '全国社会治理创新案例', category: 'innovation_case', level: 'national', awardedBy: null, awardedOn: '2024-10-28', project: '“暖南善治”党建引领基层治理新模式' },
    { ...base(rng, street.id), title: '全国工会重点工作创新案例', category: 'innovation_case', level: 'national', awardedBy: '中华全国总工会', awardedOn: '2024-12-06', project: '“南小丫”舒心解压馆' },
    { ...base(rng, street.id), title: '广州市一级综治中心', category: 'honour', level: 'municipal', awardedBy: '中共广州市委政法委员会', awardedOn: '2024-07-19', project: '“1+6+N”基层社会治理工作体系' },
    { ...base(rng, street.id), title: '广州市坚持和发展新时代“枫桥经验”基层先进典型单位', category: 'model_unit', level: 'municipal', awardedBy: '中共广州市委政法委员会', awardedOn: '2024-11-22', project: '矛盾纠纷多元化解' },
  ];
  // Drawn from a stream of its own: the honours above keep their ids.
  const village = ctx.rng('leadership-villages');
  const jinzhou = ctx.orgs.communities.find((c) => c.shortName === '金洲社区')!;
  awards.push({ ...base(village, jinzhou.id), title: '广州市民主法治示范社区', category: 'democracy_rule_village', level: 'municipal', awardedBy: '广州市司法局、广州市民政局', awardedOn: '2024-12-10', project: null, village: '金洲社区' });
  return { study_sessions: sessions, law_exams: exams, honours: awards };
}
