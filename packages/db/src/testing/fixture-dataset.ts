import { writeDataset, type DatasetInput } from '@fazhi/dataset';
import type { AnyRecord, OrgUnit } from '@fazhi/domain';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { testTmpDir } from './test-databases.js';

/**
 * A small dataset touching every column type the tables have (money, decimal, enum-set,
 * date-time, boolean, ref, soft delete), with short non-uuid ids as hand-written datasets use.
 */
export function fixtureDataset(): DatasetInput & { records: Record<string, AnyRecord[]> } {
  const orgs: OrgUnit[] = [
    { id: 'd1', parentId: null, kind: 'district', name: '广州市南沙区', shortName: '南沙区' },
    { id: 's1', parentId: 'd1', kind: 'street', name: '南沙街道办事处', shortName: '南沙街道' },
    { id: 'c1', parentId: 's1', kind: 'community', name: '蕉门社区居民委员会', shortName: '蕉门社区' },
    { id: 'm1', parentId: 'c1', kind: 'mediation_committee', name: '蕉门社区人民调解委员会', shortName: null },
    { id: 'e1', parentId: 's1', kind: 'department', name: '综合行政执法队', shortName: null },
  ];
  const base = (id: string, orgId: string, deletedAt: string | null = null) => ({ id, orgId, deletedAt });
  const records: Record<string, AnyRecord[]> = {
    mediation_cases: [
      {
        ...base('mc1', 'm1'),
        caseNo: '南沙调〔2024〕第0001号',
        source: 'party_application',
        disputeType: 'neighbourhood',
        summary: "楼上漏水，'协商'未果;\n-- 请求调解 $$",
        partyNames: '张三、李四',
        partyIdNumbers: '440115199001011231',
        partyPhones: '13812345678',
        partiesCount: 2,
        amount: 1_250_050,
        mediator: '王五',
        acceptedOn: '2024-03-01',
        status: 'closed',
        closedOn: '2024-03-10',
        result: 'success',
        agreementForm: 'written',
        performance: 'fulfilled',
        followUpOn: null,
        satisfaction: null,
        preventedCriminal: false,
        preventedPetition: null,
      },
      {
        ...base('mc2', 'm1', '2024-05-01T10:00:00+08:00'),
        caseNo: '南沙调〔2024〕第0002号',
        source: 'proactive',
        disputeType: 'labour',
        summary: null,
        partyNames: null,
        partyIdNumbers: null,
        partyPhones: null,
        partiesCount: 1,
        amount: null,
        mediator: null,
        acceptedOn: '2024-04-01',
        status: 'accepted',
        closedOn: null,
        result: null,
        agreementForm: null,
        performance: null,
        followUpOn: null,
        satisfaction: null,
        preventedCriminal: null,
        preventedPetition: true,
      },
    ],
    enforcement_officers: [
      { ...base('o1', 'e1'), name: '陈一', certificateNo: '44011500001', unit: '综合行政执法队', position: null, since: '2020-05-01', until: null },
      { ...base('o2', 'e1'), name: '陈二', certificateNo: '44011500002', unit: '综合行政执法队', position: '队长', since: '2019-01-01', until: null },
    ],
    // Listed before the officers it refers to: insertion must still put officers first.
    officer_trainings: [{ ...base('t1', 'e1'), officerId: 'o1', course: '行政处罚法专题培训', trainedOn: '2024-04-02', hours: 8, format: 'classroom' }],
    publicity_events: [
      { ...base('p1', 's1'), title: '民法典进社区', heldOn: '2024-06-01', place: '蕉门社区', format: 'community', laws: ['civil_code', 'constitution'], audience: 120, organizer: null },
      { ...base('p2', 'c1'), title: '线上答题', heldOn: '2024-07-01', place: null, format: 'online', laws: [], audience: 0, organizer: null },
    ],
    hotline_tickets: [
      {
        ...base('h1', 's1'),
        ticketNo: 'GZ2024000001',
        channel: 'phone',
        kind: 'complaint',
        topic: 'housing',
        summary: '噪音扰民',
        callerName: '赵六',
        callerPhone: '13900001111',
        department: '城管办',
        receivedAt: '2024-12-31T23:30:00+08:00',
        dueAt: '2025-01-05T18:00:00+08:00',
        closedAt: '2025-01-02T09:15:00+08:00',
        satisfaction: 'satisfied',
      },
    ],
    org_attributes: [{ ...base('a1', 's1'), attribute: 'mediators_count', value: 12.5, unit: '人', effectiveOn: '2024-01-01', note: null }],
  };
  return {
    manifest: { name: 'fixture', label: '测试数据集', rootOrgId: 's1', years: [2024], description: '', kinds: Object.keys(records) },
    orgs,
    records,
  };
}

/** Writes `fixtureDataset()` (or a variant) to a new folder in the run's scratch space. */
export async function writeFixtureDataset(input: DatasetInput = fixtureDataset()): Promise<string> {
  const dir = join(await mkdtemp(join(testTmpDir(), 'fazhi-fixture-')), 'dataset');
  await writeDataset(dir, input);
  return dir;
}
