import { loadDataset, type Dataset } from '@fazhi/dataset';
import { createRegistry, initialState, stepHolds, type AnyRecord, type Workflow } from '@fazhi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { nanshaDir } from './generate-nansha.js';

/**
 * Every seeded record of a kind with a workflow is in a state its data supports: reachable from the
 * initial state through steps whose required fields and set values it holds, and not behind its
 * data (no step out of the state that needs something new is already held: a closed case must not
 * offer 结案 again).
 */
let ds: Dataset;
beforeAll(async () => {
  ds = await loadDataset(nanshaDir);
});

function reachable(wf: Workflow, start: string, r: AnyRecord): Set<string> {
  const seen = new Set([start]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of wf.transitions) {
      if (!seen.has(t.to) && t.from.some((f) => seen.has(f)) && stepHolds(t, r)) grew = seen.add(t.to).size > 0;
    }
  }
  return seen;
}

type Transition = Workflow['transitions'][number];
const evidence = (t: Transition) => [...(t.requires ?? []), ...Object.keys(t.sets ?? {})];

/**
 * A step out of `state` the record already holds, and that needs more than the steps into
 * `state` did (结案 after 作出决定 needing the same 结果 and 日期 proves nothing new).
 */
function heldStepAhead(wf: Workflow, state: string, r: AnyRecord): Transition | undefined {
  const known = new Set(wf.transitions.filter((t) => t.to === state && stepHolds(t, r)).flatMap(evidence));
  return wf.transitions.find((t) => t.from.includes(state) && stepHolds(t, r) && evidence(t).some((k) => !known.has(k)));
}

describe('nansha-2024 workflow states', () => {
  const kinds = createRegistry()
    .list()
    .filter((k) => k.workflow);

  it('covers the kinds with a workflow', () => {
    expect(kinds.map((k) => k.id)).toEqual(expect.arrayContaining(['mediation_cases', 'legal_aid_applications', 'hotline_tickets', 'rectification_tasks']));
  });

  it.each(kinds.map((k) => [k.id, k] as const))('%s: every record is in a state its data supports', (_, kind) => {
    const wf = kind.workflow!;
    const start = initialState(kind.fields, wf)!;
    const counts = new Map<string, number>();
    for (const r of ds.records.get(kind.id) ?? []) {
      const state = r[wf.field];
      expect(typeof state === 'string' && state !== '', `${kind.id} ${r.id} has no state`).toBe(true);
      expect(reachable(wf, start, r).has(state as string), `${kind.id} ${r.id}: its data does not reach ${String(state)}`).toBe(true);
      const ahead = heldStepAhead(wf, state as string, r);
      expect(ahead?.label, `${kind.id} ${r.id} (${String(state)}) already holds the step`).toBeUndefined();
      counts.set(state as string, (counts.get(state as string) ?? 0) + 1);
    }
    // Not all left at the start: the seed's history has moved on (closed, decided, followed up).
    expect([...counts.keys()].some((s) => s !== start), `${kind.id} ${JSON.stringify(Object.fromEntries(counts))}`).toBe(true);
  });
});
