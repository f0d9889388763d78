import { PlusOutlined } from '@ant-design/icons';
import { findField, todayInShanghai } from '@fazhi/domain';
import { List, useTable } from '@refinedev/antd';
import { useCan, useLink, useNavigation, type BaseRecord, type CrudFilter, type HttpError } from '@refinedev/core';
import { Alert, Button, Segmented, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { hasRight } from '../../host/access-control.js';
import type { RecordPageProps } from '../../plugin.js';
import { FieldValue } from '../fields/field-value.js';
import { orgName, subtreeOf } from '../fields/org-tree.js';
import { DuplicateKeysNotice } from '../dashboard/duplicate-keys-notice.js';
import { DrillBanner, summaryText, useListDrill, useListedValue } from '../drill/drill-banner.js';
import { useDashboardScope } from '../dashboard/dashboard-widgets.js';
import { attentionRulesOf, rulesMet } from '../views/attention.js';
import { Board } from '../views/board.js';
import { belowThreshold } from '../views/related-sums.js';
import { useRelatedSums } from '../views/use-related-sums.js';
import { useFazhiServices } from '../services-context.js';
import { useLabels } from '../use-labels.js';
import { ColumnChooser } from './column-chooser.js';
import { useColumnPrefs } from './column-prefs.js';
import { FilterBar } from './filter-bar.js';
import { filtersToCrud } from './list-filters.js';
import { RowActions } from './row-actions.js';

const unsortable = new Set(['longtext', 'enum-set']);
const noTableScroll = { scrollToFirstRowOnChange: false };
const attentionRow = { style: { background: '#fff1f0' } };

/**
 * The generic list: server-side paging, sorting and filtering through Refine's `useTable` and the
 * data provider, columns from field metadata (chosen by the user, remembered per resource), row
 * actions by access control, and a recycle-bin toggle. Declared views join in: attention rules
 * (逾期 …) tag and highlight rows and add a filter each, related sums add roster columns with their
 * threshold line, and a declared board adds a 列表 / 看板 switch over the same filters.
 */
export default function RecordListPage({ resource, plugin }: RecordPageProps) {
  const labels = useLabels();
  const { t } = labels;
  const { user, dashboardOrgId } = useFazhiServices();
  // The console's chosen unit limits the list; the org filter narrows further within it. Wrapped
  // in a keyed `and` so Refine does not merge it with that filter (same field and operator).
  const scope = useMemo<CrudFilter[]>(
    () => (dashboardOrgId ? [{ operator: 'and', key: 'fazhi-scope', value: [{ field: 'orgId', operator: 'in', value: subtreeOf(user.orgs, dashboardOrgId) }] }] : []),
    [dashboardOrgId, user.orgs],
  );
  const kind = resource.kind;
  // Opened from a dashboard figure: its measure's conditions join the permanent filters.
  const { drill, ignored } = useListDrill(kind);
  const permanent = useMemo(() => (drill ? [...scope, drill.filter] : scope), [scope, drill]);
  const drilledValue = useListedValue(drill, kind.id, scope);
  const Link = useLink();
  const { showUrl, create } = useNavigation();
  const [withDeleted, setWithDeleted] = useState(false);
  const [view, setView] = useState<'list' | 'board'>('list');
  const { year } = useDashboardScope();
  const rules = useMemo(() => attentionRulesOf(resource), [resource]);
  const today = todayInShanghai();
  const { columns, setColumns } = useColumnPrefs(resource);
  const { data: canCreate } = useCan({ resource: kind.id, action: 'create', params: { resource: { name: kind.id, meta: { area: plugin.area } } as never } });

  const { tableProps, searchFormProps, filters } = useTable<BaseRecord, HttpError, Record<string, unknown>>({
    resource: kind.id,
    syncWithLocation: false,
    pagination: { pageSize: 20 },
    sorters: { initial: [drill?.measure.aggregation.type === 'latest' ? { field: drill.measure.aggregation.by, order: 'desc' } : (resource.defaultSort ?? { field: kind.periodField, order: 'desc' })] },
    filters: { permanent },
    meta: { withDeleted },
    onSearch: (values) => filtersToCrud(resource, values, user.orgs),
  });

  const titleKey = kind.titleField;
  const ids = useMemo(() => (tableProps.dataSource ?? []).map((r) => String(r.id)), [tableProps.dataSource]);
  const sums = useRelatedSums(resource, ids, year);
  const isBelow = (r: BaseRecord) => (resource.relatedSums ?? []).some((col, i) => sums[i] !== undefined && belowThreshold(col, sums[i].get(String(r.id)) ?? 0));
  const rowClassName = (r: BaseRecord) =>
    r.deletedAt ? 'fazhi-row-deleted' : rulesMet(rules, r, today).length || isBelow(r) ? 'fazhi-row-attention' : '';
  const tableColumns = useMemo(() => [
    ...columns
      .map((key) => findField(kind, key))
      .filter((f) => f !== undefined)
      .map((f) => ({
        key: f.key,
        dataIndex: f.key,
        title: labels.field(f),
        sorter: !unsortable.has(f.type),
        render: (value: unknown, record: BaseRecord) => {
          const shown = <FieldValue field={f} value={value} labels={labels} masked={f.personal && !hasRight(user, 'personal', plugin.area, record.orgId as string)} />;
          if (f.key !== titleKey) return shown;
          return (
            <Space size={4}>
              <Link to={showUrl(kind.id, record.id!)}>{shown}</Link>
              {record.deletedAt ? <Tag color="red">{t('fazhi.list.deleted')}</Tag> : null}
              {rulesMet(rules, record, today).map((m) => (
                <Tag key={m.id} color="red">
                  {labels.field(m)}
                </Tag>
              ))}
            </Space>
          );
        },
      })),
    ...(resource.relatedSums ?? []).map((col, i) => ({
      key: `sum__${col.id}`,
      title: col.threshold === undefined ? labels.field(col) : `${labels.field(col)}（${t('fazhi.list.line', { threshold: col.threshold, unit: col.unit ?? '' })}）`,
      render: (_: unknown, record: BaseRecord) => {
        const sum = sums[i];
        if (!sum) return <Typography.Text type="secondary">…</Typography.Text>;
        const total = sum.get(String(record.id)) ?? 0;
        return (
          <Space size={4}>
            <span>{total}</span>
            {belowThreshold(col, total) ? <Tag color="red">{t('fazhi.list.belowLine', { threshold: col.threshold, unit: col.unit ?? '' })}</Tag> : null}
          </Space>
        );
      },
    })),
    {
      key: 'orgId',
      dataIndex: 'orgId',
      title: t('fazhi.orgId'),
      render: (value: unknown) => <Typography.Text>{orgName(user.orgs, value) ?? t('fazhi.empty')}</Typography.Text>,
    },
    {
      key: '__actions',
      title: t('fazhi.list.actions'),
      render: (_: unknown, record: BaseRecord) => <RowActions resource={resource} area={plugin.area} record={record} labels={labels} />,
    },
  ], [columns, kind, labels, user, plugin.area, resource, titleKey, Link, showUrl, t, rules, today, sums]);

  return (
    <List
      resource={kind.id}
      title={labels.kind(kind)}
      headerButtons={
        <Space wrap>
          {resource.board ? (
            <Segmented
              value={view}
              onChange={(v) => setView(v as 'list' | 'board')}
              options={[
                { value: 'list', label: t('fazhi.list.viewList') },
                { value: 'board', label: t('fazhi.list.viewBoard') },
              ]}
            />
          ) : null}
          <Space size={4}>
            <Switch size="small" checked={withDeleted} onChange={setWithDeleted} aria-label={t('fazhi.list.showDeleted')} />
            <span>{t('fazhi.list.showDeleted')}</span>
          </Space>
          <ColumnChooser resource={resource} columns={columns} onChange={setColumns} labels={labels} />
          {canCreate?.can ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => create(kind.id)}>
              {t('buttons.create')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <DuplicateKeysNotice kind={kind} />
      {drill ? <DrillBanner drill={drill} kind={kind} value={drilledValue} labels={labels} /> : null}
      {ignored ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t(ignored.key, ignored.params)} /> : null}
      <FilterBar resource={resource} formProps={searchFormProps} labels={labels} />
      {/* A plain scrolling box rather than the table's own `scroll.x` (which useTable turns on):
          that one measures the table after every render (forced layouts) and animates a scroll
          to the first row on each sort or page. */}
      {view === 'board' ? <Board resource={resource} filters={[...permanent, ...filters]} labels={labels} /> : null}
      <div style={{ overflowX: 'auto', display: view === 'board' ? 'none' : undefined }}>
        <Table
          {...tableProps}
          rowKey="id"
          size="middle"
          scroll={noTableScroll}
          columns={tableColumns}
          rowClassName={rowClassName}
          onRow={(r) => (rowClassName(r) === 'fazhi-row-attention' ? attentionRow : {})}
          pagination={{ ...(tableProps.pagination || {}), showTotal: (total: number) => t('fazhi.list.total', { total }) }}
          summary={
            drill?.measure.aggregation.type === 'sum' && drilledValue !== undefined
              ? () => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={tableColumns.length}>
                      <Typography.Text strong data-drill-total={drilledValue ?? ''}>
                        {summaryText(drill.measure, kind, drilledValue, labels)}
                      </Typography.Text>
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                )
              : undefined
          }
        />
      </div>
    </List>
  );
}
