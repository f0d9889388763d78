import type { Rng } from './random.js';

/**
 * Splits `total` into `n` positive parts that look like real amounts: drawn right-skewed, scaled
 * to the total, rounded to `step`, with the rounding remainder put on the largest part.
 */
export function splitTotal(rng: Rng, total: number, n: number, opts: { step?: number; power?: number; spread?: number } = {}): number[] {
  const step = opts.step ?? 100;
  const raw = Array.from({ length: n }, () => rng.skewed(1, opts.spread ?? 60, opts.power ?? 3));
  return fitToTotal(raw, total, step);
}

/** Scales positive weights to integers that sum to exactly `total` (each a multiple of `step` but the largest). */
export function fitToTotal(weights: readonly number[], total: number, step = 1): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.max(step, Math.round((total * w) / sum / step) * step));
  const largest = parts.indexOf(Math.max(...parts));
  parts[largest]! += total - parts.reduce((a, b) => a + b, 0);
  if (parts[largest]! <= 0) throw new Error(`cannot fit ${weights.length} parts to ${total}`);
  return parts;
}

/**
 * Adjusts integer `values` so they sum to `total`, changing only entries `adjustable` allows,
 * one unit at a time round-robin, never below `min`.
 */
export function nudgeToTotal(values: number[], total: number, adjustable: (i: number) => boolean, min = 1): number[] {
  const idx = values.map((_, i) => i).filter(adjustable);
  if (idx.length === 0) throw new Error('nothing to adjust');
  let diff = total - values.reduce((a, b) => a + b, 0);
  let k = 0;
  let stuck = 0;
  while (diff !== 0) {
    const i = idx[k++ % idx.length]!;
    if (diff > 0) {
      values[i]! += 1;
      diff -= 1;
      stuck = 0;
    } else if (values[i]! > min) {
      values[i]! -= 1;
      diff += 1;
      stuck = 0;
    } else if (++stuck > idx.length) throw new Error(`cannot reduce to ${total}`);
  }
  return values;
}
