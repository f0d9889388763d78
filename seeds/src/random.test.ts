import { describe, expect, it } from 'vitest';
import { Rng } from './random.js';

describe('Rng', () => {
  it('is deterministic per seed and per fork label', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    expect([a.uint32(), a.uint32()]).toEqual([b.uint32(), b.uint32()]);
    // A fork depends on the label only, not on how much the parent was used.
    expect(new Rng(42).fork('x').uint32()).toBe(a.fork('x').uint32());
    expect(new Rng(42).fork('x').uint32()).not.toBe(new Rng(42).fork('y').uint32());
  });

  it('makes version-4 UUIDs', () => {
    const r = new Rng(7);
    for (let i = 0; i < 200; i++) expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps int and skewed within bounds', () => {
    const r = new Rng(1);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
      const s = r.skewed(10, 20);
      expect(s >= 10 && s <= 20).toBe(true);
    }
  });
});
