import { counselEngagements, documentReviews } from '@fazhi/domain';
import { addDays, datesInYear } from '../calendar.js';
import { base, deletedAfter, seq, type Draft, type GenContext } from '../context.js';
import { short } from '../orgs.js';
import { years } from '../targets.js';

type Review = Draft<typeof documentReviews>;

/** Documents the office drafts each year: [title, normative?]; every one is drafted, reviewed and most are filed. */
const documents: Record<number, readonly (readonly [string, boolean])[]> = {
  2023: [
    ['南沙街道出租屋安全管理实施办法', true],
    ['南沙街道门前三包责任制管理办法', true],
    ['南沙街道2023年法治政府建设工作要点', false],
    ['南沙街道城市更新项目居民意见征集工作方案', false],
  ],
  2024: [
    ['南沙街道养犬管理协助工作规定', true],
    ['南沙街道临时占道经营管理办法', true],
    ['南沙街道社区微改造项目管理办法', true],
    ['南沙街道2024年法治政府建设工作要点', false],
    ['南沙街道行政执法公示工作方案', false],
    ['南沙街道矛盾纠纷多元化解工作方案', false],
  ],
};

/** Normative and other documents through drafting, legality review, filing and clean-up; the retained counsel's contracts. */
export function generateDocuments(ctx: GenContext) {
  const rng = ctx.rng('documents');
  const { street, dept } = ctx.orgs;
  const departments = [dept.office, dept.planning, dept.enforcement, dept.safety, dept.publicService];
  const reviews: Review[] = [];
  let n = 0;
  const review = (title: string, docType: Review['docType'], step: Review['step'], actedOn: string, department: string | null, conclusion: Review['conclusion']): Review => ({
    ...base(rng, street.id),
    reviewNo: `WJSC-${actedOn.slice(0, 4)}-${seq(++n, 3)}`,
    title,
    docNo: null,
    docType,
    step,
    actedOn,
    department,
    reviewer: step === 'legality_review' ? rng.pick(['justice_office', 'legal_counsel', 'jointly'] as const) : null,
    conclusion,
  });
  for (const year of years) {
    const list = documents[year]!;
    const dates = datesInYear(rng, year, list.length);
    list.forEach(([title, normative], i) => {
      const department = short(rng.pick(departments));
      const drafted = dates[i]!;
      // Reviewed a few days after drafting, within the same year.
      const later = addDays(drafted, rng.int(3, 10));
      const reviewed = later.startsWith(String(year)) ? later : drafted;
      const docType = normative ? 'normative' : 'other';
      reviews.push(review(title, docType, 'drafting', drafted, department, null));
      reviews.push(review(title, docType, 'legality_review', reviewed, department, rng.chance(0.7) ? 'passed' : 'revised'));
      if (normative) reviews.push(review(title, docType, 'filing', reviewed, department, null));
    });
    // The year-end clean-up of documents still in force.
    reviews.push(review(`${year}年度行政规范性文件清理（${year === 2023 ? 9 : 11}件）`, 'normative', 'cleanup', `${year}-11-${rng.int(10, 28)}`, short(dept.office), 'retained'));
  }
  const dup = reviews[2]!;
  reviews.push({ ...dup, id: rng.uuid(), reviewNo: `${dup.reviewNo}-重复`, deletedAt: deletedAfter(rng, dup.actedOn) });

  const [first, second] = ctx.staff.lawyers;
  const engagement = (year: number, fee: number, scope: Draft<typeof counselEngagements>['scope'], lawyer: { name: string; firm: string }): Draft<typeof counselEngagements> => ({
    ...base(rng, street.id),
    contractNo: `FLGW-${year}-${scope === 'office' ? '01' : '02'}`,
    firm: lawyer.firm,
    counsel: lawyer.name,
    scope,
    fee,
    signedOn: `${year - 1}-12-${rng.int(20, 28)}`,
    startsOn: `${year}-01-01`,
    endsOn: `${year + 1}-01-01`,
  });
  const engagements = years.flatMap((year) => [
    engagement(year, year === 2023 ? 96_000_00 : 100_000_00, 'office', first!),
    engagement(year, year === 2023 ? 60_000_00 : 72_000_00, 'villages', second!),
  ]);
  // The 2025 contracts are signed late in 2024, so they fall in 2024's 经费 (signed) but not its 服务 (in force).
  engagements.push(engagement(2025, 100_000_00, 'office', first!));

  return { document_reviews: reviews, counsel_engagements: engagements };
}
