import type { AnyRecord, AttachmentRef, OrgUnit, Period, RecordKind, RecordKindRegistry } from '@fazhi/domain';
import type { Catalog, IndicatorComparison, IndicatorResult } from '@fazhi/metrics';
import type { LedgerReadResult, ReadLedgerOptions } from '@fazhi/ledger';

/**
 * What the console injects into plugin pages. The SDK defines these interfaces; the console
 * implements them for its backend (Supabase, or the embedded database in a worker), and the test
 * harness with the real embedded database. Pages never talk to a backend except through them and
 * Refine's data provider.
 */

/** A grant of `docs/database.md` ("Roles"), as read from `public.memberships`. */
export interface Membership {
  orgId: string;
  role: 'supervisor' | 'admin' | 'clerk' | 'viewer';
  /** Work areas a clerk may write; ignored for other roles. */
  areas: readonly string[];
  /** Unmasks personal fields for what this membership can read. */
  personalData: boolean;
}

/** The signed-in user as pages need them: grants, and the org units they can see (whole subtrees). */
export interface ConsoleUser {
  id: string;
  name: string;
  memberships: readonly Membership[];
  /** Readable org units with their parents, for org pickers and subtree filters. */
  orgs: readonly OrgUnit[];
}

/** Where an attachment lives (defined in @fazhi/domain beside `attachmentPath`). */
export type { AttachmentRef };

export interface StoredAttachment {
  /** Full storage path, `<org_id>/<kind_id>/<record_id>/<slot>/<uuid>[.<ext>]` (see `attachmentPath`): the file's id. */
  path: string;
  slot: string;
  /** The name the user gave (Chinese as often as not): shown, and the name a download gets. */
  fileName: string;
  size: number;
  contentType: string;
  uploadedAt?: string;
}

/** File storage for record attachments (Supabase Storage, or the embedded database's own). */
export interface AttachmentStore {
  /** Stores a file under a new path; rejects (`附件“…”已存在`) when the slot already lists a file of that name. */
  put(ref: AttachmentRef, file: Blob, fileName: string): Promise<StoredAttachment>;
  /** Files of one record, of one slot when `slot` is given. */
  list(ref: Omit<AttachmentRef, 'slot'> & { slot?: string }): Promise<StoredAttachment[]>;
  /** Removes (soft-deletes where the backend keeps history) one file; its name can be used again. */
  remove(path: string): Promise<void>;
  /** A URL the browser can open or download now (signed or object URL). */
  url(path: string): Promise<string>;
}

/** Indicator values for dashboards, computed where the data is (the SQL evaluator), as the user. */
export interface IndicatorSource {
  /**
   * Each indicator for `period` against the same days a year earlier (同比), in the order asked;
   * each result's `basis` says when the years do not compare (上年无数据, 数据不完整) or up to
   * which day a running period counts.
   */
  compare(indicatorIds: readonly string[], orgId: string, period: Period): Promise<IndicatorComparison[]>;
  /**
   * What `compare` would answer, when it is already at hand (fetched ahead, say), without waiting:
   * undefined otherwise. A page shows it in its first render instead of after an effect's round.
   */
  compared?(indicatorIds: readonly string[], orgId: string, period: Period): IndicatorComparison[] | undefined;
  /** The twelve monthly values of one indicator in `year`. */
  trend(indicatorId: string, orgId: string, year: number): Promise<IndicatorResult[]>;
}

/**
 * A business key (案件编号, 工单编号…) shared by several live records of one street: stored before
 * the database refused duplicates. Labels are the database's (zh-CN).
 */
export interface DuplicateBusinessKey {
  kindId: string;
  kindLabel: string;
  keyLabel: string;
  key: string;
  streetId: string;
  recordIds: readonly string[];
}

/** Duplicates among the records the user can read (`public.duplicate_business_keys`). */
export interface DuplicateKeySource {
  list(orgId: string): Promise<DuplicateBusinessKey[]>;
}

/** What to do with a record whose business key (案件编号, 工单编号 …) is already in the file or the street. */
export type OnDuplicate = 'skip' | 'update' | 'stop';

/** The answer of a ledger import (`public.import_records`). */
export interface ImportSummary {
  inserted: number;
  updated: number;
  skipped: number;
  /** Business keys found twice in the file or already in the street. */
  duplicates: readonly string[];
  /** `stop` met duplicates: nothing was written. */
  stopped: boolean;
}

/**
 * Writes a ledger's records of one kind as the user, all or nothing (`public.import_records`, a
 * security-invoker function: RLS and grants apply); rejects with a Chinese message naming the row.
 */
export interface RecordImporter {
  import(kind: RecordKind, records: readonly AnyRecord[], onDuplicate: OnDuplicate): Promise<ImportSummary>;
}

/**
 * Reads a ledger file off the page's thread: the console runs `readLedger` of @fazhi/ledger in a Web
 * Worker, so a file of 20,000 rows leaves the page responsive and 取消 ends the reading at once
 * (`signal`). Without one, the import wizard reads on the page's thread.
 */
export interface LedgerReader {
  read(bytes: Uint8Array, options: ReadLedgerOptions, signal: AbortSignal): Promise<LedgerReadResult>;
}

export interface FazhiServices {
  user: ConsoleUser;
  /**
   * The composed record kinds (built-ins, plugins' and streets' extensions): pages look up kinds
   * they only know by id (a ref field's target) here, never in the built-in list.
   */
  kinds: RecordKindRegistry;
  /**
   * The composed indicator catalog (measures and indicators of every plugin): a dashboard figure
   * opens the records behind it by its measure's definition, read here.
   */
  catalog?: Catalog;
  attachments?: AttachmentStore;
  indicators?: IndicatorSource;
  duplicates?: DuplicateKeySource;
  /** Ledger import (导入); without it the lists offer no 导入. */
  importer?: RecordImporter;
  /** Reads import files off the page's thread (the import wizard reads on it without). */
  ledgerReader?: LedgerReader;
  /**
   * The unit the console is looking at (a supervisor's street switcher): dashboards show its
   * figures and record lists are limited to its subtree. The user's top readable unit by default.
   */
  dashboardOrgId?: string;
  /** Year the dashboard shows; the current year by default. */
  dashboardYear?: number;
}
