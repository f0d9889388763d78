import type { AnyRecord, PeriodRange } from '@fazhi/domain';
import { generateMeasure } from './codegen.js';
import type { Aggregation, Filter, Measure, PeriodBinding } from './definitions.js';

type Row = Record<string, unknown>;
type Predicate = (r: Row) => boolean;

const compare = {
  lt: (a: never, b: never) => a < b,
  lte: (a: never, b: never) => a <= b,
  gt: (a: never, b: never) => a > b,
  gte: (a: never, b: never) => a >= b,
} as const;

/** null/undefined never satisfy a comparison, as in SQL. */
const present = (v: unknown) => v !== null && v !== undefined;

export function compileFilter(f: Filter): Predicate {
  const k = f.field;
  switch (f.op) {
    case 'eq':
      return (r) => r[k] === f.value;
    case 'ne':
      return (r) => present(r[k]) && r[k] !== f.value;
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const cmp = compare[f.op];
      return (r) => present(r[k]) && cmp(r[k] as never, f.value as never);
    }
    case 'in': {
      const set = new Set<unknown>(f.value);
      return (r) => set.has(r[k]);
    }
    case 'nin': {
      const set = new Set<unknown>(f.value);
      return (r) => present(r[k]) && !set.has(r[k]);
    }
    case 'null':
      return (r) => !present(r[k]);
    case 'notnull':
      return (r) => present(r[k]);
    case 'lt_field':
    case 'lte_field':
    case 'gt_field':
    case 'gte_field': {
      const cmp = compare[f.op.slice(0, -6) as 'lt' | 'lte' | 'gt' | 'gte'];
      return (r) => present(r[k]) && present(r[f.ref]) && cmp(r[k] as never, r[f.ref] as never);
    }
  }
}

/**
 * Period membership. Dates are ISO strings and date-times carry +08:00, so plain string comparison
 * against the period's ISO date bounds is exact (`2024-12-31T23:59:59+08:00` < `2025-01-01`).
 */
export function compilePeriod(p: PeriodBinding, range: PeriodRange): Predicate {
  const { start, end } = range;
  switch (p.type) {
    case 'within':
      return (r) => {
        const v = r[p.field] as string | null;
        return v != null && v >= start && v < end;
      };
    case 'asOfEnd':
      return (r) => {
        const v = r[p.field] as string | null;
        return v != null && v < end;
      };
    case 'active': {
      // [from, to) overlaps [start, end), or contains the last day of the period.
      const boundary = p.at === 'any' ? start : end;
      return (r) => {
        const from = r[p.from] as string | null;
        const to = r[p.to] as string | null;
        return from != null && from < end && (to == null || (p.at === 'any' ? to > boundary : to >= boundary));
      };
    }
  }
}

type Reducer = { add(r: Row): void; result(): number | null };

function reducer(a: Aggregation): Reducer {
  switch (a.type) {
    case 'count': {
      let n = 0;
      return { add: () => void n++, result: () => n };
    }
    case 'sum': {
      let s = 0;
      return {
        add: (r) => {
          const v = r[a.field];
          if (typeof v === 'number') s += v;
        },
        result: () => s,
      };
    }
    case 'countDistinct': {
      const seen = new Set<unknown>();
      return {
        add: (r) => {
          const v = r[a.field];
          if (present(v)) seen.add(v);
        },
        result: () => seen.size,
      };
    }
    case 'latest': {
      let best: Row | null = null;
      return {
        add: (r) => {
          const v = r[a.by] as string | null;
          if (v == null || !present(r[a.field])) return;
          const b = best?.[a.by] as string | undefined;
          if (best === null || v > b! || (v === b && String(r.id) > String(best.id))) best = r;
        },
        result: () => (best ? (best[a.field] as number) : null),
      };
    }
    case 'countGroups': {
      const sums = new Map<unknown, number>();
      return {
        add: (r) => {
          const g = r[a.groupBy];
          const v = r[a.sumField];
          if (present(g)) sums.set(g, (sums.get(g) ?? 0) + (typeof v === 'number' ? v : 0));
        },
        result: () => {
          let n = 0;
          for (const s of sums.values()) if (s >= a.atLeast) n++;
          return n;
        },
      };
    }
  }
}

export type CompiledMeasure = (records: readonly AnyRecord[], orgIds: ReadonlySet<string>, range: PeriodRange) => number | null;

/**
 * The reference implementation: a measure evaluated by composing small closures. `compileMeasure`
 * prefers generated code (much faster) and falls back to this where code generation is not allowed.
 */
export function interpretMeasure(m: Measure): CompiledMeasure {
  const filters = m.filters.map(compileFilter);
  return (records, orgIds, range) => {
    const inPeriod = compilePeriod(m.period, range);
    const agg = reducer(m.aggregation);
    outer: for (const r of records) {
      if (r.deletedAt !== null && r.deletedAt !== undefined) continue;
      if (!orgIds.has(r.orgId) || !inPeriod(r)) continue;
      for (const f of filters) if (!f(r)) continue outer;
      agg.add(r);
    }
    return agg.result();
  };
}

/** Turns a declarative measure into a single pass over a kind's records. */
export function compileMeasure(m: Measure): CompiledMeasure {
  return generateMeasure(m) ?? interpretMeasure(m);
}
