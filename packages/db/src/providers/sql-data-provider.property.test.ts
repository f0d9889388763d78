import fc from 'fast-check';
import { mediationCases } from '@fazhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.js';
import { pgliteBackend } from '../testing/index.js';
import { kindTable } from './kind-table.js';
import { expectChineseRefusal, listQueryArbitrary, propertyRuns } from './list-query-arbitraries.test-helper.js';
import { insertAsOwner, providerFor, fixtureUser, seedFixture } from './sql-harness.test-helper.js';

// Random filters, sorters and pagination against the SQL provider on PGlite, as a street admin:
// every call either answers or refuses with a Chinese 400; never a crash, a 500 or SQL's English.
describe('sql data provider under random list queries (PGlite)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await pgliteBackend.create();
    await seedFixture(db);
    await insertAsOwner(db, 'mediation_cases', [
      { values: { caseNo: 'P01', source: 'proactive', disputeType: 'other', partiesCount: 2, acceptedOn: '2024-05-01', status: 'accepted', summary: '工资 50%_' } },
    ]);
  });
  afterAll(() => db.close());

  it(`answers or refuses in Chinese (${propertyRuns} cases)`, async () => {
    const provider = providerFor(db, fixtureUser.writer);
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(listQueryArbitrary(kindTable(mediationCases)), async (q) => {
        try {
          const r = await provider.getList({ resource: 'mediation_cases', ...q });
          expect(Array.isArray(r.data)).toBe(true);
          answered++;
        } catch (e) {
          expectChineseRefusal(e);
        }
      }),
      { numRuns: propertyRuns },
    );
    // The generator must reach the database often, not only be refused up front.
    expect(answered).toBeGreaterThan(propertyRuns / 20);
  }, 180_000);
});
