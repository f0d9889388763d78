import { auxiliaryStaff, enforcementActions, enforcementOfficers, officerTrainings } from '@fazhi/domain';
import { addDays, daysBetween } from '../calendar.js';
import { base, deletedAfter, seq, type Draft, type GenContext } from '../context.js';
import { personName } from '../people.js';
import type { Rng } from '../random.js';
import { byField, countedDates, numbered } from '../series.js';
import { targets, years, type Year } from '../targets.js';
import { companyName, estateName, places, shopName } from '../text-pools.js';

type Officer = Draft<typeof enforcementOfficers>;
type Training = Draft<typeof officerTrainings>;
type Action = Draft<typeof enforcementActions>;
type ActionKind = Action['kind'];

/** Active on `date`: certified by then and not yet left (the `until` day itself no longer counts). */
const activeOn = (o: Officer, date: string) => o.deletedAt === null && o.since <= date && (o.until == null || o.until > date);

function buildOfficers(ctx: GenContext, rng: Rng): { officers: Officer[]; group: Record<string, Officer[]> } {
  const { enforcement, emergency } = ctx.orgs.dept;
  const certs = new Set<string>();
  const cert = () => {
    let c: string;
    do c = `44011500${rng.digits(4)}`;
    while (certs.has(c));
    certs.add(c);
    return c;
  };
  const officer = (since: string, until: string | null, position = '执法队员'): Officer => {
    const safety = rng.chance(0.1);
    // A few officers sit in the emergency office for work-safety enforcement.
    return { ...base(rng, safety ? emergency.id : enforcement.id), name: personName(rng), certificateNo: cert(), unit: safety ? '应急管理办公室' : '综合行政执法队', position: safety ? '安全生产执法人员' : position, since, until };
  };
  const sinceBefore = (latest: number) => `${rng.int(2012, latest)}-${seq(rng.int(1, 12), 2)}-${seq(rng.int(1, 28), 2)}`;
  const positions = ['队长', '副队长', '副队长', '中队长', '中队长', '中队长', '中队长'];
  // Long-serving officers, three of them certified in 2023.
  const serving = Array.from({ length: 30 }, (_, i) => officer(sinceBefore(2022), null, positions[i] ?? '执法队员'));
  serving.push(officer('2023-03-15', null), officer('2023-06-20', null), officer('2023-06-20', null));
  const leftIn2024 = [officer(sinceBefore(2021), '2024-06-30'), officer(sinceBefore(2020), '2024-09-13')];
  const newIn2024 = [officer('2024-03-26', null), officer('2024-03-26', null), officer('2024-03-26', null)];
  // Near misses: left on 2024-01-01 (not active in 2024), left during 2023, certified in 2025,
  // left before 2023, and a deleted duplicate entry.
  const leftOnNewYear = [officer(sinceBefore(2019), '2024-01-01')];
  const leftIn2023 = [officer(sinceBefore(2018), '2023-05-31'), officer(sinceBefore(2018), '2023-08-31'), officer(sinceBefore(2018), '2023-10-31')];
  const certifiedIn2025 = [officer('2025-01-06', null)];
  const leftBefore2023 = [officer(sinceBefore(2016), '2022-12-31')];
  const duplicate = { ...serving[12]!, id: rng.uuid(), deletedAt: deletedAfter(rng, '2024-02-20') };
  const officers = [...serving, ...leftIn2024, ...newIn2024, ...leftOnNewYear, ...leftIn2023, ...certifiedIn2025, ...leftBefore2023, duplicate];
  return { officers, group: { serving, leftIn2024, newIn2024, leftOnNewYear, leftIn2023, certifiedIn2025 } };
}

interface Session {
  course: string;
  date: string;
  hours: number;
  format: Training['format'];
  /** Everyone active attends; otherwise only when added to reach the hours. */
  mandatory: boolean;
}

function sessionsOf(year: Year): Session[] {
  const y = String(year);
  const s = (course: string, md: string, hours: number, format: Training['format'], mandatory: boolean): Session => ({ course: `${y}年${course}`, date: `${y}-${md}`, hours, format, mandatory });
  return [
    s('《行政处罚法》《行政强制法》专题培训', '03-07', 8, 'classroom', true),
    s('执法全过程记录与执法文书制作培训', '04-18', 4, 'classroom', true),
    s('综合行政执法业务骨干培训班', '05-22', 16, 'classroom', false),
    s('燃气安全执法专题培训', '06-13', 4, 'classroom', true),
    s('安全生产执法检查实务培训', '07-11', 6, 'classroom', true),
    s('习近平法治思想专题讲座', '09-05', 4, 'classroom', true),
    s('行政执法人员年度考试测评', '11-14', 4, 'exam', true),
    ...['03-28', '04-25', '05-30', '06-27', '07-25', '08-29', '09-26', '10-31', '11-28'].map((md) => s('城市管理执法以案代训', md, 6, 'practice', false)),
  ];
}

function buildTrainings(ctx: GenContext, rng: Rng, officers: Officer[], group: Record<string, Officer[]>): Training[] {
  const out: Training[] = [];
  const orgId = ctx.orgs.dept.enforcement.id;
  const add = (o: Officer, course: string, trainedOn: string, hours: number, format: Training['format'], deletedAt: string | null = null) =>
    out.push({ ...base(rng, orgId), deletedAt, officerId: o.id, course, trainedOn, hours, format });
  const live = officers.filter((o) => o.deletedAt === null);

  for (const year of years) {
    const sessions = sessionsOf(year);
    const inYear = live.filter((x) => x.since < `${year + 1}-01-01` && (x.until == null || x.until > `${year}-01-01`));
    for (const o of inYear) {
      let hours = 0;
      const attend = (s: Session) => {
        if (!activeOn(o, s.date)) return;
        add(o, s.course, s.date, s.hours, s.format);
        hours += s.hours;
      };
      // Online public-law course: 24 hours, finished on a personal date while in post.
      const firstDay = o.since > `${year}-02-19` ? o.since : `${year}-02-19`;
      // Officers certified after the spring window take the course later in the year.
      const windowEnd = o.since > `${year}-05-31` ? `${year}-11-30` : `${year}-05-31`;
      const lastDay = o.until && o.until <= windowEnd ? addDays(o.until, -1) : windowEnd;
      if (firstDay <= lastDay) {
        add(o, `${year}年度行政执法人员公共法律知识网络培训`, addDays(firstDay, rng.int(0, daysBetween(firstDay, lastDay))), 24, 'online');
        hours += 24;
      }
      if (year === 2024 && o.since === '2024-03-26') {
        add(o, '新取得行政执法证件人员岗前培训', '2024-03-11', 40, 'pre_service');
        hours += 40;
      }
      for (const s of sessions) if (s.mandatory) attend(s);
      const optional = rng.shuffle(sessions.filter((s) => !s.mandatory));
      const chosen = rng.int(1, 3);
      optional.slice(0, chosen).forEach(attend);
      for (const s of optional.slice(chosen)) if (hours < 60) attend(s);
      if (hours < 60 && !(year === 2023 && o.until != null && o.until < '2024-01-01')) throw new Error(`officer ${o.name} has only ${hours} hours in ${year}`);
    }
  }

  // In 2023 four officers fell short of 60 hours: two who left early in the year and two on long
  // leave. Their later 2023 sessions are dropped so each ends at most at 51 hours.
  const [shortA, shortB] = [group.serving![20]!, group.serving![27]!];
  for (const o of [group.leftIn2023![0]!, group.leftIn2023![1]!, shortA, shortB]) {
    let total = 0;
    const mine = out.filter((t) => t.officerId === o.id && t.trainedOn.startsWith('2023')).sort(byField('trainedOn'));
    for (const t of mine) {
      if (total + t.hours > 51) out.splice(out.indexOf(t), 1);
      else total += t.hours;
    }
  }
  // Near misses that would each lift a 2023 total past 60 if the period or deletion were ignored.
  add(shortA, '行政执法人员网络学习（补学）', '2024-01-01', 12, 'online');
  add(shortA, '2023年综合行政执法业务骨干培训班', '2023-05-22', 16, 'classroom', deletedAfter(rng, '2023-05-22'));
  // Counted in 2023, and still leaves the officer short.
  add(shortB, '行政执法人员网络学习（补学）', '2023-12-31', 4, 'online');
  // A 2024 class entered twice for one officer; the copy was deleted.
  const twice = out.find((t) => t.trainedOn === '2024-04-18')!;
  out.push({ ...twice, id: rng.uuid(), deletedAt: deletedAfter(rng, twice.trainedOn) });
  // January 2025: the new year's first class, counted for 2025 only.
  for (const o of live.filter((x) => activeOn(x, '2025-01-16')).slice(0, 24)) add(o, '2025年节前安全生产执法专题培训', '2025-01-16', 4, 'classroom');
  // Certified only in 2025: pre-service training in December 2024 (40 hours, short of 60).
  add(group.certifiedIn2025![0]!, '新取得行政执法证件人员岗前培训', '2024-12-10', 40, 'pre_service');
  return out;
}

const matters: Record<ActionKind, readonly string[]> = {
  guidance: ['指导规范设置户外招牌', '指导落实门前三包责任', '指导规范餐饮油烟净化设施', '指导建筑工地规范围蔽', '指导规范燃气使用', '指导规范生活垃圾分类投放'],
  reminder: ['提示及时清理占道堆放物品', '提示规范店外经营', '提示落实节假日安全生产责任', '提示及时办理户外广告设置手续'],
  advice: ['建议完善垃圾分类管理制度', '建议优化工地扬尘防治措施', '建议增设油烟在线监测设备'],
  warning: ['告诫停止违规占道经营', '告诫停止未经许可设置户外广告', '告诫规范建筑垃圾运输'],
  interview: ['约谈物业服务企业负责人（垃圾分类不到位）', '约谈施工单位负责人（夜间施工扰民）', '约谈商户负责人（反复占道经营）', '约谈燃气经营企业负责人（安全隐患整改滞后）'],
  revisit: ['回访整改落实情况', '回访约谈后整改情况', '回访行政辅导后规范经营情况'],
  inspection: ['市容环境卫生检查', '燃气使用安全检查', '建筑工地文明施工检查', '餐饮油烟排放检查', '户外广告设置检查', '出租屋消防安全检查', '“三小场所”安全检查'],
  penalty: ['未经批准擅自占道经营', '未按规定设置户外招牌', '随意倾倒建筑垃圾', '餐饮油烟超标排放', '违规搭建临时建筑物', '未按规定分类投放生活垃圾'],
};

const legalBases: Record<string, string> = {
  未经批准擅自占道经营: '《城市市容和环境卫生管理条例》第三十六条',
  未按规定设置户外招牌: '《广州市户外广告和招牌设置管理条例》第四十七条',
  随意倾倒建筑垃圾: '《广州市建筑废弃物管理条例》第四十一条',
  餐饮油烟超标排放: '《中华人民共和国大气污染防治法》第一百一十八条',
  违规搭建临时建筑物: '《广州市违法建设查处条例》第二十二条',
  未按规定分类投放生活垃圾: '《广州市生活垃圾分类管理条例》第七十八条',
};

function buildActions(ctx: GenContext, rng: Rng, officers: Officer[]): Action[] {
  const orgId = ctx.orgs.dept.enforcement.id;
  const pickOfficers = (date: string): [string, string] => {
    const pool = officers.filter((o) => activeOn(o, date));
    const [a, b] = rng.sample(pool, 2);
    return [a!.id, b!.id];
  };
  const make = (kind: ActionKind, actedOn: string): Action => {
    const matter = rng.pick(matters[kind]);
    const targetType = kind === 'penalty' ? rng.weighted([['individual_business', 6], ['person', 3], ['enterprise', 2]] as const) : kind === 'inspection' ? rng.weighted([['individual_business', 5], ['enterprise', 5]] as const) : rng.weighted([['enterprise', 7], ['individual_business', 3]] as const);
    const targetName = targetType === 'person' ? personName(rng) : targetType === 'enterprise' ? companyName(rng) : shopName(rng);
    const [officer1Id, officer2Id] = pickOfficers(actedOn);
    const penalty = kind === 'penalty';
    return {
      ...base(rng, orgId),
      actionNo: '',
      kind,
      actedOn,
      targetType,
      targetName,
      matter: kind === 'inspection' && rng.chance(0.3) ? `${rng.pick(places)}${estateName(rng)}周边${matter}` : matter,
      jointInspection: kind === 'inspection' ? rng.chance(0.2) : null,
      officer1Id,
      officer2Id,
      legalBasis: penalty ? legalBases[matter]! : null,
      penaltyAmount: penalty ? rng.pick(targetType === 'person' ? [50, 100, 200, 500] : targetType === 'individual_business' ? [200, 500, 1000, 2000, 3000] : [2000, 5000, 10000, 20000, 30000]) * 100 : null,
      legalReviewDone: penalty ? true : null,
      publicized: penalty ? true : null,
      fullyRecorded: true,
    };
  };

  const actions: Action[] = [];
  for (const year of years) {
    const counts = targets[year].actions;
    const yearly: Action[] = [];
    for (const kind of Object.keys(counts) as ActionKind[]) {
      const bounds = kind === 'guidance' ? (year === 2024 ? ['2024-12-31'] : ['2023-12-31']) : [];
      // Inspections also happen on weekends and holidays; other actions are office-day work.
      const profile = kind === 'inspection' ? { offDays: 0.35 } : {};
      for (const d of countedDates(rng, year, counts[kind], profile, bounds)) yearly.push(make(kind, d));
    }
    actions.push(...yearly);
  }
  // Near misses: early-2025 actions and deleted 2024 duplicates of the three reported kinds.
  actions.push(make('interview', '2025-01-02'), make('warning', '2025-01-08'), make('guidance', '2025-01-01'));
  for (const [kind, d] of [['guidance', '2024-05-16'], ['interview', '2024-09-24'], ['warning', '2024-11-05']] as const) {
    actions.push({ ...make(kind, d), deletedAt: deletedAfter(rng, d) });
  }
  actions.sort(byField('actedOn'));
  const byYear = new Map<string, Action[]>();
  for (const a of actions) byYear.set(a.actedOn.slice(0, 4), [...(byYear.get(a.actedOn.slice(0, 4)) ?? []), a]);
  for (const [y, list] of byYear) for (const [a, n] of numbered(list)) a.actionNo = `南街综执〔${y}〕${seq(n)}号`;
  return actions;
}

type Aux = Draft<typeof auxiliaryStaff>;

function buildAuxiliary(ctx: GenContext, rng: Rng): Aux[] {
  const orgId = ctx.orgs.dept.enforcement.id;
  const teams = ['第一中队', '第二中队', '第三中队', '第四中队', '综合中队'];
  const out: Aux[] = [];
  const hire = (hiredOn: string, n: number, leaveRate: number) => {
    for (let i = 0; i < n; i++) {
      const leaves = rng.chance(leaveRate);
      const leftOn = leaves ? addDays(hiredOn, rng.int(60, 700)) : null;
      out.push({
        ...base(rng, orgId),
        name: personName(rng),
        post: rng.weighted([['patrol', 45], ['city_management', 30], ['safety', 12], ['clerical', 8], ['other', 5]] as const),
        team: rng.pick(teams),
        hiredOn,
        leftOn: leftOn && leftOn < '2025-02-14' ? leftOn : null,
      });
    }
  };
  hire('2021-04-12', 30, 0.3);
  hire('2022-08-15', 25, 0.25);
  // 2023: 46 recruits in three batches, the last on the year's final working day.
  hire('2023-04-10', 24, 0.15);
  hire('2023-09-04', 18, 0.1);
  hire('2023-12-29', 4, 0.05);
  // 2024: 134 recruits in three batches ("130余名").
  hire('2024-03-18', 56, 0.06);
  hire('2024-07-08', 45, 0.04);
  hire('2024-10-21', 33, 0);
  // Near misses: a January 2025 batch and three 2024 entries made twice and deleted.
  hire('2025-01-02', 6, 0);
  for (const d of ['2024-03-18', '2024-07-08', '2024-10-21']) {
    const copy = out.find((a) => a.hiredOn === d)!;
    out.push({ ...copy, id: rng.uuid(), deletedAt: deletedAfter(rng, d) });
  }
  return out;
}

export function generateEnforcement(ctx: GenContext) {
  const rng = ctx.rng('enforcement');
  const { officers, group } = buildOfficers(ctx, rng.fork('officers'));
  const trainings = buildTrainings(ctx, rng.fork('trainings'), officers, group);
  const actions = buildActions(ctx, rng.fork('actions'), officers);
  const aux = buildAuxiliary(ctx, rng.fork('auxiliary'));
  return { enforcement_actions: actions, enforcement_officers: officers, officer_trainings: trainings, auxiliary_staff: aux };
}
