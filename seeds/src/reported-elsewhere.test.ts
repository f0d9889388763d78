import { OrgTree, yearPeriod } from '@fazhi/domain';
import { builtInCatalog, Evaluator } from '@fazhi/metrics';
import { describe, expect, it } from 'vitest';
import { buildNansha } from './build-nansha.js';

/**
 * The indicators added for figures other streets and towns report (docs/figure-catalogue.md): the
 * seed gives each a value that is neither missing nor zero in 2024, so a report, the dashboard and
 * the SQL-equality tests exercise them on real rows. Rates must also stay below or at 100%.
 */
const added = [
  'leadership.lecture_sessions',
  'leadership.cadre_teaching_sessions',
  'leadership.warning_education_sessions',
  'leadership.warning_cases',
  'leadership.study_attendees',
  'leadership.law_work_meetings',
  'leadership.law_committee_meetings',
  'leadership.law_work_meeting_issues',
  'leadership.internal_rules',
  'leadership.legislative_comments',
  'leadership.legislative_adoption_rate',
  'leadership.exam_excellent_rate',
  'leadership.democracy_rule_villages',
  'legality_review.contracts_filed',
  'legality_review.contract_issues_found',
  'legality_review.documents_drafted',
  'legality_review.documents_reviewed',
  'legality_review.normative_documents_reviewed',
  'legality_review.documents_filed',
  'legality_review.documents_cleaned_up',
  'legality_review.counsel_engagements',
  'legality_review.counsel_fees',
  'legality_review.counsel_duty_shifts',
  'admin_disputes.lawsuits',
  'admin_disputes.litigations_settled',
  'admin_disputes.litigation_settlement_rate',
  'enforcement.inspections',
  'enforcement.penalty_amount',
  'enforcement.penalties_legally_reviewed',
  'enforcement.penalty_legal_review_rate',
  'enforcement.training_sessions',
  'enforcement.training_coverage_rate',
  'enforcement.certified_rate',
  'enforcement.certificate_exam_pass_rate',
  'enforcement.special_campaigns',
  'enforcement.campaign_findings',
  'enforcement.licences_granted',
  'enforcement.licence_applications',
  'mediation.counsel_involved_cases',
  'public_legal_service.consultations',
  'public_legal_service.enterprise_consultations',
  'public_legal_service.village_duty_consultations',
  'publicity.materials_distributed',
  'publicity.law_venues',
  'publicity.law_venue_investment',
  'public_service.service_cases',
  'public_service.service_case_closure_rate',
  'public_service.service_satisfaction_rate',
  'public_service.disclosure_requests',
  'public_service.duty_items',
  'public_service.basic_duty_items',
  'public_service.cooperative_duty_items',
  'public_service.returned_duty_items',
  'rectification.patrol_tasks',
  'rectification.patrol_completed',
  'rectification.patrol_completion_rate',
  'organisation.legal_counsel_count',
  'organisation.public_lawyers',
  'organisation.villages',
  'organisation.village_counsel_rate',
  'organisation.village_liaison_rate',
  'organisation.law_officers_fulltime',
  'organisation.law_officers_parttime',
  'organisation.grid_cells',
  'organisation.grid_workers',
  'organisation.law_assessment_weight',
];

describe('the indicators added for other streets’ figures, on the nansha-2024 seed', () => {
  // buildNansha gives the tree's units and a Map of records (see its return).
  const ds = buildNansha();
  const orgs = ds.orgs instanceof OrgTree ? ds.orgs : new OrgTree(ds.orgs);
  const records = ds.records instanceof Map ? ds.records : new Map(Object.entries(ds.records));
  const evaluator = new Evaluator({ orgs, records, catalog: builtInCatalog });
  const root = ds.manifest.rootOrgId;

  it('are all in the built-in catalog', () => {
    const ids = new Set(builtInCatalog.indicators.map((i) => i.id));
    expect(added.filter((id) => !ids.has(id))).toEqual([]);
  });

  it.each(added)('%s has a value above zero in 2024, and a rate at most 100%%', (id) => {
    const r = evaluator.evaluate(id, root, yearPeriod(2024));
    expect(r.value).not.toBeNull();
    expect(r.value!).toBeGreaterThan(0);
    if (r.indicator.unit === '%') expect(r.value!).toBeLessThanOrEqual(100);
  });
});
