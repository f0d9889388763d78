import { describe, expect, it } from 'vitest';
import { numericValue } from './numeric-value.js';

describe('numericValue', () => {
  it('keeps integers (counts, fen) exact and parses decimals as Number() does', () => {
    expect(numericValue('9007199254740991', 'x')).toBe(Number.MAX_SAFE_INTEGER);
    expect(numericValue('-12', 'x')).toBe(-12);
    expect(numericValue('100.50', 'x')).toBe(100.5);
    expect(numericValue(null, 'x')).toBeNull();
  });

  it('refuses to round an integer past 2^53, naming the measure', () => {
    expect(() => numericValue('9007199254740993', '涉及金额')).toThrow('“涉及金额”的值 9007199254740993 超出了可精确表示的整数范围');
    expect(() => numericValue('NaN', '涉及金额')).toThrow(RangeError);
  });
});
