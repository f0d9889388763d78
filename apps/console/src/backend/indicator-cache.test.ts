import { OrgTree } from '@fazhi/domain';
import { builtInCatalog, Evaluator, type IndicatorResult } from '@fazhi/metrics';
import { describe, expect, test } from 'vitest';
import { cachingIndicatorSource, notifyingWrites } from './indicator-cache.js';

// The real in-memory evaluator over a one-street tree, counted: the cache must ask it once per
// unit and period and give the same answers it gives.
const orgs = new OrgTree([{ id: 'street', parentId: null, kind: 'street', name: '测试街道', shortName: null }]);
function countedEvaluator() {
  const ev = new Evaluator({ catalog: builtInCatalog, orgs, records: new Map() });
  const calls = { compare: 0, periods: 0 };
  /** The year's figures answer only when the test lets them (`release`), as a busy database would. */
  let held: Promise<void> = Promise.resolve();
  let release = () => undefined as void;
  return {
    calls,
    hold() {
      held = new Promise<void>((r) => (release = r));
      return () => release();
    },
    evaluator: {
      async compareAll(orgId: string, period: Parameters<typeof ev.compareAll>[1]) {
        calls.compare++;
        await held;
        return ev.compareAll(orgId, period);
      },
      async evaluatePeriods(orgId: string, periods: Parameters<typeof ev.evaluateAll>[1][]) {
        calls.periods++;
        return periods.map((p) => ev.evaluateAll(orgId, p)) as IndicatorResult[][];
      },
    },
  };
}

describe('cachingIndicatorSource', () => {
  test('each answer carries the stamp read before it was computed, never one read after', async () => {
    const { evaluator } = countedEvaluator();
    const order: string[] = [];
    let now = 's1';
    const stamped = {
      ...evaluator,
      async compareAll(orgId: string, period: Parameters<typeof evaluator.compareAll>[1]) {
        order.push('figures');
        return evaluator.compareAll(orgId, period);
      },
    };
    const source = cachingIndicatorSource(stamped, async () => {
      order.push('stamp');
      return now;
    });
    const year = { kind: 'year', year: 2024 } as const;
    const ids = ['mediation.successful_cases', 'mediation.success_rate'];
    const first = await source.compare(ids, 'street', year);
    expect(order).toEqual(['stamp', 'figures']);
    expect(source.stampOf(first)).toBe('s1');
    expect(source.stampOf(source.compared(ids, 'street', year)!)).toBe('s1');
    // A write: the next answer is computed anew, with the stamp as it is then; the old answer keeps its own.
    now = 's2';
    source.invalidate();
    const second = await source.compare(ids, 'street', year);
    expect(source.stampOf(second)).toBe('s2');
    expect(source.stampOf(first)).toBe('s1');
    // A stamp that cannot be read leaves the figures unstamped (shown as 正在更新 next time), not missing.
    const unread = cachingIndicatorSource(evaluator, () => Promise.reject(new Error('IndexedDB')));
    const figures = await unread.compare(ids, 'street', year);
    expect(figures).toHaveLength(2);
    expect(unread.stampOf(figures)).toBeUndefined();
    expect(cachingIndicatorSource(evaluator).stampOf(await cachingIndicatorSource(evaluator).compare(ids, 'street', year))).toBeUndefined();
  });

  test('one query per unit and period serves every subset, until a write', async () => {
    const { calls, evaluator } = countedEvaluator();
    const source = cachingIndicatorSource(evaluator);
    const year = { kind: 'year', year: 2024 } as const;
    const a = await source.compare(['mediation.successful_cases'], 'street', year);
    const b = await source.compare(['mediation.success_rate', 'mediation.successful_cases'], 'street', year);
    expect(calls.compare).toBe(1);
    expect(a[0]!.current.indicator.id).toBe('mediation.successful_cases');
    expect(b.map((c) => c.current.indicator.id)).toEqual(['mediation.success_rate', 'mediation.successful_cases']);
    const trend = await source.trend('mediation.successful_cases', 'street', 2024);
    await source.trend('mediation.success_rate', 'street', 2024);
    expect(trend).toHaveLength(12);
    expect(calls.periods).toBe(1);
    await expect(source.compare(['no.such'], 'street', year)).rejects.toThrow('未知的指标“no.such”');

    const provider = notifyingWrites({ create: async () => ({ data: { id: 1 } }), getList: async () => ({ data: [], total: 0 }) } as never, source.invalidate);
    await (provider as { getList(): Promise<unknown> }).getList();
    await source.compare(['mediation.successful_cases'], 'street', year);
    expect(calls.compare).toBe(1);
    await (provider as { create(): Promise<unknown> }).create();
    await source.compare(['mediation.successful_cases'], 'street', year);
    expect(calls.compare).toBe(2);
  });

  test("a prefetch asks for the months only once the year's figures are in, and still does when they failed", async () => {
    const { calls, evaluator, hold } = countedEvaluator();
    const source = cachingIndicatorSource(evaluator);
    const release = hold();
    let figuresIn = false;
    void source.prefetch('street', 2024).then(() => (figuresIn = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toEqual({ compare: 1, periods: 0 });
    expect(figuresIn).toBe(false);
    release();
    await source.compare(['mediation.successful_cases'], 'street', { kind: 'year', year: 2024 });
    // What waits for the figures (the header's counts) hears of them.
    await expect.poll(() => figuresIn).toBe(true);
    await expect.poll(() => calls.periods).toBe(1);
    // Served from the prefetch: no second query.
    expect(await source.trend('mediation.successful_cases', 'street', 2024)).toHaveLength(12);
    expect(calls).toEqual({ compare: 1, periods: 1 });

    const failing = cachingIndicatorSource({ ...evaluator, compareAll: () => Promise.reject(new Error('数据库忙')) });
    // Settled, not failed, when they failed: what waits for them goes ahead.
    await expect(failing.prefetch('street', 2023)).resolves.toBeUndefined();
    await expect.poll(() => calls.periods).toBe(2);
  });

  test('figures fetched ahead are at hand without waiting, as the same array compare answers, until a write', async () => {
    const { evaluator, hold } = countedEvaluator();
    const source = cachingIndicatorSource(evaluator);
    const year = { kind: 'year', year: 2024 } as const;
    const ids = ['mediation.success_rate', 'mediation.successful_cases'];
    const release = hold();
    source.prefetch('street', 2024);
    expect(source.compared(ids, 'street', year)).toBeUndefined();
    release();
    const answer = await source.compare(ids, 'street', year);
    expect(source.compared(ids, 'street', year)).toBe(answer);
    expect(await source.compare(ids, 'street', year)).toBe(answer);
    expect(source.compared(['mediation.successful_cases'], 'street', year)?.map((c) => c.current.indicator.id)).toEqual(['mediation.successful_cases']);
    // Another unit or year, or an unknown indicator: not at hand (compare answers or says why).
    expect(source.compared(ids, 'street', { kind: 'year', year: 2023 })).toBeUndefined();
    expect(source.compared(['no.such'], 'street', year)).toBeUndefined();
    source.invalidate();
    expect(source.compared(ids, 'street', year)).toBeUndefined();
  });
});
