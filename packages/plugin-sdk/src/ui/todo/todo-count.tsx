import { todayInShanghai } from '@fazhi/domain';
import { useGo, useList } from '@refinedev/core';
import { CheckSquareOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { WorkAreaPlugin } from '../../plugin.js';
import { useFazhiServices } from '../services-context.js';
import { useLabels } from '../use-labels.js';
import { todoFilters, todoPath, userTodos, type ResolvedTodo } from './todo-rules.js';

/** One rule's count (a one-row page: its total), reported up. A component per rule keeps the hooks' order fixed. */
function RuleTotal({ todo, today, onTotal }: { todo: ResolvedTodo; today: string; onTotal(key: string, total: number | undefined): void }) {
  const { user } = useFazhiServices();
  const filters = useMemo(() => todoFilters(todo, user, today), [todo, user, today]);
  // Refine's list query of the rule's resource: every write there (save, workflow step, delete)
  // invalidates it, so the count follows without polling.
  const { result, query } = useList({ resource: todo.resource.kind.id, filters, pagination: { currentPage: 1, pageSize: 1, mode: 'server' } });
  const total = query.isSuccess ? (result.total ?? 0) : undefined;
  useEffect(() => onTotal(todo.key, total), [onTotal, todo.key, total]);
  return null;
}

/**
 * The header's 待办 button: the number of to-do items of the signed-in user (every rule's count
 * added up; a record meeting two rules counts twice, as it is listed twice), linking to the page.
 * Nothing for a user who writes in no area.
 */
export function TodoCount({ plugins }: { plugins: readonly WorkAreaPlugin[] }) {
  const { user } = useFazhiServices();
  const { t } = useLabels();
  const go = useGo();
  const todos = useMemo(() => userTodos(plugins, user), [plugins, user]);
  const [today] = useState(() => todayInShanghai());
  const [totals, setTotals] = useState<Record<string, number | undefined>>({});
  const onTotal = useCallback((key: string, total: number | undefined) => setTotals((prev) => (prev[key] === total ? prev : { ...prev, [key]: total })), []);
  if (!todos.length) return null;
  const known = todos.every((x) => totals[x.key] !== undefined);
  const count = todos.reduce((sum, x) => sum + (totals[x.key] ?? 0), 0);
  return (
    <>
      {todos.map((todo) => (
        <RuleTotal key={todo.key} todo={todo} today={today} onTotal={onTotal} />
      ))}
      <Badge count={known ? count : 0} overflowCount={999} offset={[-4, 4]}>
        {/* A real link (opens in a new tab too); a plain click stays in the console's router. */}
        <Button
          type="text"
          href={todoPath}
          icon={<CheckSquareOutlined />}
          data-testid="todo-count"
          data-todo-count={known ? count : ''}
          aria-label={t('fazhi.todo.headerCount', { count })}
          onClick={(e) => {
            e.preventDefault();
            go({ to: todoPath });
          }}
        >
          {t('fazhi.todo.title')}
        </Button>
      </Badge>
    </>
  );
}
