import { columnName, type RecordKind } from '@fazhi/domain';
import { ident, literal, pgName } from './sql-text.js';

/**
 * 封账 for one record kind: the `<kind>_year_lock` trigger running the shared
 * `private.refuse_locked_year(period column)` (migration 20261205040400_annual_reports.sql), which
 * refuses every insert, update and delete of a record whose period date lies in a year its unit
 * (or a unit above it) signed off. That migration gives the trigger to every kind the schema had;
 * the model migration calls this for each kind it adds, and again when a kind's period field changes.
 */

export const yearLockTriggerName = (k: RecordKind) => pgName(k.id, 'year_lock');

export function yearLockSql(k: RecordKind): string {
  return [
    `create trigger ${yearLockTriggerName(k)} before insert or update or delete on public.${ident(k.id)}`,
    `  for each row execute function private.refuse_locked_year(${literal(columnName(k.periodField))});`,
  ].join('\n');
}

export function dropYearLockSql(k: RecordKind): string {
  return `drop trigger if exists ${yearLockTriggerName(k)} on public.${ident(k.id)};`;
}
