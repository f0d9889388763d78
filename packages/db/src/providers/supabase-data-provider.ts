import type { BaseKey, DataProvider } from '@refinedev/core';
import { dataProvider as refineSupabase } from '@refinedev/supabase';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { RecordKindRegistry } from '@fazhi/domain';
import { toHttpError, type ErrorContext } from './error-mapping.js';
import { conflict, DataProviderError, forbidden, notFound, staleVersionMessage } from './http-error.js';
import { resolveResource, type KindTable } from './kind-table.js';
import { postgrestParams } from './postgrest-filters.js';
import { restoreTarget } from './restore.js';
import { metaOf, pageOf, sortsOf, versionOf, type FazhiMeta } from './types.js';
import { rowFromPostgrest, toParam } from './values.js';
import { columnKeyOf, recordHistoryFromRow, recordStepColumns, recordStepFromRow, workflowAction, type WorkflowAction } from './workflow-actions.js';
import { writeValues, type WriteValue } from './write-values.js';

export interface SupabaseDataProviderOptions {
  registry: RecordKindRegistry;
  /** Returned by getApiUrl (Refine's useCustom builds URLs from it); the client's URL is not public API. */
  apiUrl?: string;
}

type Row = Record<string, unknown>;
type Client = SupabaseClient<any, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface PgResult {
  data: unknown;
  error: unknown;
  count?: number | null;
}

/**
 * Our wrapper around `@refinedev/supabase`'s dataProvider, for production (supabase-js → PostgREST).
 * Same contract as sqlDataProvider: resources are record kind ids, reads go to `<kind>_view`,
 * writes to the table, keys are camelCase both ways, deletes are soft, updates carry a version.
 * Delegated to the upstream provider (with our resource, select and error mapping): create,
 * createMany and getMany. Replaced, because upstream gets them wrong for us: getList (nested
 * or/and, `nin`/`ncontains` unescaped, sorting by a related column orders the embedded rows, not
 * the list), getOne (no 404), update (no version check, zero rows not detected), deletes (hard
 * deletes), custom (not implemented).
 * Not atomic across requests (PostgREST has no multi-statement transaction): update's follow-up
 * read, updateMany and deleteMany are separate requests.
 */
export function supabaseDataProvider(client: Client, opts: SupabaseDataProviderOptions): Required<DataProvider> {
  const upstream = refineSupabase(client);
  const resolve = (resource: string) => resolveResource(opts.registry, resource);
  const from = (m: FazhiMeta, name: string) => (m.schema ? client.schema(m.schema) : client).from(name);
  const idOf = (t: KindTable, id: BaseKey) => toParam(t.column('id'), String(id), 'filter') as string;

  /** Column list for `select`: meta.select keys (always with id) or every column of the view. */
  const selectOf = (t: KindTable, m: FazhiMeta) => (m.select ? [...new Set(['id', ...m.select])].map((k) => t.column(k).column).join(',') : '*');

  const check = async (p: PromiseLike<PgResult>, ctx: ErrorContext): Promise<PgResult> => {
    const r = await p;
    if (r.error) throw toHttpError(r.error, ctx);
    return r;
  };
  const mapRows = (t: KindTable, data: unknown) => ((data ?? []) as Row[]).map((r) => rowFromPostgrest(t, r));
  const record = (values: readonly WriteValue[], extra: Row = {}) => ({ ...Object.fromEntries(values.map((v) => [v.column.column, v.value])), ...extra });

  async function readOne(t: KindTable, m: FazhiMeta, id: string): Promise<Row> {
    // single(): PostgREST answers zero rows with PGRST116, which maps to 404.
    const r = await check(from(m, t.view).select(selectOf(t, m)).eq('id', id).single(), { table: t });
    return rowFromPostgrest(t, r.data as Row);
  }

  async function findOne(t: KindTable, m: FazhiMeta, id: string): Promise<Row | undefined> {
    const r = await check(from(m, t.view).select('*').eq('id', id), { table: t });
    return mapRows(t, r.data)[0];
  }

  /** Zero rows written: 404 when the row is gone from view, 409 when its version moved, else 403. */
  async function explainNoWrite(t: KindTable, m: FazhiMeta, id: string, version: number | undefined, deleted?: boolean): Promise<Row> {
    const row = await findOne(t, m, id);
    if (!row) throw notFound();
    if (deleted !== undefined && (row.deletedAt !== null) === deleted) return row;
    if (version !== undefined && row.version !== version) throw conflict(staleVersionMessage(String(row.version)), 'PT409');
    throw forbidden();
  }

  /** One PATCH with the version both sent (the trigger checks it) and filtered on (zero rows if stale). */
  async function patch(t: KindTable, m: FazhiMeta, id: string, body: Row, version: number | undefined, ctx: ErrorContext, deletedFilter?: 'null' | 'not null') {
    let q = from(m, t.table).update(version === undefined ? body : { ...body, version }).eq('id', id);
    if (version !== undefined) q = q.eq('version', version);
    if (deletedFilter === 'null') q = q.is('deleted_at', null);
    if (deletedFilter === 'not null') q = q.not('deleted_at', 'is', null);
    const r = await check(q.select('id'), ctx);
    return (r.data as Row[] | null)?.length ?? 0;
  }

  async function update(t: KindTable, m: FazhiMeta, id: string, values: readonly WriteValue[], version: number, ctx: ErrorContext): Promise<Row> {
    const current = await findOne(t, m, id);
    if (!current) throw notFound();
    if (current.deletedAt !== null && !m.restore) throw conflict('记录已删除，请先恢复后再修改');
    // A personal value equal to what the user was shown is the mask echoed back: leave it alone.
    const changed = values.filter((v) => !(v.column.personal && v.value === current[v.column.key]));
    const n = await patch(t, m, id, record(changed, m.restore ? { deleted_at: null } : {}), version, ctx);
    if (!n) await explainNoWrite(t, m, id, version);
    return readOne(t, m, id);
  }

  async function softDelete(t: KindTable, m: FazhiMeta, id: string, version: number | undefined, deleted: boolean): Promise<Row> {
    // PostgREST cannot say now(): the client's clock stamps deleted_at (deleted_by is the server's).
    const body = { deleted_at: deleted ? new Date().toISOString() : null };
    const n = await patch(t, m, id, body, version, { table: t }, deleted ? 'null' : 'not null');
    if (!n) return explainNoWrite(t, m, id, version, deleted);
    return readOne(t, m, id);
  }

  /** A workflow action through the database's RPCs (see workflow-actions.ts); a step answers the record. */
  async function workflow(action: WorkflowAction, m: FazhiMeta): Promise<unknown> {
    const t = resolve(action.resource);
    const id = idOf(t, action.id);
    const ctx: ErrorContext = { table: t };
    if (action.type === 'record-steps') {
      const r = await check(client.from('record_steps').select(recordStepColumns.replace(/ /g, '')).eq('kind_id', t.kind.id).eq('record_id', id).order('id'), ctx);
      return ((r.data ?? []) as Row[]).map(recordStepFromRow);
    }
    if (action.type === 'record-history') {
      const r = await check(client.rpc('record_history', { p_kind: t.kind.id, p_id: id }), ctx);
      return ((r.data ?? []) as Row[]).map((row) => recordHistoryFromRow(row, columnKeyOf(t)));
    }
    if (action.type === 'undo-step') {
      await check(client.rpc('undo_step', { p_kind: t.kind.id, p_id: id, p_reason: action.reason }), ctx);
      return readOne(t, m, id);
    }
    const values = writeValues(t, action.values, 'update');
    const current = await findOne(t, m, id);
    if (!current) throw notFound();
    // A personal value equal to what the user was shown is the mask echoed back: leave it alone.
    const changed = values.filter((v) => !(v.column.personal && v.value === current[v.column.key]));
    await check(client.rpc('take_step', { p_kind: t.kind.id, p_id: id, p_to: action.to, p_values: record(changed), p_version: action.version }), { ...ctx, values: action.values });
    return readOne(t, m, id);
  }

  /** Runs an upstream call, mapping its rejection (a PostgrestError with statusCode) to ours. */
  const viaUpstream = async <T>(fn: () => Promise<T>, ctx: ErrorContext): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw toHttpError(e, ctx);
    }
  };

  return {
    getList: async ({ resource, pagination, sorters, filters, meta }) => {
      const t = resolve(resource);
      const m = metaOf(meta);
      const page = pageOf(pagination);
      let q = from(m, t.view).select(selectOf(t, m), { count: 'exact' });
      for (const p of postgrestParams(t, filters)) q = p.kind === 'or' ? q.or(p.tree) : q.filter(p.column, p.op as never, p.value);
      if (m.onlyDeleted) q = q.not('deleted_at', 'is', null);
      else if (!m.withDeleted) q = q.is('deleted_at', null);
      for (const s of sortsOf(t, sorters)) q = q.order(s.column.column, { ascending: !s.descending, nullsFirst: false });
      if (page) q = q.range(page.offset, page.offset + page.limit - 1);
      const r = await check(q, { table: t });
      const data = mapRows(t, r.data);
      return { data: data as never[], total: r.count ?? data.length };
    },

    getOne: async ({ resource, id, meta }) => {
      const t = resolve(resource);
      return { data: (await readOne(t, metaOf(meta), idOf(t, id))) as never };
    },

    getMany: async ({ resource, ids, meta }) => {
      const t = resolve(resource);
      const m = metaOf(meta);
      const keys = ids.map((id) => idOf(t, id));
      const r = await viaUpstream(() => upstream.getMany!({ resource: t.view, ids: keys, meta: { select: selectOf(t, m), schema: m.schema } }), { table: t });
      const byId = new Map(mapRows(t, r.data).map((x) => [x.id as string, x]));
      return { data: keys.flatMap((k) => byId.get(k) ?? []) as never[] };
    },

    create: async ({ resource, variables, meta }) => {
      const t = resolve(resource);
      const m = metaOf(meta);
      const values = writeValues(t, variables, 'create');
      // Only the id comes back from the table (personal columns are not selectable there).
      const r = await viaUpstream(() => upstream.create({ resource: t.table, variables: record(values), meta: { select: 'id', schema: m.schema } }), { table: t, values: variables as Row });
      return { data: (await readOne(t, m, (r.data as Row).id as string)) as never };
    },

    createMany: async ({ resource, variables, meta }) => {
      const t = resolve(resource);
      const m = metaOf(meta);
      const rows = variables.map((v, i) => {
        try {
          return record(writeValues(t, v, 'create'));
        } catch (e) {
          throw e instanceof DataProviderError ? new DataProviderError(e.statusCode, `第${i + 1}条：${e.message}`, { errors: e.errors }) : e;
        }
      });
      // One bulk INSERT: PostgREST runs it as one statement, so it is all or nothing.
      const r = await viaUpstream(() => upstream.createMany!({ resource: t.table, variables: rows, meta: { select: 'id', schema: m.schema } }), { table: t });
      const ids = (r.data as Row[]).map((x) => x.id as string);
      const read = await check(from(m, t.view).select(selectOf(t, m)).in('id', ids), { table: t });
      const byId = new Map(mapRows(t, read.data).map((x) => [x.id as string, x]));
      return { data: ids.flatMap((k) => byId.get(k) ?? []) as never[] };
    },

    update: async ({ resource, id, variables, meta }) => {
      const t = resolve(resource);
      const m = metaOf(meta);
      const version = versionOf(variables, m, true)!;
      const values = writeValues(t, variables, 'update');
      return { data: (await update(t, m, idOf(t, id), values, version, { table: t, values: variables as Row })) as never };
    },

    updateMany: async ({ resource, ids, variables, meta }) => {
      const t = resolve(resource);
      const m = metaOf(meta);
      const values = writeValues(t, variables, 'update');
      const out: Row[] = [];
      for (const id of ids) {
        const version = versionOf({ version: m.versions?.[String(id)] ?? (variables as Row).version }, m, true)!;
        out.push(await update(t, m, idOf(t, id), values, version, { table: t, values: variables as Row }));
      }
      return { data: out as never[] };
    },

    deleteOne: async ({ resource, id, variables, meta }) => {
      const t = resolve(resource);
      const m = metaOf(meta);
      return { data: (await softDelete(t, m, idOf(t, id), versionOf(variables, m, false), true)) as never };
    },

    deleteMany: async ({ resource, ids, meta }) => {
      const t = resolve(resource);
      const m = metaOf(meta);
      const out: Row[] = [];
      for (const id of ids) out.push(await softDelete(t, m, idOf(t, id), versionOf({ version: m.versions?.[String(id)] }, m, false), true));
      return { data: out as never[] };
    },

    custom: async ({ url, method, payload, query, meta }) => {
      const action = workflowAction(url, method, payload, query);
      if (action) return { data: (await workflow(action, metaOf(meta))) as never };
      const target = restoreTarget(url, method, payload, meta);
      const t = resolve(target.resource);
      return { data: (await softDelete(t, metaOf(meta), idOf(t, target.id), target.version, false)) as never };
    },

    getApiUrl: () => opts.apiUrl ?? '',
  };
}
