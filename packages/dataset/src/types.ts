import type { AnyRecord, LedgerSpan, OrgTree, OrgUnit } from '@fazhi/domain';

/** `dataset.json`: what the folder holds. */
export interface DatasetManifest {
  /** Machine name, e.g. `nansha-2024`. */
  name: string;
  /** zh-CN name shown to users, e.g. 南沙街道2024年法治政府建设数据. */
  label: string;
  /** The org unit whose subtree the dataset's figures describe by default. */
  rootOrgId: string;
  years: number[];
  description: string;
  /** Ids of the record kinds with a `<kindId>.csv` file in the folder, in file order. */
  kinds: string[];
  /**
   * The days the ledgers cover (建账起止) for the whole dataset: every unit without a span of its
   * own inherits it. Absent: unknown, and every year compares with the one before.
   */
  ledgerSpan?: LedgerSpan;
  /** Org id → that unit's own span, for units whose ledgers began or ended on other days. */
  orgLedgerSpans?: Record<string, LedgerSpan>;
}

export interface Dataset {
  dir: string;
  manifest: DatasetManifest;
  orgs: OrgTree;
  /** Kind id → parsed, validated records in file order, soft-deleted ones included. */
  records: ReadonlyMap<string, AnyRecord[]>;
  /**
   * What loads but looks wrong (records dated outside `manifest.years`), in file order; shown to
   * the user, never a reason to refuse the dataset.
   */
  warnings: readonly DatasetProblem[];
}

/** What `writeDataset` accepts: a loaded dataset or one built in memory. */
export interface DatasetInput {
  manifest: DatasetManifest;
  orgs: OrgTree | readonly OrgUnit[];
  records: ReadonlyMap<string, readonly AnyRecord[]> | Readonly<Record<string, readonly AnyRecord[]>>;
}

/** One problem found in a dataset folder; `row` is the spreadsheet row (header = 1). */
export interface DatasetProblem {
  file: string;
  row?: number;
  /** zh-CN label of the field or column concerned. */
  field?: string;
  /** The field key or column name, for programs. */
  key?: string;
  message: string;
}

export const manifestFile = 'dataset.json';
export const orgsFile = 'orgs.csv';
export const kindFile = (kindId: string) => `${kindId}.csv`;
