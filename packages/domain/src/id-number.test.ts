import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, idNumberProblem } from './id-number.js';

const today = '2026-12-04';

/** A well-formed number around a body of 17 digits, with its check character. */
const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);

describe('idNumberProblem', () => {
  it('accepts the GB 11643 example and valid numbers', () => {
    // The worked example of GB 11643-1999, Annex A: 11010519491231002X.
    expect(idNumberProblem('11010519491231002X', today)).toBeNull();
    expect(idNumberProblem(withCheck('44011519900307123'), today)).toBeNull();
    expect(idNumberProblem(withCheck('44011520000229123'), today)).toBeNull();
  });

  it('names what is wrong', () => {
    expect(idNumberProblem('11010519491231002x', today)).toBe('shape'); // lower-case x
    expect(idNumberProblem('1101051949123100', today)).toBe('shape');
    expect(idNumberProblem('110105194912310021', today)).toBe('checksum');
    expect(idNumberProblem(withCheck('99011519900307123'), today)).toBe('region');
    expect(idNumberProblem(withCheck('44011519900230123'), today)).toBe('birthDate');
    expect(idNumberProblem(withCheck('44011519001301123'), today)).toBe('birthDate');
    expect(idNumberProblem(withCheck('44011519000229123'), today)).toBe('birthDate'); // 1900 was not a leap year
    expect(idNumberProblem(withCheck('44011518991231123'), today)).toBe('birthTooEarly');
    expect(idNumberProblem(withCheck('44011520261205123'), today)).toBe('birthInFuture');
    expect(idNumberProblem(withCheck('44011520261204123'), today)).toBeNull(); // born today
  });

  it('accepts 15-digit legacy numbers only when allowed', () => {
    expect(idNumberProblem('440115900307123', today)).toBe('shape');
    expect(idNumberProblem('440115900307123', today, true)).toBeNull();
    expect(idNumberProblem('440115900230123', today, true)).toBe('birthDate');
    expect(idNumberProblem('4401159003071234', today, true)).toBe('shapeOrLegacy');
  });
});

/**
 * An independent reference: written from the standard's text (ISO 7064 MOD 11-2: the check value
 * is (12 - (Σ aᵢ·2^(17-i) mod 11)) mod 11, 10 written X), with dates checked through Date.
 */
function referenceValid(id: string, todayIso: string, legacy: boolean): boolean {
  const provinces = new Set('11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(' '));
  let birth: string;
  if (id.length === 18) {
    for (let i = 0; i < 17; i++) if (id[i]! < '0' || id[i]! > '9') return false;
    if (!'0123456789X'.includes(id[17]!)) return false;
    birth = id.substring(6, 14);
  } else if (id.length === 15 && legacy) {
    for (const c of id) if (c < '0' || c > '9') return false;
    birth = '19' + id.substring(6, 12);
  } else return false;
  if (!provinces.has(id.substring(0, 2))) return false;
  const iso = `${birth.substring(0, 4)}-${birth.substring(4, 6)}-${birth.substring(6, 8)}`;
  const d = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().substring(0, 10) !== iso) return false;
  if (iso < '1900-01-01' || iso > todayIso) return false;
  if (id.length === 15) return true;
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(id[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (s % 11)) % 11;
  return id[17] === (value === 10 ? 'X' : String(value));
}

const mostly = <T,>(usual: fc.Arbitrary<T>, edge: fc.Arbitrary<T>) => fc.oneof({ arbitrary: usual, weight: 4 }, { arbitrary: edge, weight: 1 });
const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
/** Numbers near validity: real-looking fields, some corrupted, so both answers are common. */
const plausibleId = fc
  .tuple(
    fc.constantFrom('11', '44', '44', '45', '65', '82', '83', '00', '10', '99', '47'),
    digits(4),
    mostly(fc.integer({ min: 1900, max: 2026 }), fc.integer({ min: 1880, max: 2030 })),
    mostly(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 13 })),
    mostly(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 32 })),
    digits(3),
    fc.constantFrom('right', 'right', 'right', 'wrong', 'x', 'legacy', 'legacy', 'drop'),
  )
  .map(([p, rest, y, m, d, seq, tail]) => {
    const body = `${p}${rest}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`;
    if (tail === 'legacy') return `${p}${rest}${String(y).slice(2)}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`;
    if (tail === 'drop') return body;
    if (tail === 'x') return body + 'x';
    const right = idNumberCheckChar(body);
    return body + (tail === 'right' ? right : '0123456789X'.replace(right, '')[Number(seq) % 10]);
  });
const anyId = fc.oneof(plausibleId, plausibleId, fc.string({ maxLength: 20 }), digits(18), digits(15), fc.string({ unit: 'grapheme', maxLength: 20 }));

describe('idNumberProblem against a reference implementation', () => {
  it('agrees on 10,000 generated numbers (18-digit only, and with legacy numbers)', () => {
    const seen = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(anyId, fc.boolean(), fc.constantFrom('2026-12-04', '2000-01-01', '1995-06-30'), (id, legacy, t) => {
        const ref = referenceValid(id, t, legacy);
        seen[ref ? 'valid' : 'invalid']++;
        expect(idNumberProblem(id, t, legacy) === null).toBe(ref);
      }),
      { numRuns: 10_000 },
    );
    // The generator must exercise both sides, or the agreement says little.
    expect(seen.valid).toBeGreaterThan(500);
    expect(seen.invalid).toBeGreaterThan(1000);
  });
});
