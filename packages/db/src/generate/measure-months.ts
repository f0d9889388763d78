import { columnName, getField, type RecordKind, type RecordKindRegistry } from '@fazhi/domain';
import type { Catalog, Measure } from '@fazhi/metrics';
import { column, measureCondition } from './measure-sql.js';
import { shanghai } from './sql-compare.js';
import { ident, pgName } from './sql-text.js';

/**
 * Pre-aggregated figures per unit and month ("measure months"): for every record kind, one table
 * `private.<kind>_months` with a row per (unit, month) and a column per measure that is a count or
 * a sum over a period (`within` its period field). A column holds that measure's count or sum over
 * the unit's own live records whose period field falls in that month (China Standard Time, as the
 * in-memory evaluator compares dates). A whole-month period's figure is then a sum over at most
 * (units of the subtree × months) rows instead of a scan of every record under the unit.
 *
 * Statement-level triggers with transition tables keep the rows current on every insert, update
 * (a record moving unit or date, a status change, a soft delete: the old row is subtracted and the
 * new one added) and delete, one upsert per statement, so a bulk import costs one more statement
 * per chunk, not one per record. Loads that run with triggers off (`session_replication_role =
 * replica`: seeding, street copies, the scale benchmark) must call `private.rebuild_measure_months()`
 * afterwards; a catalog change's generated migration rebuilds the kinds whose measures changed.
 *
 * Distinct counts, latest values, group counts and `active`/`asOfEnd` periods are not sums over
 * months; they stay computed from the records.
 */

/** Whether a measure's figure for a whole-month period is a sum of per-month figures. */
export const isMonthly = (m: Measure) => (m.aggregation.type === 'count' || m.aggregation.type === 'sum') && m.period.type === 'within';

/** The monthly measures of each kind, in catalog order; kinds without one are left out. */
export function monthlyMeasuresByKind(catalog: Catalog): Map<string, Measure[]> {
  const byKind = new Map<string, Measure[]>();
  for (const m of catalog.measures.filter(isMonthly)) byKind.set(m.kind, [...(byKind.get(m.kind) ?? []), m]);
  return byKind;
}

export const monthsTable = (kind: RecordKind) => `private.${ident(pgName(kind.id, 'months'))}`;
const applyFunction = (kind: RecordKind) => `private.${ident(pgName(kind.id, 'months_apply'))}`;
const clearFunction = (kind: RecordKind) => `private.${ident(pgName(kind.id, 'months_clear'))}`;
const triggerName = (kind: RecordKind, event: string) => ident(pgName(kind.id, 'months', event));
const measureColumn = (m: Measure) => ident(m.id);

const periodField = (m: Measure) => (m.period.type === 'within' ? m.period.field : '');

/** The month (first day, Asia/Shanghai for date-times) of a period field of rows aliased `t`. */
function monthOf(kind: RecordKind, key: string): string {
  const col = `t.${ident(columnName(key))}`;
  const type = getField(kind, key).type;
  return type === 'datetime' ? `date_trunc('month', ${col} at time zone ${shanghai})::date` : `date_trunc('month', ${col})::date`;
}

/** What one row adds to a measure's column (before the sign): 1, or the summed field; 0 when filtered out. */
function contribution(kind: RecordKind, m: Measure): string {
  const a = m.aggregation;
  // The in-memory sum skips missing values, as SQL's sum() does.
  const value = a.type === 'sum' ? `coalesce(${column(kind, a.field, 't').sql}, 0)` : '1';
  const cond = measureCondition(kind, m, 't', true);
  return cond ? `case when ${cond} then ${value} else 0 end` : value;
}

/**
 * Each live row of `source` (alias `t`) as signed contributions per (org_id, month): one select per
 * distinct period field, since a row falls in a different month for measures of different fields.
 */
function contributionsSql(kind: RecordKind, measures: readonly Measure[], source: string, sign: 1 | -1): string {
  const fields = [...new Set(measures.map(periodField))];
  return fields
    .map((key) => {
      const cols = measures.map((m) => {
        if (periodField(m) !== key) return `0 as ${measureColumn(m)}`;
        const c = contribution(kind, m);
        return `${sign === 1 ? c : `-(${c})`} as ${measureColumn(m)}`;
      });
      return [
        `select t.org_id, ${monthOf(kind, key)} as month,`,
        `  ${cols.join(',\n  ')}`,
        `from ${source} t`,
        `where t.deleted_at is null and t.${ident(columnName(key))} is not null`,
      ].join('\n');
    })
    .join('\nunion all\n');
}

/** Sums signed contributions per (org_id, month) and adds them to the table (rows of no change skipped). */
function applySql(kind: RecordKind, measures: readonly Measure[], parts: string): string {
  const cols = measures.map(measureColumn);
  return [
    `insert into ${monthsTable(kind)} as a (org_id, month, ${cols.join(', ')})`,
    `select c.org_id, c.month, ${cols.map((c) => `sum(c.${c})`).join(', ')}`,
    `from (\n${parts.replace(/^(?=.)/gm, '  ')}\n) c`,
    `group by c.org_id, c.month`,
    `having ${cols.map((c) => `sum(c.${c}) <> 0`).join(' or ')}`,
    // One order for every writer, so two concurrent statements lock shared rows without deadlock.
    `order by c.org_id, c.month`,
    `on conflict (org_id, month) do update set ${cols.map((c) => `${c} = a.${c} + excluded.${c}`).join(', ')};`,
  ].join('\n');
}

/** Recomputes the kind's table from its records (after a load with triggers off, or a changed measure). */
export function rebuildKindSql(kind: RecordKind, measures: readonly Measure[]): string {
  return `truncate ${monthsTable(kind)};\n${applySql(kind, measures, contributionsSql(kind, measures, `public.${ident(kind.id)}`, 1))}`;
}

/** Drops a kind's table, triggers and trigger functions (its measures changed or left). */
export function dropKindMonthsSql(kind: RecordKind): string {
  // cascade: the triggers on the record table go with their functions.
  return [
    `drop function if exists ${applyFunction(kind)}() cascade;`,
    `drop function if exists ${clearFunction(kind)}() cascade;`,
    `drop table if exists ${monthsTable(kind)};`,
  ].join('\n');
}

/** The table, its triggers on the kind's record table, and its first fill from the records. */
export function createKindMonthsSql(kind: RecordKind, measures: readonly Measure[]): string {
  const table = `public.${ident(kind.id)}`;
  const fn = applyFunction(kind);
  const apply = (parts: string) => applySql(kind, measures, parts).replace(/^(?=.)/gm, '    ');
  const newRows = contributionsSql(kind, measures, 'new_rows', 1);
  const oldRows = contributionsSql(kind, measures, 'old_rows', -1);
  return [
    `create table ${monthsTable(kind)} (`,
    `  org_id uuid not null,`,
    `  month date not null,`,
    ...measures.map((m) => `  ${measureColumn(m)} numeric not null default 0,`),
    `  primary key (org_id, month)`,
    `);`,
    // Figures of every record under every unit: only the owner (and the service role, which
    // bypasses row-level security anyway) reads them, through the evaluator's functions.
    `revoke all on ${monthsTable(kind)} from public, anon, authenticated;`,
    `grant select on ${monthsTable(kind)} to service_role;`,
    ``,
    `create function ${fn}() returns trigger`,
    `language plpgsql security definer set search_path = ''`,
    `as $fn$`,
    `begin`,
    `  if tg_op = 'INSERT' then`,
    apply(newRows),
    `  elsif tg_op = 'DELETE' then`,
    apply(oldRows),
    `  else`,
    apply(`${newRows}\nunion all\n${oldRows}`),
    `  end if;`,
    `  return null;`,
    `end`,
    `$fn$;`,
    `revoke all on function ${fn}() from public, anon, authenticated;`,
    ``,
    `create function ${clearFunction(kind)}() returns trigger`,
    `language plpgsql security definer set search_path = ''`,
    `as $fn$ begin truncate ${monthsTable(kind)}; return null; end $fn$;`,
    `revoke all on function ${clearFunction(kind)}() from public, anon, authenticated;`,
    ``,
    // Transition tables allow one event per trigger.
    `create trigger ${triggerName(kind, 'insert')} after insert on ${table}`,
    `  referencing new table as new_rows for each statement execute function ${fn}();`,
    `create trigger ${triggerName(kind, 'update')} after update on ${table}`,
    `  referencing old table as old_rows new table as new_rows for each statement execute function ${fn}();`,
    `create trigger ${triggerName(kind, 'delete')} after delete on ${table}`,
    `  referencing old table as old_rows for each statement execute function ${fn}();`,
    `create trigger ${triggerName(kind, 'truncate')} after truncate on ${table}`,
    `  for each statement execute function ${clearFunction(kind)}();`,
    ``,
    rebuildKindSql(kind, measures),
  ].join('\n');
}

/**
 * Every kind's measure-months objects dropped (if there) and created again from the records, then
 * the rebuild-everything function: what a migration that changes the catalog (or the evaluator
 * generated from it) runs, so no figure is ever read from a table built for another definition.
 * It does not depend on which tables the database had before, so a database whose model came
 * another way (a plugin's kinds, before 20261206000100) gets them too.
 */
export function measureMonthsSql(catalog: Catalog, registry: RecordKindRegistry): string {
  const monthly = monthlyMeasuresByKind(catalog);
  return [
    `-- Measures by unit and month: dropped and rebuilt from the records ${'-'.repeat(30)}`,
    registry
      .list()
      .map(dropKindMonthsSql)
      .join('\n'),
    ...[...monthly].map(([id, measures]) => `-- ${id}: measures by unit and month\n${createKindMonthsSql(registry.get(id), measures)}`),
    rebuildAllSql(catalog, registry),
  ].join('\n\n');
}

/** `private.rebuild_measure_months()`: every kind's table again from the records. */
export function rebuildAllSql(catalog: Catalog, registry: RecordKindRegistry): string {
  const kinds = [...monthlyMeasuresByKind(catalog)];
  const body = kinds.map(([id, measures]) => rebuildKindSql(registry.get(id), measures)).join('\n\n');
  return [
    `-- After a load with triggers off (session_replication_role = replica) the tables miss its records.`,
    `create or replace function private.rebuild_measure_months() returns void`,
    `language plpgsql security definer set search_path = ''`,
    `as $fn$`,
    `begin`,
    body.replace(/^(?=.)/gm, '  '),
    `end`,
    `$fn$;`,
    `revoke all on function private.rebuild_measure_months() from public, anon, authenticated;`,
    `grant execute on function private.rebuild_measure_months() to service_role;`,
  ].join('\n');
}
