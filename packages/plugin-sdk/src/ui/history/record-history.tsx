import { findField, type RecordHistoryEntry } from '@fazhi/domain';
import { useCustom, type BaseRecord } from '@refinedev/core';
import { Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { workflowOf, type PluginResource } from '../../plugin.js';
import { FieldValue } from '../fields/field-value.js';
import { orgName } from '../fields/org-tree.js';
import { formatShanghaiDateTime } from '../fields/shanghai-time.js';
import { useFazhiServices } from '../services-context.js';
import { useLabels, type Labels } from '../use-labels.js';

const empty = (v: unknown) => v === null || v === undefined || v === '';

/**
 * 操作日志: who changed what and when, each changed field with its old and new value, workflow
 * steps by name — from the database's audit trail (`public.record_history`), which masks personal
 * values for readers without the right before they leave the database.
 */
export function RecordHistory({ resource, record }: { resource: PluginResource; record: BaseRecord }) {
  const labels = useLabels();
  const { t } = labels;
  // The version is part of the query, so the log is read again after every write.
  const { result, query } = useCustom<RecordHistoryEntry[]>({ url: 'record-history', method: 'get', config: { query: { resource: resource.kind.id, id: record.id, version: record.version } } });
  const entries: RecordHistoryEntry[] = Array.isArray(result.data) ? [...result.data].reverse() : [];
  return (
    <Table<RecordHistoryEntry>
      rowKey="id"
      size="small"
      loading={query.isLoading}
      dataSource={entries}
      pagination={entries.length > 10 ? { pageSize: 10 } : false}
      locale={{ emptyText: query.isError ? t('fazhi.history.failed') : t('fazhi.history.empty') }}
      columns={[
        { key: 'at', title: t('fazhi.history.at'), width: 170, render: (_, e) => <span style={{ whiteSpace: 'nowrap' }}>{formatShanghaiDateTime(e.at)}</span> },
        { key: 'actor', title: t('fazhi.history.actor'), width: 120, render: (_, e) => (e.actorName ? <span data-record="">{e.actorName}</span> : e.actor ? t('fazhi.steps.someone') : t('fazhi.history.system')) },
        {
          key: 'operation',
          title: t('fazhi.history.operation'),
          width: 140,
          render: (_, e) => (
            <Space size={4} wrap>
              <Tag>{t(`fazhi.history.op.${e.operation}`)}</Tag>
              {e.step ? <Tag color="blue">{labels.step(workflowOf(resource), e.step)}</Tag> : null}
            </Space>
          ),
        },
        { key: 'changes', title: t('fazhi.history.changes'), render: (_, e) => <Changes entry={e} resource={resource} labels={labels} /> },
      ]}
    />
  );
}

function Changes({ entry, resource, labels }: { entry: RecordHistoryEntry; resource: PluginResource; labels: Labels }) {
  const { user } = useFazhiServices();
  const { t } = labels;
  const value = (key: string, v: unknown): ReactNode => {
    if (empty(v)) return <Typography.Text type="secondary">{t('fazhi.empty')}</Typography.Text>;
    if (key === 'orgId') return <span data-record="">{orgName(user.orgs, v) ?? String(v)}</span>;
    if (key === 'deletedAt') return formatShanghaiDateTime(String(v));
    const field = findField(resource.kind, key);
    // Values arrive masked from the database where the reader may not see them.
    return field ? <FieldValue field={field} value={v} labels={labels} masked={false} /> : String(typeof v === 'object' ? JSON.stringify(v) : v);
  };
  const name = (key: string) => {
    if (key === 'orgId') return t('fazhi.orgId');
    if (key === 'deletedAt') return t('fazhi.show.deletedAt');
    const field = findField(resource.kind, key);
    return field ? labels.field(field) : key;
  };
  return (
    <Space direction="vertical" size={2}>
      {entry.changes.map((c) => (
        <span key={c.field} data-history-field={c.field}>
          <Typography.Text strong>{name(c.field)}</Typography.Text>
          {t('fazhi.history.colon')}
          {entry.operation === 'INSERT' ? (
            value(c.field, c.after)
          ) : (
            <>
              {value(c.field, c.before)} → {value(c.field, c.after)}
            </>
          )}
        </span>
      ))}
    </Space>
  );
}
