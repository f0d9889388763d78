import type { AnyRecord } from '@fazhi/domain';
import type { Measure } from '../definitions.js';
import { compileColumnar, Unsupported, type ColumnarMeasure } from './codegen.js';
import { KindColumns } from './columns.js';

/**
 * Records by kind, as `EvaluatorInput.records` takes them, with each kind also laid out by column
 * (typed arrays of dictionary codes and numbers, built per field on first use) so an `Evaluator`
 * over them runs each measure as a tight loop over those arrays instead of over the objects.
 * Worth it where the same large records are asked many questions (a benchmark, a long-running
 * process over a file dataset); a one-off question is faster over the plain records.
 *
 * A snapshot: it keeps its own copy of each kind's array, so rows added to or removed from the
 * caller's arrays later do not reach it; the record objects are shared and must not be edited in
 * place (fazhi never does: records are values).
 */
export class ColumnarRecords implements ReadonlyMap<string, readonly AnyRecord[]> {
  private readonly byKind: Map<string, readonly AnyRecord[]>;
  private readonly columns = new Map<string, KindColumns>();
  private readonly compiled = new WeakMap<Measure, ColumnarMeasure | Unsupported>();

  constructor(records: ReadonlyMap<string, readonly AnyRecord[]>) {
    this.byKind = new Map([...records].map(([kind, rows]) => [kind, Object.freeze(rows.slice())]));
  }

  /** The kind's columns (empty for a kind without records). */
  kind(kind: string): KindColumns {
    let c = this.columns.get(kind);
    if (!c) this.columns.set(kind, (c = new KindColumns(this.byKind.get(kind) ?? [])));
    return c;
  }

  /** The measure's loop over its kind's columns (building the columns it reads), or why it has none. */
  measure(m: Measure): ColumnarMeasure | Unsupported {
    let fn = this.compiled.get(m);
    if (!fn) this.compiled.set(m, (fn = compileColumnar(m, this.kind(m.kind))));
    return fn;
  }

  /** Builds the columns of every measure given; returns those that run over the records instead, with the reason. */
  prepare(measures: readonly Measure[]): { measureId: string; reason: string }[] {
    return measures.flatMap((m) => {
      const fn = this.measure(m);
      return fn instanceof Unsupported ? [{ measureId: m.id, reason: fn.reason }] : [];
    });
  }

  /** Bytes of the typed arrays built so far, and how many dictionary entries (references to the records' values) they use. */
  footprint(): { bytes: number; dictionaryEntries: number } {
    let bytes = 0;
    let dictionaryEntries = 0;
    for (const c of this.columns.values()) {
      const s = c.footprint();
      bytes += s.bytes;
      dictionaryEntries += s.dictionaryEntries;
    }
    return { bytes, dictionaryEntries };
  }

  get size(): number {
    return this.byKind.size;
  }

  get(kind: string): readonly AnyRecord[] | undefined {
    return this.byKind.get(kind);
  }

  has(kind: string): boolean {
    return this.byKind.has(kind);
  }

  forEach(fn: (rows: readonly AnyRecord[], kind: string, map: ReadonlyMap<string, readonly AnyRecord[]>) => void, thisArg?: unknown): void {
    this.byKind.forEach((rows, kind) => fn.call(thisArg, rows, kind, this));
  }

  entries() {
    return this.byKind.entries();
  }

  keys() {
    return this.byKind.keys();
  }

  values() {
    return this.byKind.values();
  }

  [Symbol.iterator]() {
    return this.byKind.entries();
  }
}
