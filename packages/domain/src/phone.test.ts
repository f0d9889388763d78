import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPhoneNumber } from './phone.js';

describe('isPhoneNumber', () => {
  it('accepts mobiles (with or without +86) and landlines with area code and extension', () => {
    for (const ok of ['13812345678', '19912345678', '+8613812345678', '+86 13812345678', '+86-13812345678', '020-84981234', '0755-2345678', '010-62345678', '020-84981234-123']) {
      expect(isPhoneNumber(ok), ok).toBe(true);
    }
  });

  it('refuses everything else', () => {
    for (const bad of ['12812345678', '1381234567', '138123456789', '86 13812345678', '84981234', '020 84981234', '02084981234', '020-1234567', '020-123456', '020-849812345', '020-84981234-', '020-84981234-1234567', '00-84981234', '１３８１２３４５６７８', '13812345678\n', ' 13812345678']) {
      expect(isPhoneNumber(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

/** Reference written without regular expressions, from the rule's wording. */
function referencePhone(s: string): boolean {
  const isDigits = (t: string) => t.length > 0 && [...t].every((c) => c >= '0' && c <= '9');
  let m = s;
  if (m.startsWith('+86')) {
    m = m.slice(3);
    if (m.startsWith(' ') || m.startsWith('-')) m = m.slice(1);
    return m.length === 11 && isDigits(m) && m[0] === '1' && m[1]! >= '3';
  }
  if (m.length === 11 && isDigits(m) && m[0] === '1' && m[1]! >= '3') return true;
  const parts = s.split('-');
  if (parts.length < 2 || parts.length > 3) return false;
  const [area, local, ext] = parts as [string, string, string | undefined];
  if (!isDigits(area) || area.length < 3 || area.length > 4 || area[0] !== '0' || area[1] === '0') return false;
  if (!isDigits(local) || local.length < 7 || local.length > 8 || local[0] === '0' || local[0] === '1') return false;
  return ext === undefined || (isDigits(ext) && ext.length <= 6);
}

const digitString = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const plausiblePhone = fc.oneof(
  fc.tuple(fc.constantFrom('', '', '+86', '+86 ', '+86-', '86', '+85'), fc.constantFrom('1', '1', '2'), digitString(1, 1), digitString(8, 10)).map((p) => p.join('')),
  fc.tuple(fc.constantFrom('0', '0', '1'), digitString(1, 1), digitString(1, 3), digitString(6, 9), fc.option(digitString(0, 7))).map(
    ([z, a, b, l, e]) => `${z}${a}${b}-${l}${e === null ? '' : `-${e}`}`,
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: fc.constantFrom(...'0123456789-+ '), maxLength: 20 }),
);

describe('isPhoneNumber against a reference implementation', () => {
  it('agrees on 10,000 generated strings', () => {
    const seen = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(plausiblePhone, (s) => {
        const ref = referencePhone(s);
        seen[ref ? 'valid' : 'invalid']++;
        expect(isPhoneNumber(s)).toBe(ref);
      }),
      { numRuns: 10_000 },
    );
    expect(seen.valid).toBeGreaterThan(500);
    expect(seen.invalid).toBeGreaterThan(1000);
  });
});
