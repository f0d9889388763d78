import { mediationCases } from '@fazhi/domain';
import { addDays, pickDates } from '../calendar.js';
import { byField } from '../series.js';
import { base, deletedAfter, seq, type Draft, type GenContext } from '../context.js';
import { fitToTotal, nudgeToTotal } from '../exact-sum.js';
import { idNumber, mobile, partyNames } from '../people.js';
import type { Rng } from '../random.js';
import { dataCutoff, targets, years } from '../targets.js';

type Case = Draft<typeof mediationCases>;
type DisputeType = Case['disputeType'];
type Result = NonNullable<Case['result']>;

interface TypeProfile {
  weight: number;
  /** Share of cases involving a group (many households, a crew of workers…). */
  group: number;
  /** Share of cases with an amount, and its range in yuan (single / group). */
  withAmount: number;
  yuan: readonly [number, number];
  groupYuan?: readonly [number, number];
  summaries: readonly string[];
  groupSummaries?: readonly string[];
}

const types: Record<DisputeType, TypeProfile> = {
  neighbourhood: { weight: 18, group: 0, withAmount: 0.4, yuan: [500, 15_000], summaries: ['楼上渗漏水引发邻里纠纷', '装修噪音扰民纠纷', '公共通道堆放杂物纠纷', '饲养宠物扰邻纠纷', '空调外机位置纠纷'] },
  marriage_family: { weight: 12, group: 0, withAmount: 0.3, yuan: [5_000, 200_000], summaries: ['离婚财产分割纠纷', '赡养老人费用分摊纠纷', '子女抚养费纠纷', '家庭成员房产使用纠纷'] },
  property_management: { weight: 14, group: 0.5, withAmount: 0.9, yuan: [2_000, 60_000], groupYuan: [20_000, 300_000], summaries: ['拖欠物业管理费纠纷', '小区车位管理纠纷', '房屋漏水维修责任纠纷'], groupSummaries: ['业主与物业公司服务质量纠纷', '电梯维修资金分摊纠纷', '物业服务企业退出交接纠纷'] },
  labour: { weight: 12, group: 0.4, withAmount: 0.95, yuan: [3_000, 60_000], groupYuan: [50_000, 600_000], summaries: ['拖欠工资纠纷', '工伤待遇纠纷', '解除劳动关系经济补偿纠纷'], groupSummaries: ['工地拖欠农民工工资纠纷', '企业停业欠薪纠纷'] },
  traffic_accident: { weight: 10, group: 0, withAmount: 0.95, yuan: [3_000, 150_000], summaries: ['电动自行车与行人碰撞赔偿纠纷', '机动车追尾事故赔偿纠纷', '非机动车刮碰赔偿纠纷'] },
  damages: { weight: 8, group: 0, withAmount: 0.9, yuan: [2_000, 100_000], summaries: ['高空坠物致车辆受损赔偿纠纷', '宠物伤人赔偿纠纷', '打架致伤赔偿纠纷'] },
  contract: { weight: 8, group: 0.15, withAmount: 0.95, yuan: [5_000, 300_000], groupYuan: [20_000, 200_000], summaries: ['装修合同履行纠纷', '房屋租赁押金返还纠纷', '民间借贷纠纷'], groupSummaries: ['培训机构预付费退费纠纷'] },
  consumer: { weight: 5, group: 0.2, withAmount: 0.95, yuan: [500, 30_000], groupYuan: [10_000, 150_000], summaries: ['商品质量退换纠纷', '美容服务退费纠纷'], groupSummaries: ['健身房预付卡退费纠纷'] },
  housing_land: { weight: 4, group: 0, withAmount: 0.8, yuan: [10_000, 200_000], summaries: ['房屋买卖过户纠纷', '相邻房屋采光通风纠纷'] },
  business_operation: { weight: 3, group: 0, withAmount: 0.95, yuan: [10_000, 300_000], summaries: ['合伙经营利润分配纠纷', '商铺转让费纠纷'] },
  land_acquisition: { weight: 2, group: 0.7, withAmount: 0.9, yuan: [50_000, 500_000], groupYuan: [200_000, 900_000], summaries: ['城市更新项目补偿纠纷'], groupSummaries: ['城市更新项目集体补偿纠纷'] },
  environment: { weight: 2, group: 0.5, withAmount: 0.3, yuan: [5_000, 80_000], summaries: ['餐饮油烟扰民纠纷'], groupSummaries: ['工地夜间施工噪声扰民纠纷'] },
  medical: { weight: 1, group: 0, withAmount: 0.9, yuan: [10_000, 200_000], summaries: ['诊所治疗费用纠纷'] },
  forest_land: { weight: 0, group: 0, withAmount: 0.5, yuan: [5_000, 50_000], summaries: ['承包土地界址纠纷'] },
  other: { weight: 4, group: 0, withAmount: 0.5, yuan: [1_000, 50_000], summaries: ['其他民间纠纷'] },
};

/** Mediation runs every day but slows at 春节; wage disputes push January up. */
const months = [1.2, 0.7, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.95, 1.0, 1.15];

interface Spec {
  acceptedOn: string;
  closedOn: string | null;
  result: Result | null;
  /** Counts toward the year's reported successes (live, in the street's subtree). */
  counted: number | null;
  outOfScope?: boolean;
}

export function generateMediation(ctx: GenContext) {
  const rng = ctx.rng('mediation');
  const specs: Spec[] = [];
  const duration = (r: Rng) => Math.round(r.skewed(0, 28, 2));
  const closedWithin = (accepted: string, year: number) => {
    const c = addDays(accepted, duration(rng));
    return c > `${year}-12-31` ? `${year}-12-31` : c;
  };
  const plan = {
    2023: { carryIn: 7, failures: 19, terminated: 5 },
    2024: { carryIn: 9, failures: 21, terminated: 7 },
  } as const;
  for (const year of years) {
    const p = plan[year];
    const { successes } = targets[year].mediation;
    // Accepted late the year before, closed (successfully) early this year: they count this year.
    const carryAccepted = pickDates(rng, p.carryIn, `${year - 1}-12-10`, `${year - 1}-12-30`, { months, offDays: 0.4 });
    carryAccepted.forEach((a, i) => specs.push({ acceptedOn: a, closedOn: i === 0 ? `${year}-01-01` : addDays(`${year}-01-02`, rng.int(0, 20)), result: 'success', counted: year }));
    // Boundary: closed on the year's last day.
    specs.push({ acceptedOn: `${year}-12-26`, closedOn: `${year}-12-31`, result: 'success', counted: year });
    const inYear = pickDates(rng, successes - p.carryIn - 1, `${year}-01-01`, `${year}-12-20`, { months, offDays: 0.4 });
    for (const a of inYear) specs.push({ acceptedOn: a, closedOn: closedWithin(a, year), result: 'success', counted: year });
    for (const a of pickDates(rng, p.failures, `${year}-01-01`, `${year}-12-15`, { months, offDays: 0.4 })) specs.push({ acceptedOn: a, closedOn: closedWithin(a, year), result: 'failure', counted: null });
    for (const a of pickDates(rng, p.terminated, `${year}-01-01`, `${year}-12-15`, { months, offDays: 0.4 })) specs.push({ acceptedOn: a, closedOn: closedWithin(a, year), result: 'terminated', counted: null });
    // Successes handled by the district bureau: outside the street's subtree.
    if (year === 2024) for (const a of ['2024-05-08', '2024-09-19']) specs.push({ acceptedOn: a, closedOn: addDays(a, 9), result: 'success', counted: null, outOfScope: true });
  }
  // Accepted in December 2024: closed in January 2025 (one on New Year's Day), or still open.
  for (const a of pickDates(rng, 6, '2024-12-16', '2024-12-30', { offDays: 0.4 })) specs.push({ acceptedOn: a, closedOn: null, result: 'success', counted: null });
  specs[specs.length - 6]!.closedOn = '2025-01-01';
  for (const s of specs.slice(-5)) s.closedOn = addDays('2025-01-03', rng.int(0, 25));
  specs.push({ acceptedOn: '2024-12-18', closedOn: '2025-01-15', result: 'failure', counted: null });
  for (const a of pickDates(rng, 11, '2024-11-25', '2024-12-31', { offDays: 0.4 })) specs.push({ acceptedOn: a, closedOn: null, result: null, counted: null });
  // Early 2025 cases, still open when the data were taken.
  for (const a of pickDates(rng, 8, '2025-01-02', dataCutoff, { offDays: 0.4 })) specs.push({ acceptedOn: a, closedOn: null, result: null, counted: null });

  specs.sort(byField('acceptedOn'));
  const cases = specs.map((s) => makeCase(ctx, rng, s));

  // Hit the reported totals exactly: people through the group cases, money across all amounts.
  for (const year of years) {
    const { parties, amountFen } = targets[year].mediation;
    const counted = cases.filter((_, i) => specs[i]!.counted === year);
    const people = nudgeToTotal(counted.map((c) => c.partiesCount), parties, (i) => counted[i]!.partiesCount >= 8, 8);
    counted.forEach((c, i) => {
      c.partiesCount = people[i]!;
      if (c.partiesCount > 3) c.partyNames = c.partyNames!.replace(/等\d+人$/, `等${c.partiesCount}人`);
    });
    const withAmount = counted.filter((c) => c.amount != null);
    const amounts = fitToTotal(withAmount.map((c) => c.amount!), amountFen, 100);
    withAmount.forEach((c, i) => (c.amount = amounts[i]!));
  }

  numberCases(cases, specs);
  // Successes entered twice; the copies were deleted.
  const copies = years.flatMap((year) => rng.sample(cases.filter((_, i) => specs[i]!.counted === year), year === 2024 ? 2 : 1));
  for (const c of copies) cases.push({ ...c, id: rng.uuid(), deletedAt: deletedAfter(rng, c.closedOn!) });
  return { mediation_cases: cases };
}

function makeCase(ctx: GenContext, rng: Rng, s: Spec): Case {
  const { committees, communities, districtJustice } = ctx.orgs;
  const disputeType = rng.weighted(Object.entries(types).map(([k, t]) => [k as DisputeType, t.weight] as const));
  const t = types[disputeType];
  const group = rng.chance(t.group);
  const partiesCount = group ? Math.round(rng.skewed(8, 60, 2)) : rng.weighted([[2, 70], [3, 20], [4, 6], [5, 3], [6, 1]] as const);
  const yuan = group && t.groupYuan ? t.groupYuan : t.yuan;
  const amount = rng.chance(t.withAmount) ? Math.round(rng.skewed(yuan[0], yuan[1], 3)) * 100 : null;
  const committee =
    disputeType === 'traffic_accident'
      ? committees.traffic
      : disputeType === 'property_management' && rng.chance(0.8)
        ? committees.property
        : ['labour', 'land_acquisition', 'business_operation'].includes(disputeType) || rng.chance(0.35)
          ? committees.street
          : committees.byCommunity.get(rng.pick(communities).id)!;
  const closed = s.closedOn !== null;
  const success = s.result === 'success' && closed;
  const followUp = success && rng.chance(0.45) ? addDays(s.closedOn!, rng.int(7, 30)) : null;
  const followed = followUp !== null && followUp <= dataCutoff;
  const written = success && (group || amount !== null ? rng.chance(0.9) : rng.chance(0.6));
  const shown = Math.min(partiesCount, 2);
  const withContacts = rng.chance(0.55);
  return {
    ...base(rng, s.outOfScope ? districtJustice.id : committee.id),
    caseNo: '',
    source: rng.weighted([['party_application', 45], ['proactive', 20], ['police_referral', 12], ['court_entrusted', 15], ['government_assigned', 8]] as const),
    disputeType,
    summary: rng.pick(group && t.groupSummaries ? t.groupSummaries : t.summaries),
    partyNames: partyNames(rng, partiesCount),
    partyIdNumbers: withContacts ? Array.from({ length: shown }, () => idNumber(rng)).join('、') : null,
    partyPhones: withContacts ? Array.from({ length: shown }, () => mobile(rng)).join('、') : null,
    partiesCount,
    amount,
    mediator: rng.pick(ctx.staff.mediators),
    acceptedOn: s.acceptedOn,
    status: !closed ? rng.weighted([['accepted', 3], ['mediating', 7]] as const) : followed ? 'followed_up' : 'closed',
    closedOn: s.closedOn,
    result: closed ? s.result : null,
    agreementForm: success ? (written ? 'written' : 'oral') : null,
    performance: success ? (written ? rng.weighted([['fulfilled', 80], ['partially', 10], ['pending', 10]] as const) : 'fulfilled') : null,
    followUpOn: followed ? followUp : null,
    satisfaction: followed ? rng.weighted([['satisfied', 88], ['basically', 11], ['dissatisfied', 1]] as const) : null,
    preventedCriminal: closed ? ['neighbourhood', 'damages', 'marriage_family'].includes(disputeType) && rng.chance(0.08) : null,
    preventedPetition: closed ? group && rng.chance(0.6) : null,
  };
}

/** 南沙调〔2024〕第0123号 in order of acceptance; the district bureau numbers its own. */
function numberCases(cases: Case[], specs: Spec[]): void {
  // Numbering runs on from cases before the data start: December 2022 is late in that year's series.
  const counters = new Map<string, number>([['2022', 268]]);
  cases.forEach((c, i) => {
    const s = specs[i]!;
    const y = c.acceptedOn.slice(0, 4);
    const key = s.outOfScope ? `d${y}` : y;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    c.caseNo = s.outOfScope ? `南司调〔${y}〕第${seq(n, 3)}号` : `南沙调〔${y}〕第${seq(n)}号`;
  });
}
