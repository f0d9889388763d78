import { loadDataset, type Dataset } from '@fazhi/dataset';
import type { AnyRecord } from '@fazhi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { nanshaDir } from './generate-nansha.js';

/**
 * Every figure of the reference report, computed straight from the committed records with plain
 * code, one rule each: "within Y" means start-of-Y ≤ date < start-of-Y+1 (text comparison, so
 * +08:00 date-times work too); soft-deleted rows and rows outside the street's subtree never count.
 */
let ds: Dataset;
let scope: Set<string>;
beforeAll(async () => {
  ds = await loadDataset(nanshaDir);
  scope = ds.orgs.subtreeIds(ds.manifest.rootOrgId);
});

type Rec = AnyRecord & Record<string, unknown>;
const all = (kind: string): Rec[] => (ds.records.get(kind) ?? []) as Rec[];
const live = (kind: string) => all(kind).filter((r) => r.deletedAt === null && scope.has(r.orgId));
const inYear = (field: string, y: number) => (r: Rec) => typeof r[field] === 'string' && (r[field] as string) >= `${y}-01-01` && (r[field] as string) < `${y + 1}-01-01`;
const count = (kind: string, field: string, y: number, where: (r: Rec) => boolean = () => true) => live(kind).filter(inYear(field, y)).filter(where).length;
const sum = (rows: Rec[], field: string) => rows.reduce((s, r) => s + ((r[field] as number | null) ?? 0), 0);
const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 10);

function figures(y: number) {
  const hearings = live('court_hearings').filter(inYear('heldOn', y)).filter((r) => r.headAppearanceRequired === true);
  const officers = live('enforcement_officers').filter((r) => (r.since as string) < `${y + 1}-01-01` && (r.until === null || (r.until as string) > `${y}-01-01`));
  const hoursOf = new Map<string, number>();
  for (const t of live('officer_trainings').filter(inYear('trainedOn', y))) hoursOf.set(t.officerId as string, (hoursOf.get(t.officerId as string) ?? 0) + (t.hours as number));
  const trained = officers.filter((o) => (hoursOf.get(o.id) ?? 0) >= 60);
  const mediated = live('mediation_cases').filter(inYear('closedOn', y)).filter((r) => r.result === 'success');
  const hall = live('org_attributes')
    .filter((r) => r.attribute === 'legal_service_hall_area' && (r.effectiveOn as string) < `${y + 1}-01-01`)
    .sort((a, b) => (a.effectiveOn as string).localeCompare(b.effectiveOn as string))
    .at(-1);
  const aid = live('legal_aid_applications').filter(inYear('decidedOn', y)).filter((r) => r.decision === 'accepted');
  const signs = live('business_env_projects').filter(inYear('completedOn', y)).filter((r) => r.category === 'bilingual_signs');
  const items = live('service_items').filter((r) => (r.listedOn as string) < `${y + 1}-01-01` && (r.delistedOn === null || (r.delistedOn as string) >= `${y + 1}-01-01`));
  const tickets = live('hotline_tickets').filter(inYear('receivedAt', y));
  const closed = tickets.filter((t) => t.closedAt !== null);
  const rated = tickets.filter((t) => t.satisfaction !== null);
  const tasks = live('rectification_tasks').filter(inYear('assignedOn', y)).filter((r) => ['guangzhou_assessment', 'district_assessment', 'government_inspection'].includes(r.source as string));
  const done = tasks.filter((t) => ['completed', 'closed_out'].includes(t.status as string));
  const decided = (kind: string) => live('admin_disputes').filter(inYear('decidedOn', y)).filter((r) => r.kind === kind && r.result !== null);
  const corrected = (rows: Rec[]) => rows.filter((r) => ['revoked', 'altered', 'confirmed_illegal', 'ordered_to_perform', 'compensation'].includes(r.result as string)).length;
  return {
    hearingsRequiringHead: hearings.length,
    headAppearanceRate: pct(hearings.filter((r) => r.headAppeared === true).length, hearings.length),
    consultations: count('legal_consultations', 'consultedOn', y),
    contractReviews: count('contract_reviews', 'reviewedOn', y),
    legalOpinions: count('legal_opinions', 'issuedOn', y),
    reviewMeetings: count('review_meetings', 'heldOn', y),
    handlingDecisions: count('admin_disputes', 'filedOn', y, (r) => r.kind === 'handling_decision'),
    reconsiderations: count('admin_disputes', 'filedOn', y, (r) => r.kind === 'reconsideration'),
    litigations: count('admin_disputes', 'filedOn', y, (r) => r.kind === 'litigation'),
    reconsiderationCorrectionRate: pct(corrected(decided('reconsideration')), decided('reconsideration').length),
    litigationLossRate: pct(corrected(decided('litigation')), decided('litigation').length),
    guidance: count('enforcement_actions', 'actedOn', y, (r) => r.kind === 'guidance'),
    interviews: count('enforcement_actions', 'actedOn', y, (r) => r.kind === 'interview'),
    warnings: count('enforcement_actions', 'actedOn', y, (r) => r.kind === 'warning'),
    officers: officers.length,
    trainedShare: pct(trained.length, officers.length),
    // The same numerator counted over training rows alone (officers reaching 60 hours), as a
    // group-by measure would: it must agree with the per-officer count.
    officersReaching60: [...hoursOf.values()].filter((h) => h >= 60).length === trained.length,
    auxiliaryHired: count('auxiliary_staff', 'hiredOn', y),
    mediationSuccesses: mediated.length,
    mediationParties: sum(mediated, 'partiesCount'),
    mediationAmountWan: (sum(mediated, 'amount') / 1_000_000).toFixed(2),
    hallArea: hall?.value,
    legalAidAccepted: aid.length,
    legalAidAmountWan: (sum(aid, 'amount') / 1_000_000).toFixed(2),
    publicityEvents: count('publicity_events', 'heldOn', y),
    videos: count('publicity_publications', 'publishedOn', y, (r) => r.mediaType === 'video'),
    bilingualShops: sum(signs, 'output'),
    foreignServices: count('foreign_national_services', 'servedOn', y),
    serviceItems: items.length,
    fullCoverageSupervisions: count('supervision_rounds', 'conductedOn', y, (r) => r.scope === 'full_coverage'),
    tickets: tickets.length,
    closureRate: pct(closed.length, tickets.length),
    onTimeRate: pct(closed.filter((t) => (t.closedAt as string) <= (t.dueAt as string)).length, tickets.length),
    satisfactionRate: pct(rated.filter((t) => t.satisfaction === 'satisfied' || t.satisfaction === 'basically').length, rated.length),
    coordinationEvents: count('coordination_events', 'heldOn', y, (r) => r.kind === 'meeting' || r.kind === 'site_inspection'),
    rectificationTasks: tasks.length,
    rectificationCompletedOnTime: pct(done.filter((t) => (t.completedOn as string) <= (t.deadline as string)).length, tasks.length),
    rectificationReportedOnTime: pct(tasks.filter((t) => t.reportedOn !== null && (t.reportedOn as string) <= (t.deadline as string)).length, tasks.length),
  };
}

describe('nansha-2024 reproduces the reference report', () => {
  it('yields every 2024 figure exactly', () => {
    const f = figures(2024);
    expect(f).toMatchObject({
      headAppearanceRate: 100, // 1
      consultations: 90, // 2
      contractReviews: 1715, // 3
      legalOpinions: 6, // 4
      reviewMeetings: 15, // 5
      handlingDecisions: 3, // 6
      reconsiderations: 6, // 7
      litigations: 5, // 8
      guidance: 15, // 9
      interviews: 11, // 10
      warnings: 1, // 11
      officers: 38, // 12
      trainedShare: 100,
      officersReaching60: true,
      auxiliaryHired: 134, // 13
      mediationSuccesses: 242, // 14
      mediationParties: 1692, // 15
      mediationAmountWan: '560.22', // 16
      hallArea: 106, // 17
      legalAidAccepted: 456, // 18
      legalAidAmountWan: '1568.00', // 19
      publicityEvents: 168, // 20
      videos: 16, // 21
      bilingualShops: 65, // 22
      foreignServices: 97, // 23
      serviceItems: 233, // 24
      fullCoverageSupervisions: 9, // 25
      tickets: 21349, // 26
      coordinationEvents: 25, // 27
      closureRate: 100, // 28
      satisfactionRate: 100, // 29
      rectificationTasks: 12, // 30
      rectificationCompletedOnTime: 100,
      rectificationReportedOnTime: 100,
    });
    // Plausible rather than reported: some hearings, corrections and late tickets.
    expect(f.hearingsRequiringHead).toBeGreaterThanOrEqual(3);
    expect(f.reconsiderationCorrectionRate).toBe(25);
    expect(f.litigationLossRate).toBe(0);
    expect(f.onTimeRate).toBeGreaterThan(95);
    expect(f.onTimeRate).toBeLessThan(100);
  });

  it('keeps exact money totals (not round numbers)', () => {
    const mediated = live('mediation_cases').filter(inYear('closedOn', 2024)).filter((r) => r.result === 'success');
    expect(sum(mediated, 'amount')).toBe(560_218_050);
    const aid = live('legal_aid_applications').filter(inYear('decidedOn', 2024)).filter((r) => r.decision === 'accepted');
    expect(sum(aid, 'amount')).toBe(1_567_996_400);
  });

  it('has different 2023 values for every figure', () => {
    const [a, b] = [figures(2023), figures(2024)];
    const same = Object.keys(b).filter((k) => !['litigationLossRate', 'officersReaching60'].includes(k) && a[k as keyof typeof a] === b[k as keyof typeof b]);
    expect(same).toEqual([]);
    expect(a).toMatchObject({ headAppearanceRate: 75, closureRate: expect.any(Number), hallArea: 60 });
    expect(a.trainedShare).toBeLessThan(100);
    expect(a.closureRate).toBeLessThan(100);
    expect(a.satisfactionRate).toBeLessThan(100);
    expect(a.rectificationCompletedOnTime).toBeLessThan(100);
    expect(a.litigationLossRate).toBe(25);
    expect(a.officersReaching60).toBe(true);
  });
});

describe('nansha-2024 exercises the filters', () => {
  // For each dated rule: rows just outside 2024 and deleted rows inside it exist, so a rule that
  // ignored the bounds or deletion would give a different figure.
  const dated: [string, string][] = [
    ['court_hearings', 'heldOn'],
    ['legal_consultations', 'consultedOn'],
    ['contract_reviews', 'reviewedOn'],
    ['legal_opinions', 'issuedOn'],
    ['review_meetings', 'heldOn'],
    ['admin_disputes', 'filedOn'],
    ['enforcement_actions', 'actedOn'],
    ['officer_trainings', 'trainedOn'],
    ['auxiliary_staff', 'hiredOn'],
    ['mediation_cases', 'closedOn'],
    ['legal_aid_applications', 'decidedOn'],
    ['publicity_events', 'heldOn'],
    ['publicity_publications', 'publishedOn'],
    ['business_env_projects', 'completedOn'],
    ['foreign_national_services', 'servedOn'],
    ['supervision_rounds', 'conductedOn'],
    ['hotline_tickets', 'receivedAt'],
    ['coordination_events', 'heldOn'],
    ['rectification_tasks', 'assignedOn'],
  ];
  const between = (field: string, from: string, to: string) => (r: Rec) => typeof r[field] === 'string' && (r[field] as string) >= from && (r[field] as string) < to;
  it.each(dated)('%s has rows near both ends of 2024 and deleted rows in 2024', (kind, field) => {
    expect(live(kind).filter(between(field, '2023-12-01', '2024-01-01')).length).toBeGreaterThan(0);
    expect(live(kind).filter(between(field, '2025-01-01', '2025-02-01')).length).toBeGreaterThan(0);
    expect(all(kind).filter((r) => r.deletedAt !== null).filter(between(field, '2024-01-01', '2025-01-01')).length).toBeGreaterThan(0);
  });

  it('puts rows exactly on the boundaries where a day is plausible', () => {
    expect(live('hotline_tickets').some((t) => (t.receivedAt as string).startsWith('2023-12-31T23:'))).toBe(true);
    expect(live('hotline_tickets').some((t) => (t.receivedAt as string).startsWith('2025-01-01T00:'))).toBe(true);
    expect(live('hotline_tickets').some((t) => (t.receivedAt as string).startsWith('2024-01-01T00:'))).toBe(true);
    expect(live('mediation_cases').some((r) => r.closedOn === '2025-01-01' && r.result === 'success')).toBe(true);
    expect(live('mediation_cases').some((r) => r.closedOn === '2024-12-31' && r.result === 'success')).toBe(true);
    expect(live('enforcement_actions').some((r) => r.actedOn === '2023-12-31' && r.kind === 'guidance')).toBe(true);
    expect(live('enforcement_officers').some((r) => r.until === '2024-01-01')).toBe(true);
    expect(live('service_items').some((r) => r.delistedOn === '2025-01-01')).toBe(true);
  });

  it('has records outside the street and of other kinds, statuses and sources', () => {
    expect(all('mediation_cases').some((r) => !scope.has(r.orgId))).toBe(true);
    expect(all('hotline_tickets').some((r) => !scope.has(r.orgId))).toBe(true);
    expect(live('mediation_cases').filter(inYear('closedOn', 2024)).filter((r) => r.result !== 'success').length).toBeGreaterThan(10);
    expect(live('mediation_cases').filter((r) => r.closedOn === null).length).toBeGreaterThan(5);
    expect(live('legal_aid_applications').filter(inYear('decidedOn', 2024)).filter((r) => r.decision === 'rejected').length).toBeGreaterThan(5);
    expect(live('legal_aid_applications').some((r) => r.decision === 'pending')).toBe(true);
    expect(live('court_hearings').filter(inYear('heldOn', 2024)).some((r) => r.headAppearanceRequired === false)).toBe(true);
    expect(live('supervision_rounds').filter(inYear('conductedOn', 2024)).some((r) => r.scope !== 'full_coverage')).toBe(true);
    expect(live('publicity_publications').filter(inYear('publishedOn', 2024)).some((r) => r.mediaType !== 'video')).toBe(true);
    expect(live('business_env_projects').filter(inYear('completedOn', 2024)).some((r) => r.category !== 'bilingual_signs')).toBe(true);
    expect(live('rectification_tasks').filter(inYear('assignedOn', 2024)).some((r) => ['audit', 'patrol'].includes(r.source as string))).toBe(true);
    expect(live('service_items').some((r) => r.delistedOn !== null && (r.delistedOn as string) < '2025-01-01' && (r.delistedOn as string) >= '2024-01-01')).toBe(true);
    expect(live('org_attributes').some((r) => r.attribute === 'legal_service_hall_area' && (r.effectiveOn as string) >= '2025-01-01')).toBe(true);
  });

  it('links every enforcement action to two different officers in post that day', () => {
    const officers = new Map(all('enforcement_officers').map((o) => [o.id, o]));
    for (const a of live('enforcement_actions')) {
      expect(a.officer1Id).not.toBe(a.officer2Id);
      for (const id of [a.officer1Id, a.officer2Id]) {
        const o = officers.get(id as string)!;
        expect(o.deletedAt).toBeNull();
        expect((o.since as string) <= (a.actedOn as string) && (o.until === null || (o.until as string) > (a.actedOn as string))).toBe(true);
      }
    }
  });
});
