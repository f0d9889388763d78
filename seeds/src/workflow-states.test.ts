import { loadDataset, type Dataset } from '@fazhi/dataset';
import { createRegistry, initialState, stepHolds, type AnyRecord, type Workflow } from '@fazhi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { nanshaDir } from './generate-nansha.js';

/**
 * Every seeded record of a kind with a workflow is in a state its data supports: reachable from the
 * initial state through steps whose required fields and set values it holds, and not behind its
 * data (no step out of the state that requires or sets something is already held: a closed case
 * must not offer 结案 again).
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

const proves = (t: Workflow['transitions'][number]) => Boolean(t.requires?.length || Object.keys(t.sets ?? {}).length);

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
      const ahead = wf.transitions.find((t) => t.from.includes(state as string) && proves(t) && stepHolds(t, r));
      expect(ahead?.label, `${kind.id} ${r.id} (${String(state)}) already holds the step`).toBeUndefined();
      counts.set(state as string, (counts.get(state as string) ?? 0) + 1);
    }
    // The seed's history ends in more than one state (closed, and some still open at the cut-off).
    expect(counts.size, `${kind.id} ${JSON.stringify(Object.fromEntries(counts))}`).toBeGreaterThan(1);
  });
});
