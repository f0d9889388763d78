import type { SupabaseClient } from '@supabase/supabase-js';
import type { NewOrgUnit, OrgKind, OrgStore, OrgUnitRow } from './access-store.js';
import { chineseOr } from './chinese-message.js';
import type { SqlExecutor } from './client.js';
import type { SupabaseDatabase } from './database-types.generated.js';

/**
 * The OrgStore over SQL (embedded PGlite, PostgreSQL) and over PostgREST (Supabase): the table
 * `public.org_units` to read, the functions of 20261205090200_org_units_managed.sql to write,
 * every call as the signed-in user (the functions check who manages what).
 */

type Session = <T>(fn: (tx: SqlExecutor) => Promise<T>) => Promise<T>;
type Row = Record<string, unknown>;

const kinds: readonly OrgKind[] = ['district', 'street', 'town', 'community', 'village', 'mediation_committee', 'department'];
const broken = (column: string, expected: string) => new Error(`机构返回的“${column}”不是${expected}，请检查数据库迁移`);

function text(row: Row, column: string): string {
  const v = row[column];
  if (typeof v !== 'string') throw broken(column, '文本');
  return v;
}
const textOrNull = (row: Row, column: string): string | null => (row[column] == null ? null : text(row, column));
/** date: `yyyy-mm-dd` text (the SQL casts it; PostgREST sends it so); a Date from a driver without our parsers. */
function dateOrNull(row: Row, column: string): string | null {
  const v = row[column];
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return textOrNull(row, column);
}
function timestampOrNull(row: Row, column: string): string | null {
  const v = row[column];
  if (v instanceof Date) return v.toISOString();
  return textOrNull(row, column);
}

/** A row of `public.org_units` (or of a function returning one) as the contract's type. */
export function orgUnitFromRow(row: Row): OrgUnitRow {
  const kind = text(row, 'kind');
  if (!(kinds as readonly string[]).includes(kind)) throw broken('kind', '已知的机构类型');
  return {
    id: text(row, 'id'),
    parentId: textOrNull(row, 'parent_id'),
    kind: kind as OrgKind,
    code: textOrNull(row, 'code'),
    name: text(row, 'name'),
    shortName: textOrNull(row, 'short_name'),
    ledgerFrom: dateOrNull(row, 'ledger_from'),
    ledgerTo: dateOrNull(row, 'ledger_to'),
    retiredAt: timestampOrNull(row, 'retired_at'),
  };
}

/** The contract's change as the keys `public.update_org_unit` reads (absent: unchanged). */
function changeDocument(change: Parameters<OrgStore['update']>[1]): Record<string, string | null> {
  const doc: Record<string, string | null> = {};
  for (const key of ['name', 'shortName', 'code', 'ledgerFrom', 'ledgerTo'] as const) if (key in change) doc[key] = change[key] ?? null;
  return doc;
}

const unitColumns = 'id, parent_id, kind, code, name, short_name, ledger_from::text as ledger_from, ledger_to::text as ledger_to, retired_at';

function first(rows: Row[], doing: string): Row {
  const row = rows[0];
  if (!row) throw new Error(`${doing}没有返回结果，请检查数据库迁移`);
  return row;
}

/** Over SQL; `session` runs each call as the user (e.g. `(fn) => asUser(db, user, fn)`). */
export function sqlOrgStore(session: Session): OrgStore {
  const rows = (sql: string, params: unknown[]) => session(async (tx) => (await tx.query<Row>(sql, params)).rows);
  return {
    list: async () => (await rows(`select ${unitColumns} from public.org_units order by name`, [])).map(orgUnitFromRow),
    add: async (u: NewOrgUnit) =>
      orgUnitFromRow(
        first(
          await rows(`select ${unitColumns} from public.add_org_unit($1, $2, $3, $4, $5, $6::date, $7::date)`, [u.parentId, u.kind, u.name, u.shortName, u.code, u.ledgerFrom, u.ledgerTo]),
          '新增机构',
        ),
      ),
    update: async (id, change) =>
      orgUnitFromRow(first(await rows(`select ${unitColumns} from public.update_org_unit($1, $2::jsonb)`, [id, JSON.stringify(changeDocument(change))]), '修改机构')),
    move: async (id, newParentId, reason) => orgUnitFromRow(first(await rows(`select ${unitColumns} from public.move_org_unit($1, $2, $3)`, [id, newParentId, reason]), '移动机构')),
    retire: async (id, reason) => {
      await rows('select public.retire_org_unit($1, $2) as done', [id, reason]);
    },
  };
}

type Client = SupabaseClient<SupabaseDatabase>;

/** A PostgREST answer, or the failure in Chinese (the database's own message when it is ours). */
function answer<T>(r: { data: T | null; error: { message: string } | null }, doing: string): T {
  if (r.error) throw new Error(`${doing}失败：${chineseOr(r.error.message, '数据服务出错，请稍后重试')}`);
  if (r.data == null) throw new Error(`${doing}失败：数据服务没有返回结果，请检查数据库迁移`);
  return r.data;
}

const restColumns = 'id, parent_id, kind, code, name, short_name, ledger_from, ledger_to, retired_at';

/** Over PostgREST: the table with `select`, the functions as `POST /rest/v1/rpc/<name>`. */
export function supabaseOrgStore(client: Client): OrgStore {
  return {
    list: async () => answer(await client.from('org_units').select(restColumns).order('name'), '读取机构').map((r) => orgUnitFromRow(r as Row)),
    add: async (u) =>
      orgUnitFromRow(
        answer(
          await client.rpc('add_org_unit', {
            // null reaches the function, which says in Chinese that a top unit comes only from the first run.
            p_parent: u.parentId as string,
            p_kind: u.kind,
            p_name: u.name,
            p_short_name: u.shortName,
            p_code: u.code,
            p_ledger_from: u.ledgerFrom,
            p_ledger_to: u.ledgerTo,
          }),
          '新增机构',
        ) as Row,
      ),
    update: async (id, change) => orgUnitFromRow(answer(await client.rpc('update_org_unit', { p_org: id, p_change: changeDocument(change) }), '修改机构') as Row),
    move: async (id, newParentId, reason) => orgUnitFromRow(answer(await client.rpc('move_org_unit', { p_org: id, p_parent: newParentId, p_reason: reason }), '移动机构') as Row),
    retire: async (id, reason) => {
      answer(await client.rpc('retire_org_unit', { p_org: id, p_reason: reason }), '停用机构');
    },
  };
}
