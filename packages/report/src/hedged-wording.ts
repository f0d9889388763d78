import { formatNumber, type Indicator } from '@fazhi/metrics';

/** How one figure is worded in running text: the exact number, or a 公文 approximation (240余宗, 近百场). */
export type FigureWording = 'exact' | 'hedged';

/**
 * The approximation a 公文 would write, chosen so that it is always true of the exact value, or
 * null where the exact figure must stand:
 *
 * - `X余` (a 240余宗 for 242): the value lies strictly between X and the next round step, where the
 *   step keeps two significant figures (10 below 100, 10 for 242, 100 for 1715, 1000 for 21349);
 * - `近X` (近百场 for 98, 近1800 for 1785): the value lies below X by at most a fifth of the step;
 * - the exact number when it is already round (130, 1500) or below 10 (余/近 of a handful reads wrong);
 * - rates are never hedged: a 达标率 is checked against its counts, not estimated.
 *
 * Money is hedged in 万元 (560.22万元 → 560余万元), counts of ten thousand and more in 万
 * (21349件 → 2.1万余件), as the reference reports write them.
 */
export function hedgedFigure(indicator: Pick<Indicator, 'valueType' | 'unit'>, value: number | null): string | null {
  if (value === null || value < 0) return null;
  switch (indicator.valueType) {
    case 'percent':
      return null;
    case 'money': {
      const words = approximate(value / 1_000_000); // integer fen → 万元
      return words === null ? null : `${words}万元`;
    }
    case 'count':
    case 'quantity': {
      const words = approximate(value);
      return words === null ? null : `${words}${indicator.unit}`;
    }
  }
}

/** 近X only in the last fifth of a step below X (98 → 近百, 1785 → 近1800; 97 stays 90余). */
const JIN_WITHIN_STEP = 0.2;
const roundNames: Record<number, string> = { 100: '百', 1000: '千', 10_000: '万' };

/** 240余, 近百, 2.1万余 — or null when the exact number should be printed. */
function approximate(n: number): string | null {
  if (!Number.isFinite(n) || n < 10) return null;
  const step = n < 100 ? 10 : 10 ** (Math.floor(Math.log10(n)) - 1);
  const down = Math.floor(n / step) * step;
  const up = down + step;
  if (n === down) return null;
  if (up - n <= step * JIN_WITHIN_STEP) return `近${roundNames[up] ?? show(up)}`;
  return `${show(down)}余`;
}

/** 240, 1700, 2.1万: a round number as a 公文 writes it. */
function show(x: number): string {
  return x >= 10_000 ? `${formatNumber(x / 10_000, 2, true)}万` : String(x);
}
