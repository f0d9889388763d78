import type { SqlExecutor } from './client.js';

/**
 * Refills the pre-aggregated figures per unit and month (`private.rebuild_measure_months()`, see
 * packages/db/src/generate/measure-months.ts) after a load that ran with triggers off
 * (`session_replication_role = replica`), which the statement triggers keeping them current did
 * not see. A schema from before 20261206000100 has none: nothing to do.
 */
export async function rebuildMeasureMonths(tx: SqlExecutor): Promise<void> {
  const r = await tx.query<{ present: boolean }>(`select to_regprocedure('private.rebuild_measure_months()') is not null as present`);
  if (r.rows[0]?.present) await tx.query('select private.rebuild_measure_months()');
}
