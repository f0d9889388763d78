import { loadDataset } from '@fazhi/dataset';
import { asUser, migrate, openDatabase, rebuildMeasureMonths, sqlEvaluator, sqlReportStore, type Database, type DistrictComparison } from '@fazhi/db';
import { startPgCluster } from '@fazhi/db/testing/pg-cluster';
import { createRegistry, OrgTree, yearPeriod } from '@fazhi/domain';
import { builtInCatalog, Evaluator } from '@fazhi/metrics';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeResultFile } from '../result-file.js';
import { countRecords } from '../synthetic.js';
import { round } from '../timing.js';
import { copyRecords, insertRecords, loadOrgs } from './load-records.js';
import { medianTiming, type Timing } from './server-timing.js';
import { syntheticDistrict } from './synthetic-district.js';

/**
 * The district comparison (`public.district_comparison`, the 街道对比 page's one call) for a
 * synthetic district of 10 streets, each a clone of the seed street (issue 12's target: ≤ 2 s),
 * as the district supervisor under row-level security, on PostgreSQL 15 and PGlite. Each run is
 * checked first: every street's figures as the in-memory evaluator computes them, and the streets
 * plus 区直 adding up to the district. Medians of wall time and CPU time (the server's for
 * PostgreSQL, this process's for PGlite) with the load average; results in
 * bench-results-district.json. Never a test: timings depend on the machine. `--explain` prints the
 * plans of the statements inside one comparison on PostgreSQL.
 */
const root = fileURLToPath(new URL('../../../..', import.meta.url));
const resultsFile = fileURLToPath(new URL('../../bench-results-district.json', import.meta.url));
const year = 2024;
const registry = createRegistry();
const log = (s: string) => console.log(s);

const dataset = await loadDataset(`${root}seeds/nansha-2024`);
const district = syntheticDistrict({ orgs: dataset.orgs, rootOrgId: dataset.manifest.rootOrgId, records: dataset.records }, registry, 10);
const tree = new OrgTree(district.units);
const records = countRecords(district.records);
log(`合成区：${district.streetIds.length} 个街道，${district.units.length} 个机构，${records} 条记录`);

const supervisor = '00000000-0000-4000-9000-00000000c001';
async function addSupervisor(db: Database): Promise<void> {
  await db.query(`insert into auth.users (id, email) values ($1, 'supervisor@bench.test')`, [supervisor]);
  await db.query(`insert into public.memberships (user_id, org_id, role) values ($1, $2, 'supervisor')`, [supervisor, district.districtId]);
}

const memory = new Evaluator({ orgs: tree, records: district.records, catalog: builtInCatalog });
const numerators = (org: string) => new Map(memory.evaluateAll(org, yearPeriod(year)).map((r) => [r.indicator.id, r.numerator.value]));

/** The comparison is right before it is timed: streets as in memory, and additive columns adding up. */
function check(c: DistrictComparison, label: string): void {
  if (c.streets.length !== district.streetIds.length) throw new Error(`${label}：街道 ${c.streets.length} 个，应为 ${district.streetIds.length} 个`);
  for (const s of c.streets) {
    const want = numerators(s.orgId);
    for (const f of s.figures) if (f.numerator !== want.get(f.indicatorId)) throw new Error(`${label}：${s.name}的“${f.indicatorId}”为 ${f.numerator}，应为 ${want.get(f.indicatorId)}`);
  }
  const id = 'mediation.accepted_cases';
  const of = (row: { figures: { indicatorId: string; numerator: number | null }[] }) => row.figures.find((f) => f.indicatorId === id)!.numerator ?? 0;
  if (c.streets.reduce((n, s) => n + of(s), 0) + of(c.direct) !== of(c.total)) throw new Error(`${label}：各街道与区直之和不等于合计`);
}

async function timeLoad(label: string, fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  const s = (performance.now() - t0) / 1000;
  log(`  ${label}：${s.toFixed(1)} s`);
  return round(s, 1);
}

/** One engine's results, merged into the file as soon as they are measured (the other engine's earlier numbers stay). */
const save = (engine: Record<string, unknown>) =>
  writeResultFile(resultsFile, {
    machine: { node: process.version, cpus: cpus().length },
    district: { streets: district.streetIds.length, orgUnits: district.units.length, records, indicators: builtInCatalog.indicators.length, year },
    ...engine,
  });

async function measure(db: Database, label: string, dataDir: string | null): Promise<Record<string, unknown>> {
  const store = sqlReportStore((fn) => asUser(db, { userId: supervisor }, fn));
  check(await store.districtComparison(district.districtId, year), label);
  const comparison = await medianTiming(dataDir, () => store.districtComparison(district.districtId, year), 5);
  // For scale on a busy machine: the district's own figures alone, the same user (one of the 11 calls inside).
  const districtOnce = await medianTiming(dataDir, () => sqlEvaluator(db, { asUser: supervisor }).evaluateAll(district.districtId, yearPeriod(year)), 5);
  const cpu = (t: Timing) => `CPU ${t.serverCpuMs ?? t.clientCpuMs} ms${t.serverCpuMs === null ? '' : '（服务器）'}`;
  log(`  街道对比（10 个街道 × ${builtInCatalog.indicators.length} 项指标，区督导员，RLS）：${comparison.ms} ms，${cpu(comparison)}（目标 ≤ 2000 ms；负载 ${loadavg().map((x) => round(x)).join(' ')}）；同一用户全区全部指标一次 ${districtOnce.ms} ms，${cpu(districtOnce)}`);
  return {
    districtComparison: { ...comparison, targetMs: 2000, role: 'authenticated district supervisor (RLS)', loadAverage: loadavg().map((x) => round(x)) },
    districtAllIndicatorsOnce: districtOnce,
  };
}

/**
 * `--explain`: the plan of every statement inside one comparison (auto_explain with nested
 * statements, ANALYZE and BUFFERS), printed from the server's log, to see what each record kind's
 * scan costs. Turned on for new sessions after the timings, so it does not slow them.
 */
async function explain(url: string, serverLog: string): Promise<void> {
  const admin = await openDatabase(url);
  // ALTER SYSTEM knows auto_explain's settings only once the module is loaded in the session.
  await admin.exec(`load 'auto_explain'`);
  for (const setting of ["session_preload_libraries = 'auto_explain'", 'auto_explain.log_min_duration = 0', 'auto_explain.log_analyze = on', 'auto_explain.log_buffers = on', 'auto_explain.log_nested_statements = on']) {
    await admin.exec(`alter system set ${setting}`);
  }
  await admin.exec('select pg_reload_conf()');
  await admin.close();
  const db = await openDatabase(url);
  const from = statSync(serverLog).size;
  await sqlReportStore((fn) => asUser(db, { userId: supervisor }, fn)).districtComparison(district.districtId, year);
  await db.close();
  log(readFileSync(serverLog, 'utf8').slice(from));
}

log('\nPostgreSQL 15（临时集群）');
const cluster = await startPgCluster({ settings: ['shared_buffers=256MB', 'work_mem=16MB', 'maintenance_work_mem=256MB', 'max_wal_size=4GB'] });
try {
  const db = await openDatabase(cluster.url);
  await migrate(db);
  const loadSeconds = await timeLoad('COPY 导入合成区数据', async () => {
    await loadOrgs(db, district.units);
    for (const kind of registry.list()) await copyRecords(db, cluster.dir, kind, district.records.get(kind.id) ?? []);
    await addSupervisor(db);
    // Loaded with triggers off: the figures per unit and month are rebuilt from the records.
    await rebuildMeasureMonths(db);
    await db.exec('vacuum analyze');
  });
  save({ postgres15: { loadSeconds, ...(await measure(db, 'PostgreSQL', join(cluster.dir, 'data'))) } });
  await db.close();
  if (process.argv.includes('--explain')) await explain(cluster.url, join(cluster.dir, 'server.log'));
} finally {
  await cluster.stop();
}

log('\nPGlite（数据目录在磁盘上）');
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-bench-district-'));
try {
  const db = await openDatabase(`pglite:${dataDir}`);
  await migrate(db);
  const loadSeconds = await timeLoad('分批插入合成区数据', async () => {
    await loadOrgs(db, district.units);
    for (const kind of registry.list()) await insertRecords(db, kind, district.records.get(kind.id) ?? []);
    await addSupervisor(db);
    // Loaded with triggers off: the figures per unit and month are rebuilt from the records.
    await rebuildMeasureMonths(db);
    await db.exec('vacuum analyze');
  });
  save({ pglite: { loadSeconds, ...(await measure(db, 'PGlite', null)) } });
  await db.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
log(`\n结果已写入 ${resultsFile}`);
