import { loadDataset } from '@fazhi/dataset';
import { asUser as runAsUser, migrate, openDatabase, rebuildMeasureMonths, sqlEvaluator, type Database, type SqlExecutor } from '@fazhi/db';
import { startPgCluster } from '@fazhi/db/testing/pg-cluster';
import { createRegistry, OrgTree, periodRange, yearPeriod } from '@fazhi/domain';
import { builtInCatalog, Evaluator } from '@fazhi/metrics';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeResultFile } from '../result-file.js';
import { countRecords } from '../synthetic.js';
import { medianMs, round } from '../timing.js';
import { listCountSql, listPage, listPageSql } from './list-page.js';
import { copyRecords, insertRecords, loadOrgs } from './load-records.js';
import { hotlineTopUp, syntheticDistrict } from './synthetic-district.js';

/**
 * SQL benchmarks (`pnpm --filter @fazhi/bench bench:db`): a synthetic district of 10 streets, each
 * a clone of the seed street, on PostgreSQL 15 and PGlite; then a 1M-row hotline table on
 * PostgreSQL for a console list page. Medians of several runs; results in bench-results-db.json,
 * each engine's written as soon as it is measured (a failure in the other keeps its earlier numbers).
 */
const root = fileURLToPath(new URL('../../../..', import.meta.url));
const resultsFile = fileURLToPath(new URL('../../bench-results-db.json', import.meta.url));
const period = yearPeriod(2024);
const range = periodRange(period);
const registry = createRegistry();
const log = (s: string) => console.log(s);

const dataset = await loadDataset(`${root}seeds/nansha-2024`);
const district = syntheticDistrict({ orgs: dataset.orgs, rootOrgId: dataset.manifest.rootOrgId, records: dataset.records }, registry, 10);
const tree = new OrgTree(district.units);
const street = district.streetIds[3]!;
const streetSubtree = [...tree.subtreeIds(street)];
const records = countRecords(district.records);
log(`合成区：${district.streetIds.length} 个街道，${district.units.length} 个机构，${records} 条记录`);

/** One engine's results, merged into the file (see result-file.ts) with what describes the district. */
const save = (engine: Record<string, unknown>) =>
  writeResultFile(resultsFile, {
    machine: { node: process.version, cpus: cpus().length },
    district: { streets: district.streetIds.length, orgUnits: district.units.length, records, indicators: builtInCatalog.indicators.length, period: '2024' },
    ...engine,
  });

// What SQL must reproduce, computed once in memory.
const memory = new Evaluator({ orgs: tree, records: district.records, catalog: builtInCatalog });
const expected = (org: string) => memory.evaluateAll(org, period).map((r) => [r.indicator.id, r.numerator.value, r.denominator?.value ?? null]);
async function checkAgainstMemory(db: Database, org: string, label: string): Promise<void> {
  const got = (await sqlEvaluator(db).evaluateAll(org, period)).map((r) => [r.indicator.id, r.numerator.value, r.denominator?.value ?? null]);
  if (JSON.stringify(got) !== JSON.stringify(expected(org))) throw new Error(`${label}：SQL 指标与内存计算不一致`);
}

const user = { supervisor: '00000000-0000-4000-9000-00000000b001', streetAdmin: '00000000-0000-4000-9000-00000000b002' };
async function addUsers(db: Database): Promise<void> {
  await db.query(`insert into auth.users (id, email) values ($1, 'supervisor@bench.test'), ($2, 'admin@bench.test')`, [user.supervisor, user.streetAdmin]);
  await db.query(`insert into public.memberships (user_id, org_id, role) values ($1, $2, 'supervisor'), ($3, $4, 'admin')`, [user.supervisor, district.districtId, user.streetAdmin, street]);
}

const asUser = <T>(db: Database, userId: string, fn: (tx: SqlExecutor) => Promise<T>) => runAsUser(db, { userId }, fn);

async function timeLoad(label: string, fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  const s = (performance.now() - t0) / 1000;
  log(`  ${label}：${s.toFixed(1)} s`);
  return round(s, 1);
}

// PostgreSQL 15 -------------------------------------------------------------------------------
log('\nPostgreSQL 15（临时集群）');
// Sized like a small production server; durability off, since it is thrown away.
const cluster = await startPgCluster({ settings: ['shared_buffers=256MB', 'work_mem=16MB', 'maintenance_work_mem=256MB', 'max_wal_size=4GB'] });
const pgResults: Record<string, unknown> = {};
try {
  const db = await openDatabase(cluster.url);
  await migrate(db);
  pgResults.loadSeconds = await timeLoad('COPY 导入合成区数据', async () => {
    await loadOrgs(db, district.units);
    for (const kind of registry.list()) await copyRecords(db, cluster.dir, kind, district.records.get(kind.id) ?? []);
    await addUsers(db);
    // Loaded with triggers off: the figures per unit and month are rebuilt from the records.
    await rebuildMeasureMonths(db);
    await db.exec('vacuum analyze');
  });
  await checkAgainstMemory(db, district.districtId, 'PostgreSQL 区级');
  const evaluator = sqlEvaluator(db);
  const districtMs = await medianMs(() => evaluator.evaluateAll(district.districtId, period), 11, 2);
  const streetMs = await medianMs(() => evaluator.evaluateAll(street, period), 11, 2);
  const districtRlsMs = await medianMs(() => sqlEvaluator(db, { asUser: user.supervisor }).evaluateAll(district.districtId, period), 11, 2);
  log(`  全区全部指标（2024年，表所有者）：${round(districtMs)} ms（目标 ≤ 300 ms）`);
  log(`  全区全部指标（区督导员，受 RLS 约束）：${round(districtRlsMs)} ms`);
  log(`  单个街道全部指标：${round(streetMs)} ms`);

  const hotline = district.records.get('hotline_tickets')!;
  const extra = hotlineTopUp(hotline, 1_000_000);
  pgResults.hotlineTopUpSeconds = await timeLoad(`COPY 追加 ${extra.length} 条热线工单（共 1,000,000 条）`, async () => {
    await copyRecords(db, cluster.dir, registry.get('hotline_tickets'), extra);
    await rebuildMeasureMonths(db);
    await db.exec('vacuum analyze public.hotline_tickets');
  });
  const district1MMs = await medianMs(() => evaluator.evaluateAll(district.districtId, period), 7, 1);
  log(`  全区全部指标（热线 100 万条）：${round(district1MMs)} ms`);

  const listParams = { orgIds: streetSubtree, from: `${range.start}T00:00:00+08:00`, to: `${range.end}T00:00:00+08:00` };
  const page = await asUser(db, user.streetAdmin, (tx) => listPage(tx, listParams));
  const listMs = await medianMs(() => asUser(db, user.streetAdmin, (tx) => listPage(tx, listParams)), 21, 3);
  const listOwnerMs = await medianMs(() => listPage(db, listParams), 21, 3);
  const plan = async (sql: string) =>
    asUser(db, user.streetAdmin, async (tx) => {
      const r = await tx.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, costs off) ${sql}`, [listParams.orgIds, listParams.from, listParams.to]);
      return r.rows.map((x) => x['QUERY PLAN']);
    });
  const pagePlan = await plan(listPageSql);
  const countPlan = await plan(listCountSql);
  log(`  热线工单列表页（街道管理员，RLS；第 1 页 ${page.rows} 条，共 ${page.total} 条）：${round(listMs)} ms（目标 ≤ 50 ms）；表所有者 ${round(listOwnerMs)} ms`);
  Object.assign(pgResults, {
    districtAllIndicators: { ms: round(districtMs), targetMs: 300, role: 'owner (service role)' },
    districtAllIndicatorsAsSupervisor: { ms: round(districtRlsMs), role: 'authenticated district supervisor (RLS)' },
    streetAllIndicators: { ms: round(streetMs), role: 'owner (service role)' },
    districtAllIndicatorsWith1MHotline: { ms: round(district1MMs) },
    hotlineListPage: { ms: round(listMs), targetMs: 50, ownerMs: round(listOwnerMs), role: 'authenticated street admin (RLS)', rows: page.rows, total: page.total, pagePlan, countPlan },
  });
  save({ postgres15: pgResults });
  await db.close();
} finally {
  await cluster.stop();
}

// PGlite ------------------------------------------------------------------------------------
log('\nPGlite（数据目录在磁盘上）');
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-bench-pglite-'));
const pgliteResults: Record<string, unknown> = {};
try {
  const db = await openDatabase(`pglite:${dataDir}`);
  await migrate(db);
  pgliteResults.loadSeconds = await timeLoad('分批插入合成区数据', async () => {
    await loadOrgs(db, district.units);
    for (const kind of registry.list()) await insertRecords(db, kind, district.records.get(kind.id) ?? []);
    await addUsers(db);
    // Loaded with triggers off: the figures per unit and month are rebuilt from the records.
    await rebuildMeasureMonths(db);
    await db.exec('vacuum analyze');
  });
  await checkAgainstMemory(db, district.districtId, 'PGlite 区级');
  const evaluator = sqlEvaluator(db);
  const streetMs = await medianMs(() => evaluator.evaluateAll(street, period), 11, 2);
  const streetRlsMs = await medianMs(() => sqlEvaluator(db, { asUser: user.streetAdmin }).evaluateAll(street, period), 11, 2);
  const districtMs = await medianMs(() => evaluator.evaluateAll(district.districtId, period), 7, 1);
  log(`  单个街道全部指标（2024年）：${round(streetMs)} ms（目标 ≤ 150 ms）；街道管理员（RLS）${round(streetRlsMs)} ms`);
  log(`  全区全部指标：${round(districtMs)} ms（目标 ≤ 1500 ms）`);
  Object.assign(pgliteResults, {
    streetAllIndicators: { ms: round(streetMs), targetMs: 150, role: 'owner' },
    streetAllIndicatorsAsAdmin: { ms: round(streetRlsMs), role: 'authenticated street admin (RLS)' },
    districtAllIndicators: { ms: round(districtMs), targetMs: 1500, role: 'owner' },
    nodeRssMB: round(process.memoryUsage().rss / 2 ** 20, 0),
  });
  save({ pglite: pgliteResults });
  await db.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

log(`\n结果已写入 ${resultsFile}`);
