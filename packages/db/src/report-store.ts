/**
 * The contract of saved annual reports (年度报告): drafts with versions and a status per unit and
 * year, sign-off that freezes the figures, the year's records locked (封账) until a street admin
 * reopens it, and each unit's own template. Every rule lives in SQL (see docs/database.md
 * "Annual reports"); this module only names the calls, so that the console and the CLI reach the
 * same functions over SQL (embedded, PostgreSQL) and over PostgREST (Supabase).
 */

/** 草稿 → 审核 → 定稿. Only a street admin moves a report on; a 定稿 report is frozen. */
export type ReportStatus = 'draft' | 'review' | 'final';

/** Per figure: the exact value, or hedged wording (余/多/超/近) chosen by the user. */
export type FigureWording = 'exact' | 'hedged';

/** What the user edits: the narrative paragraphs and the wording chosen per figure. */
export interface ReportContent {
  /** Narrative paragraphs by key (the template's `narrative` blocks), Markdown-free plain text. */
  narrative: Record<string, string>;
  /** Wording per indicator id; `exact` when absent. */
  wording: Record<string, FigureWording>;
}

/** One indicator's value as frozen at sign-off (the rows `public.indicator_values` returns). */
export interface FrozenFigure {
  indicatorId: string;
  numerator: number | null;
  denominator: number | null;
}

export interface ReportVersion {
  id: string;
  orgId: string;
  year: number;
  /** 1, 2, … per unit and year; every save makes a new version. */
  version: number;
  status: ReportStatus;
  content: ReportContent;
  /** Stored by the database at 定稿 from `public.indicator_values`; null before. */
  frozenFigures: FrozenFigure[] | null;
  savedBy: string;
  /** The saver's name (profile display name, else e-mail); null when the database has none. */
  savedByName: string | null;
  /** ISO timestamp. */
  savedAt: string;
  /** Who signed it off and when (定稿 only). */
  signedBy: string | null;
  signedByName: string | null;
  signedAt: string | null;
}

/** The year of a unit is 封账 (locked) from sign-off until a street admin reopens it. */
export interface YearLock {
  orgId: string;
  year: number;
  lockedBy: string;
  /** Who signed off the report that locked the year, by name (display name, else e-mail). */
  lockedByName: string | null;
  lockedAt: string;
}

/** A unit's own template (the JSON of `@fazhi/report`'s template format), with versions. */
export interface SavedTemplate {
  orgId: string;
  version: number;
  /** The template document; validated with `parseTemplate` of @fazhi/report before saving. */
  template: unknown;
  savedBy: string;
  savedAt: string;
}

/** One indicator of one row of the district comparison (as `public.indicator_values` gives it). */
export interface ComparisonFigure {
  indicatorId: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/**
 * A row of the district comparison: a street, 区直 (records held under the parent outside every
 * street: the total minus the streets, exact for additive measures), or the parent's total.
 */
export interface ComparisonRow {
  kind: 'street' | 'direct' | 'total';
  /** The street, or the parent for 区直 and the total. */
  orgId: string;
  name: string;
  /** In the catalog's order. */
  figures: ComparisonFigure[];
}

/** Every street under a unit on every indicator for a year: streets (in name order), 区直, total. */
export interface DistrictComparison {
  parentId: string;
  year: number;
  streets: ComparisonRow[];
  direct: ComparisonRow;
  total: ComparisonRow;
}

export interface ReportStore {
  /** All versions of the unit's report for the year, newest first (empty when none saved). */
  versions(orgId: string, year: number): Promise<ReportVersion[]>;
  /** Saves the content as a new 草稿 version; refused while the year has a 定稿 and is locked. */
  save(orgId: string, year: number, content: ReportContent): Promise<ReportVersion>;
  /**
   * Moves a version to another status (草稿 → 审核 → 定稿, or back to 草稿 from 审核 with a reason).
   * 定稿 freezes the figures in the database and locks the unit's records of that year.
   */
  move(versionId: string, status: ReportStatus, reason?: string): Promise<ReportVersion>;
  /** The lock on the unit's year, or null when its records may be edited. */
  lock(orgId: string, year: number): Promise<YearLock | null>;
  /** Reopens a locked year (street admin, reason required, kept in the audit trail). */
  reopen(orgId: string, year: number, reason: string): Promise<void>;
  /** The unit's saved template, newest version, or null when it uses the default. */
  template(orgId: string): Promise<SavedTemplate | null>;
  /** Saves a new version of the unit's template (street admin). */
  saveTemplate(orgId: string, template: unknown): Promise<SavedTemplate>;
  /** The streets under `parentId` on every indicator for the year, as the caller may read them. */
  districtComparison(parentId: string, year: number): Promise<DistrictComparison>;
}
