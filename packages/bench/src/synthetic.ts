import type { AnyRecord } from '@fazhi/domain';

/**
 * A set `factor` times larger than the seed: every record copied with a fresh id and its dates
 * kept, so every measure scans `factor` times the rows and yields `factor` times the counts.
 */
export function scaleRecords(records: ReadonlyMap<string, readonly AnyRecord[]>, factor: number): Map<string, AnyRecord[]> {
  const out = new Map<string, AnyRecord[]>();
  for (const [kind, rows] of records) {
    const copies: AnyRecord[] = new Array(rows.length * factor);
    let n = 0;
    for (let k = 0; k < factor; k++) for (const r of rows) copies[n++] = { ...r, id: `${r.id}-${k}` };
    out.set(kind, copies);
  }
  return out;
}

export function countRecords(records: ReadonlyMap<string, readonly AnyRecord[]>): number {
  let n = 0;
  for (const rows of records.values()) n += rows.length;
  return n;
}
