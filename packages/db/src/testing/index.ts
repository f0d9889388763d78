/**
 * Test helpers for suites that need a real database (this package's, the CLI's, data providers').
 *
 *   describe.each(testDatabases())('… on $name', (backend) => {
 *     let db: Database;
 *     beforeAll(async () => { db = await backend.create(); });   // migrated, of its own
 *     afterAll(() => db.close());
 *   });
 *
 * Every suite then runs on embedded PGlite and on PostgreSQL 15. The PostgreSQL cluster comes from
 * the package's vitest globalSetup (`vitest.setup.ts` beside package.json re-exporting
 * `src/testing/global-setup.ts`); without it, a worker starts a cluster of its own.
 */
export { findPgBinDir, startPgCluster, type PgCluster, type PgClusterOptions } from './pg-cluster.js';
export { fixtureDataset, writeFixtureDataset } from './fixture-dataset.js';
export { emulateSupabaseAuth } from './supabase-auth.js';
export { pgliteBackend, postgresBackend, testDatabases, testTmpDir, type TestBackend } from './test-databases.js';
export { correctionCases, correctionCatalog, correctionRecords, extendedMediationCases, extraDisputeType, extraMediationField, upgradedModel } from './upgrade-model.js';
export { subtreeIdsBeforeSql } from './subtree-ids-before.js';
