import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPgCluster, type PgCluster } from './pg-cluster.js';
// For the ProvidedContext keys declared there.
import type {} from './test-databases.js';

/**
 * vitest globalSetup: one throwaway PostgreSQL 15 cluster for the whole run, stopped at the end
 * whether tests passed or not. A cluster that cannot start does not abort the run: the error is
 * handed to the tests, and each PostgreSQL test fails with it (never skips).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const tmp = mkdtempSync(join(tmpdir(), 'fazhi-test-'));
  project.provide('fazhiTestTmp', tmp);
  let cluster: PgCluster | undefined;
  try {
    const started = performance.now();
    cluster = await startPgCluster();
    project.provide('fazhiPgUrl', cluster.url);
    project.provide('fazhiPgError', '');
    if (process.env.FAZHI_TEST_TIMINGS) console.log(`[fazhi] PostgreSQL 测试集群已启动（${Math.round(performance.now() - started)} ms）：${cluster.url}`);
  } catch (e) {
    project.provide('fazhiPgUrl', '');
    project.provide('fazhiPgError', (e as Error).message);
  }
  return async () => {
    const started = performance.now();
    await cluster?.stop();
    rmSync(tmp, { recursive: true, force: true });
    if (process.env.FAZHI_TEST_TIMINGS) console.log(`[fazhi] PostgreSQL 测试集群已停止（${Math.round(performance.now() - started)} ms）`);
  };
}
