import { columnName, type FieldDef, type RecordKind } from '@fazhi/domain';
import type { Catalog } from '@fazhi/metrics';
import { evaluatorFunctionsSql } from './indicators-migration.js';
import { measureMonthsSql } from './measure-months.js';
import { modelSnapshot, snapshotHash, snapshotRegistry, type ModelSnapshot, type SchemaModel } from './model-snapshot.js';
import { personalColumnsSql } from './personal-columns.js';
import { maskedWriteTriggerName, personalKindParts, personalValueFunction } from './personal-fields-migration.js';
import { policiesSql, privilegesSql, triggersSql, viewName } from './record-access.js';
import { columnType, kindChecks } from './record-columns.js';
import { kindIndexes, type IndexSpec } from './record-indexes.js';
import { dropKindRulesSql, duplicatesSql, kindRulesSql } from './record-rules-migration.js';
import { columnSql, indexSql, recordKindsSql, tableSql } from './records-migration.js';
import { releaseSnapshotHash } from './release-snapshot.js';
import { ident, literal } from './sql-text.js';
import { dropWorkflowSql, workflowSql } from './workflow-sql.js';
import { dropYearLockSql, yearLockSql } from './year-lock-sql.js';
import { auditTriggersSql } from './audit-sql.js';

/**
 * The migration from one model snapshot to another. What can be derived safely is generated with
 * the same per-kind generators as the released migrations, so a plugin's kind gets exactly what a
 * built-in one has: new kinds, new fields, new enum options, changed checks and rules, and a
 * changed catalog. What could lose data or silently change its meaning (removing or renaming a
 * kind, field or option, changing a field's type or a kind's work area, a new required field) is
 * refused: that takes a hand-written, reviewed migration (docs/database.md, "Schema evolution").
 */

/** The model changed in a way no generated migration may apply; `changes` lists each, in Chinese. */
export class ModelMigrationRefused extends Error {
  constructor(readonly changes: readonly string[]) {
    super(
      `模型的以下改动不能自动生成迁移，需要人工编写并审核的迁移（写法见 docs/database.md 的“Schema evolution”一节）：\n${changes.map((c) => `- ${c}`).join('\n')}`,
    );
    this.name = 'ModelMigrationRefused';
  }
}

export interface ModelMigrationPlan {
  from: ModelSnapshot;
  to: ModelSnapshot;
  fromHash: string;
  toHash: string;
  /** What the migration does, one line each in Chinese; empty when the models are the same. */
  changes: string[];
  /** Words for a migration's file name (`add_<kind>`, `change_<kind>`, `catalog`), `_`-joined. */
  summary: string;
  /** The migration; '' when there is nothing to do. */
  sql: string;
}

interface KindChange {
  from: RecordKind;
  to: RecordKind;
  addedFields: FieldDef[];
  addedOptions: { field: FieldDef; values: string[] }[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const kindName = (k: RecordKind) => `记录类型“${k.label}”（${k.id}）`;
const fieldName = (f: FieldDef) => `字段“${f.label}”（${f.key}）`;
const optionValues = (f: FieldDef) => (f.type === 'enum' || f.type === 'enum-set' ? f.options.map((o) => o.value) : []);

/** A field's stored shape: a change of it is a change of type. */
const storedType = (f: FieldDef) => `${f.type}${f.type === 'ref' ? `→${f.target}` : ''}${columnType(f) === f.type ? '' : `（${columnType(f)}）`}`;

/** Refusals for one kind present in both models, pushed to `refused`; otherwise how it changed. */
function kindChange(from: RecordKind, to: RecordKind, refused: string[]): KindChange {
  const where = kindName(to);
  if (from.area !== to.area) refused.push(`${where}的工作领域从“${from.area}”改为“${to.area}”`);
  for (const f of from.fields) {
    const g = to.fields.find((x) => x.key === f.key);
    if (!g) {
      refused.push(`删除或改名了${where}的${fieldName(f)}`);
      continue;
    }
    if (storedType(f) !== storedType(g)) refused.push(`${where}的${fieldName(g)}类型从 ${storedType(f)} 改为 ${storedType(g)}`);
    const kept = optionValues(g);
    for (const value of optionValues(f)) if (!kept.includes(value)) refused.push(`删除或改名了${where}的${fieldName(g)}的可选值“${value}”`);
    if (!f.required && g.required) refused.push(`${where}的${fieldName(g)}改为必填（已有记录可能没有这个值）`);
  }
  const addedFields = to.fields.filter((g) => !from.fields.some((f) => f.key === g.key));
  for (const g of addedFields) if (g.required) refused.push(`${where}新增的${fieldName(g)}是必填（已有记录没有这个值；请先设为选填）`);
  const addedOptions = to.fields.flatMap((g) => {
    const f = from.fields.find((x) => x.key === g.key);
    const values = f ? optionValues(g).filter((v) => !optionValues(f).includes(v)) : [];
    return values.length ? [{ field: g, values }] : [];
  });
  return { from, to, addedFields, addedOptions };
}

const table = (k: RecordKind) => `public.${ident(k.id)}`;
const banner = (k: RecordKind, what: string) => `-- ${k.id}: ${k.label}（${what}） ${'-'.repeat(Math.max(4, 80 - k.id.length - what.length * 2 - k.label.length * 2))}`;

/** Index changes between two declarations of a kind (catalog measures decide some of them). */
function indexChanges(from: RecordKind | undefined, fromCatalog: Catalog, to: RecordKind, toCatalog: Catalog): string[] {
  const before: IndexSpec[] = from ? kindIndexes(from, fromCatalog) : [];
  const after = kindIndexes(to, toCatalog);
  return [
    ...before.filter((i) => !after.some((j) => j.name === i.name)).map((i) => `drop index if exists public.${i.name};`),
    ...after.filter((i) => !before.some((j) => j.name === i.name)).map((i) => indexSql(to, i)),
  ];
}

/** Everything a built-in kind has, for a kind the database does not have yet. */
function newKindSql(k: RecordKind, catalog: Catalog, created: Set<string>, forwardRefs: string[]): string {
  created.add(k.id);
  const rules = kindRulesSql([k]);
  return [
    banner(k, '新增'),
    tableSql(k, created, forwardRefs),
    ...personalKindParts(k),
    personalColumnsSql(k),
    privilegesSql(k),
    policiesSql(k),
    triggersSql(k),
    auditTriggersSql(k),
    yearLockSql(k),
    indexChanges(undefined, catalog, k, catalog).join('\n'),
    ...(rules ? [rules] : []),
    ...(k.workflow ? [workflowSql(k)] : []),
  ].join('\n\n');
}

/**
 * A kind with new fields, options or other declarations: new columns, then everything derived from
 * the declaration is replaced (checks, view, personal-value function, masked-write guard, column
 * privileges, rules). Its policies and audit/version triggers do not depend on the fields.
 */
function changedKindSql(c: KindChange, fromCatalog: Catalog, toCatalog: Catalog, created: ReadonlySet<string>): string {
  const { from, to } = c;
  const t = table(to);
  const out: string[] = [`drop view public.${ident(viewName(from))};`, `drop trigger if exists ${maskedWriteTriggerName(from)} on ${t};`, dropKindRulesSql(from)];
  if (from.fields.some((f) => f.personal) && !to.fields.some((f) => f.personal)) out.push(`drop function if exists ${personalValueFunction(from)}(uuid, text);`);
  const forwardRefs: string[] = [];
  for (const f of c.addedFields) out.push(`alter table ${t} add column ${columnSql(to, f, created, forwardRefs)};`);
  for (const f of from.fields) {
    if (f.required && !to.fields.find((g) => g.key === f.key)?.required) out.push(`alter table ${t} alter column ${ident(columnName(f.key))} drop not null;`);
  }
  const before = kindChecks(from);
  const after = kindChecks(to);
  const kept = (a: { name: string; expression: string }, list: typeof before) => list.some((b) => b.name === a.name && b.expression === a.expression);
  for (const check of before) if (!kept(check, after)) out.push(`alter table ${t} drop constraint ${check.name};`);
  for (const check of after) if (!kept(check, before)) out.push(`alter table ${t} add constraint ${check.name} check (${check.expression});`);
  out.push(...indexChanges(from, fromCatalog, to, toCatalog));
  if (from.label !== to.label) out.push(`comment on table ${t} is ${literal(to.label)};`);
  const rules = kindRulesSql([to]);
  // Always rewritten: state or field labels may have changed without the workflow changing.
  const workflow = !from.workflow && !to.workflow ? [] : [dropWorkflowSql(from), ...(to.workflow ? [workflowSql(to)] : [])];
  const yearLock = from.periodField === to.periodField ? [] : [dropYearLockSql(from), yearLockSql(to)];
  return [banner(to, '变更'), out.join('\n'), ...personalKindParts(to), personalColumnsSql(to), privilegesSql(to), ...(rules ? [rules] : []), ...workflow, ...yearLock].join('\n\n');
}

function describeChange(c: KindChange): string {
  const parts = [
    ...(c.addedFields.length ? [`新增字段${c.addedFields.map((f) => `“${f.label}”`).join('、')}`] : []),
    ...c.addedOptions.map((o) => `字段“${o.field.label}”新增可选值${o.values.map((v) => `“${v}”`).join('、')}`),
    ...(same(c.from.workflow, c.to.workflow) ? [] : [c.to.workflow ? `流程${c.from.workflow ? '有变化' : '新增'}（${c.to.workflow.transitions.map((t) => t.label).join('、')}）` : '流程取消']),
  ];
  return `${kindName(c.to)}：${parts.length ? parts.join('；') : '声明有变化（校验、规则或标签）'}`;
}

/** Kinds by name while that stays short (`add_x_change_y_catalog`), by count otherwise (`add_10_kinds_…`). */
function fileSummary(added: readonly RecordKind[], changed: readonly KindChange[], catalogChanged: boolean): string {
  const catalog = catalogChanged ? ['catalog'] : [];
  const named = [...added.map((k) => `add_${k.id}`), ...changed.map((c) => `change_${c.to.id}`), ...catalog].join('_');
  if (named.length <= maxSummaryLength) return named;
  const count = (verb: string, n: number) => (n ? [`${verb}_${n}_kind${n > 1 ? 's' : ''}`] : []);
  return [...count('add', added.length), ...count('change', changed.length), ...catalog].join('_');
}

const maxSummaryLength = 60;

/** Refuses to run on a database whose recorded snapshot is not the one this migration starts from. */
function guardSql(fromHash: string): string {
  const message = `数据库当前的模型快照不是本迁移生成时的快照（${fromHash.slice(0, 12)}）：请按顺序应用迁移，或重新运行 fazhi db generate`;
  return [
    `do $$`,
    `begin`,
    `  if coalesce((select s.hash from private.model_snapshot s), ${literal(releaseSnapshotHash())}) <> ${literal(fromHash)} then`,
    `    raise exception using errcode = '55000', message = ${literal(message)};`,
    `  end if;`,
    `end`,
    `$$;`,
  ].join('\n');
}

function recordSnapshotSql(to: ModelSnapshot, hash: string): string {
  return [
    `-- The model the schema is at now; the next generated migration starts from it.`,
    `insert into private.model_snapshot (id, version, hash, snapshot)`,
    `values (true, ${to.version}, ${literal(hash)}, ${literal(JSON.stringify(to))}::jsonb)`,
    `on conflict (id) do update set version = excluded.version, hash = excluded.hash, snapshot = excluded.snapshot, recorded_at = now();`,
  ].join('\n');
}

/** Plans the migration from `fromModel` to `toModel`; throws `ModelMigrationRefused` listing every change it may not make. */
export function modelMigrationPlan(fromModel: ModelSnapshot, toModel: SchemaModel | ModelSnapshot): ModelMigrationPlan {
  const from = modelSnapshot(fromModel);
  const to = modelSnapshot(toModel);
  const fromHash = snapshotHash(from);
  const toHash = snapshotHash(to);
  if (fromHash === toHash) return { from, to, fromHash, toHash, changes: [], summary: '', sql: '' };

  const refused: string[] = [];
  for (const k of from.kinds) if (!to.kinds.some((x) => x.id === k.id)) refused.push(`删除或改名了${kindName(k)}`);
  const added = to.kinds.filter((k) => !from.kinds.some((x) => x.id === k.id));
  const changed = to.kinds.flatMap((k) => {
    const old = from.kinds.find((x) => x.id === k.id);
    return old && !same(old, k) ? [kindChange(old, k, refused)] : [];
  });
  if (refused.length) throw new ModelMigrationRefused(refused);

  const fromRegistry = snapshotRegistry(from);
  const toRegistry = snapshotRegistry(to);
  const created = new Set(from.kinds.map((k) => k.id));
  const forwardRefs: string[] = [];
  const blocks = added.map((k) => newKindSql(k, to.catalog, created, forwardRefs));
  if (forwardRefs.length) blocks.push(`-- References to kinds declared further down\n${forwardRefs.join('\n')}`);
  blocks.push(...changed.map((c) => changedKindSql(c, from.catalog, to.catalog, created)));
  for (const k of to.kinds) {
    const old = from.kinds.find((x) => x.id === k.id);
    if (!old || changed.some((c) => c.to.id === k.id)) continue;
    const indexes = indexChanges(old, from.catalog, k, to.catalog);
    if (indexes.length) blocks.push(`${banner(k, '索引')}\n${indexes.join('\n')}`);
  }
  const labelled = [...added, ...changed.filter((c) => c.from.label !== c.to.label).map((c) => c.to)];
  if (labelled.length) blocks.unshift(`-- Kinds for the storage policies ${'-'.repeat(60)}\n${recordKindsSql(labelled)}`);
  const duplicates = duplicatesSql(toRegistry.list(), 'create or replace');
  if (duplicates !== duplicatesSql(fromRegistry.list(), 'create or replace')) blocks.push(duplicates);
  const evaluator = evaluatorFunctionsSql(to.catalog, toRegistry);
  const catalogChanged = !same(from.catalog, to.catalog);
  if (catalogChanged || evaluator !== evaluatorFunctionsSql(from.catalog, fromRegistry)) {
    // The month tables first: private.measure_values_by_month reads them.
    blocks.push(measureMonthsSql(to.catalog, toRegistry));
    blocks.push(`-- The SQL evaluator of the catalog ${'-'.repeat(60)}\n${evaluator}`);
  }

  const changes = [
    ...added.map((k) => `新增${kindName(k)}`),
    ...changed.map(describeChange),
    ...(catalogChanged ? [`指标目录有变化（度量 ${to.catalog.measures.length} 项、指标 ${to.catalog.indicators.length} 项）`] : []),
  ];
  const summary = fileSummary(added, changed, catalogChanged);
  const sql = [
    [
      '-- generated by `fazhi db generate` (or migrateModel) — do not edit; a later model change is a new migration.',
      `-- From model snapshot ${fromHash}`,
      `-- to model snapshot   ${toHash}:`,
      ...changes.map((c) => `--   ${c}`),
    ].join('\n'),
    guardSql(fromHash),
    ...blocks,
    recordSnapshotSql(to, toHash),
  ].join('\n\n');
  return { from, to, fromHash, toHash, changes, summary, sql: `${sql}\n` };
}

/** The migration from one model to another as SQL; '' when they are the same. Deterministic. */
export function modelMigrationSql(from: ModelSnapshot, to: SchemaModel | ModelSnapshot): string {
  return modelMigrationPlan(from, to).sql;
}
