import fc from 'fast-check';
import { mediationCases } from '@fazhi/domain';
import { describe, expect, it } from 'vitest';
import { kindTable } from './kind-table.js';
import { expectChineseRefusal, listQueryArbitrary, propertyRuns } from './list-query-arbitraries.test-helper.js';
import { postgrestParams } from './postgrest-filters.js';
import { pageOf, sortsOf } from './types.js';

/** Parentheses outside "…" (with \\ escapes) balance: user text cannot break the or=(…) tree. */
function balanced(tree: string): boolean {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < tree.length; i++) {
    const ch = tree[i];
    if (quoted && ch === '\\') i++;
    else if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')' && --depth < 0) return false;
  }
  return depth === 0 && !quoted;
}

// The PostgREST side builds query parameters only (PostgREST cannot run here): random filters,
// sorters and pagination either give well-formed parameters or a Chinese 400, never a crash.
describe('PostgREST filter builder under random list queries', () => {
  const t = kindTable(mediationCases);
  const columns = new Set(t.list.map((c) => c.column));
  it(`builds parameters or refuses in Chinese (${propertyRuns} cases)`, () => {
    let built = 0;
    fc.assert(
      fc.property(listQueryArbitrary(t), (q) => {
        try {
          const params = postgrestParams(t, q.filters);
          sortsOf(t, q.sorters);
          pageOf(q.pagination);
          for (const p of params) {
            if (p.kind === 'filter') expect(columns.has(p.column), p.column).toBe(true);
            else expect(balanced(p.tree), p.tree).toBe(true);
          }
          built++;
        } catch (e) {
          expectChineseRefusal(e);
        }
      }),
      { numRuns: propertyRuns },
    );
    expect(built).toBeGreaterThan(propertyRuns / 20);
  });
});
