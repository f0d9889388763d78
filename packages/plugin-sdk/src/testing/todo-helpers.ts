import { asUser, queriesAs } from '@fazhi/db/browser';
import { sqlDataProvider } from '@fazhi/db/refine';
import { todayInShanghai } from '@fazhi/domain';
import { composeConsole } from '../host/compose-console.js';
import type { WorkAreaPlugin } from '../plugin.js';
import { todoFilters, userTodos } from '../ui/todo/todo-rules.js';
import { demoAccount, loadConsoleUser, type DemoUserRef, type PluginDatabase } from './plugin-database.js';

/**
 * What the 待办 page counts for a demo user, rule by rule (`<kind>.<rule>` → total): the same
 * filters through the same data provider, as that user under RLS. Rules of areas the user may
 * not write are absent.
 */
export async function todoCounts(plugin: WorkAreaPlugin, database: PluginDatabase, user: DemoUserRef, today = todayInShanghai()): Promise<Record<string, number>> {
  const { plugins, model } = composeConsole([plugin]);
  const account = demoAccount(user);
  const consoleUser = await loadConsoleUser(database.db, account.id, account.displayName);
  const provider = sqlDataProvider({ db: database.db, session: (fn) => asUser(database.db, { userId: account.id }, fn), reads: (s) => queriesAs(database.db, { userId: account.id }, s), registry: model.registry });
  const out: Record<string, number> = {};
  for (const todo of userTodos(plugins, consoleUser)) {
    const { total } = await provider.getList({ resource: todo.resource.kind.id, filters: todoFilters(todo, consoleUser, today), pagination: { currentPage: 1, pageSize: 1, mode: 'server' } });
    out[`${todo.resource.kind.id}.${todo.id}`] = total;
  }
  return out;
}
