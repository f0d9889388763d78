import { describe, expect, it } from 'vitest';
import { idNumberCheckChar } from './id-number.js';
import { legalAidApplications } from './kinds/legal-aid.js';
import { mediationCases } from './kinds/mediation.js';
import { hotlineTickets } from './kinds/public-service.js';
import { defineRecordKind, getField } from './record-kind.js';
import { validateRecord } from './schema.js';
import { shownPiece, textFormatProblem } from './text-format.js';

const today = '2026-12-04';
const id = (first17: string) => first17 + idNumberCheckChar(first17);
const valid18 = id('44011519900307123');

describe('textFormatProblem', () => {
  const ids = getField(mediationCases, 'partyIdNumbers');
  const phones = getField(mediationCases, 'partyPhones');
  const applicantId = getField(legalAidApplications, 'applicantIdNumber');

  it('checks every piece of a 、-separated value and names the first bad one', () => {
    expect(textFormatProblem(ids, `${valid18}、440115900307123`, today)).toBeNull();
    expect(textFormatProblem(ids, `${valid18}、440115199003071230`, today)).toBe('「当事人身份证号」“440115199003071230”不是有效的身份证号：校验码不正确');
    expect(textFormatProblem(ids, `${valid18}、`, today)).toBe('「当事人身份证号」有空的一项：多个值之间以一个“、”分隔');
    expect(textFormatProblem(phones, '13812345678、020-84981234', today)).toBeNull();
    expect(textFormatProblem(phones, '13812345678、8498123', today)).toMatch(/^「当事人联系电话」“8498123”不是有效的电话号码/);
  });

  it('keeps 15-digit numbers to fields that declare them, and a single-value field takes no 、', () => {
    expect(textFormatProblem(applicantId, '440115900307123', today)).toBe('「申请人身份证号」“440115900307123”不是有效的身份证号：应为18位，前17位为数字，末位为数字或X');
    expect(textFormatProblem(applicantId, `${valid18}、${valid18}`, today)).toMatch(/^「申请人身份证号」“.+、.+”不是有效的身份证号/);
  });

  it('refuses a birth date after today, as of the given day', () => {
    const bornTomorrow = id('44011520261205123');
    expect(textFormatProblem(applicantId, bornTomorrow, today)).toMatch(/出生日期不能晚于今天$/);
    expect(textFormatProblem(applicantId, bornTomorrow, '2026-12-05')).toBeNull();
  });

  it('cuts a long piece in the message, by characters', () => {
    expect(shownPiece('𠀀'.repeat(50))).toBe(`${'𠀀'.repeat(40)}…`);
    expect(textFormatProblem(applicantId, 'x'.repeat(200), today)).toContain(`“${'x'.repeat(40)}…”`);
  });
});

describe('dates that cannot be in the future', () => {
  const record = {
    id: 't1',
    orgId: 'o1',
    ticketNo: 'GZ24010100001',
    channel: 'phone',
    kind: 'help',
    topic: 'housing',
    receivedAt: '2026-12-04T23:59:00+08:00',
    dueAt: '2027-01-04T23:59:00+08:00',
    closedAt: null,
  };

  it('are refused when after today in Shanghai; a due date may be', () => {
    expect(validateRecord(hotlineTickets, record, { today: () => '2026-12-04' }).ok).toBe(true);
    const late = validateRecord(hotlineTickets, { ...record, closedAt: '2026-12-05T00:00:00+08:00' }, { today: () => '2026-12-04' });
    expect(late.ok ? [] : late.issues).toEqual([{ field: 'closedAt', label: '办结时间', message: '「办结时间」不能晚于今天（2026-12-04）' }]);
  });

  it('ask the clock at each validation', () => {
    let now = '2026-12-03';
    const today = () => now;
    expect(validateRecord(hotlineTickets, record, { today }).ok).toBe(false);
    now = '2026-12-04';
    expect(validateRecord(hotlineTickets, record, { today }).ok).toBe(true);
  });

  it('report an impossible date once, not also as a future one', () => {
    const res = validateRecord(hotlineTickets, { ...record, receivedAt: '9999-99-99T00:00:00+08:00' }, { today: () => today });
    expect(res.ok ? [] : res.issues.filter((i) => i.field === 'receivedAt').map((i) => i.message)).toEqual(['「派单时间」应为日期时间，格式如 2024-03-05 09:30']);
  });
});

describe('declarations', () => {
  const base = { id: 'things', label: '测试', area: 'x', measureWord: '件', periodField: 'on', titleField: 'no' } as const;
  const on = { key: 'on', label: '日期', type: 'date' } as const;

  it('a business key is a required text field of the kind', () => {
    expect(() => defineRecordKind({ ...base, fields: [on, { key: 'no', label: '编号', type: 'text', required: true }], businessKey: 'no' })).not.toThrow();
    expect(() => defineRecordKind({ ...base, fields: [on, { key: 'no', label: '编号', type: 'text' }], businessKey: 'no' })).toThrow('业务编号字段“no”应为必填的文本字段');
    expect(() => defineRecordKind({ ...base, fields: [on, { key: 'no', label: '编号', type: 'text' }], businessKey: 'nope' })).toThrow('业务编号字段引用了不存在的字段“nope”');
  });

  it('legacy numbers and multiple values need a format', () => {
    expect(() => defineRecordKind({ ...base, fields: [on, { key: 'no', label: '编号', type: 'text', multiple: true }] })).toThrow('multiple 只适用于有 format 的字段');
    expect(() => defineRecordKind({ ...base, fields: [on, { key: 'no', label: '编号', type: 'text', format: 'phone', legacyIdNumbers: true }] })).toThrow('legacyIdNumbers 只适用于身份证号字段');
  });
});
