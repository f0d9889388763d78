import { describe, expect, it } from 'vitest';
import { coerceCell, formatYuan, normalizeDateTime, parseYuan } from './coerce.js';
import { getField } from './record-kind.js';
import { hotlineTickets, mediationCases, publicityEvents } from './kinds/index.js';

describe('cell coercion', () => {
  it('parses yuan into integer fen without float error', () => {
    expect(parseYuan('560.22')).toBe(56022);
    expect(parseYuan('1,234.5')).toBe(123450);
    expect(parseYuan('0.29')).toBe(29); // 0.29 * 100 = 28.999999999999996 as a float
    expect(parseYuan('12.345')).toBeNull();
    expect(formatYuan(56022)).toBe('560.22');
  });

  it('writes the check character of ID numbers in upper case, and nothing else', () => {
    expect(coerceCell(getField(mediationCases, 'partyIdNumbers'), ' 11010519491231002x、11010519491231002X ')).toEqual({ ok: true, value: '11010519491231002X、11010519491231002X' });
    expect(coerceCell(getField(mediationCases, 'mediator'), 'x')).toEqual({ ok: true, value: 'x' });
  });

  it('normalizes date-times to China Standard Time', () => {
    expect(normalizeDateTime('2024-03-05 09:30')).toBe('2024-03-05T09:30:00+08:00');
    expect(normalizeDateTime('2024-12-31T16:30:00Z')).toBe('2025-01-01T00:30:00+08:00');
    expect(normalizeDateTime('2024-13-01 00:00')).toBeNull();
  });

  it('accepts enum codes and Chinese labels, and names the field when neither matches', () => {
    const f = getField(mediationCases, 'result');
    expect(coerceCell(f, '调解成功')).toEqual({ ok: true, value: 'success' });
    expect(coerceCell(f, 'success')).toEqual({ ok: true, value: 'success' });
    const bad = coerceCell(f, '成了');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^「调解结果」的值“成了”无效/);
  });

  it('splits enum sets and rejects wrong types with the received text', () => {
    expect(coerceCell(getField(publicityEvents, 'laws'), '宪法;民法典')).toEqual({ ok: true, value: ['constitution', 'civil_code'] });
    const bad = coerceCell(getField(mediationCases, 'partiesCount'), '三人');
    expect(!bad.ok && bad.message).toBe('「涉及人数」应为整数（收到“三人”）');
    expect(coerceCell(getField(hotlineTickets, 'closedAt'), '')).toEqual({ ok: true, value: null });
  });
});
