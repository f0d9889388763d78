import type { FieldDef } from './fields.js';
import type { Scalar } from './record-kind.js';

/**
 * A state machine over one enum field of a kind (受理 → 调解 → 结案 → 回访). It belongs to the kind,
 * not to a plugin's UI: the database generates a trigger from it (docs/database.md, "Workflows"),
 * so every writer (console, CLI, ledger import) meets the same rules. Steps are changes of `field`
 * on an existing record; inserting a record in any state is a history load, checked by the kind's
 * own rules only.
 */
export interface Workflow<F extends string = string> {
  /** An enum field; the console shows it read-only in edit forms. */
  field: F;
  /**
   * State of a new record; the field's first option by default. A record whose field is empty (one
   * loaded before the kind had this workflow) is in this state too.
   */
  initial?: string;
  transitions: readonly WorkflowTransition<F>[];
}

export interface WorkflowTransition<F extends string = string> {
  from: readonly string[];
  to: string;
  /** Button text and the step's name in messages and history, e.g. 结案. */
  label: string;
  /** The same in the console's English mode, e.g. Close. */
  labelEn?: string;
  /** Fields that must hold a value after the step (the step's dialog asks for them). */
  requires?: readonly F[];
  /**
   * Fields the step's dialog also offers without the step requiring them (e.g. 协议形式 at 结案,
   * which the kind's own rule requires only when 调解结果 is 成功).
   */
  asks?: readonly F[];
  /**
   * Values the step writes itself (e.g. 准予 sets 审查结果 to 准予受理): the dialog does not ask for
   * them, and the database refuses the step when the record does not hold them afterwards.
   */
  sets?: Readonly<Partial<Record<F, Scalar>>>;
  /** Attachment slots that must hold a file before the step (e.g. 整改报告 for 销号). */
  requiresAttachments?: readonly WorkflowAttachment[];
}

/**
 * One step of a record's history (`public.record_steps`), as the data providers answer
 * `record-steps` and the console shows it: who took it and when, and who undid it and why.
 */
export interface RecordStep {
  id: number;
  fromState: string;
  toState: string;
  label: string;
  takenBy: string | null;
  takenAt: string;
  undoneBy: string | null;
  undoneAt: string | null;
  undoReason: string | null;
}

/**
 * One audited write of a record (`public.record_history`), as the data providers answer
 * `record-history` and the console's 操作日志 shows it.
 */
export interface RecordHistoryEntry {
  id: number;
  at: string;
  actor: string | null;
  actorName: string | null;
  operation: 'INSERT' | 'UPDATE' | 'SOFT_DELETE' | 'RESTORE' | 'DELETE';
  /** The workflow step's label when the write was one. */
  step: string | null;
  /** Changed fields: `field` is the record key (camelCase); values as stored (JSON), masked where the caller may not see them. */
  changes: { field: string; before: unknown; after: unknown }[];
}

/** An attachment slot a step requires; the label names it in the refusal. */
export interface WorkflowAttachment {
  /** The slot id (kebab-case), as the plugin's resource declares it. */
  slot: string;
  label: string;
  labelEn?: string;
}

const slotPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Problems of a workflow declaration against its kind's fields, in Chinese; empty when well-formed. */
export function workflowProblems(fields: readonly FieldDef[], wf: Workflow): string[] {
  const problems: string[] = [];
  const f = fields.find((x) => x.key === wf.field);
  if (!f) return [`流程引用了不存在的字段“${wf.field}”`];
  if (f.type !== 'enum') return [`流程字段“${f.label}”必须是单选项`];
  const values = new Set(f.options.map((o) => o.value));
  if (wf.initial !== undefined && !values.has(wf.initial)) problems.push(`流程初始状态“${wf.initial}”不是字段“${f.label}”的可选值`);
  if (!wf.transitions.length) problems.push('流程至少要有一个步骤');
  const pairs = new Set<string>();
  for (const t of wf.transitions) {
    const step = `流程步骤“${t.label}”`;
    if (!t.label) problems.push('流程步骤缺少名称 label');
    if (!t.from.length) problems.push(`${step}没有起始状态 from`);
    for (const v of [...t.from, t.to]) if (!values.has(v)) problems.push(`${step}使用了无效状态“${v}”`);
    for (const from of t.from) {
      if (from === t.to) problems.push(`${step}的起始状态与目标状态相同（“${from}”）`);
      // The database finds a step by its from and to states: two steps between the same states would be ambiguous.
      if (pairs.has(`${from}→${t.to}`)) problems.push(`${step}与另一步骤重复（“${from}”→“${t.to}”）`);
      pairs.add(`${from}→${t.to}`);
    }
    for (const k of t.asks ?? []) if (!fields.some((x) => x.key === k)) problems.push(`${step}引用了不存在的字段“${k}”`);
    for (const k of t.requires ?? []) {
      if (!fields.some((x) => x.key === k)) problems.push(`${step}引用了不存在的字段“${k}”`);
      if (k === wf.field) problems.push(`${step}不能要求流程字段本身`);
    }
    for (const [k, v] of Object.entries(t.sets ?? {})) {
      const target = fields.find((x) => x.key === k);
      if (!target) problems.push(`${step}引用了不存在的字段“${k}”`);
      else if (k === wf.field) problems.push(`${step}不能设定流程字段本身`);
      else if (target.type === 'enum' && !target.options.some((o) => o.value === v)) problems.push(`${step}设定的“${target.label}”值“${String(v)}”不是可选值`);
    }
    for (const a of t.requiresAttachments ?? []) if (!slotPattern.test(a.slot)) problems.push(`${step}的附件类型编号“${a.slot}”应为 kebab-case`);
  }
  return problems;
}

/** The state a workflow starts in: its `initial`, else its field's first option. */
export function initialState(fields: readonly FieldDef[], wf: Workflow): string | undefined {
  const f = fields.find((x) => x.key === wf.field);
  return wf.initial ?? (f?.type === 'enum' ? f.options[0]?.value : undefined);
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

/** A record's state: its workflow field, or the initial state while that is empty. */
export function stateOf(fields: readonly FieldDef[], wf: Workflow, record: Readonly<Record<string, unknown>>): string | undefined {
  const v = record[wf.field];
  return isEmpty(v) ? initialState(fields, wf) : String(v);
}

/**
 * Whether a record holds what a step leaves behind: its required fields filled and the values it
 * sets. Attachments are not looked at: records loaded as history need none (see `Workflow`).
 */
export function stepHolds(t: WorkflowTransition, record: Readonly<Record<string, unknown>>): boolean {
  return (t.requires ?? []).every((k) => !isEmpty(record[k])) && Object.entries(t.sets ?? {}).every(([k, v]) => record[k] === v);
}

/** A step that requires and sets nothing (开始调解): any record holds it, so it proves nothing. */
function provesNothing(t: WorkflowTransition): boolean {
  return !t.requires?.length && !Object.keys(t.sets ?? {}).length;
}

/**
 * The state a record's own data shows it has reached, for records entered before their kind had a
 * workflow (seed history, old ledgers): follow the steps the record holds (`stepHolds`) from the
 * initial state as far as they go. A step that proves nothing is only passed through on the way to
 * one that proves something, so a case with no result stays 已受理 rather than 调解中. Among equally
 * long ways the first declared wins.
 */
export function stateFromData(fields: readonly FieldDef[], wf: Workflow, record: Readonly<Record<string, unknown>>): string | undefined {
  const start = initialState(fields, wf);
  if (start === undefined) return undefined;
  let best = { state: start, proofs: 0 };
  const visit = (state: string, proofs: number, seen: ReadonlySet<string>) => {
    for (const t of wf.transitions) {
      if (!t.from.includes(state) || seen.has(t.to) || !stepHolds(t, record)) continue;
      const next = provesNothing(t) ? proofs : proofs + 1;
      if (next > best.proofs) best = { state: t.to, proofs: next };
      visit(t.to, next, new Set([...seen, t.to]));
    }
  };
  visit(start, 0, new Set([start]));
  return best.state;
}
