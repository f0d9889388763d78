import { loadDataset } from '@fazhi/dataset';
import { createRegistry } from '@fazhi/domain';
import type { CrudFilter, CrudSort, DataProvider, Pagination } from '@refinedev/core';
import { fileURLToPath } from 'node:url';
import type { Database } from '../client.js';
import { demoAccounts, demoOrgsOf, seedDemoUsers } from '../demo-users.js';
import { migrate } from '../migrate.js';
import { openPglite } from '../pglite-database.js';
import { insertDataset } from '../seed.js';
import { asUser } from '../session.js';
import { sqlDataProvider } from './sql-data-provider.js';

/**
 * How fast the SQL provider serves a console list page of the seed's 12345 hotline tickets on
 * PGlite: filter + sort + one page + the total, as the signed-in demo user under RLS. For
 * `pnpm bench`; the target is a median of at most 50 ms per call.
 */
export interface GetListScenario {
  name: string;
  /** The same in English, for the bilingual table. */
  nameEn?: string;
  user: 'admin' | 'viewer';
  filters?: CrudFilter[];
  sorters?: CrudSort[];
  pagination?: Pagination;
}

export interface GetListTiming {
  name: string;
  nameEn?: string;
  rows: number;
  total: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  /** Median within the target. */
  met: boolean;
}

export interface GetListBenchResult {
  tickets: number;
  setupMs: number;
  targetMs: number;
  scenarios: GetListTiming[];
}

export interface GetListBenchOptions {
  /** A database already holding the seed and the demo users; otherwise a fresh PGlite is seeded. */
  db?: Database;
  /** Default: the repository's seeds/nansha-2024. */
  datasetDir?: string;
  iterations?: number;
  warmup?: number;
  scenarios?: readonly GetListScenario[];
}

export const defaultDatasetDir = () => fileURLToPath(new URL('../../../../seeds/nansha-2024', import.meta.url));

const year2024: CrudFilter = { field: 'receivedAt', operator: 'between', value: ['2024-01-01', '2024-12-31T23:59:59+08:00'] };
const newestFirst: CrudSort[] = [{ field: 'receivedAt', order: 'desc' }];
const page = (currentPage: number): Pagination => ({ currentPage, pageSize: 20, mode: 'server' });

export const defaultScenarios: readonly GetListScenario[] = [
  { name: '投诉 · 2024年 · 按派单时间倒序 · 第1页', nameEn: 'complaints · 2024 · newest first · page 1', user: 'admin', filters: [{ field: 'kind', operator: 'eq', value: 'complaint' }, year2024], sorters: newestFirst, pagination: page(1) },
  { name: '同上 · 第50页', nameEn: 'all kinds · 2024 · newest first · page 50', user: 'admin', filters: [year2024], sorters: newestFirst, pagination: page(50) },
  {
    name: '渠道或满意度（嵌套 or/and）· 按承办部门、编号排序',
    nameEn: 'channel or satisfaction (nested or/and) · by department, ticket no. · page 3',
    user: 'admin',
    filters: [{ operator: 'or', value: [{ field: 'channel', operator: 'in', value: ['wechat', 'app'] }, { operator: 'and', value: [{ field: 'satisfaction', operator: 'eq', value: 'dissatisfied' }, { field: 'closedAt', operator: 'nnull', value: true }] }] }],
    sorters: [{ field: 'department', order: 'asc' }, { field: 'ticketNo', order: 'desc' }],
    pagination: page(3),
  },
  { name: '工单编号包含“2403” · 查看者（个人信息遮蔽）', nameEn: 'ticket no. contains "2403" · viewer (personal data masked)', user: 'viewer', filters: [{ field: 'ticketNo', operator: 'contains', value: '2403' }], sorters: newestFirst, pagination: page(1) },
  { name: '全部工单 · 查看者 · 第1页', nameEn: 'all tickets · viewer · page 1', user: 'viewer', sorters: newestFirst, pagination: page(1) },
];

async function seededPglite(datasetDir: string): Promise<Database> {
  const db = await openPglite();
  await migrate(db);
  const ds = await loadDataset(datasetDir);
  await insertDataset(db, ds);
  await seedDemoUsers(db, demoOrgsOf(ds.orgs, ds.manifest.rootOrgId));
  // Fresh bulk-loaded tables have no statistics; without them the planner guesses badly.
  await db.exec('analyze');
  return db;
}

const userIds = {
  admin: demoAccounts.find((a) => a.email.startsWith('admin@'))!.id,
  viewer: demoAccounts.find((a) => a.email.startsWith('viewer@'))!.id,
};

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export async function benchGetList(opts: GetListBenchOptions = {}): Promise<GetListBenchResult> {
  const started = performance.now();
  const own = !opts.db;
  const db = opts.db ?? (await seededPglite(opts.datasetDir ?? defaultDatasetDir()));
  try {
    const registry = createRegistry();
    const providers: Record<'admin' | 'viewer', DataProvider> = {
      admin: sqlDataProvider({ db, registry, session: (fn) => asUser(db, { userId: userIds.admin }, fn) }),
      viewer: sqlDataProvider({ db, registry, session: (fn) => asUser(db, { userId: userIds.viewer }, fn) }),
    };
    const tickets = (await db.query<{ n: number }>('select count(*)::int as n from public.hotline_tickets')).rows[0]!.n;
    const setupMs = Math.round(performance.now() - started);
    const scenarios: GetListTiming[] = [];
    const targetMs = 50;
    for (const s of opts.scenarios ?? defaultScenarios) {
      const call = () => providers[s.user].getList({ resource: 'hotline_tickets', filters: s.filters, sorters: s.sorters, pagination: s.pagination });
      for (let i = 0; i < (opts.warmup ?? 5); i++) await call();
      const times: number[] = [];
      let last = await call();
      for (let i = 0; i < (opts.iterations ?? 30); i++) {
        const t0 = performance.now();
        last = await call();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const medianMs = round(percentile(times, 0.5));
      scenarios.push({ name: s.name, nameEn: s.nameEn, rows: last.data.length, total: last.total, medianMs, p95Ms: round(percentile(times, 0.95)), minMs: round(times[0]!), met: medianMs <= targetMs });
    }
    return { tickets, setupMs, targetMs, scenarios };
  } finally {
    if (own) await db.close();
  }
}

/** Terminal columns of a string: CJK and full-width forms take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

const pad = (text: string, width: number, right = false) => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
};

/** The bilingual table `pnpm bench` prints: a heading, then one row per scenario (its English name below). */
export function formatGetListBench(r: GetListBenchResult): string[] {
  const head = ['场景 scenario', '本页 rows', '共计 total', '中位数 median', 'P95', '最快 min', '目标 target', '结果 result'];
  const body = r.scenarios.flatMap((s) => [
    [s.name, String(s.rows), String(s.total), `${s.medianMs} ms`, `${s.p95Ms} ms`, `${s.minMs} ms`, `≤ ${r.targetMs} ms`, s.met ? '✓ 达标 met' : '✗ 未达标 missed'],
    ...(s.nameEn ? [[`  ${s.nameEn}`, '', '', '', '', '', '', '']] : []),
  ]);
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...body.map((row) => displayWidth(row[i]!))));
  // Text columns left-aligned, figures right-aligned.
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0 && i < 7)).join('  ').trimEnd();
  const met = r.scenarios.filter((s) => s.met).length;
  return [
    `SQL 数据提供者 getList · SQL data provider getList（PGlite，${r.tickets} 条热线工单 hotline tickets，RLS；准备 setup ${r.setupMs} ms）`,
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    `${met}/${r.scenarios.length} 个场景中位数达标 scenarios met the target（≤ ${r.targetMs} ms）`,
  ];
}
