import { columnName, type FieldDef, type RecordKind, type RecordKindRegistry } from '@fazhi/domain';
import { columnType } from '../generate/record-columns.js';
import { badRequest, fieldError } from './http-error.js';

/**
 * What a data provider needs to know about one record kind: its table, its masked view, and for
 * every key a client may name (camelCase) the column and SQL type. Every identifier that reaches
 * SQL or a PostgREST URL comes from here, never from the request itself.
 */
export type SqlType = 'text' | 'uuid' | 'integer' | 'numeric' | 'bigint' | 'date' | 'timestamptz' | 'boolean' | 'text[]';

export interface ColumnInfo {
  /** camelCase key in records and requests. */
  key: string;
  /** snake_case column of the table and of its view. */
  column: string;
  sqlType: SqlType;
  /** zh-CN label for messages. */
  label: string;
  /** The field declaration; absent for system columns (id, orgId, version …). */
  field?: FieldDef;
  /** Clients may set it on create and update (the kind's fields and orgId). */
  writable: boolean;
  personal: boolean;
}

export interface KindTable {
  kind: RecordKind;
  /** Base table (writes). */
  table: string;
  /** Masked read view (reads). */
  view: string;
  columns: ReadonlyMap<string, ColumnInfo>;
  /** Columns in view order: system columns first, then the kind's fields. */
  list: readonly ColumnInfo[];
  /** Looks a key up or fails with a 400 naming it. */
  column(key: string): ColumnInfo;
}

const system = (key: string, sqlType: SqlType, label: string, writable = false): ColumnInfo => ({
  key,
  column: columnName(key),
  sqlType,
  label,
  writable,
  personal: false,
});

/** Columns every record table has (docs/database.md, "Naming"). */
const systemColumns: readonly ColumnInfo[] = [
  system('id', 'uuid', '编号'),
  system('orgId', 'uuid', '所属机构', true),
  system('version', 'integer', '版本号'),
  system('createdAt', 'timestamptz', '创建时间'),
  system('createdBy', 'uuid', '创建人'),
  system('updatedAt', 'timestamptz', '修改时间'),
  system('updatedBy', 'uuid', '修改人'),
  system('deletedAt', 'timestamptz', '删除时间'),
  system('deletedBy', 'uuid', '删除人'),
];

/** The parameter type of a field's column (decimal precision is the column's business, not ours). */
function sqlTypeOf(f: FieldDef): SqlType {
  const t = columnType(f);
  return (t.startsWith('numeric') ? 'numeric' : t) as SqlType;
}

const cache = new WeakMap<RecordKind, KindTable>();

export function kindTable(kind: RecordKind): KindTable {
  const hit = cache.get(kind);
  if (hit) return hit;
  const list: ColumnInfo[] = [
    ...systemColumns,
    ...kind.fields.map((f) => ({
      key: f.key,
      column: columnName(f.key),
      sqlType: sqlTypeOf(f),
      label: f.label,
      field: f,
      writable: true,
      personal: f.personal === true,
    })),
  ];
  const columns = new Map(list.map((c) => [c.key, c]));
  const table: KindTable = {
    kind,
    table: kind.id,
    view: `${kind.id}_view`,
    columns,
    list,
    column(key) {
      const c = columns.get(key);
      if (!c) throw fieldError(key, `「${kind.label}」没有字段“${key}”`);
      return c;
    },
  };
  cache.set(kind, table);
  return table;
}

/** Resource name (a record kind id) → its table description, or a 400 for an unknown resource. */
export function resolveResource(registry: RecordKindRegistry, resource: string): KindTable {
  if (!registry.has(resource)) throw badRequest(`未知的记录类型“${resource}”`);
  return kindTable(registry.get(resource));
}

/** Looks a column up by its snake_case name (error reports name columns, not keys). */
export function columnByName(t: KindTable, column: string): ColumnInfo | undefined {
  return t.list.find((c) => c.column === column);
}
