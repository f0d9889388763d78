import { columnName, type RecordKind } from '@fazhi/domain';
import { literal } from './sql-text.js';

/** The columns of a kind holding personal data (its fields marked `personal`), as the table names them. */
export const personalColumnsOf = (k: RecordKind): string[] => k.fields.filter((f) => f.personal).map((f) => columnName(f.key));

/**
 * One kind's rows of `private.kind_personal_columns` (migration 20261205040300_personal_columns.sql):
 * the list the 操作日志 masks by (`private.personal_columns`). Emitted by every generated model
 * migration for each kind it adds or changes, so the list is the model's, never guessed from SQL.
 */
export function personalColumnsSql(k: RecordKind): string {
  const columns = personalColumnsOf(k);
  return [
    `-- Its personal columns, for the 操作日志's masking.`,
    `delete from private.kind_personal_columns where kind_id = ${literal(k.id)};`,
    ...(columns.length ? [`insert into private.kind_personal_columns (kind_id, column_name) values ${columns.map((c) => `(${literal(k.id)}, ${literal(c)})`).join(', ')};`] : []),
  ].join('\n');
}
