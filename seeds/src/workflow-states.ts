import { stateFromData, type AnyRecord, type RecordKind } from '@fazhi/domain';

/**
 * The seed's records are history entered before their kind had a workflow: where a record's
 * workflow field is empty, fill in the state its data shows (`stateFromData`), so that the console
 * offers a closed case no first step. A state the area's generator already chose is kept. Applies to
 * every kind that declares a workflow, with no code per kind.
 */
export function withWorkflowStates(kind: RecordKind, records: readonly AnyRecord[]): AnyRecord[] {
  const wf = kind.workflow;
  if (!wf) return [...records];
  return records.map((r) => {
    const current = r[wf.field];
    return current === null || current === undefined || current === '' ? { ...r, [wf.field]: stateFromData(kind.fields, wf, r) } : r;
  });
}
