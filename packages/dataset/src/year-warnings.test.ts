import { createRegistry, type AnyRecord } from '@fazhi/domain';
import { describe, expect, it } from 'vitest';
import { RowRefs } from './row-refs.js';
import { ticket } from './test-support.js';
import { outOfYearsWarnings } from './year-warnings.js';

const registry = createRegistry();
/** Entries for `[row, id]` pairs. */
function rowRefs(...entries: [number, string][]): RowRefs {
  const refs = new RowRefs();
  for (const [row, id] of entries) refs.add(row, id, 'o');
  return refs;
}
const warnedRows = (records: AnyRecord[], rows: RowRefs) =>
  outOfYearsWarnings(registry, { years: [2024] }, new Map([['hotline_tickets', records]]), new Map([['hotline_tickets', rows]])).map((w) => w.row);

describe('outOfYearsWarnings: the row named', () => {
  const inYear = ticket('t1');
  const outOfYear = ticket('t2', { receivedAt: '2014-03-01T09:00:00+08:00', dueAt: '2014-03-06T09:00:00+08:00', closedAt: '2014-03-02T09:00:00+08:00' });

  it('is the one beside the record when every row made a record', () => {
    expect(warnedRows([inYear, outOfYear], rowRefs([2, 't1'], [3, 't2']))).toEqual([3]);
  });

  it('is looked up by id when rows that made no record put them out of step', () => {
    expect(warnedRows([inYear, outOfYear], rowRefs([2, 'broken'], [3, 't1'], [4, 't2']))).toEqual([4]);
  });

  it("is left out when no row has the record's id", () => {
    expect(warnedRows([outOfYear], rowRefs([2, 'other']))).toEqual([undefined]);
  });
});
