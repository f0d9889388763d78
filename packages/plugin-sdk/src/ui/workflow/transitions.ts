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
