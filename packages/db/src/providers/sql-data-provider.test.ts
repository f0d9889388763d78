import { describe } from 'vitest';
import { testDatabases } from '../testing/index.js';
import { dataProviderContract } from './contract.js';
import { sqlHarness } from './sql-harness.test-helper.js';

// The shared contract, as real users under real RLS, on embedded PGlite and on PostgreSQL 15.
describe('sql data provider', () => {
  for (const backend of testDatabases()) dataProviderContract(`sql provider on ${backend.name}`, () => sqlHarness(backend));
});
