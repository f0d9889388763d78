import { asUser, migrate, openDatabase, type Database } from '@fazhi/db';
import { subtreeIdsBeforeSql } from '@fazhi/db/testing';
import { startPgCluster } from '@fazhi/db/testing/pg-cluster';
import type { OrgUnit } from '@fazhi/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { round } from '../timing.js';
import { loadOrgs } from './load-records.js';
import { medianTiming, type Timing } from './server-timing.js';

/**
 * private.subtree_ids (the scope of every figure and report helper) on a synthetic city tree: one
 * district, 100 streets of 34 communities each (3,501 units, the size of `pnpm bench:scale`), for
 * the whole city, as the database owner and as the city supervisor (a restricted caller, whose
 * answer is filtered by their memberships' subtrees). The definition before 20261206000500 is
 * created beside it as private.subtree_ids_before, so one run gives both. PostgreSQL 15 (server
 * CPU) and PGlite (this process's CPU), medians with the load average. `pnpm --filter @fazhi/bench
 * bench:subtree [--streets N]`. Never a test: timings depend on the machine.
 */
/** `--streets N`: a larger or smaller city (N streets of 34 communities), to see how the time grows. */
const streetsArg = process.argv.indexOf('--streets');
const streets = streetsArg > 0 ? Number(process.argv[streetsArg + 1]) : 100;
const communitiesPerStreet = 34;
const runs = 7;
const log = (s: string) => console.log(s);

const id = (kind: number, n: number) => `00000000-0000-4000-8${kind}00-${String(n).padStart(12, '0')}`;
const districtId = id(0, 0);
const units: OrgUnit[] = [{ id: districtId, parentId: null, kind: 'district', name: '合成市辖区' }];
for (let s = 0; s < streets; s++) {
  units.push({ id: id(1, s), parentId: districtId, kind: 'street', name: `第${s + 1}街道办事处` });
  for (let c = 0; c < communitiesPerStreet; c++) units.push({ id: id(2, s * 1000 + c), parentId: id(1, s), kind: 'community', name: `第${s + 1}街道第${c + 1}社区` });
}
const supervisor = '00000000-0000-4000-9000-00000000c001';

async function prepare(db: Database): Promise<void> {
  await migrate(db);
  await loadOrgs(db, units);
  await db.query(`insert into auth.users (id, email) values ($1, 'supervisor@bench.test')`, [supervisor]);
  await db.query(`insert into public.memberships (user_id, org_id, role) values ($1, $2, 'supervisor')`, [supervisor, districtId]);
  await db.exec(subtreeIdsBeforeSql());
  await db.exec('vacuum analyze');
}

const cpu = (t: Timing) => `CPU ${t.serverCpuMs ?? t.clientCpuMs} ms${t.serverCpuMs === null ? '' : '（服务器）'}`;

async function measure(db: Database, dataDir: string | null, label: string): Promise<Record<string, Timing>> {
  const results: Record<string, Timing> = {};
  for (const fn of ['subtree_ids_before', 'subtree_ids']) {
    const owner = () => db.query(`select cardinality(private.${fn}(array[$1::uuid])) as n`, [districtId]);
    const asSupervisor = () => asUser(db, { userId: supervisor }, (tx) => tx.query(`select cardinality(private.${fn}(array[$1::uuid])) as n`, [districtId]));
    for (const [who, call] of [['owner', owner], ['supervisor', asSupervisor]] as const) {
      const n = Number((await call()).rows[0]!.n);
      if (n !== units.length) throw new Error(`${label} ${fn}（${who}）得到 ${n} 个机构，应为 ${units.length} 个`);
      const t = await medianTiming(dataDir, call, runs);
      results[`${fn}.${who}`] = t;
      log(`  ${fn.padEnd(18)} ${who === 'owner' ? '所有者  ' : '市督导员'}：${t.ms} ms，${cpu(t)}（负载 ${loadavg().map((x) => round(x)).join(' ')}）`);
    }
  }
  return results;
}

log(`合成市：${units.length} 个机构（1 个区、${streets} 个街道、每街道 ${communitiesPerStreet} 个社区）；全市 private.subtree_ids，中位数 ${runs} 次`);
log('\nPostgreSQL 15（临时集群）');
const cluster = await startPgCluster();
try {
  const db = await openDatabase(cluster.url);
  await prepare(db);
  await measure(db, join(cluster.dir, 'data'), 'PostgreSQL');
  await db.close();
} finally {
  await cluster.stop();
}

log('\nPGlite');
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-bench-subtree-'));
try {
  const db = await openDatabase(`pglite:${dataDir}`);
  await prepare(db);
  await measure(db, null, 'PGlite');
  await db.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
