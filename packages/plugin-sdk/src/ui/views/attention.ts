import type { CrudFilter } from '@refinedev/core';
import { workflowOf, type AttentionCondition, type AttentionRule, type PluginResource } from '../../plugin.js';

/**
 * "Needs attention" rules of a resource (its `deadline` as the rule `overdue`, then its declared
 * `attention` rules), each usable two ways that must agree: `meetsRule` on a loaded record (row
 * and card highlighting) and `ruleFilters` for the data provider (the list's filter, evaluated by
 * the database). `today` is the Shanghai calendar date, passed in so both sides use one day.
 */
export function attentionRulesOf(resource: PluginResource): AttentionRule[] {
  const rules: AttentionRule[] = [];
  const d = resource.deadline;
  const status = d?.status ?? workflowOf(resource)?.field;
  const notDone: AttentionCondition | undefined = d?.doneWhenFilled ? { field: d.doneWhenFilled, empty: true } : d?.doneWhen && status ? { field: status, notIn: d.doneWhen } : undefined;
  if (d && notDone) {
    rules.push({ id: 'overdue', label: d.label ?? '已逾期', labelEn: d.labelEn ?? (d.label ? undefined : 'Overdue'), when: [{ field: d.field, before: 'today' }, notDone] });
  }
  return [...rules, ...(resource.attention ?? [])];
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

/** Dates arrive as `YYYY-MM-DD` (or a timestamp for date-times): compared by the calendar day. */
const dayOf = (v: unknown) => String(v).slice(0, 10);

export function meetsCondition(c: AttentionCondition, record: Record<string, unknown>, today: string): boolean {
  const v = record[c.field];
  if ('empty' in c) return isEmpty(v);
  if ('filled' in c) return !isEmpty(v);
  if ('in' in c) return !isEmpty(v) && c.in.includes(String(v));
  if ('notIn' in c) return isEmpty(v) || !c.notIn.includes(String(v));
  if ('is' in c) return v === c.is;
  if ('withinDays' in c) return !isEmpty(v) && dayOf(v) < dayAfter(today, c.withinDays);
  if ('olderThanDays' in c) return !isEmpty(v) && dayOf(v) < daysBefore(today, c.olderThanDays);
  return !isEmpty(v) && dayOf(v) < today;
}

/** The calendar day `days + 1` after `today`: a date within `days` days lies before it. */
export function dayAfter(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days + 1);
  return d.toISOString().slice(0, 10);
}

/** The calendar day `days` before `today`: a date more than `days` days ago lies before it. */
export function daysBefore(today: string, days: number): string {
  return dayAfter(today, -days - 1);
}

export function meetsRule(rule: AttentionRule, record: Record<string, unknown>, today: string): boolean {
  return rule.when.every((c) => meetsCondition(c, record, today));
}

/** The rules a record meets, for its highlight and tags. */
export function rulesMet(rules: readonly AttentionRule[], record: Record<string, unknown>, today: string): AttentionRule[] {
  return rules.filter((r) => meetsRule(r, record, today));
}

/** `notIn: []` holds for every record; as a filter it would reduce the `or` below to "is empty". */
const alwaysHolds = (c: AttentionCondition) => 'notIn' in c && c.notIn.length === 0;

export function conditionFilter(c: AttentionCondition, today: string): CrudFilter {
  if ('empty' in c) return { field: c.field, operator: 'null', value: true };
  if ('filled' in c) return { field: c.field, operator: 'nnull', value: true };
  if ('in' in c) return { field: c.field, operator: 'in', value: [...c.in] };
  // SQL's `not in` drops empty values; the browser side counts them as "not final".
  if ('notIn' in c) return { operator: 'or', value: [{ field: c.field, operator: 'null', value: true }, { field: c.field, operator: 'nin', value: [...c.notIn] }] };
  if ('is' in c) return { field: c.field, operator: 'eq', value: c.is };
  if ('withinDays' in c) return { field: c.field, operator: 'lt', value: dayAfter(today, c.withinDays) };
  if ('olderThanDays' in c) return { field: c.field, operator: 'lt', value: daysBefore(today, c.olderThanDays) };
  return { field: c.field, operator: 'lt', value: today };
}

/** Every condition as a data-provider filter (all must hold). */
export function conditionFilters(when: readonly AttentionCondition[], today: string): CrudFilter[] {
  return when.filter((c) => !alwaysHolds(c)).map((c) => conditionFilter(c, today));
}

/** The rule as one keyed filter (Refine replaces it on the next search instead of merging). */
export function ruleFilter(rule: AttentionRule, today: string, on: boolean): CrudFilter {
  return { key: `attention.${rule.id}`, operator: 'and', value: on ? conditionFilters(rule.when, today) : [] };
}
