import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hedgedFigure } from './hedged-wording.js';

const count = { valueType: 'count' as const, unit: '宗' };
const money = { valueType: 'money' as const, unit: '元' };

/** Reads a hedged count back as the open interval it claims: 240余 → (240, 250), 近百 → [80…, 100). */
function claim(text: string, unit: string): { low: number; high: number } | null {
  const m = /^(近)?([\d.]+|百|千|万)(万)?(余)?$/.exec(text.slice(0, -unit.length));
  if (!m) return null;
  const [, jin, digits, wan, yu] = m;
  const base = ({ 百: 100, 千: 1000, 万: 10_000 } as Record<string, number>)[digits!] ?? Number(digits) * (wan ? 10_000 : 1);
  const step = base < 100 ? 10 : 10 ** (Math.floor(Math.log10(base)) - 1);
  if (jin) return { low: base - step * 0.2, high: base };
  if (yu) return { low: base, high: base + step };
  return null;
}

describe('hedged wording (余/近)', () => {
  it('reads like a 公文', () => {
    expect(hedgedFigure(count, 242)).toBe('240余宗');
    expect(hedgedFigure(count, 98)).toBe('近百宗');
    expect(hedgedFigure(count, 97)).toBe('90余宗');
    expect(hedgedFigure(count, 1785)).toBe('近1800宗');
    expect(hedgedFigure(count, 1715)).toBe('1700余宗');
    expect(hedgedFigure(count, 21349)).toBe('2.1万余宗');
    expect(hedgedFigure(count, 9990)).toBe('近万宗');
    expect(hedgedFigure(money, 560_218_050)).toBe('560余万元');
    expect(hedgedFigure(money, 15_680_000_00)).toBe('1500余万元');
  });

  it('keeps the exact figure where a hedge would be wrong or odd: round numbers, a handful, rates, no value', () => {
    expect(hedgedFigure(count, 130)).toBeNull();
    expect(hedgedFigure(count, 7)).toBeNull();
    expect(hedgedFigure(money, 5_000_00)).toBeNull(); // 5000元 stays exact
    expect(hedgedFigure({ valueType: 'percent', unit: '%' }, 98.7)).toBeNull();
    expect(hedgedFigure(count, null)).toBeNull();
  });

  it('is always true of the exact value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000_000 }), (n) => {
        const text = hedgedFigure(count, n);
        if (text === null) return;
        const range = claim(text, '宗');
        expect(range, text).not.toBeNull();
        expect(n, text).toBeGreaterThanOrEqual(range!.low);
        expect(n, text).toBeLessThan(range!.high);
        if (text.includes('余')) expect(n, text).not.toBe(range!.low); // 240余 never means 240
      }),
      { numRuns: 20_000 },
    );
  });
});
