import { describe, expect, it } from 'vitest';
import { idNumber, mobile, partyNames, personName } from './people.js';
import { Rng } from './random.js';

describe('fake people', () => {
  it('makes ID numbers with a valid GB 11643 check digit', () => {
    const r = new Rng(11);
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    for (let i = 0; i < 100; i++) {
      const id = idNumber(r);
      expect(id).toMatch(/^\d{17}[\dX]$/);
      const sum = weights.reduce((s, w, k) => s + w * Number(id[k]), 0);
      expect(id[17]).toBe('10X98765432'[sum % 11]);
    }
  });

  it('makes plausible names and phones', () => {
    const r = new Rng(5);
    expect(personName(r)).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
    expect(mobile(r)).toMatch(/^1[3-9]\d{9}$/);
    expect(partyNames(r, 12)).toMatch(/^[\u4e00-\u9fa5]+、[\u4e00-\u9fa5]+等12人$/);
  });
});
