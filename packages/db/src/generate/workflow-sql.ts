import { columnName, getField, type RecordKind } from '@fazhi/domain';
import { ident, literal, pgName } from './sql-text.js';

/**
 * A kind's workflow (`RecordKind.workflow`) as SQL: its row in `private.workflows`, one row per
 * declared transition (from state × step) in `private.workflow_transitions`, and the
 * `<kind>_check_step` trigger running the shared `private.check_step()` (migration
 * 20261205010000_workflow_steps.sql). The one generator for built-in and plugin kinds: the model
 * migration calls it for every new or changed kind.
 *
 * The trigger fires on updates of the workflow field only, never on inserts: an insert is a
 * history load (seed, ledger import, restore), checked by the kind's own rules.
 */

const textArray = (items: readonly string[]) => (items.length ? `array[${items.map(literal).join(', ')}]::text[]` : `'{}'::text[]`);

export const checkStepTriggerName = (k: RecordKind) => pgName(k.id, 'check_step');

/** Removes what `workflowSql(k)` creates (if present), before a changed kind's workflow is written again. */
export function dropWorkflowSql(k: RecordKind): string {
  return [
    `drop trigger if exists ${checkStepTriggerName(k)} on public.${ident(k.id)};`,
    `delete from private.workflows where kind_id = ${literal(k.id)};`,
  ].join('\n');
}

/** The workflow of `k` as SQL; '' when the kind has none. */
export function workflowSql(k: RecordKind): string {
  const wf = k.workflow;
  if (!wf) return '';
  const field = getField(k, wf.field);
  const states = field.type === 'enum' ? Object.fromEntries(field.options.map((o) => [o.value, o.label])) : {};
  const rows = wf.transitions.flatMap((t) => {
    const requires = (t.requires ?? []).map((key) => getField(k, key));
    const slots = t.requiresAttachments ?? [];
    return t.from.map((from) =>
      [
        literal(k.id),
        literal(from),
        literal(t.to),
        literal(t.label),
        textArray(requires.map((f) => columnName(f.key))),
        textArray(requires.map((f) => f.label)),
        textArray(slots.map((s) => s.slot)),
        textArray(slots.map((s) => s.label)),
      ].join(', '),
    );
  });
  const t = `public.${ident(k.id)}`;
  return [
    `-- Workflow of ${k.id} over ${columnName(field.key)}: steps are checked and recorded by private.check_step().`,
    `insert into private.workflows (kind_id, field, field_label, state_labels)`,
    `values (${literal(k.id)}, ${literal(columnName(field.key))}, ${literal(field.label)}, ${literal(JSON.stringify(states))}::jsonb);`,
    `insert into private.workflow_transitions (kind_id, from_state, to_state, label, required_columns, required_labels, required_slots, slot_labels) values`,
    `${rows.map((r) => `  (${r})`).join(',\n')};`,
    `create trigger ${checkStepTriggerName(k)} before update of ${ident(columnName(field.key))} on ${t}`,
    `  for each row execute function private.check_step();`,
  ].join('\n');
}
