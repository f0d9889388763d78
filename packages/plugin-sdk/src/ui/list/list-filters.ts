import { findField, periodRange, todayInShanghai, type FieldDef, type OrgUnit, type Period } from '@fazhi/domain';
import type { CrudFilter } from '@refinedev/core';
import type { ListFilter, PluginResource } from '../../plugin.js';
import { subtreeOf } from '../fields/org-tree.js';
import { attentionRulesOf, ruleFilter } from '../views/attention.js';

/**
 * List filters: which ones a resource shows, and how the filter form's values become Refine
 * `CrudFilters` for the data provider (server-side). Every filter always yields its entries, with
 * `value: undefined` when empty, so Refine's default "merge" replaces a cleared filter and the
 * provider ignores it.
 */
export function listFiltersOf(resource: PluginResource): ListFilter[] {
  if (resource.listFilters) return [...resource.listFilters];
  const enums = resource.kind.fields.filter((f) => f.listed && f.type === 'enum').map((f) => ({ field: f.key }));
  return [{ type: 'period' }, { type: 'org' }, ...enums];
}

export type ResolvedFilter =
  | { kind: 'period'; name: string; field: FieldDef; keepUndated: boolean }
  | { kind: 'org'; name: 'orgId' }
  | { kind: 'text'; name: string; fields: FieldDef[] }
  | { kind: 'select'; name: string; field: FieldDef & { type: 'enum' | 'enum-set' }; multiple: boolean }
  | { kind: 'boolean'; name: string; field: FieldDef }
  | { kind: 'range'; name: string; field: FieldDef }
  | { kind: 'contains'; name: string; field: FieldDef }
  | { kind: 'eq'; name: string; field: FieldDef };

/** The filter's control and form name, from the declaration and the field's type. */
export function resolveFilter(resource: PluginResource, f: ListFilter): ResolvedFilter {
  const kind = resource.kind;
  if (f.type === 'period') {
    const field = findField(kind, f.field ?? kind.periodField)!;
    return { kind: 'period', name: `period__${field.key}`, field, keepUndated: f.keepUndated === true };
  }
  if (f.type === 'org') return { kind: 'org', name: 'orgId' };
  if (f.type === 'text') return { kind: 'text', name: 'q', fields: f.fields.map((k) => findField(kind, k)!) };
  const field = findField(kind, f.field)!;
  const op = f.operator;
  if ((field.type === 'enum' || field.type === 'enum-set') && op !== 'contains') return { kind: 'select', name: field.key, field, multiple: op !== 'eq' };
  if (field.type === 'boolean') return { kind: 'boolean', name: field.key, field };
  if (op === 'range' || (!op && ['date', 'datetime', 'integer', 'decimal', 'money'].includes(field.type))) return { kind: 'range', name: field.key, field };
  if (op === 'eq') return { kind: 'eq', name: field.key, field };
  return { kind: 'contains', name: field.key, field };
}

/** The period filter's form value. */
export interface PeriodValue {
  year?: number | null;
  /** `year`, `q1`…`q4`, `m1`…`m12`. */
  part?: string | null;
}

export function periodOf(v: PeriodValue | undefined): Period | null {
  if (!v?.year) return null;
  const part = v.part ?? 'year';
  if (/^q[1-4]$/.test(part)) return { kind: 'quarter', year: v.year, quarter: Number(part.slice(1)) as 1 | 2 | 3 | 4 };
  if (/^m([1-9]|1[0-2])$/.test(part)) return { kind: 'month', year: v.year, month: Number(part.slice(1)) };
  return { kind: 'year', year: v.year };
}

const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** A date-like bound from a form value (dayjs, Date or text). */
function dateText(v: unknown): string | undefined {
  if (empty(v)) return undefined;
  const d = v as { format?: (f: string) => string };
  return typeof d.format === 'function' ? d.format('YYYY-MM-DD') : String(v);
}

/** Money bounds are typed in 元; the column is fen. */
function numberBound(field: FieldDef, v: unknown): unknown {
  if (empty(v)) return undefined;
  if (field.type === 'money') return Math.round(Number(v) * 100);
  return v;
}

/** The form name of an attention rule's switch (逾期, 未回访 …). */
export const attentionFilterName = (ruleId: string) => `attention__${ruleId}`;

export function filtersToCrud(resource: PluginResource, values: Record<string, unknown>, orgs: readonly OrgUnit[], today = todayInShanghai()): CrudFilter[] {
  const out: CrudFilter[] = attentionRulesOf(resource).map((rule) => ruleFilter(rule, today, values[attentionFilterName(rule.id)] === true));
  for (const f of listFiltersOf(resource).map((x) => resolveFilter(resource, x))) {
    const v = values[f.name];
    switch (f.kind) {
      case 'period': {
        const p = periodOf(v as PeriodValue | undefined);
        const r = p ? periodRange(p) : undefined;
        const within: CrudFilter[] = [{ field: f.field.key, operator: 'gte', value: r?.start }, { field: f.field.key, operator: 'lt', value: r?.end }];
        // Keyed, so Refine replaces the group on the next search; an empty group filters nothing.
        if (f.keepUndated) out.push({ key: f.name, operator: 'or', value: r ? [{ operator: 'and', value: within }, { field: f.field.key, operator: 'null', value: true }] : [] });
        else out.push(...within);
        break;
      }
      case 'org':
        out.push({ field: 'orgId', operator: 'in', value: empty(v) ? undefined : subtreeOf(orgs, String(v)) });
        break;
      case 'text':
        // One box, several fields: an OR group; the key lets Refine replace it on the next search.
        out.push({ key: 'q', operator: 'or', value: empty(v) ? [] : f.fields.map((x) => ({ field: x.key, operator: 'contains' as const, value: String(v).trim() })) });
        break;
      case 'select':
        if (f.multiple) out.push({ field: f.name, operator: 'in', value: empty(v) ? undefined : (v as unknown[]) });
        else out.push({ field: f.name, operator: 'eq', value: empty(v) ? undefined : v });
        break;
      case 'boolean':
        out.push({ field: f.name, operator: 'eq', value: v === 'true' ? true : v === 'false' ? false : undefined });
        break;
      case 'range': {
        const [a, b] = (Array.isArray(v) ? v : []) as unknown[];
        const dates = f.field.type === 'date' || f.field.type === 'datetime';
        out.push(
          { field: f.name, operator: 'gte', value: dates ? dateText(a) : numberBound(f.field, a) },
          // A date range includes its last day: `< next day` works for dates and date-times alike.
          dates ? { field: f.name, operator: 'lt', value: nextDay(dateText(b)) } : { field: f.name, operator: 'lte', value: numberBound(f.field, b) },
        );
        break;
      }
      case 'contains':
        out.push({ field: f.name, operator: 'contains', value: empty(v) ? undefined : String(v).trim() });
        break;
      case 'eq':
        out.push({ field: f.name, operator: 'eq', value: empty(v) ? undefined : v });
        break;
    }
  }
  return out;
}

function nextDay(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
