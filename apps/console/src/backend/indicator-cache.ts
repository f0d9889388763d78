import type { SqlEvaluator } from '@fazhi/db/browser';
import { monthsOf, type Period } from '@fazhi/domain';
import type { IndicatorComparison, IndicatorResult } from '@fazhi/metrics';
import type { IndicatorSource } from '@fazhi/plugin-sdk';
import type { DataProvider } from '@refinedev/core';
import type { ConnectedBackend } from './backend.js';

/**
 * Dashboards ask for a few indicators at a time, but `indicator_values` computes all of them in
 * one pass anyway. So each (unit, period) is fetched once, for every indicator, and kept until
 * the user writes something; the home page's cards, tables and charts then share one query.
 */
export interface CachingIndicatorSource extends IndicatorSource {
  /**
   * Starts fetching a unit's year (figures and 同比, then the months) before any page asks. The
   * months wait for the year's figures: the home page needs only those, and the database answers
   * one call at a time, so months asked alongside would run ahead of the figures' second query.
   * Settles (never fails) once the year's figures are in, or failed.
   */
  prefetch(orgId: string, year: number): Promise<void>;
  compared: NonNullable<IndicatorSource['compared']>;
  invalidate(): void;
  /**
   * The stamp read just before the database computed these comparisons (an answer of `compare`,
   * or `compared`), for remembering them with it; undefined without a `stamp` reader or when its
   * read failed.
   */
  stampOf(comparisons: readonly IndicatorComparison[]): string | undefined;
}

/**
 * `stamp` reads what the database is (the embedded backend's figure stamp). It is read before each
 * computation, never after: a change stored in between makes the stamp older than the figures
 * (they are recomputed next time), never newer.
 */
export function cachingIndicatorSource(evaluator: Pick<SqlEvaluator, 'compareAll' | 'evaluatePeriods'>, stamp?: () => Promise<string | undefined>): CachingIndicatorSource {
  const stamps = new WeakMap<readonly IndicatorComparison[], string>();
  let compared = new Map<string, Promise<IndicatorComparison[]>>();
  /** The answers of `compared` that are in, by the same key. */
  let answered = new Map<string, IndicatorComparison[]>();
  let trends = new Map<string, Promise<IndicatorResult[][]>>();
  const remember = <T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>) => {
    let p = cache.get(key);
    if (!p) {
      p = load();
      cache.set(key, p);
      p.catch(() => cache.delete(key)); // a failure is not remembered
    }
    return p;
  };
  const periodKey = (p: Period) => JSON.stringify(p);
  const yearKey = (orgId: string, period: Period) => `${orgId}|${periodKey(period)}`;
  const yearOf = (orgId: string, period: Period) =>
    remember(compared, yearKey(orgId, period), () => {
      const into = answered;
      const stamped = stamp ? stamp().catch(() => undefined) : Promise.resolve(undefined);
      return stamped.then(async (s) => {
        const all = await evaluator.compareAll(orgId, period);
        if (s !== undefined) stamps.set(all, s);
        into.set(yearKey(orgId, period), all);
        return all;
      });
    });
  const monthsOfYear = (orgId: string, year: number) => remember(trends, `${orgId}|${year}`, () => evaluator.evaluatePeriods(orgId, monthsOf(year)));
  /** Each subset of one answer picked once: asked again, the same array (a page's state then stays as it is). */
  const subsets = new WeakMap<IndicatorComparison[], Map<string, IndicatorComparison[]>>();
  const pick = (all: IndicatorComparison[], ids: readonly string[]) => {
    const picked = subsets.get(all) ?? new Map<string, IndicatorComparison[]>();
    subsets.set(all, picked);
    let out = picked.get(ids.join());
    if (!out) {
      out = ids.map((id) => {
        const c = all.find((x) => x.current.indicator.id === id);
        if (!c) throw new Error(`未知的指标“${id}”`);
        return c;
      });
      picked.set(ids.join(), out);
      const s = stamps.get(all);
      if (s !== undefined) stamps.set(out, s);
    }
    return out;
  };
  return {
    async compare(ids, orgId, period) {
      return pick(await yearOf(orgId, period), ids);
    },
    compared(ids, orgId, period) {
      const all = answered.get(yearKey(orgId, period));
      try {
        return all && pick(all, ids);
      } catch {
        return undefined; // an unknown indicator: `compare` says so, as the page's error
      }
    },
    async trend(id, orgId, year) {
      const months = await monthsOfYear(orgId, year);
      return months.map((results) => {
        const r = results.find((x) => x.indicator.id === id);
        if (!r) throw new Error(`未知的指标“${id}”`);
        return r;
      });
    },
    prefetch(orgId, year) {
      const figures = yearOf(orgId, { kind: 'year', year }).then(
        () => undefined,
        () => undefined,
      );
      void figures.then(() => monthsOfYear(orgId, year)).catch(() => undefined);
      return figures;
    },
    stampOf(comparisons) {
      return stamps.get(comparisons);
    },
    invalidate() {
      compared = new Map();
      answered = new Map();
      trends = new Map();
    },
  };
}

const writes = ['create', 'createMany', 'update', 'updateMany', 'deleteOne', 'deleteMany'] as const;

/** The data provider, calling `onWrite` after every successful write (and every non-GET custom call). */
export function notifyingWrites<P extends DataProvider>(provider: P, onWrite: () => void): P {
  const out = { ...provider } as Record<string, unknown>;
  for (const name of writes) {
    const fn = provider[name] as ((...args: unknown[]) => Promise<unknown>) | undefined;
    if (fn) out[name] = async (...args: unknown[]) => {
      const r = await fn.apply(provider, args);
      onWrite();
      return r;
    };
  }
  if (provider.custom) {
    const custom = provider.custom.bind(provider);
    out.custom = async (params: Parameters<NonNullable<DataProvider['custom']>>[0]) => {
      const r = await custom(params);
      if (params.method !== 'get') onWrite();
      return r;
    };
  }
  return out as P;
}

/**
 * A store whose every method but the named reads calls `onWrite` after it succeeds (a method
 * added later counts as a write until named here: forgetting figures once too often is harmless).
 */
export function notifyingMethods<S extends object>(store: S, reads: readonly (keyof S & string)[], onWrite: () => void): S {
  const out = { ...store } as Record<string, unknown>;
  for (const [name, fn] of Object.entries(store)) {
    if (typeof fn !== 'function' || reads.includes(name as keyof S & string)) continue;
    out[name] = async (...args: unknown[]) => {
      const r = await (fn as (...a: unknown[]) => Promise<unknown>).apply(store, args);
      onWrite();
      return r;
    };
  }
  return out as S;
}

/** The services a write can go through, with the methods of each store that only read. */
type WritableServices = Pick<ConnectedBackend, 'dataProvider' | 'importer' | 'access' | 'orgs' | 'localAccounts'>;
const readsOf = { importer: [], access: ['listMembers', 'listInvitations'], localAccounts: [], orgs: ['list'] } as const;

/**
 * The data provider and every store whose writes can change figures (records, imports, grants, the
 * org tree, local accounts), each calling `onWrite` after a write. Both backends wire their services
 * through this one list, so neither can leave a store out (the Supabase backend once notified only
 * the data provider: after an import the dashboard kept the figures from before it).
 */
export function notifyingServices<S extends WritableServices>(services: S, onWrite: () => void): S {
  const out: S = { ...services, dataProvider: notifyingWrites(services.dataProvider, onWrite) };
  for (const name of Object.keys(readsOf) as (keyof typeof readsOf)[]) {
    const store = services[name];
    if (store) (out as Record<string, unknown>)[name] = notifyingMethods(store as object, readsOf[name] as readonly never[], onWrite);
  }
  return out;
}
