import { legalAidApplications } from '@fazhi/domain';
import { addDays, addWorkdays, nextWorkday, pickDates } from '../calendar.js';
import { byField } from '../series.js';
import { base, deletedAfter, seq, type Draft, type GenContext } from '../context.js';
import { fitToTotal } from '../exact-sum.js';
import { idNumber, mobile, personName } from '../people.js';
import type { Rng } from '../random.js';
import { dataCutoff, targets, years } from '../targets.js';

type Application = Draft<typeof legalAidApplications>;
type Category = Application['applicantCategory'];
type CaseKind = Application['caseKind'];

/** Cause, case kind, amount range in yuan (0 = no amount), and who typically applies. */
const causes: readonly (readonly [string, CaseKind, number, number, Category, number])[] = [
  ['追索劳动报酬', 'non_litigation', 5_000, 120_000, 'migrant_worker', 20],
  ['追索劳动报酬', 'civil', 8_000, 150_000, 'migrant_worker', 12],
  ['工伤保险待遇', 'civil', 30_000, 400_000, 'migrant_worker', 7],
  ['机动车交通事故责任', 'civil', 20_000, 600_000, 'other', 8],
  ['离婚纠纷', 'civil', 20_000, 500_000, 'woman', 7],
  ['抚养费纠纷', 'civil', 10_000, 100_000, 'minor', 4],
  ['赡养费纠纷', 'civil', 10_000, 80_000, 'elderly', 5],
  ['民间借贷纠纷', 'civil', 10_000, 300_000, 'other', 4],
  ['人身损害赔偿', 'civil', 10_000, 300_000, 'disabled', 4],
  ['经济补偿金', 'non_litigation', 10_000, 150_000, 'other', 5],
  ['医疗损害责任', 'civil', 50_000, 500_000, 'elderly', 2],
  ['工伤认定', 'administrative', 0, 0, 'migrant_worker', 2],
  ['盗窃罪', 'criminal', 0, 0, 'other', 6],
  ['诈骗罪', 'criminal', 0, 0, 'other', 4],
  ['帮助信息网络犯罪活动罪', 'criminal', 0, 0, 'other', 4],
  ['危险驾驶罪', 'criminal', 0, 0, 'other', 2],
  ['故意伤害罪', 'criminal', 0, 0, 'minor', 2],
];

const rejectionReasons = ['申请人经济状况不符合法律援助条件', '申请事项不属于法律援助范围', '申请人已委托律师代理', '申请事项已超过仲裁时效且无正当理由'];
const outcomes = ['调解结案', '判决支持全部诉讼请求', '判决支持部分诉讼请求', '仲裁裁决支持申请人请求', '双方和解', '撤诉'];

interface Spec {
  appliedOn: string;
  decision: Application['decision'];
  decidedOn: string | null;
  counted: number | null;
}

export function generateLegalAid(ctx: GenContext) {
  const rng = ctx.rng('legal-aid');
  const specs: Spec[] = [];
  const decide = (applied: string, limit?: string) => {
    const d = addWorkdays(applied, rng.weighted([[0, 35], [1, 25], [2, 15], [3, 12], [5, 8], [7, 5]] as const));
    return limit && d > limit ? limit : d;
  };
  const carry = { 2023: 6, 2024: 8 } as const;
  const rejected = { 2023: 15, 2024: 17 } as const;
  for (const year of years) {
    const { accepted } = targets[year].legalAid;
    // Applied late the year before, decided this January: counted this year.
    for (const a of pickDates(rng, carry[year], `${year - 1}-12-22`, `${year - 1}-12-29`)) specs.push({ appliedOn: a, decision: 'accepted', decidedOn: nextWorkday(`${year}-01-02`), counted: year });
    // Boundary: decided on the last working day of the year.
    const last = year === 2024 ? '2024-12-31' : '2023-12-29';
    specs.push({ appliedOn: addDays(last, -1), decision: 'accepted', decidedOn: last, counted: year });
    for (const a of pickDates(rng, accepted - carry[year] - 1, `${year}-01-02`, `${year}-12-20`)) specs.push({ appliedOn: a, decision: 'accepted', decidedOn: decide(a, last), counted: year });
    for (const a of pickDates(rng, rejected[year], `${year}-01-02`, `${year}-12-20`)) specs.push({ appliedOn: a, decision: 'rejected', decidedOn: decide(a, last), counted: null });
  }
  // Applied in late December 2024, accepted in January 2025: not counted for 2024.
  for (const a of pickDates(rng, 5, '2024-12-23', '2024-12-31')) specs.push({ appliedOn: a, decision: 'accepted', decidedOn: addWorkdays('2025-01-02', rng.int(0, 3)), counted: null });
  // 2025 applications: decided in January, or still under review at the cut-off.
  for (const a of pickDates(rng, 20, '2025-01-02', '2025-01-24')) specs.push({ appliedOn: a, decision: 'accepted', decidedOn: decide(a), counted: null });
  for (const a of pickDates(rng, 5, '2025-02-10', dataCutoff)) specs.push({ appliedOn: a, decision: 'pending', decidedOn: null, counted: null });
  specs.sort(byField('appliedOn'));

  const apps = specs.map((s) => makeApplication(ctx, rng, s));
  for (const year of years) {
    const counted = apps.filter((_, i) => specs[i]!.counted === year && apps[i]!.amount != null);
    const amounts = fitToTotal(counted.map((a) => a.amount!), targets[year].legalAid.amountFen, 100);
    counted.forEach((a, i) => {
      a.amount = amounts[i]!;
      if (a.lossRecovered != null) a.lossRecovered = Math.min(a.lossRecovered, a.amount);
    });
  }
  // Numbering runs on from applications before the data start (late December 2022).
  const counters = new Map<string, number>([['2022', 437]]);
  for (const a of apps) {
    const y = a.appliedOn.slice(0, 4);
    const n = (counters.get(y) ?? 0) + 1;
    counters.set(y, n);
    a.applicationNo = `南沙法援申〔${y}〕第${seq(n)}号`;
  }
  // Accepted 2024 applications entered twice; the copies were deleted.
  for (const a of rng.sample(apps.filter((_, i) => specs[i]!.counted === 2024), 3)) apps.push({ ...a, id: rng.uuid(), deletedAt: deletedAfter(rng, a.decidedOn!) });
  return { legal_aid_applications: apps };
}

function makeApplication(ctx: GenContext, rng: Rng, s: Spec): Application {
  const [cause, caseKind, min, max, typical] = rng.weighted(causes.map((c) => [c, c[5]] as const));
  const applicantCategory: Category = rng.chance(0.7) ? typical : rng.weighted([['other', 4], ['woman', 2], ['elderly', 2], ['disabled', 1], ['military', 0.5]] as const);
  // Minors: defendants are 14–17; children claiming maintenance are younger.
  const birth: readonly [number, number] = applicantCategory === 'elderly' ? [1940, 1963] : applicantCategory === 'minor' ? (caseKind === 'criminal' ? [2006, 2009] : [2008, 2020]) : [1965, 2003];
  const gender = applicantCategory === 'woman' ? 'f' : rng.chance(0.6) ? 'm' : 'f';
  const accepted = s.decision === 'accepted';
  const amount = max > 0 && rng.chance(0.92) ? Math.round(rng.skewed(min, max, 3)) * 100 : null;
  const lawyer = accepted ? rng.pick(ctx.staff.lawyers) : null;
  const closedOn = accepted && s.decidedOn ? addDays(s.decidedOn, rng.int(25, 260)) : null;
  const closed = closedOn !== null && closedOn <= dataCutoff;
  return {
    ...base(rng, ctx.orgs.dept.legalStation.id),
    applicationNo: '',
    applicantName: personName(rng, gender),
    applicantIdNumber: idNumber(rng, birth[0], birth[1], gender),
    applicantPhone: applicantCategory === 'minor' ? null : mobile(rng),
    applicantCategory,
    channel: caseKind === 'criminal' ? 'notified' : rng.weighted([['walk_in', 60], ['online_12348', 18], ['phone', 6], ['referral', 16]] as const),
    caseKind,
    cause,
    amount,
    appliedOn: s.appliedOn,
    decision: s.decision,
    decidedOn: s.decidedOn,
    rejectionReason: s.decision === 'rejected' ? rng.pick(rejectionReasons) : null,
    lawyer: lawyer?.name ?? null,
    lawFirm: lawyer?.firm ?? null,
    closedOn: closed ? closedOn : null,
    outcome: closed ? (caseKind === 'criminal' ? rng.pick(['判决采纳辩护意见', '判决结案']) : rng.pick(outcomes)) : null,
    lossRecovered: closed && amount !== null ? Math.round((amount * rng.int(40, 100)) / 10_000) * 100 : null,
  };
}
