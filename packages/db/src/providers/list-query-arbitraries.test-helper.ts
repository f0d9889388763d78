import fc from 'fast-check';
import type { CrudFilter, CrudSort, Pagination } from '@refinedev/core';
import { expect } from 'vitest';
import type { KindTable } from './kind-table.js';

/**
 * Random list queries for the providers' property tests: every operator Refine knows, operators
 * it does not (including the names every object inherits), real and made-up fields, values of
 * any shape and length, nested or/and trees, sorters and pagination of any kind.
 */
const knownOperators = [
  'eq', 'ne', 'lt', 'gt', 'lte', 'gte', 'in', 'nin', 'ina', 'nina', 'contains', 'ncontains', 'containss', 'ncontainss',
  'between', 'nbetween', 'null', 'nnull', 'startswith', 'nstartswith', 'startswiths', 'nstartswiths', 'endswith',
  'nendswith', 'endswiths', 'nendswiths', 'eqs', 'nes',
];
const inheritedNames = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'prototype'];

const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ minLength: 190, maxLength: 260 }),
  fc.constantFrom('abc', '2024-03-05', '2024-02-30', '1', '-1', '1e400', '5.5', '', '*', '%_\\', '"),(', 'a.b:c', '工资', 'null', 'true'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.uuid(),
  fc.date({ noInvalidDate: false }),
);
const value = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.object({ maxDepth: 1 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
);

export function listQueryArbitrary(t: KindTable) {
  const field = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...t.list.map((c) => c.key)) },
    { weight: 1, arbitrary: fc.constantFrom(...inheritedNames, 'org.name', '') },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
  const operator = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...knownOperators) },
    { weight: 2, arbitrary: fc.constantFrom(...inheritedNames, 'or', 'and', 'EQ', 'like') },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
  const { filter } = fc.letrec<{ filter: CrudFilter }>((tie) => ({
    filter: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ field, operator, value }) as fc.Arbitrary<CrudFilter>,
      fc.record({ operator: fc.constantFrom('or', 'and'), value: fc.oneof(fc.array(tie('filter'), { maxLength: 3 }), value) }) as fc.Arbitrary<CrudFilter>,
    ),
  }));
  const sorter = fc.record({ field: fc.oneof(field, fc.anything({ maxDepth: 0 })), order: fc.oneof(fc.constantFrom('asc', 'desc'), fc.anything({ maxDepth: 0 })) }) as fc.Arbitrary<CrudSort>;
  const count = fc.oneof(fc.integer({ min: -2, max: 60 }), fc.integer(), fc.double(), fc.constant(undefined), fc.string({ maxLength: 4 }));
  const pagination = fc.oneof(
    fc.constant(undefined),
    fc.record(
      { currentPage: count, pageSize: count, mode: fc.oneof(fc.constantFrom('server', 'client', 'off'), fc.string({ maxLength: 4 })) },
      { requiredKeys: [] },
    ) as fc.Arbitrary<Pagination>,
  );
  return fc.record({
    filters: fc.oneof(fc.array(filter, { maxLength: 4 }), fc.constant(undefined)),
    sorters: fc.oneof(fc.array(sorter, { maxLength: 3 }), fc.constant(undefined)),
    pagination,
  });
}

/** A refusal must be a Chinese 400 (HttpError shape), never a crash or a raw database message. */
export function expectChineseRefusal(e: unknown): void {
  const err = e as { statusCode?: unknown; message?: unknown };
  expect(err.statusCode, `not a 400: ${String(e)}`).toBe(400);
  expect(String(err.message)).toMatch(/[\u4e00-\u9fff]/);
  // What the user typed may be echoed between “ ”; everything else must be our own words.
  const ours = String(err.message).replace(/“[^”]*”/g, '“”');
  expect(ours, String(err.message)).not.toMatch(/syntax|relation|column|operator|function|invalid input|sql|undefined|\[object/i);
}

export const propertyRuns = 10_000;
