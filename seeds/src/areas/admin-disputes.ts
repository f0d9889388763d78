import { adminDisputes, courtHearings } from '@fazhi/domain';
import { base, deletedAfter, type Draft, type GenContext } from '../context.js';
import { personName } from '../people.js';
import { withTitle } from '../staff.js';
import { companyName } from '../text-pools.js';

type Dispute = Draft<typeof adminDisputes>;
type Kind = Dispute['kind'];
type Stage = Dispute['stage'];
type Result = NonNullable<Dispute['result']>;

/** One line per case: kind, filed, stage, result, decided, cause. Written out so every rate is deliberate. */
const cases: readonly (readonly [Kind, string, Stage, Result | null, string | null, string])[] = [
  // 2023: 2 handling decisions, 4 reconsiderations (1 corrected), 6 litigations (1 lost).
  ['handling_decision', '2023-04-12', 'closed', 'upheld', '2023-05-30', '协助区城管部门作出责令限期拆除违法建设决定'],
  ['handling_decision', '2023-09-05', 'closed', 'upheld', '2023-10-26', '协助作出责令停止违法占用绿地行为决定'],
  ['reconsideration', '2023-03-08', 'closed', 'upheld', '2023-05-04', '不服责令限期拆除违法建设决定'],
  ['reconsideration', '2023-06-19', 'closed', 'altered', '2023-08-14', '不服占道经营行政处罚决定'],
  ['reconsideration', '2023-09-26', 'closed', 'dismissed', '2023-11-20', '不服政府信息公开答复'],
  ['reconsideration', '2023-12-28', 'closed', 'upheld', '2024-02-26', '不服责令改正通知'],
  ['litigation', '2023-02-14', 'closed', 'dismissed', '2023-07-11', '诉请撤销强制拆除决定'],
  ['litigation', '2023-04-03', 'closed', 'confirmed_illegal', '2023-09-15', '诉请确认强制拆除行为违法'],
  ['litigation', '2023-05-22', 'closed', 'upheld', '2023-10-31', '诉请撤销行政处罚决定'],
  ['litigation', '2023-07-17', 'closed', 'withdrawn', '2023-09-08', '诉请履行查处违法建设法定职责'],
  ['litigation', '2023-10-09', 'closed', 'dismissed', '2024-03-19', '诉请撤销政府信息公开答复'],
  ['litigation', '2023-11-20', 'closed', 'upheld', '2024-05-28', '诉请撤销责令限期拆除决定'],
  // 2024: 3 handling decisions, 6 reconsiderations, 5 litigations; decided in 2024: 4 reconsiderations
  // (1 corrected), 4 litigations (none lost).
  ['handling_decision', '2024-03-21', 'closed', 'upheld', '2024-04-30', '协助作出责令限期拆除违法建设决定'],
  ['handling_decision', '2024-06-13', 'closed', 'upheld', '2024-07-25', '协助作出责令改正违规户外广告决定'],
  ['handling_decision', '2024-10-17', 'decided', 'upheld', '2024-12-12', '协助作出责令停止违法施工决定'],
  ['reconsideration', '2024-01-16', 'closed', 'dismissed', '2024-03-12', '不服政府信息公开答复'],
  ['reconsideration', '2024-04-09', 'closed', 'upheld', '2024-06-05', '不服责令限期拆除违法建设决定'],
  ['reconsideration', '2024-07-02', 'closed', 'revoked', '2024-08-29', '不服占道经营行政处罚决定'],
  ['reconsideration', '2024-10-22', 'decided', 'upheld', '2025-01-10', '不服责令改正通知'],
  ['reconsideration', '2024-11-26', 'in_progress', null, null, '不服行政处罚决定（餐饮油烟）'],
  ['reconsideration', '2024-12-19', 'filed', null, null, '不服政府信息公开答复'],
  ['litigation', '2024-02-27', 'closed', 'withdrawn', '2024-05-10', '诉请履行查处违法建设法定职责'],
  ['litigation', '2024-05-14', 'closed', 'dismissed', '2024-10-15', '诉请撤销强制拆除决定'],
  ['litigation', '2024-08-06', 'in_progress', null, null, '诉请确认限期拆除决定违法'],
  ['litigation', '2024-09-10', 'in_progress', null, null, '诉请撤销行政处罚决定'],
  ['litigation', '2024-11-28', 'filed', null, null, '诉请撤销政府信息公开答复'],
  // After 2024: does not count.
  ['litigation', '2025-01-13', 'filed', null, null, '诉请撤销责令限期拆除决定'],
];

const courtFirst = '广州铁路运输法院';

export function generateAdminDisputes(ctx: GenContext) {
  const rng = ctx.rng('admin-disputes');
  const { justice, office } = ctx.orgs.dept;
  const counters = new Map<string, number>();
  const next = (key: string) => {
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return n;
  };
  const caseNo = (kind: Kind, filedOn: string) => {
    const y = filedOn.slice(0, 4);
    if (kind === 'reconsideration') return `穗南府复〔${y}〕${rng.int(20, 60) + next(`r${y}`) * 37}号`;
    if (kind === 'litigation') return `（${y}）粤7101行初${rng.int(100, 300) + next(`l${y}`) * 211}号`;
    return `南街处决〔${y}〕${next(`h${y}`)}号`;
  };

  const disputes: Dispute[] = cases.map(([kind, filedOn, stage, result, decidedOn, cause]) => ({
    ...base(rng, kind === 'handling_decision' ? justice.id : office.id),
    caseNo: caseNo(kind, filedOn),
    kind,
    cause,
    counterpart: rng.chance(0.7) ? personName(rng) : companyName(rng),
    ourRole: kind === 'handling_decision' ? 'assisting' : 'respondent',
    filedOn,
    stage,
    result,
    decidedOn,
  }));
  // The same reconsideration entered twice; the copy was deleted.
  const dup = disputes.find((d) => d.filedOn === '2024-07-02')!;
  disputes.push({ ...dup, id: rng.uuid(), deletedAt: deletedAfter(rng, dup.filedOn, 5) });

  const { director, deputies } = ctx.staff;
  const heads = [director, ...deputies.slice(0, 2)];
  const hearings: Draft<typeof courtHearings>[] = [];
  const hearing = (caseOf: Dispute, heldOn: string, required: boolean, appeared: boolean, court = courtFirst): Draft<typeof courtHearings> => ({
    ...base(rng, office.id),
    caseNo: caseOf.caseNo,
    disputeId: caseOf.id,
    court,
    heldOn,
    headAppearanceRequired: required,
    headAppeared: appeared,
    appearedBy: appeared ? withTitle(rng.pick(heads)) : null,
  });
  const lit = (filedOn: string) => disputes.find((d) => d.kind === 'litigation' && d.filedOn === filedOn && d.deletedAt === null)!;
  // 2023: 4 hearings required the head, 3 attended; one second-instance hearing did not require it.
  hearings.push(
    hearing(lit('2023-02-14'), '2023-05-09', true, true),
    hearing(lit('2023-04-03'), '2023-06-27', true, false),
    hearing(lit('2023-05-22'), '2023-08-22', true, true),
    hearing(lit('2023-02-14'), '2023-10-17', false, false, '广州铁路运输中级法院'),
    hearing(lit('2023-10-09'), '2023-12-29', true, true),
  );
  // 2024: 5 hearings required the head and all were attended; 2 did not require it.
  hearings.push(
    hearing(lit('2023-11-20'), '2024-03-14', true, true),
    hearing(lit('2024-02-27'), '2024-04-23', true, true),
    hearing(lit('2024-05-14'), '2024-08-08', true, true),
    hearing(lit('2023-10-09'), '2024-06-18', false, false, '广州铁路运输中级法院'),
    hearing(lit('2024-08-06'), '2024-11-19', true, true),
    hearing(lit('2024-09-10'), '2024-12-24', true, true),
    hearing(lit('2024-05-14'), '2024-12-31', false, true, '广州铁路运输中级法院'),
  );
  // Not 2024: a hearing in January 2025 the head missed, and a deleted duplicate.
  hearings.push(hearing(lit('2024-11-28'), '2025-01-21', true, false));
  const dupHearing = hearing(lit('2024-08-06'), '2024-11-19', true, false);
  hearings.push({ ...dupHearing, deletedAt: deletedAfter(rng, '2024-11-19', 2) });

  return { admin_disputes: disputes, court_hearings: hearings };
}
