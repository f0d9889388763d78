import type { Workflow, WorkflowTransition } from '../../plugin.js';

/** Transitions allowed from the record's current state, in declaration order. */
export function availableTransitions(workflow: Workflow | undefined, record: Record<string, unknown> | undefined): WorkflowTransition[] {
  if (!workflow || !record) return [];
  const state = record[workflow.field];
  return workflow.transitions.filter((t) => t.from.includes(String(state)));
}
