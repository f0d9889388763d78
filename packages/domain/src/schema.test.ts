import { describe, expect, it } from 'vitest';
import { mediationCases } from './kinds/mediation.js';
import { createRegistry, defineRecordKind, validateRecord, type RecordOf } from './index.js';

const valid: RecordOf<typeof mediationCases> = {
  id: 'm1',
  orgId: 'street',
  deletedAt: null,
  caseNo: '南调〔2024〕1号',
  source: 'party_application',
  disputeType: 'neighbourhood',
  summary: null,
  partyNames: '张三、李四',
  partyIdNumbers: null,
  partyPhones: null,
  partiesCount: 2,
  amount: 1_250_000,
  mediator: null,
  acceptedOn: '2024-03-01',
  status: 'closed',
  closedOn: '2024-03-10',
  result: 'success',
  agreementForm: 'written',
  performance: null,
  followUpOn: null,
  satisfaction: null,
  preventedCriminal: false,
  preventedPetition: null,
  counselInvolved: null,
};

describe('record schema', () => {
  it('accepts a valid record and fills absent optional fields with null', () => {
    const { summary: _omit, ...withoutSummary } = valid;
    const res = validateRecord(mediationCases, withoutSummary);
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.value.summary).toBeNull();
  });

  it('reports every problem with Chinese messages naming the field', () => {
    const res = validateRecord(mediationCases, { ...valid, caseNo: '', partiesCount: 1.5, disputeType: 'quarrel', amount: -1 });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const byField = Object.fromEntries(res.issues.map((i) => [i.field, i.message]));
    expect(byField.caseNo).toBe('「案件编号」为必填项');
    expect(byField.partiesCount).toBe('「涉及人数」应为整数');
    expect(byField.disputeType).toMatch(/^「纠纷类型」的值“quarrel”无效，应为：“婚姻家庭”\(marriage_family\)/);
    expect(byField.amount).toBe('「涉及金额」不能为负数');
  });

  it('applies cross-field rules declared as data', () => {
    const res = validateRecord(mediationCases, { ...valid, closedOn: '2024-02-01', result: null });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining(['「结案日期」不能早于「受理日期」', '「办理状态」为“已结案”或“已回访”时，「调解结果」为必填项']),
    );
  });

  it('rejects impossible dates and unknown keys', () => {
    const res = validateRecord(mediationCases, { ...valid, acceptedOn: '2024-02-30', colour: 'red' });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.issues.map((i) => i.message)).toEqual(expect.arrayContaining(['「受理日期」应为日期，格式如 2024-03-05', '存在未定义的字段：colour']));
  });

  it('refuses a record that is not an object, and a mistyped 删除时间, in Chinese (found by the property test)', () => {
    const notObject = validateRecord(mediationCases, 'caseNo');
    expect(notObject.ok ? [] : notObject.issues.map((i) => i.message)).toEqual(['记录应为由各字段组成的对象']);
    const badDeletedAt = validateRecord(mediationCases, { ...valid, deletedAt: 5 });
    expect(badDeletedAt.ok ? [] : badDeletedAt.issues.map((i) => i.message)).toEqual(['「删除时间」应为日期时间']);
  });
});

describe('third-party record kinds', () => {
  const kind = defineRecordKind({
    id: 'community_patrols',
    label: '社区巡查',
    area: 'community_safety',
    measureWord: '次',
    periodField: 'patrolledOn',
    titleField: 'route',
    fields: [
      { key: 'route', label: '巡查路线', type: 'text', required: true },
      { key: 'patrolledOn', label: '巡查日期', type: 'date', required: true },
    ],
  });

  it('registers beside the built-in kinds and validates like them', () => {
    const registry = createRegistry([kind]);
    expect(registry.get('community_patrols')).toBe(kind);
    expect(registry.has('mediation_cases')).toBe(true);
    const res = validateRecord(kind, { id: 'p1', orgId: 's', route: '', patrolledOn: '2024-01-01' });
    expect(res.ok ? [] : res.issues.map((i) => i.message)).toEqual(['「巡查路线」为必填项']);
  });

  it('refuses duplicate ids and malformed declarations', () => {
    expect(() => createRegistry([kind, kind])).toThrow('记录类型“community_patrols”已注册');
    expect(() =>
      defineRecordKind({ id: 'Bad-Id', label: '坏', area: 'x', measureWord: '个', periodField: 'nope' as never, titleField: 'a', fields: [{ key: 'a', label: 'A', type: 'text' }] }),
    ).toThrow(/编号“Bad-Id”应为小写字母[\s\S]*期间字段引用了不存在的字段“nope”/);
  });
});
