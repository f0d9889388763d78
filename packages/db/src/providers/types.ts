import type { CrudSort, Pagination } from '@refinedev/core';
import type { SqlExecutor } from '../client.js';
import { badRequest, fieldError } from './http-error.js';
import type { ColumnInfo, KindTable } from './kind-table.js';

/**
 * Runs `fn` in one transaction as the signed-in user (in production
 * `(fn) => asUser(db, { userId }, fn)`), so row-level security decides what each call sees.
 */
export type Session = <T>(fn: (tx: SqlExecutor) => Promise<T>) => Promise<T>;

/** The `meta` both providers understand; anything else in Refine's meta is ignored. */
export interface FazhiMeta {
  /** Include soft-deleted records in lists (getOne/getMany always find them by id). */
  withDeleted?: boolean;
  /** List only soft-deleted records (the recycle bin). */
  onlyDeleted?: boolean;
  /** Version for update/delete when it is not in `variables`. */
  version?: number;
  /** updateMany/deleteMany: the version of each record, by id. */
  versions?: Readonly<Record<string, number>>;
  /** update: also undo a soft delete. */
  restore?: boolean;
  /** Supabase only: field keys to read (camelCase); default every column of the view. */
  select?: readonly string[];
  /** Supabase only: the PostgREST schema (default `public`). */
  schema?: string;
}

export const metaOf = (meta: unknown): FazhiMeta => (meta ?? {}) as FazhiMeta;

/** Version a write must carry (optimistic concurrency), from variables or meta. */
export function versionOf(variables: unknown, meta: FazhiMeta, required: boolean): number | undefined {
  const raw = (variables as { version?: unknown } | undefined)?.version ?? meta.version;
  if (raw === undefined || raw === null) {
    if (required) throw fieldError('version', '缺少版本号，请刷新后重试');
    return undefined;
  }
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw fieldError('version', '版本号应为正整数');
  return n;
}

export interface Sort {
  column: ColumnInfo;
  descending: boolean;
}

/** Sorters validated against the kind: no related (dotted) fields, ties broken by id. */
export function sortsOf(t: KindTable, sorters: readonly CrudSort[] | undefined): Sort[] {
  const out: Sort[] = [];
  if (!Array.isArray(sorters ?? [])) throw badRequest('排序条件应为一组字段');
  for (const s of sorters ?? []) {
    if (typeof s?.field !== 'string') throw badRequest('排序字段应为字段名');
    if (s.field.includes('.')) throw badRequest(`不支持按关联字段“${s.field}”排序`);
    if (s.order !== 'asc' && s.order !== 'desc') throw badRequest(`排序方向“${String(s.order)}”无效`);
    const column = t.column(s.field);
    if (!out.some((x) => x.column === column)) out.push({ column, descending: s.order === 'desc' });
  }
  // Without a unique last key, rows with equal sort values may swap between pages.
  if (!out.some((x) => x.column.key === 'id')) out.push({ column: t.column('id'), descending: false });
  return out;
}

export interface Page {
  limit: number;
  offset: number;
}

/** Server-side paging (Refine's default); `off` and `client` mean every matching row. */
export function pageOf(pagination: Pagination | undefined): Page | undefined {
  const { currentPage = 1, pageSize = 10, mode = 'server' } = pagination ?? {};
  if (mode !== 'server') return undefined;
  if (!Number.isInteger(currentPage) || currentPage < 1) throw badRequest('页码应为正整数');
  if (!Number.isInteger(pageSize) || pageSize < 1) throw badRequest('每页条数应为正整数');
  return { limit: pageSize, offset: (currentPage - 1) * pageSize };
}
