import { findField, todayInShanghai } from '@fazhi/domain';
import { useLink, useList, useNavigation, type BaseRecord, type HttpError } from '@refinedev/core';
import { Alert, Badge, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { WorkAreaPlugin } from '../../plugin.js';
import { FieldValue } from '../fields/field-value.js';
import { useFazhiServices } from '../services-context.js';
import { useLabels, type Labels } from '../use-labels.js';
import { daysLeft, todoFilters, userTodos, type ResolvedTodo } from './todo-rules.js';

/** Items shown per group and page: the earliest due first, the rest a page away. */
export const todoPageSize = 10;

const severityColor = { danger: 'red', warning: 'orange', info: 'blue' } as const;

/** 剩 3 天 / 今日到期 / 逾期 5 天, red once overdue. */
export function DueTag({ due, today, labels }: { due: string; today: string; labels: Labels }) {
  const days = daysLeft(due, today);
  if (days < 0) return <Tag color="red">{labels.t('fazhi.todo.overdueDays', { days: -days })}</Tag>;
  if (days === 0) return <Tag color="orange">{labels.t('fazhi.todo.dueToday')}</Tag>;
  return <Tag color={days <= 2 ? 'gold' : 'default'}>{labels.t('fazhi.todo.daysLeft', { days })}</Tag>;
}

/** One rule's records: title (a link to the record), unit, due date and how far off it is. */
function TodoGroup({ todo, today, labels }: { todo: ResolvedTodo; today: string; labels: Labels }) {
  const { user } = useFazhiServices();
  const Link = useLink();
  const { showUrl } = useNavigation();
  const [page, setPage] = useState(1);
  const { kind } = todo.resource;
  const due = todo.dueField ? findField(kind, todo.dueField) : undefined;
  const title = findField(kind, kind.titleField)!;
  const filters = useMemo(() => todoFilters(todo, user, today), [todo, user, today]);
  const sort = due ? { field: due.key, order: 'asc' as const } : (todo.resource.defaultSort ?? { field: kind.periodField, order: 'desc' as const });
  const { result, query } = useList<BaseRecord, HttpError>({ resource: kind.id, filters, sorters: [sort], pagination: { currentPage: page, pageSize: todoPageSize, mode: 'server' } });
  const orgName = useMemo(() => new Map(user.orgs.map((o) => [o.id, o.shortName || o.name])), [user.orgs]);
  const total = result.total ?? 0;
  const heading = `${labels.kind(todo.plugin)} · ${labels.field(todo)}`;
  return (
    <Card
      size="small"
      data-todo={todo.key}
      data-todo-total={query.isSuccess ? total : ''}
      aria-label={heading}
      title={
        <Space>
          <Tag color={severityColor[todo.severity]}>{labels.field(todo)}</Tag>
          <span>{labels.kind(todo.plugin)} · {labels.kind(kind)}</span>
          <Badge count={total} showZero overflowCount={99999} color={total ? severityColor[todo.severity] : '#bfbfbf'} />
        </Space>
      }
    >
      {query.isError ? (
        <Alert type="error" showIcon message={labels.t('fazhi.todo.failed', { message: query.error?.message ?? '' })} />
      ) : total === 0 && !query.isLoading ? (
        <Typography.Text type="secondary">{labels.t('fazhi.todo.groupEmpty')}</Typography.Text>
      ) : (
        <Table<BaseRecord>
          size="small"
          rowKey={(r) => String(r.id)}
          loading={query.isLoading || query.isFetching}
          dataSource={result.data}
          pagination={{ current: page, pageSize: todoPageSize, total, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n: number) => labels.t('fazhi.todo.total', { total: n }) }}
          columns={[
            { key: 'title', title: labels.t('fazhi.todo.record'), render: (_: unknown, r: BaseRecord) => <Link to={showUrl(kind.id, r.id!)}><FieldValue field={title} value={r[title.key]} labels={labels} /></Link> },
            { key: 'org', title: labels.t('fazhi.todo.org'), render: (_: unknown, r: BaseRecord) => orgName.get(String(r.orgId)) ?? '' },
            ...(due
              ? [
                  { key: 'due', title: labels.field(due), render: (_: unknown, r: BaseRecord) => <span style={{ whiteSpace: 'nowrap' }}><FieldValue field={due} value={r[due.key]} labels={labels} /></span> },
                  { key: 'left', title: labels.t('fazhi.todo.left'), render: (_: unknown, r: BaseRecord) => (r[due.key] ? <DueTag due={String(r[due.key])} today={today} labels={labels} /> : null) },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}

/**
 * The 待办 page: every to-do rule of the areas the user may write, one group each, the records
 * one click away. The rules are the plugins' declarations; nothing here knows an area.
 */
export default function TodoPage({ plugins }: { plugins: readonly WorkAreaPlugin[] }) {
  const { user } = useFazhiServices();
  const labels = useLabels();
  const todos = useMemo(() => userTodos(plugins, user), [plugins, user]);
  // One day for every group of the page (and the same as the header count's).
  const [today] = useState(() => todayInShanghai());
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {labels.t('fazhi.todo.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{labels.t('fazhi.todo.intro')}</Typography.Text>
      </div>
      {todos.length === 0 ? <Empty description={labels.t('fazhi.todo.noRules')} /> : todos.map((todo) => <TodoGroup key={todo.key} todo={todo} today={today} labels={labels} />)}
    </Space>
  );
}
