import type { PeriodRange } from '@fazhi/domain';
import type { Aggregation, Filter, Measure, PeriodBinding } from '../definitions.js';
import { pairFlags, rankOf, type CodedColumn, type KindColumns } from './columns.js';

/** A measure over one kind's columns: its value for the units `orgIds` and the days `range`. */
export type ColumnarMeasure = (orgIds: ReadonlySet<string>, range: PeriodRange) => number | null;

/** Why a measure cannot run over these columns (it then runs over the records, as before). */
export class Unsupported {
  constructor(readonly reason: string) {}
}

type Constant = (range: PeriodRange) => number;
type Column = ArrayLike<number> & { constructor: { name: string } };

/**
 * The pieces of one generated loop: the arrays it reads (`a0`, `a1`, … by position), the numbers
 * it compares with (`k0`, `k1`, …, computed per call because period bounds change), and the tests
 * that skip a row.
 */
class Loop {
  readonly arrays: Column[] = [];
  readonly constants: Constant[] = [];
  readonly skips: string[] = [];

  array(a: Column): string {
    let n = this.arrays.indexOf(a);
    if (n < 0) n = this.arrays.push(a) - 1;
    return `a${n}`;
  }

  constant(k: Constant | number): string {
    return `k${this.constants.push(typeof k === 'number' ? () => k : k) - 1}`;
  }
}

/** A comparison with a literal, as a test on codes: the literal's rank among the column's ordered values. */
function compareWithLiteral(loop: Loop, col: CodedColumn, field: string, op: 'lt' | 'lte' | 'gt' | 'gte', value: unknown, c: string): string {
  if (typeof value === 'number' && value !== value) return 'false'; // NaN: no comparison holds
  if (col.valueType !== 'empty' && col.valueType !== typeof value) {
    throw new Unsupported(`字段“${field}”的值（${col.valueType === 'mixed' ? '类型混杂' : col.valueType}）与比较值 ${JSON.stringify(value)} 类型不同`);
  }
  // Codes 1…n are the values in order: below the literal are codes ≤ rank(<), at or below ≤ rank(≤).
  const below = loop.constant(rankOf(col.values, value, false));
  const atOrBelow = loop.constant(rankOf(col.values, value, true));
  switch (op) {
    case 'lt':
      return `(${c} !== 0 && ${c} <= ${below})`;
    case 'lte':
      return `(${c} !== 0 && ${c} <= ${atOrBelow})`;
    case 'gt':
      return `${c} > ${atOrBelow}`;
    case 'gte':
      return `${c} > ${below}`;
  }
}

const absent = (v: unknown) => v === null || v === undefined;

function filterCode(loop: Loop, cols: KindColumns, f: Filter): string {
  if (f.op === 'lt_field' || f.op === 'lte_field' || f.op === 'gt_field' || f.op === 'gte_field') {
    const flag = pairFlags[f.op.slice(0, -6) as keyof typeof pairFlags];
    return `(${loop.array(cols.pair(f.field, f.ref))}[i] & ${flag}) !== 0`;
  }
  const col = cols.codes(f.field);
  const c = `${loop.array(col.codes)}[i]`;
  switch (f.op) {
    case 'null':
      return `${c} === 0`;
    case 'notnull':
      return `${c} !== 0`;
    case 'eq':
    case 'ne': {
      // Null and undefined share code 0, so a literal null (never a Scalar) would not be exact.
      if (absent(f.value)) throw new Unsupported(`字段“${f.field}”与空值比较`);
      // NaN equals nothing; a dictionary would find it.
      const code = loop.constant(typeof f.value === 'number' && f.value !== f.value ? -1 : (col.codeOf.get(f.value) ?? -1));
      return f.op === 'eq' ? `${c} === ${code}` : `(${c} !== 0 && ${c} !== ${code})`;
    }
    case 'in':
    case 'nin': {
      if (f.value.some(absent)) throw new Unsupported(`字段“${f.field}”的取值列表含空值`);
      const set = new Set<unknown>(f.value);
      const member = new Uint8Array(col.values.length + 1);
      col.values.forEach((v, j) => (member[j + 1] = set.has(v) ? 1 : 0));
      const m = loop.array(member);
      return f.op === 'in' ? `${m}[${c}] !== 0` : `(${c} !== 0 && ${m}[${c}] === 0)`;
    }
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return compareWithLiteral(loop, col, f.field, f.op, f.value, c);
  }
}

/** A date field compared with the period's ISO bounds: its values must be strings (or absent). */
function dateColumn(cols: KindColumns, field: string): CodedColumn {
  const col = cols.codes(field);
  if (col.valueType !== 'string' && col.valueType !== 'empty') throw new Unsupported(`期间字段“${field}”的值不全是文本`);
  return col;
}

function periodCode(loop: Loop, cols: KindColumns, p: PeriodBinding): string[] {
  switch (p.type) {
    case 'within': {
      const col = dateColumn(cols, p.field);
      const lo = loop.constant((r) => rankOf(col.values, r.start, false));
      const hi = loop.constant((r) => rankOf(col.values, r.end, false));
      return [`{ const p = ${loop.array(col.codes)}[i]; if (p <= ${lo} || p > ${hi}) continue; }`];
    }
    case 'asOfEnd': {
      const col = dateColumn(cols, p.field);
      const hi = loop.constant((r) => rankOf(col.values, r.end, false));
      return [`{ const p = ${loop.array(col.codes)}[i]; if (p === 0 || p > ${hi}) continue; }`];
    }
    case 'active': {
      const from = dateColumn(cols, p.from);
      const to = dateColumn(cols, p.to);
      const fromBelowEnd = loop.constant((r) => rankOf(from.values, r.end, false));
      // Still running at the boundary: `to` after the start (any day), or on or after the end (the last day).
      const toCut = loop.constant((r) => (p.at === 'any' ? rankOf(to.values, r.start, true) : rankOf(to.values, r.end, false)));
      return [
        `{ const f = ${loop.array(from.codes)}[i]; if (f === 0 || f > ${fromBelowEnd}) continue; }`,
        `{ const t = ${loop.array(to.codes)}[i]; if (t !== 0 && t <= ${toCut}) continue; }`,
      ];
    }
  }
}

function sumColumn(cols: KindColumns, field: string): Float64Array {
  const n = cols.numbers(field);
  if (!n) throw new Unsupported(`字段“${field}”含 NaN`);
  return n;
}

/** `init` before the loop, `add` for a row that passed, `value` the result. */
function aggregationCode(loop: Loop, cols: KindColumns, a: Aggregation): { init: string; add: string; value: string } {
  switch (a.type) {
    case 'count':
      return { init: 'let n = 0;', add: 'n++;', value: 'n' };
    case 'sum':
      return { init: 'let s = 0;', add: `{ const v = ${loop.array(sumColumn(cols, a.field))}[i]; if (v === v) s += v; }`, value: 's' };
    case 'countDistinct': {
      const col = cols.codes(a.field);
      return {
        init: `let d = 0; const seen = new Uint8Array(${loop.constant(col.values.length + 1)});`,
        add: `{ const c = ${loop.array(col.codes)}[i]; if (c !== 0 && seen[c] === 0) { seen[c] = 1; d++; } }`,
        value: 'd',
      };
    }
    case 'latest': {
      const by = cols.codes(a.by);
      if (by.valueType === 'mixed') throw new Unsupported(`字段“${a.by}”的值类型混杂，无法排序`);
      const field = cols.codes(a.field);
      // Ties on `by` are rare: they compare the records' ids as the reference does.
      return {
        init: 'let best = -1, bestBy = 0;',
        add: `{ const b = ${loop.array(by.codes)}[i]; if (b === 0 || ${loop.array(field.codes)}[i] === 0) continue;
  if (best < 0 || b > bestBy || (b === bestBy && String(rows[i].id) > String(rows[best].id))) { best = i; bestBy = b; } }`,
        value: `best < 0 ? null : rows[best][${JSON.stringify(a.field)}]`,
      };
    }
    case 'countGroups': {
      const group = cols.codes(a.groupBy);
      const size = loop.constant(group.values.length + 1);
      return {
        init: `const sums = new Float64Array(${size}), seen = new Uint8Array(${size});`,
        add: `{ const g = ${loop.array(group.codes)}[i]; if (g === 0) continue; const v = ${loop.array(sumColumn(cols, a.sumField))}[i]; sums[g] += v === v ? v : 0; seen[g] = 1; }`,
        value: `groupsReaching(sums, seen, ${loop.constant(a.atLeast)})`,
      };
    }
  }
}

/** How many groups that had a row reach the threshold. */
const groupsReaching = `function groupsReaching(sums, seen, atLeast) {
  let n = 0;
  for (let g = 1; g < sums.length; g++) if (seen[g] !== 0 && sums[g] >= atLeast) n++;
  return n;
}`;

type Generated = (a: readonly Column[], k: readonly number[], unitIn: Uint8Array, rows: unknown) => number | null;

/** One function per loop text: the text names its arrays' types, so each function sees one layout. */
const generated = new Map<string, Generated | null>();

function generate(body: string): Generated | null {
  let fn = generated.get(body);
  if (fn === undefined) {
    try {
      fn = new Function('a', 'k', 'unitIn', 'rows', body) as Generated;
    } catch {
      fn = null; // the runtime forbids code generation
    }
    generated.set(body, fn);
  }
  return fn;
}

/**
 * A measure as one loop over typed arrays: the unit (deleted rows included) and period tests, the
 * filters, the aggregation. Every value equals `interpretMeasure`'s over the same rows (a property
 * test holds it to that); a shape it cannot do exactly is `Unsupported`, with the reason.
 */
export function compileColumnar(m: Measure, cols: KindColumns): ColumnarMeasure | Unsupported {
  const loop = new Loop();
  let body: string;
  try {
    const units = cols.units();
    loop.array(units.codes); // a0
    const period = periodCode(loop, cols, m.period);
    const filters = m.filters.map((f) => filterCode(loop, cols, f));
    const agg = aggregationCode(loop, cols, m.aggregation);
    body = `${groupsReaching}
// ${loop.arrays.map((a, n) => `a${n}: ${a.constructor.name}`).join(', ')}
const ${loop.arrays.map((_, n) => `a${n} = a[${n}]`).join(', ')};
${loop.constants.length ? `const ${loop.constants.map((_, n) => `k${n} = k[${n}]`).join(', ')};` : ''}
${agg.init}
for (let i = 0; i < a0.length; i++) {
  if (unitIn[a0[i]] === 0) continue;
  ${period.join('\n  ')}
  ${filters.length ? `if (!(${filters.join(' && ')})) continue;` : ''}
  ${agg.add}
}
return ${agg.value};`;
  } catch (e) {
    if (e instanceof Unsupported) return e;
    throw e;
  }
  const fn = generate(body);
  if (!fn) return new Unsupported('运行环境不允许生成代码');
  const { arrays, constants } = loop;
  const unitIds = cols.units().values;
  const rows = cols.rows;
  return (orgIds, range) => {
    const unitIn = new Uint8Array(unitIds.length + 1);
    for (let j = 0; j < unitIds.length; j++) if (orgIds.has(unitIds[j] as string)) unitIn[j + 1] = 1;
    return fn(
      arrays,
      constants.map((k) => k(range)),
      unitIn,
      rows,
    );
  };
}
