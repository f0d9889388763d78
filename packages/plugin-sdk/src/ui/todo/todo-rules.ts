import type { CrudFilter } from '@refinedev/core';
import { writableOrgIds } from '../../host/access-control.js';
import type { AttentionCondition, PluginResource, TodoRule, TodoSeverity, WorkAreaPlugin } from '../../plugin.js';
import type { ConsoleUser } from '../../services.js';
import { attentionRulesOf, conditionFilters } from '../views/attention.js';

/** The 待办 page's route. */
export const todoPath = '/todo';

/** A to-do rule with its conditions spelt out (an attention rule's id resolved) and its place. */
export interface ResolvedTodo {
  /** Unique across the console: `<plugin>.<kind>.<rule>`. */
  key: string;
  plugin: WorkAreaPlugin;
  resource: PluginResource;
  id: string;
  label: string;
  labelEn?: string;
  when: readonly AttentionCondition[];
  dueField?: string;
  severity: TodoSeverity;
}

/** One resource's to-do rules, resolved; a `when` naming no attention rule resolves to no condition (`definePlugin` refuses it). */
export function resolveTodos(plugin: WorkAreaPlugin, resource: PluginResource): ResolvedTodo[] {
  const attention = attentionRulesOf(resource);
  return (resource.todos ?? []).map((rule: TodoRule) => {
    const named = typeof rule.when === 'string' ? attention.find((a) => a.id === rule.when) : undefined;
    const label = rule.label ?? named?.label ?? rule.id;
    const labelEn = rule.labelEn ?? (rule.label ? undefined : named?.labelEn);
    return {
      key: `${plugin.id}.${resource.kind.id}.${rule.id}`,
      plugin,
      resource,
      id: rule.id,
      label,
      ...(labelEn ? { labelEn } : {}),
      when: typeof rule.when === 'string' ? (named?.when ?? []) : rule.when,
      ...(rule.dueField ? { dueField: rule.dueField } : {}),
      severity: rule.severity ?? 'warning',
    };
  });
}

/**
 * The to-dos of one user: the rules of every area the user may WRITE (a clerk's own areas, an
 * admin's all; a viewer or supervisor has none), in menu order. Reading is not enough: a to-do is
 * work the user can do.
 */
export function userTodos(plugins: readonly WorkAreaPlugin[], user: ConsoleUser): ResolvedTodo[] {
  return [...plugins]
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100))
    .filter((p) => writableOrgIds(user, p.area).size > 0)
    .flatMap((p) => p.resources.flatMap((r) => resolveTodos(p, r)));
}

/**
 * The data-provider filters of a to-do for `user`: its conditions, and the units where the user
 * may write in its area (RLS limits reads already; a user reading more than they write — a viewer
 * of the district who is a street's clerk — sees only what they can act on).
 *
 * Counting goes through the data provider on purpose (one `getList` per rule, no SQL function): the
 * conditions are the attention language the lists already filter by, so the 待办 count and the
 * list's 「只看…」 agree by construction, both backends (PGlite and PostgREST) already run these
 * filters under RLS, and Refine invalidates the queries after every write without extra wiring.
 * The one big table, 12345 tickets, has a partial index over its open tickets for its rule
 * (supabase/migrations/20261205040100_todo_indexes.sql): on the seed the count is an index-only
 * scan of 0.2 ms instead of a 230 ms pass over 41,088 rows.
 */
export function todoFilters(todo: ResolvedTodo, user: ConsoleUser, today: string): CrudFilter[] {
  return [...conditionFilters(todo.when, today), { field: 'orgId', operator: 'in', value: [...writableOrgIds(user, todo.plugin.area)] }];
}

/** Whole days from `today` to a due date (negative: overdue by that many days). */
export function daysLeft(due: string, today: string): number {
  const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  return Math.round((day(due) - day(today)) / 86_400_000);
}
