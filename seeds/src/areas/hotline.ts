import { hotlineTickets } from '@fazhi/domain';
import { addDays, dateTime, exactDailyCounts, festivalDamping, isHoliday, isWorkday, monthOf } from '../calendar.js';
import { base, deletedAfter, seq, type Draft, type GenContext } from '../context.js';
import { short, type DepartmentKey } from '../orgs.js';
import { honorific, mobile } from '../people.js';
import type { Rng } from '../random.js';
import { targets, years } from '../targets.js';
import { estateName, places } from '../text-pools.js';

type Ticket = Draft<typeof hotlineTickets>;
type Topic = Ticket['topic'];
type Kind = Ticket['kind'];

// Summer brings noise, typhoon and heat complaints; 春节 is quiet.
const months = [0.85, 0.75, 0.95, 1.0, 1.05, 1.15, 1.25, 1.25, 1.1, 0.95, 0.9, 0.95];
const dayWeight = (d: string) => (months[monthOf(d) - 1] ?? 1) * festivalDamping(d) * (isHoliday(d) ? 0.6 : isWorkday(d) ? 1 : 0.75);
const hours: readonly (readonly [number, number])[] = [
  [0, 0.1], [1, 0.05], [2, 0.05], [3, 0.05], [4, 0.05], [5, 0.1], [6, 0.25], [7, 0.5], [8, 1.5], [9, 1.7], [10, 1.7], [11, 1.5],
  [12, 0.9], [13, 1.0], [14, 1.5], [15, 1.6], [16, 1.5], [17, 1.2], [18, 0.9], [19, 0.9], [20, 0.9], [21, 0.7], [22, 0.4], [23, 0.2],
];

const topics: Record<Topic, { weight: number; dept: DepartmentKey; community: number; issues: readonly string[] }> = {
  city_appearance: { weight: 24, dept: 'enforcement', community: 0, issues: ['占道经营', '乱摆卖', '垃圾清运不及时', '违规户外广告', '油烟扰民'] },
  housing: { weight: 16, dept: 'planning', community: 0.35, issues: ['物业服务质量', '电梯故障', '房屋渗漏', '小区停车', '维修资金使用'] },
  traffic: { weight: 9, dept: 'safety', community: 0, issues: ['乱停车', '道路破损', '交通设施损坏', '非机动车乱停放'] },
  labour: { weight: 8, dept: 'publicService', community: 0, issues: ['拖欠工资', '社保缴纳', '劳动合同'] },
  market: { weight: 8, dept: 'economy', community: 0, issues: ['预付卡退费', '商品质量', '价格欺诈'] },
  education: { weight: 5, dept: 'publicService', community: 0, issues: ['学位申请', '校外培训', '入学材料'] },
  health: { weight: 4, dept: 'publicService', community: 0.3, issues: ['疫苗接种', '家庭医生签约', '病媒防制'] },
  public_security: { weight: 6, dept: 'safety', community: 0.3, issues: ['出租屋安全', '噪声扰民', '群租'] },
  construction: { weight: 12, dept: 'enforcement', community: 0, issues: ['夜间施工噪声', '工地扬尘', '违法建设', '余泥渣土'] },
  other: { weight: 8, dept: 'office', community: 0.4, issues: ['政策咨询', '证明开具', '公共设施维修'] },
};
const verbs: Record<Kind, string> = { consultation: '咨询', help: '求助', complaint: '反映', report: '举报', suggestion: '建议处理' };
/** Days allowed to handle each kind of request. */
const limitDays: Record<Kind, number> = { consultation: 1, help: 3, complaint: 5, report: 5, suggestion: 10 };

export interface Hotline {
  tickets: Ticket[];
  /** A ticket received a few days before `date`, for coordination records that follow one up. */
  ticketBefore: (date: string) => string | null;
}

export function generateHotline(ctx: GenContext, rng: Rng): Hotline {
  const { dept, communities, districtJustice } = ctx.orgs;
  const topicEntries = Object.entries(topics).map(([k, t]) => [k as Topic, t.weight] as const);
  const kindEntries = [['consultation', 33], ['help', 14], ['complaint', 40], ['report', 7], ['suggestion', 6]] as const;
  const channelEntries = [['phone', 62], ['wechat', 18], ['app', 10], ['web', 7], ['other', 3]] as const;
  const dayNumbers = new Map<string, number>();

  const ticket = (date: string, minute: number, satisfied: boolean): Ticket => {
    const topic = rng.weighted(topicEntries);
    const t = topics[topic];
    const kind = rng.weighted(kindEntries);
    const unit = rng.chance(t.community) ? rng.pick(communities) : dept[t.dept];
    const receivedAt = dateTime(date, minute, rng.int(0, 59));
    const limit = limitDays[kind] * 1440;
    const late = rng.chance(0.024);
    const took = late ? limit + rng.int(30, 72 * 60) : Math.max(20, Math.round(rng.skewed(0.03, 0.95, 2) * limit));
    const rated = rng.chance(0.38);
    const n = (dayNumbers.get(date) ?? rng.int(800, 30_000)) + rng.int(1, 180);
    dayNumbers.set(date, n);
    return {
      ...base(rng, unit.id),
      ticketNo: `GZ${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}${seq(n, 5)}`,
      channel: rng.weighted(channelEntries),
      kind,
      topic,
      summary: rng.chance(0.22) ? `${verbs[kind]}${rng.chance(0.5) ? rng.pick(places) : estateName(rng)}${rng.pick(t.issues)}` : null,
      callerName: rng.chance(0.72) ? honorific(rng) : null,
      callerPhone: rng.chance(0.85) ? mobile(rng) : null,
      department: short(unit),
      receivedAt,
      dueAt: dateTime(date, minute + limit, Number(receivedAt.slice(17, 19))),
      closedAt: dateTime(date, minute + took, rng.int(0, 59)),
      satisfaction: rated ? (satisfied ? rng.weighted([['satisfied', 92], ['basically', 8]] as const) : rng.weighted([['satisfied', 89], ['basically', 10], ['dissatisfied', 1]] as const)) : null,
    };
  };
  const minuteOfDay = () => rng.weighted(hours) * 60 + rng.int(0, 59);

  const tickets: Ticket[] = [];
  for (const year of years) {
    const counts = exactDailyCounts(targets[year].hotlineTickets, `${year}-01-01`, `${year}-12-31`, dayWeight);
    const yearly: Ticket[] = [];
    for (const [date, n] of counts) {
      const minutes = Array.from({ length: n }, minuteOfDay).sort((a, b) => a - b);
      // Year boundaries: the first ticket just after midnight on 1 January, the last just before midnight on 31 December.
      if (date.endsWith('-01-01')) minutes[0] = 3;
      if (date.endsWith('-12-31')) minutes[minutes.length - 1] = 23 * 60 + 58;
      for (const m of minutes) yearly.push(ticket(date, m, year === 2024));
    }
    if (year === 2023) {
      // A few 2023 tickets stayed open (long-standing cases) and a handful were rated dissatisfied.
      for (const t of rng.sample(yearly, 23)) t.closedAt = null;
      const rated = yearly.filter((t) => t.satisfaction !== null);
      const dissatisfied = yearly.filter((t) => t.satisfaction === 'dissatisfied').length;
      for (const t of rng.sample(rated.filter((t) => t.satisfaction !== 'dissatisfied'), Math.max(0, 31 - dissatisfied))) t.satisfaction = 'dissatisfied';
    }
    tickets.push(...yearly);
  }
  // Not 2024: the first days of 2025 (two still open, one dissatisfied rating)…
  const early2025: Ticket[] = [];
  for (let d = 0; d < 5; d++) for (let i = 0; i < 8; i++) early2025.push(ticket(addDays('2025-01-01', d), d === 0 && i === 0 ? 1 : minuteOfDay(), true));
  early2025[0]!.closedAt = null;
  early2025[9]!.closedAt = null;
  early2025[4]!.satisfaction = 'dissatisfied';
  tickets.push(...early2025);
  // …duplicates dispatched twice and deleted (never closed, or rated badly)…
  for (const [i, t] of rng.sample(tickets.filter((x) => x.receivedAt.startsWith('2024')), 12).entries()) {
    tickets.push({ ...t, id: rng.uuid(), closedAt: i % 2 === 0 ? null : t.closedAt, satisfaction: i % 2 === 1 ? 'dissatisfied' : null, deletedAt: deletedAfter(rng, t.receivedAt.slice(0, 10), 1) });
  }
  // …and tickets passed to the district bureau, outside the street's subtree.
  for (const [i, d] of ['2024-03-05', '2024-07-22', '2024-11-11'].entries()) {
    const t = ticket(d, minuteOfDay(), true);
    tickets.push({ ...t, orgId: districtJustice.id, department: short(districtJustice), closedAt: i === 0 ? null : t.closedAt, satisfaction: i === 1 ? 'dissatisfied' : t.satisfaction });
  }

  const byDate = new Map<string, string[]>();
  for (const t of tickets) {
    if (t.deletedAt || t.orgId === districtJustice.id) continue;
    const d = t.receivedAt.slice(0, 10);
    byDate.set(d, [...(byDate.get(d) ?? []), t.ticketNo].slice(0, 12));
  }
  const ticketBefore = (date: string) => {
    const list = byDate.get(addDays(date, -rng.int(1, 10)));
    return list ? rng.pick(list) : null;
  };
  return { tickets, ticketBefore };
}
