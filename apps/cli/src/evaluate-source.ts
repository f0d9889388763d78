import { createRegistry, type OrgUnit, type Period } from '@fazhi/domain';
import { builtInCatalog, checkCatalog, Evaluator } from '@fazhi/metrics';
import type { RecordSource } from './source.js';

/** An in-memory evaluator over a source with the built-in catalog, checked once; `today` for running periods. */
export function evaluatorFor(source: RecordSource, today?: string): Evaluator {
  checkCatalog(builtInCatalog, createRegistry());
  return new Evaluator({ orgs: source.orgs, records: source.records, catalog: builtInCatalog, ...(today ? { today: () => today } : {}) });
}

export function orgDisplayName(org: OrgUnit): string {
  return org.shortName || org.name;
}

export type { Period };
