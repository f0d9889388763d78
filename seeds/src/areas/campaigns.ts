import { certificateExams, specialCampaigns } from '@fazhi/domain';
import { addDays } from '../calendar.js';
import { base, deletedAfter, type Draft, type GenContext } from '../context.js';

/** Enforcement-certificate exam sittings and special campaigns (专项整治) of the enforcement team. */
export function generateCampaigns(ctx: GenContext) {
  const rng = ctx.rng('campaigns');
  const team = ctx.orgs.dept.enforcement.id;
  const exam = (title: string, heldOn: string, candidates: number, passed: number): Draft<typeof certificateExams> => ({ ...base(rng, team), title, heldOn, candidates, passed });
  const exams = [exam('2023年广东省行政执法资格考试（第二批）', '2023-09-16', 6, 5), exam('2024年广东省行政执法资格考试', '2024-06-22', 9, 8)];

  const campaign = (title: string, field: string, startedOn: string, weeks: number, findings: number, rectified: number): Draft<typeof specialCampaigns> => ({
    ...base(rng, team),
    title,
    field,
    startedOn,
    endedOn: addDays(startedOn, weeks * 7),
    findings,
    rectified,
  });
  const campaigns = [
    campaign('出租屋消防安全专项整治', '消防安全', '2023-03-06', 8, 146, 146),
    campaign('占道经营和乱摆卖专项整治', '市容秩序', '2023-07-03', 6, 93, 90),
    campaign('涉企违规收费和乱罚款专项整治', '涉企执法', '2024-04-08', 10, 12, 12),
    campaign('违法建设“拆违控违”专项行动', '规划建设', '2024-06-03', 12, 37, 35),
    campaign('燃气安全专项整治', '安全生产', '2024-09-02', 8, 58, 58),
  ];
  const dup = campaigns[3]!;
  campaigns.push({ ...dup, id: rng.uuid(), deletedAt: deletedAfter(rng, dup.startedOn) });
  return { certificate_exams: exams, special_campaigns: campaigns };
}
