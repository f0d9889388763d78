import { stateOf, type FieldDef } from '@fazhi/domain';
import type { Workflow, WorkflowTransition } from '../../plugin.js';

/**
 * Transitions allowed from the record's current state, in declaration order. A record whose
 * workflow field is empty is in the initial state (as the database's check_step sees it).
 */
export function availableTransitions(workflow: Workflow | undefined, record: Record<string, unknown> | undefined, fields: readonly FieldDef[] = []): WorkflowTransition[] {
  if (!workflow || !record) return [];
  const state = fields.length ? stateOf(fields, workflow, record) : String(record[workflow.field]);
  return workflow.transitions.filter((t) => state !== undefined && t.from.includes(state));
}

/**
 * The states a new record may be entered in through the create form: the initial state and those
 * reachable from it by steps that need no attachment. A record is created before it can hold a
 * file, so a state behind a required attachment (整改 销号 needs its evidence) is reached only by
 * taking that step on the saved record, never by choosing it when entering the record.
 */
export function enterableStates(workflow: Workflow, initial: string): Set<string> {
  const reached = new Set([initial]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of workflow.transitions) {
      if (t.requiresAttachments?.length || reached.has(t.to) || !t.from.some((f) => reached.has(f))) continue;
      reached.add(t.to);
      grew = true;
    }
  }
  return reached;
}
