import { columnName, getField, initialState, type FieldDef, type RecordKind, type Scalar } from '@fazhi/domain';
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

const sqlArray = (type: string) => (items: readonly string[]) => (items.length ? `array[${items.map(literal).join(', ')}]::${type}[]` : `'{}'::${type}[]`);
const textArray = sqlArray('text');
const jsonbArray = sqlArray('jsonb');

/** How a value a step sets reads in the refusal: 审查结果为“准予受理”. */
function setLabel(f: FieldDef, v: Scalar): string {
  const shown = f.type === 'enum' ? (f.options.find((o) => o.value === v)?.label ?? String(v)) : typeof v === 'boolean' ? (v ? '是' : '否') : String(v);
  return `${f.label}为“${shown}”`;
}

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
    const sets = Object.entries(t.sets ?? {}).flatMap(([key, v]) => (v === undefined ? [] : [{ f: getField(k, key), v: v as Scalar }]));
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
        textArray(sets.map((x) => columnName(x.f.key))),
        jsonbArray(sets.map((x) => JSON.stringify(x.v))),
        textArray(sets.map((x) => setLabel(x.f, x.v))),
      ].join(', '),
    );
  });
  const t = `public.${ident(k.id)}`;
  return [
    `-- Workflow of ${k.id} over ${columnName(field.key)}: steps are checked and recorded by private.check_step().`,
    `insert into private.workflows (kind_id, field, field_label, state_labels, initial_state)`,
    `values (${literal(k.id)}, ${literal(columnName(field.key))}, ${literal(field.label)}, ${literal(JSON.stringify(states))}::jsonb, ${literal(initialState(k.fields, wf)!)});`,
    `insert into private.workflow_transitions (kind_id, from_state, to_state, label, required_columns, required_labels, required_slots, slot_labels, set_columns, set_values, set_labels) values`,
    `${rows.map((r) => `  (${r})`).join(',\n')};`,
    `create trigger ${checkStepTriggerName(k)} before update of ${ident(columnName(field.key))} on ${t}`,
    `  for each row execute function private.check_step();`,
  ].join('\n');
}
