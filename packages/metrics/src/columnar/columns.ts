import type { AnyRecord } from '@fazhi/domain';

/** Dictionary codes: the narrowest array that holds the dictionary's size. */
export type Codes = Uint8Array | Uint16Array | Uint32Array;

/**
 * What all present (not null, not undefined) values of a field have in common. `values` of a
 * column whose present values share one of the first three types are in that type's `<` order,
 * so a comparison with a literal of the same type becomes a comparison of codes. NaN counts as
 * `mixed`: it is equal to nothing and ordered against nothing.
 */
export type ColumnValueType = 'string' | 'number' | 'boolean' | 'empty' | 'mixed';

/** A field's values as dictionary codes: 0 for null or undefined (both absent), k for `values[k - 1]`. */
export interface CodedColumn {
  codes: Codes;
  /** The distinct present values; ascending unless `valueType` is `mixed`. */
  values: readonly unknown[];
  /** A value's code; keys compare as `Set` does (SameValueZero), exactly as `in` filters and groups do. */
  codeOf: ReadonlyMap<unknown, number>;
  valueType: ColumnValueType;
}

/** Flags of a field pair, per row (0 when either side is absent): which comparisons of `a` with `b` hold. */
export const pairFlags = { lt: 1, lte: 2, gt: 4, gte: 8 } as const;

function codesFor(size: number, length: number): Codes {
  return size < 0xff ? new Uint8Array(length) : size < 0xffff ? new Uint16Array(length) : new Uint32Array(length);
}

const typeOf = (v: unknown): ColumnValueType => {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  return typeof v === 'number' && v === v ? 'number' : 'mixed';
};

const ascending = (a: unknown, b: unknown) => ((a as never) < (b as never) ? -1 : (a as never) > (b as never) ? 1 : 0);

/** Dictionary-encodes `read(row)` for every row: one pass to collect and code, a sort, one pass to recode in order. */
export function encodeColumn(rows: readonly AnyRecord[], read: (r: AnyRecord) => unknown): CodedColumn {
  const codeOf = new Map<unknown, number>();
  const values: unknown[] = [];
  const provisional = new Uint32Array(rows.length);
  let valueType: ColumnValueType = 'empty';
  let last: unknown;
  let lastCode = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = read(rows[i]!);
    if (v === null || v === undefined) continue;
    // Neighbouring rows often share a value (a unit, a status): skip the dictionary lookup.
    if (v === last) {
      provisional[i] = lastCode;
      continue;
    }
    let c = codeOf.get(v);
    if (c === undefined) {
      values.push(v);
      codeOf.set(v, (c = values.length));
      const t = typeOf(v);
      if (valueType === 'empty') valueType = t;
      else if (valueType !== t) valueType = 'mixed';
    }
    provisional[i] = c;
    last = v;
    lastCode = c;
  }
  const codes = codesFor(values.length, rows.length);
  if (valueType === 'mixed' || valueType === 'empty') {
    codes.set(provisional);
    return { codes, values, codeOf, valueType };
  }
  // Recode in ascending order: rank[first-seen code] = code in order.
  const sorted = values.slice().sort(ascending);
  const rank = new Uint32Array(values.length + 1);
  sorted.forEach((v, j) => {
    rank[codeOf.get(v)!] = j + 1;
    codeOf.set(v, j + 1);
  });
  for (let i = 0; i < rows.length; i++) codes[i] = rank[provisional[i]!]!;
  return { codes, values: sorted, codeOf, valueType };
}

/** How many of the ascending `values` are below `bound` (`inclusive`: at or below it). */
export function rankOf(values: readonly unknown[], bound: unknown, inclusive: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid] as never;
    if (inclusive ? v <= (bound as never) : v < (bound as never)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One record kind laid out by column, built field by field on first use and kept: dictionary
 * codes, numbers for sums, order flags for field pairs, and each row's unit (0 for a soft-deleted
 * row, so the unit test also drops deleted rows).
 */
export class KindColumns {
  private readonly coded = new Map<string, CodedColumn>();
  private readonly numeric = new Map<string, Float64Array | null>();
  private readonly pairs = new Map<string, Uint8Array>();
  private unitColumn: CodedColumn | undefined;

  constructor(readonly rows: readonly AnyRecord[]) {}

  get length(): number {
    return this.rows.length;
  }

  /** Each live row's `orgId` as a code; deleted rows get 0, which no unit mask admits. */
  units(): CodedColumn {
    return (this.unitColumn ??= encodeColumn(this.rows, (r) => (r.deletedAt === null || r.deletedAt === undefined ? r.orgId : null)));
  }

  codes(field: string): CodedColumn {
    let c = this.coded.get(field);
    if (!c) this.coded.set(field, (c = encodeColumn(this.rows, (r) => r[field])));
    return c;
  }

  /**
   * The field as numbers for sums, NaN where the value is not a number (a sum skips it); null when
   * the field holds NaN itself, which that marker could not tell apart.
   */
  numbers(field: string): Float64Array | null {
    if (this.numeric.has(field)) return this.numeric.get(field)!;
    const out = new Float64Array(this.rows.length);
    let ok = true;
    for (let i = 0; i < this.rows.length; i++) {
      const v = this.rows[i]![field];
      if (typeof v !== 'number') out[i] = NaN;
      else if (v !== v) ok = false;
      else out[i] = v;
    }
    const result = ok ? out : null;
    this.numeric.set(field, result);
    return result;
  }

  /** `pairFlags` of `a` against `b` per row. */
  pair(a: string, b: string): Uint8Array {
    const key = JSON.stringify([a, b]);
    let flags = this.pairs.get(key);
    if (!flags) this.pairs.set(key, (flags = this.orderedPair(a, b) ?? this.comparedPair(a, b)));
    return flags;
  }

  /**
   * Flags from the two columns' codes, when both hold one ordered type: each side's values ranked
   * among both sides' (equal values, equal rank), so a row compares two integers, not two texts.
   */
  private orderedPair(a: string, b: string): Uint8Array | null {
    const x = this.codes(a);
    const y = this.codes(b);
    if (x.valueType !== y.valueType || x.valueType === 'mixed' || x.valueType === 'empty') return null;
    const rankX = new Uint32Array(x.values.length + 1);
    const rankY = new Uint32Array(y.values.length + 1);
    for (let i = 0, j = 0, rank = 1; i < x.values.length || j < y.values.length; rank++) {
      const u = x.values[i] as never;
      const v = y.values[j] as never;
      if (j === y.values.length || (i < x.values.length && u < v)) rankX[++i] = rank;
      else if (i === x.values.length || v < u) rankY[++j] = rank;
      else rankX[++i] = rankY[++j] = rank;
    }
    const { lt, lte, gt, gte } = pairFlags;
    const flags = new Uint8Array(this.rows.length);
    for (let i = 0; i < flags.length; i++) {
      const cx = x.codes[i]!;
      const cy = y.codes[i]!;
      if (cx === 0 || cy === 0) continue;
      const d = rankX[cx]! - rankY[cy]!;
      flags[i] = d < 0 ? lt | lte : d === 0 ? lte | gte : gt | gte;
    }
    return flags;
  }

  /** Flags from JavaScript's own four comparisons of the values, for any types. */
  private comparedPair(a: string, b: string): Uint8Array {
    const flags = new Uint8Array(this.rows.length);
    for (let i = 0; i < this.rows.length; i++) {
      const r = this.rows[i]!;
      const x = r[a] as never;
      const y = r[b] as never;
      if (x === null || x === undefined || y === null || y === undefined) continue;
      flags[i] = (x < y ? pairFlags.lt : 0) | (x <= y ? pairFlags.lte : 0) | (x > y ? pairFlags.gt : 0) | (x >= y ? pairFlags.gte : 0);
    }
    return flags;
  }

  /** Bytes of the typed arrays built so far, and the dictionary entries beside them (references to the records' own values). */
  footprint(): { bytes: number; dictionaryEntries: number } {
    let bytes = 0;
    let dictionaryEntries = 0;
    for (const c of [...this.coded.values(), ...(this.unitColumn ? [this.unitColumn] : [])]) {
      bytes += c.codes.byteLength;
      dictionaryEntries += c.values.length;
    }
    for (const n of this.numeric.values()) bytes += n?.byteLength ?? 0;
    for (const p of this.pairs.values()) bytes += p.byteLength;
    return { bytes, dictionaryEntries };
  }
}
