import type { AnyRecord, PeriodRange } from '@fazhi/domain';
import type { CompiledMeasure } from './compile.js';
import type { Aggregation, Filter, Measure, PeriodBinding } from './definitions.js';

/**
 * Generates one specialised loop per measure. Static property access (`r.closedOn`) keeps V8's
 * inline caches monomorphic, several times faster than the closure interpreter's `r[key]`.
 * The definition stays declarative data; this is only how it runs. Semantics must equal
 * `interpretMeasure` exactly (null never satisfies a comparison), which a test checks.
 */
const identifier = /^[A-Za-z_$][\w$]*$/;
const get = (key: string) => (identifier.test(key) ? `r.${key}` : `r[${JSON.stringify(key)}]`);
const literal = (v: unknown) => JSON.stringify(v);
const ops = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

function filterCode(f: Filter, sets: Set<unknown>[]): string {
  const v = get(f.field);
  switch (f.op) {
    case 'eq':
      return `${v} === ${literal(f.value)}`;
    case 'ne':
      return `(${v} != null && ${v} !== ${literal(f.value)})`;
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return `(${v} != null && ${v} ${ops[f.op]} ${literal(f.value)})`;
    case 'in':
      sets.push(new Set<unknown>(f.value));
      return `sets[${sets.length - 1}].has(${v})`;
    case 'nin':
      sets.push(new Set<unknown>(f.value));
      return `(${v} != null && !sets[${sets.length - 1}].has(${v}))`;
    case 'null':
      return `${v} == null`;
    case 'notnull':
      return `${v} != null`;
    case 'lt_field':
    case 'lte_field':
    case 'gt_field':
    case 'gte_field': {
      const w = get(f.ref);
      return `(${v} != null && ${w} != null && ${v} ${ops[f.op.slice(0, -6) as keyof typeof ops]} ${w})`;
    }
  }
}

function periodCode(p: PeriodBinding): string {
  switch (p.type) {
    // Negated tests, not inverted ones: a value that compares with nothing (a number against an
    // ISO date is NaN) must fail, as in the interpreter, where `p >= end` would let it pass.
    case 'within':
      return `const p = ${get(p.field)}; if (p == null || !(p >= start && p < end)) continue;`;
    case 'asOfEnd':
      return `const p = ${get(p.field)}; if (p == null || !(p < end)) continue;`;
    case 'active':
      return [
        `const from = ${get(p.from)}; if (from == null || !(from < end)) continue;`,
        `const to = ${get(p.to)}; if (to != null && !(to ${p.at === 'any' ? '> start' : '>= end'})) continue;`,
      ].join('\n');
  }
}

/**
 * An aggregation's parts: `init` before the loop, `add` for each row that passed (`skip` leaves
 * the row), `value` the result as an expression. Its variables carry the prefix `$`, so the parts
 * of several measures can share one loop.
 */
function aggregationCode(a: Aggregation, $: string, skip: string): { init: string; add: string; value: string } {
  switch (a.type) {
    case 'count':
      return { init: `let ${$}n = 0;`, add: `${$}n++;`, value: `${$}n` };
    case 'sum':
      return { init: `let ${$}s = 0;`, add: `const v = ${get(a.field)}; if (typeof v === 'number') ${$}s += v;`, value: `${$}s` };
    case 'countDistinct':
      return { init: `const ${$}seen = new Set();`, add: `const v = ${get(a.field)}; if (v != null) ${$}seen.add(v);`, value: `${$}seen.size` };
    case 'latest':
      return {
        init: `let ${$}best = null, ${$}bestBy = null;`,
        add: `const by = ${get(a.by)}; if (by == null || ${get(a.field)} == null) ${skip};
if (${$}best === null || by > ${$}bestBy || (by === ${$}bestBy && String(r.id) > String(${$}best.id))) { ${$}best = r; ${$}bestBy = by; }`,
        value: `(${$}best === null ? null : ${$}best${get(a.field).slice(1)})`,
      };
    case 'countGroups':
      return {
        init: `const ${$}sums = new Map();`,
        add: `const g = ${get(a.groupBy)}; if (g == null) ${skip}; const v = ${get(a.sumField)};
${$}sums.set(g, (${$}sums.get(g) ?? 0) + (typeof v === 'number' ? v : 0));`,
        value: `groupsReaching(${$}sums, ${literal(a.atLeast)})`,
      };
  }
}

/** countGroups' result: how many groups' sums reach the threshold. */
function groupsReaching(sums: Map<unknown, number>, atLeast: number): number {
  let n = 0;
  for (const s of sums.values()) if (s >= atLeast) n++;
  return n;
}

type Generated<T> = (groupsReaching: (sums: Map<unknown, number>, atLeast: number) => number, sets: Set<unknown>[], records: readonly AnyRecord[], orgIds: ReadonlySet<string>, start: string, end: string) => T;

/** The loop over a kind's live rows in the subtree and the days, `step` run for each. */
function compile<T>(period: PeriodBinding, init: string, step: string, result: string): Generated<T> | null {
  const body = `${init}
for (let i = 0; i < records.length; i++) {
  const r = records[i];
  if (r.deletedAt != null || !orgIds.has(r.orgId)) continue;
  ${periodCode(period)}
  ${step}
}
return ${result};`;
  try {
    return new Function('groupsReaching', 'sets', 'records', 'orgIds', 'start', 'end', body) as Generated<T>;
  } catch {
    return null;
  }
}

/** Null where the runtime forbids code generation (e.g. a strict Content-Security-Policy). */
export function generateMeasure(m: Measure): CompiledMeasure | null {
  const sets: Set<unknown>[] = [];
  const filters = m.filters.map((f) => filterCode(f, sets));
  const agg = aggregationCode(m.aggregation, '', 'continue');
  const step = `${filters.length ? `if (!(${filters.join(' && ')})) continue;` : ''}
  ${agg.add}`;
  const fn = compile<number | null>(m.period, agg.init, step, agg.value);
  return fn && ((records, orgIds, range: PeriodRange) => fn(groupsReaching, sets, records, orgIds, range.start, range.end));
}

/** Several measures of one kind and period binding computed in one pass: their values, in order. */
export type CompiledMeasureGroup = (records: readonly AnyRecord[], orgIds: ReadonlySet<string>, range: PeriodRange) => (number | null)[];

/**
 * One loop for measures that share a kind and a period binding (`measures[0]`'s): the row and
 * period tests run once per row, then each measure's filters and aggregation in a block of its
 * own that it leaves to skip the row. Each measure's value equals `generateMeasure`'s for it.
 */
export function generateMeasureGroup(measures: readonly Measure[]): CompiledMeasureGroup | null {
  const sets: Set<unknown>[] = [];
  const parts = measures.map((m, k) => {
    const block = `m${k}`;
    const filters = m.filters.map((f) => filterCode(f, sets));
    const agg = aggregationCode(m.aggregation, `m${k}_`, `break ${block}`);
    return { init: agg.init, step: `${block}: {\n${filters.length ? `if (!(${filters.join(' && ')})) break ${block};\n` : ''}${agg.add}\n}`, value: agg.value };
  });
  const fn = compile<(number | null)[]>(
    measures[0]!.period,
    parts.map((p) => p.init).join('\n'),
    parts.map((p) => p.step).join('\n'),
    `[${parts.map((p) => p.value).join(', ')}]`,
  );
  return fn && ((records, orgIds, range: PeriodRange) => fn(groupsReaching, sets, records, orgIds, range.start, range.end));
}
