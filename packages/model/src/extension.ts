import type { EnumOption, FieldDef, RecordKind } from '@fazhi/domain';
import type { Catalog } from '@fazhi/metrics';
import type { TemplateSection } from '@fazhi/report';

/**
 * The model contract, version 1: what a plugin or a street's own extension package may add to
 * fazhi's model. Additions within v1 are optional fields only; anything that changes the meaning
 * of an existing field bumps `modelApiVersion`, and composition refuses extensions of another
 * version (an extension built against another contract would be served wrongly, not just badly).
 */
export const modelApiVersion = 1 as const;

/** A work area an extension brings (community correction, say); built-in areas need no declaration. */
export interface AreaDeclaration {
  /** snake_case, unique; the clerk grants (`memberships.areas`) name it. */
  id: string;
  label: string;
  labelEn?: string;
}

/**
 * A street's addition to a kind it does not own (built-in or another plugin's): more enum options
 * on an existing field, or more fields. Nothing can be removed or renamed this way: that needs an
 * explicit, reviewed migration (docs/database.md).
 */
export interface KindExtension {
  /** The id of the kind being extended, e.g. `mediation_cases`. */
  kind: string;
  /** Fields appended after the kind's own; never required (existing records have no value). */
  fields?: readonly FieldDef[];
  /** Extra options per existing enum or enum-set field key, appended after the kind's own. */
  options?: Readonly<Record<string, readonly EnumOption[]>>;
}

/**
 * A section an extension contributes to the annual report. The one rule for merging
 * (`mergeReportSections`): a section whose id equals one of the template's, at any depth, replaces
 * it in place; otherwise it is appended to the section named by `parent` (any section id of the
 * template), or after the template's last top-level section when `parent` is absent or unknown.
 * Extensions are applied in configuration order, so a later one can replace an earlier one's section.
 */
export type ReportSectionContribution = TemplateSection & { parent?: string };

/** The model part of a plugin or extension package: data only, no UI, safe to load in Node and the browser. */
export interface FazhiExtension {
  /** kebab-case, unique across the configuration, e.g. `community-correction`. */
  id: string;
  apiVersion: number;
  label?: string;
  labelEn?: string;
  areas?: readonly AreaDeclaration[];
  /** New record kinds. A plugin's resources' kinds are added too, so a plugin lists each kind once. */
  kinds?: readonly RecordKind[];
  /** Console plugins name their kinds here; composition registers the ones not yet known. */
  resources?: readonly { kind: RecordKind }[];
  kindExtensions?: readonly KindExtension[];
  /** Measures and indicators over built-in or own kinds. */
  catalog?: Catalog;
  reportSections?: readonly ReportSectionContribution[];
}

/** Declares an extension package's model; composition checks it (with every other extension) in one step. */
export function defineExtension<const E extends FazhiExtension>(extension: E): E {
  return Object.freeze(extension);
}
