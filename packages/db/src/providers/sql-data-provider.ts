import type { BaseKey, DataProvider } from '@refinedev/core';
import type { RecordKindRegistry } from '@fazhi/domain';
import type { Database, SqlExecutor } from '../client.js';
import { toHttpError, type ErrorContext } from './error-mapping.js';
import { conflict, DataProviderError, forbidden, notFound, staleVersionMessage } from './http-error.js';
import { resolveResource, type KindTable } from './kind-table.js';
import { restoreTarget } from './restore.js';
import { SqlParams } from './sql-params.js';
import { insertStatement, listStatements, selectByIds, updateStatement, type Statement, type UpdateArgs } from './sql-statements.js';
import { metaOf, versionOf, type Session } from './types.js';
import { rowFromSql, toParam } from './values.js';
import { columnKeyOf, recordHistoryFromRow, recordStepColumns, recordStepFromRow, workflowAction } from './workflow-actions.js';
import { writeValues, type WriteValue } from './write-values.js';

export interface SqlDataProviderOptions {
  /** The database behind `session`; only its dialect is read (for getApiUrl). */
  db?: Pick<Database, 'dialect'>;
  /** Runs each call in one transaction as the signed-in user. */
  session: Session;
  /**
   * Runs statements that only read as the signed-in user, in one request where the database can
   * (`queriesAs` of this package: one message to PGlite's worker instead of a round trip per step);
   * without it, reads go through `session` like writes.
   */
  reads?: (statements: readonly { sql: string; params?: readonly unknown[] }[]) => Promise<readonly { rows: Row[] }[]>;
  registry: RecordKindRegistry;
}

type Row = Record<string, unknown>;

/**
 * A Refine `DataProvider` over our own SQL: reads from `<kind>_view` (personal fields masked by
 * the database), writes to the base table, every call one transaction as the signed-in user so
 * RLS decides what exists. Deletes are soft; updates carry the version they read.
 */
export function sqlDataProvider(opts: SqlDataProviderOptions): Required<DataProvider> {
  const { registry, session } = opts;

  /**
   * Where calls that only read run: each statement one `reads` request when the host gives one (a
   * count asked after an empty page is a second; a separate snapshot only matters for that rare
   * case's total), else `session` like writes.
   */
  const read = opts.reads;
  const readSession: Session = read
    ? (fn) =>
        fn({
          query: async <R>(sql: string, params?: readonly unknown[]) => ({ rows: (await read([{ sql, ...(params ? { params } : {}) }]))[0]!.rows as R[], affectedRows: 0 }),
          exec: () => Promise.reject(new Error('只读请求不能执行语句脚本')),
        })
    : session;

  /** Runs `fn` as the user (through `via`); any error becomes an HttpError using what `ctx` learnt on the way. */
  async function run<T>(t: KindTable | undefined, fn: (x: Exec, ctx: ErrorContext) => Promise<T>, via: Session = session): Promise<T> {
    const ctx: ErrorContext = { table: t };
    try {
      return await via((tx) => fn(exec(tx, ctx), ctx));
    } catch (e) {
      throw toHttpError(e, ctx);
    }
  }
  const readOnly = <T>(t: KindTable | undefined, fn: (x: Exec, ctx: ErrorContext) => Promise<T>) => run(t, fn, readSession);

  const resolve = (resource: string) => resolveResource(registry, resource);
  const idParam = (t: KindTable, id: BaseKey) => toParam(t.column('id'), String(id), 'filter') as string;

  return {
    getList: async ({ resource, pagination, sorters, filters, meta }) => {
      const t = resolve(resource);
      const s = listStatements(t, { filters, sorters, pagination, meta: metaOf(meta) });
      return readOnly(t, async (x) => {
        const rows = await x.rows(s.rows);
        let total = rows.length;
        if (s.paged) {
          total = rows.length ? Number(rows[0]!.__total) : Number((await x.rows(s.count))[0]!.total);
          for (const r of rows) delete r.__total;
        }
        return { data: rows.map((r) => rowFromSql(t, r)) as never[], total };
      });
    },

    getOne: async ({ resource, id }) => {
      const t = resolve(resource);
      const key = idParam(t, id);
      return readOnly(t, async (x) => ({ data: (await x.one(t, key)) as never }));
    },

    getMany: async ({ resource, ids }) => {
      const t = resolve(resource);
      const keys = ids.map((id) => idParam(t, id));
      return readOnly(t, async (x) => {
        const byId = new Map((await x.rows(selectByIds(t, keys))).map((r) => [r.id as string, rowFromSql(t, r)]));
        return { data: keys.flatMap((k) => byId.get(k) ?? []) as never[] };
      });
    },

    create: async ({ resource, variables }) => {
      const t = resolve(resource);
      const values = writeValues(t, variables, 'create');
      return run(t, async (x, ctx) => {
        ctx.values = variables as Row;
        return { data: (await x.create(t, values)) as never };
      });
    },

    createMany: async ({ resource, variables }) => {
      const t = resolve(resource);
      const all = variables.map((v, i) => numbered(i, () => writeValues(t, v, 'create')));
      // One transaction: a bad row leaves nothing half-written.
      return run(t, async (x, ctx) => {
        const out: Row[] = [];
        for (const [i, values] of all.entries()) {
          ctx.values = variables[i] as Row;
          out.push(await numberedAsync(i, () => x.create(t, values), ctx));
        }
        return { data: out as never[] };
      });
    },

    update: async ({ resource, id, variables, meta }) => {
      const t = resolve(resource);
      const m = metaOf(meta);
      const version = versionOf(variables, m, true)!;
      const values = writeValues(t, variables, 'update');
      const key = idParam(t, id);
      return run(t, async (x, ctx) => {
        ctx.values = variables as Row;
        return { data: (await x.update(t, key, values, version, m.restore === true)) as never };
      });
    },

    updateMany: async ({ resource, ids, variables, meta }) => {
      const t = resolve(resource);
      const m = metaOf(meta);
      const values = writeValues(t, variables, 'update');
      const targets = ids.map((id, i) => ({ key: idParam(t, id), version: numbered(i, () => versionOf({ version: m.versions?.[String(id)] ?? (variables as Row).version }, m, true)!) }));
      return run(t, async (x, ctx) => {
        ctx.values = variables as Row;
        const out: Row[] = [];
        for (const [i, target] of targets.entries()) out.push(await numberedAsync(i, () => x.update(t, target.key, values, target.version, m.restore === true), ctx));
        return { data: out as never[] };
      });
    },

    deleteOne: async ({ resource, id, variables, meta }) => {
      const t = resolve(resource);
      const version = versionOf(variables, metaOf(meta), false);
      const key = idParam(t, id);
      return run(t, async (x) => ({ data: (await x.softDelete(t, key, version, true)) as never }));
    },

    deleteMany: async ({ resource, ids, meta }) => {
      const t = resolve(resource);
      const m = metaOf(meta);
      const targets = ids.map((id) => ({ key: idParam(t, id), version: versionOf({ version: m.versions?.[String(id)] }, m, false) }));
      return run(t, async (x, ctx) => {
        const out: Row[] = [];
        for (const [i, target] of targets.entries()) out.push(await numberedAsync(i, () => x.softDelete(t, target.key, target.version, true), ctx));
        return { data: out as never[] };
      });
    },

    custom: async ({ url, method, payload, query, meta }) => {
      const action = workflowAction(url, method, payload, query);
      if (action) {
        const t = resolve(action.resource);
        const key = idParam(t, action.id);
        if (action.type === 'record-steps') {
          const p = new SqlParams();
          const sql = `select ${recordStepColumns} from public.record_steps where kind_id = ${p.add(t.kind.id, 'text')} and record_id = ${p.add(key, 'uuid')} order by id`;
          return run(t, async (x) => ({ data: (await x.rows({ sql, params: p })).map(recordStepFromRow) as never }));
        }
        if (action.type === 'record-history') {
          const p = new SqlParams();
          const sql = `select id, at, actor, actor_name, operation, step, changes from public.record_history(${p.add(t.kind.id, 'text')}, ${p.add(key, 'uuid')})`;
          return run(t, async (x) => ({ data: (await x.rows({ sql, params: p })).map((r) => recordHistoryFromRow(r, columnKeyOf(t))) as never }));
        }
        if (action.type === 'undo-step') {
          const p = new SqlParams();
          const sql = `select 1 from public.undo_step(${p.add(t.kind.id, 'text')}, ${p.add(key, 'uuid')}, ${p.add(action.reason, 'text')})`;
          return run(t, async (x) => {
            await x.rows({ sql, params: p });
            return { data: (await x.one(t, key)) as never };
          });
        }
        const values = writeValues(t, action.values, 'update');
        return run(t, async (x, ctx) => {
          ctx.values = action.values;
          const changed = keepChanged(await x.one(t, key), values);
          const p = new SqlParams();
          const body = JSON.stringify(Object.fromEntries(changed.map((v) => [v.column.column, v.value])));
          const sql = `select public.take_step(${p.add(t.kind.id, 'text')}, ${p.add(key, 'uuid')}, ${p.add(action.to, 'text')}, ${p.add(body, 'text')}::jsonb, ${p.add(action.version, 'integer')})`;
          await x.rows({ sql, params: p });
          return { data: (await x.one(t, key)) as never };
        });
      }
      const target = restoreTarget(url, method, payload, meta);
      const t = resolve(target.resource);
      const key = idParam(t, target.id);
      return run(t, async (x) => ({ data: (await x.softDelete(t, key, target.version, false)) as never }));
    },

    getApiUrl: () => `fazhi-sql:${opts.db?.dialect ?? 'session'}`,
  };
}

/** Statement helpers bound to one transaction; they record parameters for error reporting. */
interface Exec {
  rows(s: Statement): Promise<Row[]>;
  one(t: KindTable, id: string): Promise<Row>;
  create(t: KindTable, values: readonly WriteValue[]): Promise<Row>;
  update(t: KindTable, id: string, values: readonly WriteValue[], version: number, restore: boolean): Promise<Row>;
  /** deleted = true: soft delete; false: restore. Idempotent: already in that state → the row. */
  softDelete(t: KindTable, id: string, version: number | undefined, deleted: boolean): Promise<Row>;
}

function exec(tx: SqlExecutor, ctx: ErrorContext): Exec {
  const rows = async (s: Statement): Promise<Row[]> => {
    ctx.paramKeys = s.params.keys;
    return (await tx.query<Row>(s.sql, s.params.values)).rows;
  };
  const find = async (t: KindTable, id: string): Promise<Row | undefined> => {
    const r = (await rows(selectByIds(t, [id])))[0];
    return r && rowFromSql(t, r);
  };
  const one = async (t: KindTable, id: string): Promise<Row> => {
    const r = await find(t, id);
    if (!r) throw notFound();
    return r;
  };
  /** Zero rows written to a row the user can read: stale version or no right to write. */
  const explainNoWrite = (current: Row, version: number | undefined): DataProviderError =>
    version !== undefined && current.version !== version ? conflict(staleVersionMessage(String(current.version)), 'PT409') : forbidden();

  return {
    rows,
    one,
    async create(t, values) {
      const r = await rows(insertStatement(t, values));
      return one(t, r[0]!.id as string);
    },
    async update(t, id, values, version, restore) {
      const current = await one(t, id);
      if (current.deletedAt !== null && !restore) throw conflict('记录已删除，请先恢复后再修改');
      const args: UpdateArgs = { id, values: keepChanged(current, values), version, ...(restore ? { deletedAt: 'null' as const } : {}) };
      const written = await rows(updateStatement(t, args));
      if (!written.length) throw explainNoWrite(current, version);
      return one(t, id);
    },
    async softDelete(t, id, version, deleted) {
      const written = await rows(updateStatement(t, { id, values: [], version, deletedAt: deleted ? 'now' : 'null', whenDeleted: !deleted }));
      const row = await find(t, id);
      if (!row) throw notFound();
      if (written.length || (row.deletedAt !== null) === deleted) return row;
      throw explainNoWrite(row, version);
    },
  };
}

/**
 * Personal fields come back masked to readers without the right; a form that echoes the mask
 * must not overwrite the real value. A personal value equal to what the user was shown is
 * therefore left alone (for users who see the real value this changes nothing).
 */
function keepChanged(current: Row, values: readonly WriteValue[]): WriteValue[] {
  return values.filter((v) => !(v.column.personal && v.value === current[v.column.key]));
}

/** Prefixes errors of the i-th record of a batch with 第 N 条. */
function prefix(i: number, e: unknown): unknown {
  if (!(e instanceof DataProviderError)) return e;
  return new DataProviderError(e.statusCode, `第${i + 1}条：${e.message}`, { errors: e.errors, code: e.code, cause: e.cause });
}

function numbered<T>(i: number, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw prefix(i, e);
  }
}

async function numberedAsync<T>(i: number, fn: () => Promise<T>, ctx: ErrorContext): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw prefix(i, toHttpError(e, ctx));
  }
}
