import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { TargetResult } from './targets.js';

/**
 * A benchmark's result file, kept whole across partial runs. A run writes only what it measured,
 * merged into what the file already holds: `BENCH_ONLY=visits`, a step that failed or a run that
 * stopped half-way leaves every other part's numbers as they were, each with its own date and load
 * average. Used by every writer of `bench-results*.json` (this package's and the console's).
 */

/** When and under what load (1, 5 and 15 minute averages) a part was measured. */
export interface Stamp {
  at: string;
  loadAverage: number[];
}

export const stampNow = (): Stamp => ({ at: new Date().toISOString(), loadAverage: loadavg().map((x) => Math.round(x * 100) / 100) });

/** A target as kept in a result file: with its stamp, and the last run that could not measure it. */
export interface StampedTarget extends TargetResult {
  measuredAt?: string;
  loadAverage?: number[];
  /** A later run that did not measure it (failed, or not selected), with its note: the number above is older. */
  lastUnmeasured?: { at: string; note?: string };
}

export type ResultFile = Record<string, unknown> & {
  /** When the file was last written (each part's own date is in `measured`). */
  date?: string;
  /** Per top-level entry: when and under what load it was measured. */
  measured?: Record<string, Stamp>;
  targets?: StampedTarget[];
};

/**
 * Whether a run measured this entry: not an empty list (no runs), not a median of no runs (NaN,
 * which JSON would write as null), not a failure (`{ error }`).
 */
export function wasMeasured(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'number') return !Number.isNaN(value);
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value !== 'object') return true;
  const o = value as Record<string, unknown>;
  if ('error' in o) return false;
  if ('median' in o && (typeof o.median !== 'number' || Number.isNaN(o.median))) return false;
  if (Array.isArray(o.runs) && o.runs.length === 0) return false;
  return true;
}

/**
 * The result file as it is, or an empty one when there is none. A file that is not JSON (an
 * interrupted write by an older version, a hand edit) is moved aside to `<file>.unreadable`, named
 * in a warning, and not merged: this run's numbers are never lost to it.
 */
export function readResultFile(file: string, warn: (message: string) => void = console.warn): ResultFile {
  if (!existsSync(file)) return {};
  const text = readFileSync(file, 'utf8');
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as ResultFile;
    throw new Error('不是一个 JSON 对象');
  } catch (e) {
    renameSync(file, `${file}.unreadable`);
    warn(`结果文件 ${file} 无法读取（${e instanceof Error ? e.message : String(e)}），已改名为 ${file}.unreadable，本次结果另行写入`);
    return {};
  }
}

/**
 * The stamp of a file as a whole (files written before parts were stamped): its date and the load
 * it recorded after measuring, if any (not a load at the start of a long run: that may mislead).
 */
export function fileStamp(r: ResultFile): Stamp | null {
  if (!r.date) return null;
  const machine = r.machine as { loadAverage?: number[] } | undefined;
  return { at: r.date, loadAverage: (r.loadAverage ?? machine?.loadAverage ?? []) as number[] };
}

/**
 * A file written before parts were stamped: each of its measured entries and targets gets the
 * file's own stamp, so they keep it once the file's date moves on.
 */
function stampedAsWritten(r: ResultFile): ResultFile {
  const stamp = fileStamp(r);
  if (!stamp || r.measured) return r;
  const { loadAverage } = stamp;
  const measured = Object.fromEntries(Object.keys(r).filter((k) => !['date', 'targets'].includes(k) && wasMeasured(r[k])).map((k) => [k, stamp]));
  const targets = r.targets?.map((t) => (t.result === null || t.measuredAt ? t : { ...t, measuredAt: stamp.at, loadAverage }));
  return { ...r, measured, ...(targets ? { targets } : {}) };
}

/** New targets by id over the earlier ones: a target this run could not measure (null) keeps the earlier number, marked. */
function mergeTargets(earlier: readonly StampedTarget[], now: readonly TargetResult[], stamp: Stamp): StampedTarget[] {
  const merged = new Map(earlier.map((t) => [t.id, t]));
  for (const t of now) {
    const before = merged.get(t.id);
    if (t.result === null && before && before.result !== null) {
      merged.set(t.id, { ...before, lastUnmeasured: { at: stamp.at, ...(t.note ? { note: t.note } : {}) } });
    } else {
      const { lastUnmeasured: _dropped, ...rest } = t as StampedTarget;
      merged.set(t.id, { measuredAt: stamp.at, loadAverage: stamp.loadAverage, ...rest });
    }
  }
  return [...merged.values()];
}

/**
 * Writes this run's `entries` into `file`, merged: a measured entry (see `wasMeasured`) replaces
 * the file's and is stamped in `measured`; an unmeasured one leaves the file's entry and stamp as
 * they were (a failure is kept beside them as `<key>LastFailure`). `targets` are merged by id. The
 * file is replaced in one rename, so a crash mid-write never leaves half of it. Returns what was written.
 */
export function writeResultFile(file: string, entries: Record<string, unknown>, stamp: Stamp = stampNow()): ResultFile {
  const earlier = stampedAsWritten(readResultFile(file));
  const out: ResultFile = { ...earlier, date: stamp.at, measured: { ...earlier.measured } };
  for (const [key, value] of Object.entries(entries)) {
    if (key === 'date' || key === 'measured') continue;
    if (key === 'targets') {
      out.targets = mergeTargets(earlier.targets ?? [], value as TargetResult[], stamp);
    } else if (!wasMeasured(value) && wasMeasured(earlier[key])) {
      // Not measured this time: the earlier number stays, with its own stamp; a failure is noted beside it.
      if (value && typeof value === 'object' && 'error' in value) out[`${key}LastFailure`] = { at: stamp.at, ...(value as object) };
    } else {
      out[key] = value;
      if (wasMeasured(value)) out.measured![key] = stamp;
      else delete out.measured![key];
      delete out[`${key}LastFailure`];
    }
  }
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(out, null, 2)}\n`);
  renameSync(temporary, file);
  return out;
}
