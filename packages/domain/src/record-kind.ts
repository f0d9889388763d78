import type { WorkAreaId } from './areas.js';
import type { FieldDef, FieldValues } from './fields.js';
import { workflowProblems, type Workflow } from './workflow.js';

/** Every record carries these, whatever its kind. */
export interface RecordBase {
  id: string;
  /** The org unit the record belongs to (a street, community, committee or department). */
  orgId: string;
  /** Soft delete: set when removed; such records never count. */
  deletedAt: string | null;
}

export type Scalar = string | number | boolean;

/** A condition on one field's value; used by rules here and by measure filters in @fazhi/metrics. */
export interface FieldCondition {
  field: string;
  in: readonly Scalar[];
}

/**
 * Cross-field rules, declared as data so that the zod schema and the SQL CHECK constraints are
 * generated from the same declaration.
 */
export type RecordRule =
  /** `later` may not be before `earlier` when both are present. */
  | { type: 'order'; earlier: string; later: string }
  /** `field` is required while `when` holds. */
  | { type: 'required-when'; field: string; when: FieldCondition }
  /** Numeric `field` may not exceed numeric `limit` when both are present. */
  | { type: 'at-most'; field: string; limit: string };

export interface RecordKind<Id extends string = string, Fs extends readonly FieldDef[] = readonly FieldDef[]> {
  /** snake_case plural, also the SQL table name, e.g. `mediation_cases`. */
  id: Id;
  label: string;
  labelEn?: string;
  area: WorkAreaId;
  /** Unit of counting in prose, e.g. 宗 for cases, 次 for actions. */
  measureWord: string;
  fields: Fs;
  /** The date that places a record in a period when nothing more specific is asked. */
  periodField: Fs[number]['key'];
  /** The field that names a record in lists and messages (case number, title…). */
  titleField: Fs[number]['key'];
  rules?: readonly RecordRule[];
  /**
   * The field that identifies a record to people (案件编号, 工单编号…): unique among the live
   * (not deleted) records of one street, the street's communities included. The database enforces
   * it; a required text field.
   */
  businessKey?: string;
  /**
   * The kind's workflow, enforced by the database (see `Workflow`). Its field keys are checked by
   * `defineRecordKind` at definition time, not typed from `fields`, so a kind can be spread into
   * an extended one (`{ ...kind, fields: [...] }`) as composition does.
   */
  workflow?: Workflow;
  description?: string;
}

/** The record type of a kind: base columns plus typed field values. */
export type RecordOf<K extends RecordKind> = RecordBase & FieldValues<K['fields']>;

/** Any record, for code that handles every kind alike. */
export type AnyRecord = RecordBase & Record<string, unknown>;

const kindIdPattern = /^[a-z][a-z0-9_]*[a-z0-9]$/;
const fieldKeyPattern = /^[a-z][a-zA-Z0-9]*$/;
const reservedKeys = new Set(['id', 'orgId', 'deletedAt', 'version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy']);

/**
 * Declares a record kind and checks the declaration itself (ids, keys, references in rules), so a
 * malformed third-party kind fails at definition time, not at first use.
 */
export function defineRecordKind<const Id extends string, const Fs extends readonly FieldDef[]>(
  kind: RecordKind<Id, Fs>,
): RecordKind<Id, Fs> {
  const problems: string[] = [];
  if (!kindIdPattern.test(kind.id)) problems.push(`编号“${kind.id}”应为小写字母、数字和下划线`);
  const keys = new Set<string>();
  for (const f of kind.fields) {
    if (!fieldKeyPattern.test(f.key)) problems.push(`字段“${f.key}”的键名应为 camelCase`);
    if (reservedKeys.has(f.key)) problems.push(`字段“${f.key}”与系统字段重名`);
    if (keys.has(f.key)) problems.push(`字段“${f.key}”重复`);
    keys.add(f.key);
    if ((f.type === 'enum' || f.type === 'enum-set') && f.options.length === 0) problems.push(`字段“${f.key}”没有可选值`);
  }
  const needKey = (k: string, where: string) => {
    if (!keys.has(k)) problems.push(`${where}引用了不存在的字段“${k}”`);
  };
  needKey(kind.periodField, '期间字段');
  needKey(kind.titleField, '标题字段');
  if (kind.businessKey !== undefined) {
    const f = kind.fields.find((x) => x.key === kind.businessKey);
    if (!f) needKey(kind.businessKey, '业务编号字段');
    else if (f.type !== 'text' || !f.required) problems.push(`业务编号字段“${f.key}”应为必填的文本字段`);
  }
  for (const f of kind.fields) {
    if (f.type !== 'text') continue;
    if (f.legacyIdNumbers && f.format !== 'id-number') problems.push(`字段“${f.key}”的 legacyIdNumbers 只适用于身份证号字段`);
    if (f.multiple && !f.format) problems.push(`字段“${f.key}”的 multiple 只适用于有 format 的字段`);
  }
  for (const r of kind.rules ?? []) {
    if (r.type === 'order') [r.earlier, r.later].forEach((k) => needKey(k, '规则'));
    if (r.type === 'required-when') [r.field, r.when.field].forEach((k) => needKey(k, '规则'));
    if (r.type === 'at-most') [r.field, r.limit].forEach((k) => needKey(k, '规则'));
  }
  if (kind.workflow) problems.push(...workflowProblems(kind.fields, kind.workflow));
  if (problems.length) throw new Error(`记录类型“${kind.label}”（${kind.id}）定义有误：\n${problems.join('\n')}`);
  return kind;
}

export function findField(kind: RecordKind, key: string): FieldDef | undefined {
  return kind.fields.find((f) => f.key === key);
}

export function getField(kind: RecordKind, key: string): FieldDef {
  const f = findField(kind, key);
  if (!f) throw new Error(`记录类型“${kind.label}”没有字段“${key}”`);
  return f;
}
