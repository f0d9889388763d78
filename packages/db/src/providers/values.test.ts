import { hotlineTickets, mediationCases, publicityEvents } from '@fazhi/domain';
import { describe, expect, it } from 'vitest';
import { kindTable } from './kind-table.js';
import { fromDb, toParam, toWriteParam } from './values.js';

const mc = kindTable(mediationCases);
const ht = kindTable(hotlineTickets);

describe('provider value conversion', () => {
  it('keeps money exact: integer fen in, text parameter out, number back', () => {
    expect(toParam(mc.column('amount'), 9007199254740991, 'write')).toBe('9007199254740991');
    expect(toParam(mc.column('amount'), '120', 'write')).toBe('120');
    expect(() => toParam(mc.column('amount'), 1.5, 'write')).toThrow('「涉及金额」应为以分为单位的整数');
    expect(fromDb(mc.column('amount'), '9007199254740991')).toBe(9007199254740991);
  });

  it('normalises dates and date-times to the canonical forms of @fazhi/domain', () => {
    expect(toParam(mc.column('acceptedOn'), '2024年3月5日', 'write')).toBe('2024-03-05');
    expect(toParam(ht.column('receivedAt'), '2024-03-05T01:30:00Z', 'write')).toBe('2024-03-05T09:30:00+08:00');
    expect(() => toParam(ht.column('receivedAt'), '2024-03-05', 'write')).toThrow('「派单时间」应为日期时间');
    expect(toParam(ht.column('receivedAt'), '2024-03-05', 'filter')).toBe('2024-03-05T00:00:00+08:00');
    expect(fromDb(ht.column('receivedAt'), '2024-03-05 01:30:00+00')).toBe('2024-03-05T09:30:00+08:00');
    expect(fromDb(mc.column('acceptedOn'), new Date('2024-03-05T00:00:00Z'))).toBe('2024-03-05');
  });

  it('trims written text to null when blank, checks uuids, booleans and enum-sets', () => {
    expect(toParam(mc.column('summary'), '   ', 'write')).toBeNull();
    expect(toParam(mc.column('summary'), '  a ', 'filter')).toBe('  a ');
    expect(() => toParam(mc.column('orgId'), "1' or '1'='1", 'write')).toThrow('「所属机构」格式不正确');
    expect(toParam(mc.column('preventedCriminal'), 'true', 'write')).toBe(true);
    expect(toWriteParam(kindTable(publicityEvents).column('laws'), ['civil_code', 'civil_code'])).toEqual(['civil_code']);
  });
});
