import type { RecordKind } from '@fazhi/domain';
import { ident, pgName } from './sql-text.js';

/**
 * The audit trail of one record kind, as migration 20261205090600_import_speed.sql left every kind
 * of the schema: updates and deletes audited per row by `private.audit` (each needs its before
 * image and its own operation), inserts per statement by `private.audit_inserted` from the
 * statement's new rows (a 20,000-row ledger import wrote its audit rows one trigger call at a time
 * before: the largest single cost of the import). Same audit rows either way. The released records
 * migration gives a kind one row-level trigger for all three; the model migration calls this after
 * it for each kind it adds, so a plugin's kind is audited like a built-in one.
 */
export function auditTriggersSql(k: RecordKind): string {
  const t = `public.${ident(k.id)}`;
  return [
    `drop trigger if exists ${pgName(k.id, 'audit')} on ${t};`,
    `create trigger ${pgName(k.id, 'audit')} after update or delete on ${t}`,
    `  for each row execute function private.audit('org_id');`,
    `create trigger ${pgName(k.id, 'audit', 'insert')} after insert on ${t} referencing new table as new_rows`,
    `  for each statement execute function private.audit_inserted('org_id');`,
  ].join('\n');
}
