import { indicatorEvaluator, ledgerSpanOfRow, type IndicatorRow, type IndicatorRowsFetcher, type LedgerSpanFetcher } from '@fazhi/db/browser';
import type { Catalog } from '@fazhi/metrics';
import type { SupabaseDatabase } from '@fazhi/db/browser';
import type { SupabaseClient } from '@supabase/supabase-js';
import { cachingIndicatorSource, type CachingIndicatorSource } from '../indicator-cache.js';
import { postgrestError } from './errors.js';

type Client = SupabaseClient<SupabaseDatabase>;

/**
 * `numeric` as the evaluator wants it (text). PostgREST sends numeric columns as JSON numbers, so
 * they arrive as doubles: integers up to 2^53 are exact, larger ones are refused by the evaluator.
 */
function numericText(v: unknown, field: string): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) {
    // String(1e21) is "1e+21", which the evaluator would read as a decimal; spell integers out.
    return Number.isInteger(v) ? BigInt(v).toString() : String(v);
  }
  throw new Error(`指标函数 indicator_values 返回的${field}不是数值：${JSON.stringify(v)}`);
}

/**
 * Rows of `public.indicator_values` over PostgREST: one RPC per date range, all in parallel
 * (GET /rest/v1/rpc/indicator_values?p_org=…&p_start=…&p_end=…), each row tagged with the index of
 * its range. Runs as the signed-in user, so row-level security applies as in the database. GET
 * because the function is `stable`: Supabase sends only GET requests to read replicas, so a
 * deployment that points the console at its load-balanced API can serve the figures from one.
 */
export function rpcIndicatorRows(client: Client, host: string): IndicatorRowsFetcher {
  return async (orgId, ranges) => {
    const pages = await Promise.all(
      ranges.map(async (range, k): Promise<IndicatorRow[]> => {
        const r = await client.rpc('indicator_values', { p_org: orgId, p_start: range.start, p_end: range.end }, { get: true });
        if (r.error) throw postgrestError(r, host, '指标函数 public.indicator_values');
        if (!Array.isArray(r.data)) throw new Error('指标函数 indicator_values 的返回值不是数据行列表，请检查数据库迁移');
        return (r.data as Record<string, unknown>[]).map((row) => ({
          k,
          indicator_id: String(row.indicator_id),
          numerator: numericText(row.numerator, '分子'),
          denominator: numericText(row.denominator, '分母'),
        }));
      }),
    );
    return pages.flat();
  };
}

/**
 * The ledger span of a unit's subtree over PostgREST (GET /rest/v1/rpc/ledger_span?p_org=…, like
 * the figures it goes with), as the signed-in user: what decides whether 同比 is shown (see comparisonBasis).
 */
export function rpcLedgerSpan(client: Client, host: string): LedgerSpanFetcher {
  return async (orgId) => {
    const r = await client.rpc('ledger_span', { p_org: orgId }, { get: true });
    if (r.error) throw postgrestError(r, host, '建账起止函数 public.ledger_span');
    if (!Array.isArray(r.data)) throw new Error('建账起止函数 ledger_span 的返回值不是数据行列表，请检查数据库迁移');
    const row = r.data[0] as { ledger_from?: unknown; ledger_to?: unknown } | undefined;
    const date = (v: unknown) => (typeof v === 'string' ? v : null);
    return ledgerSpanOfRow(row ? { ledger_from: date(row.ledger_from), ledger_to: date(row.ledger_to) } : undefined);
  };
}

/**
 * Dashboard figures computed by the database (the generated SQL evaluator), fetched as the user;
 * each (unit, period) once for all indicators, until `invalidate` (after a write).
 */
export function supabaseIndicatorSource(client: Client, host: string, catalog?: Catalog): CachingIndicatorSource {
  return cachingIndicatorSource(indicatorEvaluator({ rows: rpcIndicatorRows(client, host), ledgerSpan: rpcLedgerSpan(client, host) }, catalog ? { catalog } : {}));
}
