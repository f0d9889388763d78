import { describe, expect, it } from 'vitest';
import { fitToTotal, nudgeToTotal, splitTotal } from './exact-sum.js';
import { Rng } from './random.js';

describe('exact sums', () => {
  it('splits a total into positive parts that add up exactly', () => {
    const parts = splitTotal(new Rng(9), 560_218_050, 200, { step: 100 });
    expect(parts.reduce((a, b) => a + b, 0)).toBe(560_218_050);
    expect(parts.every((p) => p > 0)).toBe(true);
    expect(parts.filter((p) => p % 100 !== 0)).toHaveLength(1);
  });

  it('fits weights and nudges counts to a total', () => {
    expect(fitToTotal([1, 1, 2], 10)).toEqual([3, 3, 4]);
    expect(nudgeToTotal([2, 2, 20, 30], 60, (i) => i >= 2)).toEqual([2, 2, 23, 33]);
    expect(nudgeToTotal([2, 2, 20, 30], 50, (i) => i >= 2)).toEqual([2, 2, 18, 28]);
  });
});
