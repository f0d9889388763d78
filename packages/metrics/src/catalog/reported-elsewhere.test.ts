import { OrgTree, yearPeriod, type AnyRecord, type OrgUnit } from '@fazhi/domain';
import { describe, expect, it } from 'vitest';
import { Evaluator } from '../evaluate.js';
import { builtInCatalog } from './index.js';

/**
 * The choices behind the indicators added for other streets' and towns' figures
 * (docs/figure-catalogue.md, "Choices a reader may check"), on a town with villages.
 */
const orgs: OrgUnit[] = [
  { id: 'd', parentId: null, kind: 'district', name: '县' },
  { id: 't', parentId: 'd', kind: 'town', name: '甲镇' },
  { id: 'v1', parentId: 't', kind: 'village', name: '一村' },
  { id: 'v2', parentId: 't', kind: 'village', name: '二村' },
];

let seq = 0;
const rec = (orgId: string, fields: Record<string, unknown>, deletedAt: string | null = null): AnyRecord => ({ id: `r${++seq}`, orgId, deletedAt, ...fields });

const records = new Map<string, AnyRecord[]>([
  [
    'law_exams',
    [
      rec('t', { heldOn: '2024-05-01', eligible: 100, participants: 100, passed: 90, excellent: 30 }),
      // No 优秀 grade: must neither add to nor dilute 优秀率.
      rec('t', { heldOn: '2024-11-01', eligible: 50, participants: 50, passed: 50, excellent: null }),
    ],
  ],
  [
    'officer_trainings',
    [
      rec('t', { officerId: 'o1', trainedOn: '2024-03-01', hours: 8, format: 'classroom', sessionNo: 'PX1' }),
      rec('t', { officerId: 'o2', trainedOn: '2024-03-01', hours: 8, format: 'classroom', sessionNo: 'PX1' }),
      rec('t', { officerId: 'o2', trainedOn: '2024-06-01', hours: 4, format: 'practice', sessionNo: 'PX2' }),
      rec('t', { officerId: 'o1', trainedOn: '2024-07-01', hours: 24, format: 'online', sessionNo: null }),
      // Trained before certification (2025): not an officer in post in 2024.
      rec('t', { officerId: 'o3', trainedOn: '2024-12-10', hours: 40, format: 'pre_service', sessionNo: 'PX3' }),
    ],
  ],
  [
    'enforcement_officers',
    [
      rec('t', { certificateNo: 'A1', since: '2020-01-01', until: null }),
      rec('t', { certificateNo: 'A2', since: '2021-01-01', until: null }),
      rec('t', { certificateNo: 'A3', since: '2025-01-06', until: null }),
    ],
  ],
  [
    'org_attributes',
    [
      rec('t', { attribute: 'villages_count', value: 2, effectiveOn: '2020-01-01' }),
      rec('t', { attribute: 'villages_with_counsel', value: 1, effectiveOn: '2023-01-01' }),
      rec('t', { attribute: 'villages_with_counsel', value: 2, effectiveOn: '2025-01-01' }),
      rec('t', { attribute: 'enforcement_staff_count', value: 4, effectiveOn: '2024-01-01' }),
    ],
  ],
  [
    'law_work_meetings',
    [
      rec('t', { meetingType: 'law_committee', heldOn: '2024-03-01', issuesDecided: 3 }),
      rec('t', { meetingType: 'special_meeting', heldOn: '2024-08-01', issuesDecided: null }),
      rec('t', { meetingType: 'special_meeting', heldOn: '2024-09-01', issuesDecided: 9 }, '2024-09-02T10:00:00+08:00'),
    ],
  ],
  [
    'resident_consultations',
    [
      rec('v1', { consultedOn: '2024-02-01', persons: 3, channel: 'village_duty' }),
      rec('v2', { consultedOn: '2024-02-02', persons: 1, channel: 'village_duty' }),
      rec('t', { consultedOn: '2025-01-02', persons: 5, channel: 'walk_in' }),
    ],
  ],
  [
    'admin_disputes',
    [
      rec('t', { kind: 'litigation', filedOn: '2024-01-10', decidedOn: '2024-05-01', result: 'withdrawn' }),
      rec('t', { kind: 'litigation', filedOn: '2024-02-10', decidedOn: '2024-06-01', result: 'upheld' }),
      rec('t', { kind: 'civil_litigation', filedOn: '2024-03-10', decidedOn: null, result: null }),
    ],
  ],
]);

const evaluator = new Evaluator({ orgs: new OrgTree(orgs), records, catalog: builtInCatalog });
const value = (id: string, org = 't') => evaluator.evaluate(id, org, yearPeriod(2024)).value;

describe('indicators for figures other streets and towns report', () => {
  it('rates 优秀 over the exams that grade it', () => {
    expect(value('leadership.exam_excellent_rate')).toBe(30);
    expect(value('leadership.exam_pass_rate')).toBeCloseTo((140 / 150) * 100, 9);
  });

  it('counts training sessions once per 班次 and leaves pre-service trainees out of the coverage rate', () => {
    expect(value('enforcement.training_sessions')).toBe(3);
    // o1 and o2 trained while in post; o3 only before certification.
    expect(value('enforcement.training_coverage_rate')).toBe(100);
    expect(value('enforcement.certified_rate')).toBe(50);
  });

  it('reads the attributes in force at the end of the year', () => {
    expect(value('organisation.village_counsel_rate')).toBe(50);
  });

  it('counts meetings and sums their problems, deleted ones aside', () => {
    expect([value('leadership.law_work_meetings'), value('leadership.law_committee_meetings'), value('leadership.law_work_meeting_issues')]).toEqual([2, 1, 3]);
  });

  it('rolls villages up into their town', () => {
    expect(value('public_legal_service.consultations')).toBe(4);
    expect(value('public_legal_service.consultations', 'v1')).toBe(3);
    expect(value('public_legal_service.village_duty_consultations')).toBe(4);
    expect(value('public_legal_service.enterprise_consultations')).toBe(0);
  });

  it('counts civil suits among the lawsuits and settles by withdrawal', () => {
    expect(value('admin_disputes.lawsuits')).toBe(3);
    expect(value('admin_disputes.litigations')).toBe(2);
    expect(value('admin_disputes.litigation_settlement_rate')).toBe(50);
  });
});
