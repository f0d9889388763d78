import type { RecordKind, WorkAreaId, Workflow } from '@fazhi/domain';
import { modelApiVersion, type FazhiExtension, type ReportSectionContribution } from '@fazhi/model';
import type { ComponentType } from 'react';

/**
 * The work-area plugin contract. A plugin is ONE declarative, default-exported value: a model
 * extension (`FazhiExtension` of @fazhi/model: its kinds, areas, catalog, report sections) plus
 * the console's UI declarations (resources, dashboard, groups). The console composes plugins and
 * nothing else area-specific. Pages are lazy (`() => import()`), so a plugin costs nothing until
 * its route is visited.
 *
 * The plugin contract is the model contract: additions are optional fields only; anything that
 * changes the meaning of an existing field bumps the version, and composition refuses plugins of
 * another version.
 */
export const pluginApiVersion = modelApiVersion;

/** The field keys of a kind: a literal union for a kind declared with `defineRecordKind`, else `string`. */
export type FieldKey<K extends RecordKind = RecordKind> = K extends RecordKind<string, infer Fs> ? Fs[number]['key'] & string : string;

/** A lazily loaded page component; it receives the resource it serves. */
export type LazyPage = () => Promise<{ default: ComponentType<RecordPageProps> }>;

export interface RecordPageProps {
  resource: PluginResource;
  plugin: WorkAreaPlugin;
}

/**
 * A list filter a clerk uses. Field filters get their control from the field's metadata (enum →
 * select, date → range, text → contains, boolean → yes/no); three special filters need no field:
 * `period` (year / quarter / month on the kind's `periodField`), `org` (the user's readable org
 * tree, a unit includes everything below it) and `text` (one box searching several text fields).
 */
export type ListFilter<F extends string = string> =
  | {
      field: F;
      /** `range` for dates and numbers; `in` for enums; `contains` for text. Defaults by field type. */
      operator?: 'eq' | 'in' | 'contains' | 'range';
      type?: undefined;
    }
  | {
      type: 'period';
      /** Defaults to the kind's `periodField`. */
      field?: F;
      /**
       * Records whose date is still empty stay listed whatever period is chosen: e.g. a major
       * decision's 决策日期 is empty until it is decided, and a clerk choosing this year should still
       * see the drafts in progress.
       */
      keepUndated?: boolean;
    }
  | { type: 'org' }
  | { type: 'text'; fields: readonly F[] };

/** A workflow is the record kind's (`RecordKind.workflow` of @fazhi/domain), enforced by the database. */
export type { Workflow, WorkflowAttachment, WorkflowTransition } from '@fazhi/domain';

export interface AttachmentSlot {
  /** Stable id, also the path segment under the record in storage. */
  id: string;
  /** e.g. 调解协议书 */
  label: string;
  labelEn?: string;
  /** `accept` attribute for the file picker, e.g. `.pdf,.jpg,.png`. */
  accept?: string;
  required?: boolean;
  /** Largest file in bytes; the storage bucket's limit (50 MB) applies anyway. */
  maxBytes?: number;
}

/** `accept` for paper ledgers' scans and office documents (文书, 材料, 照片): PDF, images, Word. */
export const documentFiles = '.pdf,.jpg,.jpeg,.png,.doc,.docx';

/**
 * One test on a record's field, the same in the browser (row highlighting, board cards) and in
 * the database (the list's filter, as data-provider filters): `empty` (no value), `filled` (a
 * value), `in` / `notIn` (enum values; an empty field is not in any list, so it passes `notIn`),
 * `before: 'today'` (a date earlier than today in Shanghai; an empty date is never before),
 * `withinDays: n` (a date at most n days from today, the past included: due soon or overdue; an
 * empty date never is), `olderThanDays: n` (a date more than n days before today: a time limit
 * counted from that date has run out, e.g. mediation's 30 days from 受理; an empty date never is),
 * `is` (a yes/no field holding exactly that value; an empty one holds neither).
 */
export type AttentionCondition<F extends string = string> =
  | { field: F; empty: true }
  | { field: F; filled: true }
  | { field: F; in: readonly string[] }
  | { field: F; notIn: readonly string[] }
  | { field: F; before: 'today' }
  | { field: F; withinDays: number }
  | { field: F; olderThanDays: number }
  | { field: F; is: boolean };

/**
 * A declared "needs attention" state, e.g. 未回访 (closed, satisfaction empty): rows that meet every
 * condition are highlighted in the list, and the list gets a filter for them.
 */
export interface AttentionRule<F extends string = string> {
  /** Stable id, also the filter's form key: `attention.<id>`. */
  id: string;
  /** Shown on the highlighted row and as the filter's label, e.g. 未回访. */
  label: string;
  labelEn?: string;
  when: readonly AttentionCondition<F>[];
  /**
   * A condition that is normal in a complete year (a caller who did not rate the ticket): the
   * annual report's readiness checks show its share of the year's records instead of flagging it.
   */
  normal?: boolean;
}

/**
 * A date the record must be done by: overdue (逾期) when `field` is before today while the record
 * is not done. Done is either a final state (`doneWhen`, of `status`) or a filled field
 * (`doneWhenFilled`). Sugar for an attention rule with id `overdue`; the board uses it too.
 */
export type DeadlineRule<F extends string = string> = {
  field: F;
  /** Defaults to 已逾期 (Overdue). */
  label?: string;
  labelEn?: string;
} & (
  | {
      /** The enum field holding the state; the workflow's field (the kind's, else the resource's) by default. */
      status?: F;
      /** The final states, e.g. ['closed_out']. */
      doneWhen: readonly string[];
      doneWhenFilled?: never;
    }
  | {
      /**
       * Done once this field has a value, e.g. 办结时间: for kinds whose records kept before their
       * workflow carry no state, so only the date says they are done.
       */
      doneWhenFilled: F;
      status?: never;
      doneWhen?: never;
    }
);

/** How pressing a to-do is: `danger` (red: overdue work), `warning` (orange), `info` (blue). */
export type TodoSeverity = 'danger' | 'warning' | 'info';

/**
 * A to-do (待办) rule: records meeting it are work waiting for whoever may write the resource's
 * area, listed on the console's 待办 page and counted in its header. `when` is the attention
 * language: conditions, or the id of one of the resource's attention rules (`overdue` for its
 * `deadline`), whose label then serves unless the to-do gives its own.
 */
export interface TodoRule<F extends string = string> {
  /** Stable id, kebab-case, unique within the resource. */
  id: string;
  /** e.g. 待回访; defaults to the named attention rule's label. */
  label?: string;
  labelEn?: string;
  when: string | readonly AttentionCondition<F>[];
  /** A date field shown as the due date (days left / overdue by) and the order of the items, earliest first. */
  dueField?: F;
  /** `warning` by default. */
  severity?: TodoSeverity;
}

/**
 * A board (看板): the records as cards in one column per option of an enum field, e.g.
 * rectification tasks by status. Cards show the title and `cardFields`; overdue cards (by the
 * resource's `deadline`) are highlighted.
 */
export interface BoardView<F extends string = string> {
  /** An enum field: one column per option, in option order. */
  groupBy: F;
  /** Shown under the title, e.g. owner department and deadline. */
  cardFields?: readonly F[];
}

/**
 * A computed roster column: per record, the sum of `sum` over the records of `kind` whose ref
 * field `via` points at it, in the chosen year (of `kind`'s period field); with `threshold`, the
 * column header shows the line and rows below it are highlighted. E.g. officers' yearly training
 * hours: `{ kind: 'officer_trainings', via: 'officerId', sum: 'hours', threshold: 60 }`.
 */
export interface RelatedSumColumn {
  /** Stable id, the column's key. */
  id: string;
  /** Column title, e.g. 年度培训学时. */
  label: string;
  labelEn?: string;
  /** The related kind's id. */
  kind: string;
  /** The related kind's ref field pointing at this resource's kind. */
  via: string;
  /** The related kind's number field summed. */
  sum: string;
  threshold?: number;
  /** e.g. 学时 */
  unit?: string;
}

/**
 * A computed column from two number fields of the record itself, shown as a percentage: e.g. a law
 * exam's 合格率 = 合格人数 ÷ 参考人数. Empty when either field is empty or the denominator is 0, so
 * a row never shows a rate its own figures do not support.
 */
export interface RatioColumn<F extends string = string> {
  /** Stable id, the column's key. */
  id: string;
  /** Column title, e.g. 合格率. */
  label: string;
  labelEn?: string;
  /** Number fields (integer, decimal or money) of the resource's kind. */
  numerator: F;
  denominator: F;
  /** Decimal places, trailing zeros dropped; 1 by default (98.9%, 100%). */
  decimals?: number;
}

/** One cell of a printed form: a field, or a field whose value spans the row's other column too. */
export type PrintFormCell<F extends string = string> = F | { field: F; span: 2 };

/**
 * How one record prints as its paper form (调解登记表, 法律援助申请表 …): a title and rows of one or
 * two cells, each a field's label and value (the 所属单位 and the printing date head the form).
 * Without it a record prints as a generic two-column form of every field.
 */
export interface PrintForm<F extends string = string> {
  /** e.g. 人民调解登记表 */
  title: string;
  titleEn?: string;
  /** Rows top to bottom: `[a, b]` two fields side by side, `[{ field: c, span: 2 }]` one across the page. */
  rows: readonly (readonly PrintFormCell<F>[])[];
}

export interface FormSection<F extends string = string> {
  title: string;
  titleEn?: string;
  fields: readonly F[];
  /** The section holds personal data: the form says so, and masked values stay untouched. */
  personal?: boolean;
}

/**
 * One record kind the plugin serves. Field keys are typed from the kind: with a kind declared by
 * `defineRecordKind`, a misspelt key in `listColumns`, `listFilters`, `formSections`,
 * `defaultSort` or `workflow` is a type error (through `definePlugin` or `defineResource`).
 */
export interface PluginResource<K extends RecordKind = RecordKind> {
  kind: K;
  /** Columns shown in the list by default (field keys); the user can choose others. Defaults to `listed` fields. */
  listColumns?: readonly FieldKey<K>[];
  /** Defaults: period, org, then every `listed` enum field. */
  listFilters?: readonly ListFilter<FieldKey<K>>[];
  defaultSort?: { field: FieldKey<K>; order: 'asc' | 'desc' };
  /** Form field order and grouping; defaults to declaration order in one group. */
  formSections?: readonly FormSection<FieldKey<K>>[];
  /**
   * @deprecated Declare the workflow on the kind (`RecordKind.workflow`): the database then
   * enforces it and records every step. A resource-level workflow only drives the buttons (the
   * console writes its steps as plain updates, unchecked by the database); it stays for plugins
   * written before, and `definePlugin` refuses it on a kind that declares its own.
   */
  workflow?: Workflow<FieldKey<K>>;
  /** Overdue highlighting and filter, e.g. tickets past their deadline while not closed. */
  deadline?: DeadlineRule<FieldKey<K>>;
  /** Other "needs attention" highlights with a filter each, e.g. unrated tickets. */
  attention?: readonly AttentionRule<FieldKey<K>>[];
  /** Work waiting for the area's writers, on the 待办 page: e.g. tickets near their deadline. */
  todos?: readonly TodoRule<FieldKey<K>>[];
  /** Adds a 看板 view beside the list. */
  board?: BoardView<FieldKey<K>>;
  /** Computed columns from related kinds, e.g. the officers' yearly training hours. */
  relatedSums?: readonly RelatedSumColumn[];
  /** Computed percentage columns from the record's own numbers, e.g. an exam's 合格率. */
  ratioColumns?: readonly RatioColumn<FieldKey<K>>[];
  attachments?: readonly AttachmentSlot[];
  /** The record's printed form (打印登记表); a generic two-column form when absent. */
  printForm?: PrintForm<FieldKey<K>>;
  /** Overrides of the generic pages. */
  pages?: { list?: LazyPage; show?: LazyPage; create?: LazyPage; edit?: LazyPage };
}

/** The workflow a resource's pages follow: its kind's (enforced), else the resource's own (deprecated). */
export function workflowOf(resource: PluginResource): Workflow | undefined {
  return resource.kind.workflow ?? resource.workflow;
}

/** A dashboard card or chart bound to indicators; computed in the database. */
export type DashboardWidget =
  | { type: 'indicator-card'; indicator: string; /** show 同比 */ compare?: boolean }
  | { type: 'monthly-trend'; indicator: string; title: string; titleEn?: string; chart?: 'bar' | 'line' }
  | { type: 'component'; title: string; titleEn?: string; load: () => Promise<{ default: ComponentType }> };

export interface IndicatorGroup {
  id: string;
  label: string;
  labelEn?: string;
  indicators: readonly string[];
}

/**
 * A section the plugin contributes to the annual report, merged by the model's one rule
 * (`mergeReportSections` of @fazhi/model): a section whose id equals one of the template's
 * replaces it; otherwise it is added at the end of `parent` (a section id of the template,
 * e.g. `achievements`), or at the end of the report.
 */
export type PluginReportSection = ReportSectionContribution;

/**
 * A console plugin: the model extension (`id`, `apiVersion`, `areas` for a new work area, `kinds`,
 * `kindExtensions`, `catalog`, `reportSections`; every resource's kind is registered too) plus
 * what the console shows.
 */
export interface WorkAreaPlugin extends FazhiExtension {
  /** kebab-case and unique across the console, e.g. `mediation`. */
  id: string;
  apiVersion: typeof pluginApiVersion;
  label: string;
  labelEn?: string;
  /** The work area whose grants (clerk areas) govern these resources; every resource's kind belongs to it. */
  area: WorkAreaId;
  /** Menu order; lower first. */
  order?: number;
  /**
   * The menu group this plugin's entry sits in, e.g. 依法行政, 矛盾化解, 公共法律服务: plugins naming
   * the same group share one menu node, so eleven areas stay one or two clicks away.
   */
  menuGroup?: string;
  /** The group's name in English mode; plugins sharing a group give the same one. */
  menuGroupEn?: string;
  resources: readonly PluginResource[];
  dashboard?: readonly DashboardWidget[];
  indicatorGroups?: readonly IndicatorGroup[];
  /** Sections the plugin contributes to the annual report template. */
  reportSections?: readonly PluginReportSection[];
  /** Extra UI strings, per language, merged into the console's i18n layer under `plugins.<id>.` */
  messages?: { 'zh-CN'?: Record<string, string>; en?: Record<string, string> };
}
