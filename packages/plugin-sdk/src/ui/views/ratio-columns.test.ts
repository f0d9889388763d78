import { describe, expect, test } from 'vitest';
import type { RatioColumn } from '../../plugin.js';
import { ratioOf, ratioText } from './ratio-columns.js';

const passRate: RatioColumn = { id: 'pass-rate', label: '合格率', numerator: 'passed', denominator: 'participants' };

describe('ratio columns', () => {
  test('a percentage of the record’s own numbers, trailing zeros dropped', () => {
    expect(ratioText(passRate, { passed: 175, participants: 176 })).toBe('99.4%');
    expect(ratioText(passRate, { passed: 186, participants: 186 })).toBe('100%');
    expect(ratioText({ ...passRate, decimals: 2 }, { passed: 2, participants: 3 })).toBe('66.67%');
    // Numbers may arrive as strings (decimal columns); 0 of n is a rate, not an empty one.
    expect(ratioOf(passRate, { passed: '0', participants: '40' })).toBe(0);
  });

  test('no rate when a figure is missing or the denominator is 0', () => {
    for (const record of [{ passed: null, participants: 10 }, { passed: 3 }, { passed: 3, participants: '' }, { passed: 0, participants: 0 }, { passed: 'x', participants: 4 }]) {
      expect(ratioOf(passRate, record)).toBeNull();
      expect(ratioText(passRate, record)).toBeNull();
    }
  });
});
