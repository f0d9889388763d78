import { coordinationEvents, supervisionRounds } from '@fazhi/domain';
import { base, deletedAfter, type Draft, type GenContext } from '../context.js';
import type { Rng } from '../random.js';
import { byField, countedDates } from '../series.js';
import { targets, years } from '../targets.js';
import { estateName, places } from '../text-pools.js';

type Round = Draft<typeof supervisionRounds>;

export function generateSupervision(ctx: GenContext, rng: Rng): Round[] {
  const orgId = ctx.orgs.dept.office.id;
  const round = (title: string, conductedOn: string, scope: Round['scope']): Round => {
    const findings = rng.int(0, scope === 'full_coverage' ? 14 : 6);
    return { ...base(rng, orgId), title, conductedOn, scope, findings, rectified: findings - (rng.chance(0.2) ? Math.min(findings, 1) : 0) };
  };
  const rounds: Round[] = [];
  const other = { 2023: { special: 4, spot_check: 5 }, 2024: { special: 5, spot_check: 4 } } as const;
  for (const year of years) {
    const full = countedDates(rng, year, targets[year].fullCoverageSupervisions, {}, year === 2023 ? ['2023-12-28'] : []);
    full.forEach((d, i) => rounds.push(round(`${year}年第${i + 1}次政务服务全覆盖督查`, d, 'full_coverage')));
    for (const d of countedDates(rng, year, other[year].special)) rounds.push(round(rng.pick(['12345热线工单办理质量专项督查', '政务服务窗口作风专项督查', '“一网通办”事项办理专项督查']), d, 'special'));
    for (const d of countedDates(rng, year, other[year].spot_check)) rounds.push(round('政务服务窗口随机抽查', d, 'spot_check'));
  }
  rounds.push(round('2025年第1次政务服务全覆盖督查', '2025-01-09', 'full_coverage'));
  const twice = rounds.find((r) => r.scope === 'full_coverage' && r.conductedOn.startsWith('2024'))!;
  rounds.push({ ...twice, id: rng.uuid(), deletedAt: deletedAfter(rng, twice.conductedOn) });
  return rounds.sort(byField('conductedOn'));
}

type Coordination = Draft<typeof coordinationEvents>;

/** Meetings and site inspections, most following up a hotline ticket of the same period. */
export function generateCoordination(ctx: GenContext, rng: Rng, ticketsByDate: (date: string) => string | null): Coordination[] {
  const { dept } = ctx.orgs;
  const event = (kind: Coordination['kind'], heldOn: string): Coordination => {
    const ticketNo = rng.chance(0.7) ? ticketsByDate(heldOn) : null;
    const issue = rng.pick(['小区噪声扰民', '占道经营', '道路积水', '违规搭建', '物业管理', '工地夜间施工', '油烟扰民', '垃圾清运']);
    return {
      ...base(rng, (kind === 'meeting' ? dept.office : dept.enforcement).id),
      kind,
      topic: kind === 'meeting' ? `${issue}问题协调会` : `${rng.pick(places)}${estateName(rng)}${issue}现场勘查`,
      heldOn,
      ticketNo,
      participants: rng.pick(['综合行政执法队、规划建设办公室、社区居委会', '平安建设办公室、物业服务企业、业主代表', '经济发展办公室、涉事企业', '规划建设办公室、施工单位、社区居委会']),
    };
  };
  const split = { 2023: { meeting: 10, site_inspection: 9 }, 2024: { meeting: 14, site_inspection: 11 } } as const;
  const out: Coordination[] = [];
  for (const year of years) {
    if (split[year].meeting + split[year].site_inspection !== targets[year].coordinationEvents) throw new Error(`coordination ${year}`);
    for (const d of countedDates(rng, year, split[year].meeting, {}, year === 2024 ? ['2024-12-31'] : ['2023-12-29'])) out.push(event('meeting', d));
    for (const d of countedDates(rng, year, split[year].site_inspection, { offDays: 0.2 })) out.push(event('site_inspection', d));
  }
  out.push(event('site_inspection', '2025-01-03'));
  out.push({ ...event('meeting', '2024-06-20'), deletedAt: deletedAfter(rng, '2024-06-20') });
  return out.sort(byField('heldOn'));
}
