import type { AnyRecord, OrgUnit, RecordKind } from '@fazhi/domain';
import { exportLedger } from './export.js';
import { exportOrgTree, orgTreeFileName } from './org-tree.js';
import { referencedKinds, referenceTable, type References } from './references.js';

/** The file of a kind's ledger in a whole-database export (`fazhi export --all`, the console's 导出全部数据). */
export const ledgerFileOf = (kind: RecordKind) => `${kind.id}.xlsx`;

export interface AllLedgersInput {
  /** Every org unit of the database (the org tree file lists them all). */
  units: readonly OrgUnit[];
  /** Every kind, in the registry's order. */
  kinds: readonly RecordKind[];
  /** Each kind's records, deleted ones included (the ledgers show them in 删除时间). */
  recordsOf(kindId: string): readonly AnyRecord[];
  /** The unit named in the ledgers' titles. */
  unitLabel: string;
  /** Personal fields masked (for readers without the personal-data grant; such files cannot be imported again). */
  masked: boolean;
}

/**
 * The org tree (组织机构.xlsx) and every kind's ledger, as `fazhi import --all` reads them back:
 * file name → bytes and row count. Reference fields name their targets by business key.
 * Browser-safe: the CLI writes these into a folder, the console into one zip.
 */
export async function exportAllLedgers(input: AllLedgersInput): Promise<Map<string, { bytes: Uint8Array; rows: number }>> {
  const byId = new Map(input.kinds.map((k) => [k.id, k]));
  const files = new Map<string, { bytes: Uint8Array; rows: number }>();
  files.set(orgTreeFileName, { bytes: await exportOrgTree([...input.units]), rows: input.units.length });
  for (const kind of input.kinds) {
    const records = input.recordsOf(kind.id);
    const references: References = new Map(referencedKinds(kind).flatMap((id) => (byId.has(id) ? [[id, referenceTable(byId.get(id)!, input.recordsOf(id))] as const] : [])));
    const bytes = await exportLedger(records, { kind, orgs: [...input.units], unit: input.unitLabel, period: '', masked: input.masked, references, withDeleted: true });
    files.set(ledgerFileOf(kind), { bytes, rows: records.length });
  }
  return files;
}
