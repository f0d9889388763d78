import { PlusOutlined } from '@ant-design/icons';
import { findField, todayInShanghai } from '@fazhi/domain';
import { getDefaultSortOrder, List, mapAntdSorterToCrudSorting, useTable } from '@refinedev/antd';
import { useCan, useNavigation, type BaseRecord, type CrudFilter, type HttpError } from '@refinedev/core';
import { Alert, Button, Grid, Segmented, Space, Switch, Table, Tag, Typography, type PaginationProps, type TableProps } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type ComponentProps } from 'react';
// React Router's Link for the rows' titles, not Refine's: Refine's resolves the route against every
// resource of the console each time one mounts, 20 times on every page or sort change.
import { Link, useLocation, useNavigate, useNavigationType } from 'react-router';
import { hasRight } from '../../host/access-control.js';
import { recordPath, resourcePaths } from '../../host/resource-routes.js';
import type { RecordPageProps } from '../../plugin.js';
import { FieldValue } from '../fields/field-value.js';
import { orgName, subtreeOf } from '../fields/org-tree.js';
import { DuplicateKeysNotice } from '../dashboard/duplicate-keys-notice.js';
import { DrillBanner, summaryText, useListDrill, useListedValue } from '../drill/drill-banner.js';
import { useDashboardScope } from '../dashboard/dashboard-widgets.js';
import { attentionRulesOf, rulesMet } from '../views/attention.js';
import { Board } from '../views/board.js';
import { ratioText } from '../views/ratio-columns.js';
import { belowThreshold } from '../views/related-sums.js';
import { useRelatedSums } from '../views/use-related-sums.js';
import { LedgerActions } from '../ledger/ledger-actions.js';
import { useFazhiServices } from '../services-context.js';
import { useLabels } from '../use-labels.js';
import { ColumnChooser } from './column-chooser.js';
import { useColumnPrefs } from './column-prefs.js';
import { FilterBar } from './filter-bar.js';
import { filtersToCrud, listFiltersOf } from './list-filters.js';
import { listStateFromSearch, listStateHiddenFromMeta, listStateToSearch } from './list-state.js';
import { ListTable } from './list-table.js';
import { RowActions, useRowActionHandlers } from './row-actions.js';

const unsortable = new Set(['longtext', 'enum-set']);
/** Dates, codes and amounts keep to one line (a wrapped 2024-03-05 reads as two values). */
const oneLine = new Set(['date', 'datetime', 'money', 'integer', 'decimal']);
const noWrap = () => ({ style: { whiteSpace: 'nowrap' as const } });
const noTableScroll = { scrollToFirstRowOnChange: false };
const attentionRow = { style: { background: '#fff1f0' } };
/** A row's title, tags beside it: a plain box per row rather than antd's Space (a wrapper and context per item). */
const titleStyle = { display: 'inline-flex', alignItems: 'center', gap: 4, flexWrap: 'wrap' } as const;

/**
 * The generic list: server-side paging, sorting and filtering through Refine's `useTable` and the
 * data provider, columns from field metadata (chosen by the user, remembered per resource), row
 * actions by access control, and a recycle-bin toggle. Declared views join in: attention rules
 * (逾期 …) tag and highlight rows and add a filter each, related sums add roster columns with their
 * threshold line, ratio columns add a percentage from the row's own numbers (an exam's 合格率),
 * and a declared board adds a 列表 / 看板 switch over the same filters.
 */
export default function RecordListPage(props: RecordPageProps) {
  // The list keeps its state in the URL (list-state.ts). Its own writes leave it mounted; any other
  // change of the URL (back, forward, a link, a figure's drill-down) starts it afresh from the URL,
  // as does a new header year while the list follows it.
  const location = useLocation();
  const navigationType = useNavigationType();
  const { dashboardYear } = useFazhiServices();
  // Own writes are told by their history state, not by comparing the search with the one last
  // written: the router applies a navigation in a transition, after the list's own state update,
  // so a comparison saw the old search for one render and rebuilt the list twice per page change
  // (three list queries and the duplicate-key check again). Back and forward (POP) to an entry the
  // list wrote is still a change from outside. The search is part of what was seen: an entry pushed
  // outside the router has no key of its own (every such entry reads `default`).
  const place = `${location.key}|${location.search}`;
  const [seen, setSeen] = useState(place);
  const [generation, setGeneration] = useState(0);
  if (place !== seen) {
    setSeen(place);
    if (navigationType === 'POP' || !isOwnWrite(location.state)) setGeneration((g) => g + 1);
  }
  // A new header year restarts a list that follows it (no filter values in its URL). Only a new
  // year: the list's own first filter, which gives the URL its values, is an own write like any
  // other (keyed on "follows", it rebuilt the list, which asked for its records twice and showed
  // an empty table in between).
  const [year, setYear] = useState(dashboardYear);
  if (year !== dashboardYear) {
    setYear(dashboardYear);
    if (!new URLSearchParams(location.search).has('f')) setGeneration((g) => g + 1);
  }
  return <ListBody key={generation} {...props} />;
}

/** The history state the list writes with its own changes of the URL. */
const ownWrite = { fazhiList: true } as const;
const isOwnWrite = (state: unknown) => typeof state === 'object' && state !== null && (state as { fazhiList?: unknown }).fazhiList === true;

function ListBody({ resource, plugin }: RecordPageProps) {
  const labels = useLabels();
  const { t } = labels;
  const { user, dashboardOrgId, dashboardYear } = useFazhiServices();
  const { search, pathname } = useLocation();
  const navigate = useNavigate();
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
  const { create } = useNavigation();
  const [withDeleted, setWithDeleted] = useState(false);
  const [view, setView] = useState<'list' | 'board'>('list');
  const { year } = useDashboardScope();
  // Read once: later changes of the URL remount the list (see above).
  const [restored] = useState(() => listStateFromSearch(resource, search));
  const defaultSorter = drill?.measure.aggregation.type === 'latest' ? { field: drill.measure.aggregation.by, order: 'desc' as const } : (resource.defaultSort ?? { field: kind.periodField, order: 'desc' as const });
  // Without a period of the user's own (or a figure's), the list shows the header's year and says so.
  const periodName = listFiltersOf(resource).some((f) => f.type === 'period' && !f.field) ? `period__${kind.periodField}` : undefined;
  const followsYear = !restored.values && !drill && dashboardYear !== undefined && periodName !== undefined;
  const [initialValues] = useState<Record<string, unknown>>(() => restored.values ?? (followsYear ? { [periodName!]: { year: dashboardYear } } : {}));
  const [chosen, setChosen] = useState(restored.values);
  const rules = useMemo(() => attentionRulesOf(resource), [resource]);
  const today = todayInShanghai();
  const { columns, setColumns } = useColumnPrefs(resource);
  const { data: canCreate } = useCan({ resource: kind.id, action: 'create', params: { resource: { name: kind.id, meta: { area: plugin.area } } as never } });

  const { tableProps, tableQuery, searchFormProps, filters, setFilters, sorters, setSorters, currentPage, setCurrentPage, pageSize, setPageSize } = useTable<BaseRecord, HttpError, Record<string, unknown>>({
    resource: kind.id,
    syncWithLocation: false,
    pagination: { pageSize: restored.pageSize ?? 20, currentPage: restored.page ?? 1 },
    sorters: { initial: restored.sorters?.length ? restored.sorters : [defaultSorter] },
    filters: { permanent, initial: filtersToCrud(resource, initialValues, user.orgs) },
    meta: { ...listStateHiddenFromMeta, withDeleted },
    // The 看板 view reads the same filters itself; the hidden table waits for the list view.
    queryOptions: { enabled: view === 'list' },
  });

  // Submitting the filter form sets the values, their filters and the first page in one update,
  // so the list renders once for it (Refine's own `onFinish` awaits `onSearch` between the
  // values and the filters: two renders of the page). `setFilters` merges, as Refine's does: a
  // cleared filter comes as `value: undefined` and replaces the old one.
  const onFinish = useCallback(
    (values: Record<string, unknown>) => {
      setChosen(values);
      setFilters(filtersToCrud(resource, values, user.orgs));
      setCurrentPage(1);
    },
    [resource, user.orgs, setFilters, setCurrentPage],
  );
  // The same object from render to render, so the form (its selects, date pickers and unit tree)
  // is not rendered again by a page or sort change.
  const filterFormProps = useMemo<ComponentProps<typeof FilterBar>['formProps']>(() => ({ form: searchFormProps.form, initialValues, onFinish }), [searchFormProps.form, initialValues, onFinish]);

  // Every change of filters, sort or page becomes a history entry (the first one replaces), once
  // the list shows it: a write of the URL renders the whole console again (the router's location
  // reaches the menu, breadcrumb and header), which on a change's way would delay its query (each
  // of the database worker's replies waits for the main thread) and its rows.
  const shown = !tableQuery.isFetching;
  const first = useRef(true);
  useEffect(() => {
    if (!shown) return;
    const own = sorters.length === 1 && sorters[0]!.field === defaultSorter.field && sorters[0]!.order === defaultSorter.order ? [] : sorters;
    const next = listStateToSearch(resource, { values: chosen, sorters: own, page: currentPage, pageSize: pageSize === 20 ? undefined : pageSize }, search);
    const replace = first.current;
    first.current = false;
    if (next === search) return;
    navigate({ pathname, search: next }, { replace, state: ownWrite });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- written when the list's own state changes, not the URL
  }, [chosen, sorters, currentPage, pageSize, shown]);

  const rowActions = useRowActionHandlers(plugin, resource, labels);
  const showRoute = resourcePaths(plugin, resource).show;
  const titleKey = kind.titleField;
  const ids = useMemo(() => (tableProps.dataSource ?? []).map((r) => String(r.id)), [tableProps.dataSource]);
  const sums = useRelatedSums(resource, ids, year);
  // The table's props keep their identity between renders (see ListTable): callbacks are memoised.
  const rowClassName = useCallback(
    (r: BaseRecord) => {
      const below = (resource.relatedSums ?? []).some((col, i) => sums[i] !== undefined && belowThreshold(col, sums[i].get(String(r.id)) ?? 0));
      return r.deletedAt ? 'fazhi-row-deleted' : rulesMet(rules, r, today).length || below ? 'fazhi-row-attention' : '';
    },
    [resource, sums, rules, today],
  );
  const onRow = useCallback((r: BaseRecord) => (rowClassName(r) === 'fazhi-row-attention' ? attentionRow : {}), [rowClassName]);
  // A new sort from the headers; the page stays (as with antd's own pager).
  const onSort = useCallback<NonNullable<TableProps<BaseRecord>['onChange']>>((_pagination, _filters, sorter) => setSorters(mapAntdSorterToCrudSorting(sorter)), [setSorters]);
  // The pager, apart from the table (see ListTable). Not Refine's pager, which renders each page
  // number as a Refine link (a route match each) to an address in Refine's own parameters, which
  // this list does not read. Narrow screens get the simple one, as Refine's.
  const narrow = !Grid.useBreakpoint().sm;
  const pager = useMemo<PaginationProps>(
    () => ({
      current: currentPage,
      pageSize,
      total: tableQuery.data?.total,
      simple: narrow,
      showTotal: (total: number) => t('fazhi.list.total', { total }),
      onChange: (page: number, size: number) => {
        setCurrentPage(page);
        setPageSize(size);
      },
    }),
    [currentPage, pageSize, tableQuery.data?.total, narrow, t, setCurrentPage, setPageSize],
  );
  const tableColumns = useMemo(() => [
    ...columns
      .map((key) => findField(kind, key))
      .filter((f) => f !== undefined)
      .map((f) => ({
        key: f.key,
        dataIndex: f.key,
        title: labels.field(f),
        sorter: !unsortable.has(f.type),
        // Controlled: a sort restored from the URL (reload, back, a shared link) shows on its header.
        sortOrder: unsortable.has(f.type) ? undefined : (getDefaultSortOrder(f.key, sorters) ?? null),
        ...(oneLine.has(f.type) || f.key === titleKey ? { onCell: noWrap } : {}),
        render: (value: unknown, record: BaseRecord) => {
          const shown = <FieldValue field={f} value={value} labels={labels} masked={f.personal && !hasRight(user, 'personal', plugin.area, record.orgId as string)} />;
          if (f.key !== titleKey) return shown;
          return (
            <span style={titleStyle}>
              {/* React Router's link, not Refine's: Refine's resolves the route against every resource on each mount, per row. */}
              <Link to={recordPath(showRoute, record.id!)}>{shown}</Link>
              {record.deletedAt ? <Tag color="red">{t('fazhi.list.deleted')}</Tag> : null}
              {rulesMet(rules, record, today).map((m) => (
                <Tag key={m.id} color="red">
                  {labels.field(m)}
                </Tag>
              ))}
            </span>
          );
        },
      })),
    ...(resource.relatedSums ?? []).map((col, i) => ({
      key: `sum__${col.id}`,
      title: col.threshold === undefined ? labels.field(col) : labels.note(labels.field(col), t('fazhi.list.line', { threshold: col.threshold, unit: labels.unit(col.unit ?? '') })),
      render: (_: unknown, record: BaseRecord) => {
        const sum = sums[i];
        if (!sum) return <Typography.Text type="secondary">…</Typography.Text>;
        const total = sum.get(String(record.id)) ?? 0;
        return (
          <Space size={4}>
            <span>{total}</span>
            {belowThreshold(col, total) ? <Tag color="red">{t('fazhi.list.belowLine', { threshold: col.threshold, unit: labels.unit(col.unit ?? '') })}</Tag> : null}
          </Space>
        );
      },
    })),
    ...(resource.ratioColumns ?? []).map((col) => ({
      key: `ratio__${col.id}`,
      title: labels.field(col),
      render: (_: unknown, record: BaseRecord) => ratioText(col, record) ?? <Typography.Text type="secondary">{t('fazhi.empty')}</Typography.Text>,
    })),
    {
      key: 'orgId',
      dataIndex: 'orgId',
      title: t('fazhi.orgId'),
      render: (value: unknown) => <span data-record="">{orgName(user.orgs, value) ?? t('fazhi.empty')}</span>,
    },
    {
      key: '__actions',
      title: t('fazhi.list.actions'),
      render: (_: unknown, record: BaseRecord) => <RowActions user={user} area={plugin.area} record={record} actions={rowActions} labels={labels} />,
    },
  ], [columns, kind, labels, user, plugin.area, resource, titleKey, showRoute, t, rules, today, sums, sorters, rowActions]);
  const drilledSum = drill?.measure.aggregation.type === 'sum' ? drill.measure : undefined;
  const summary = useMemo(
    () =>
      drilledSum && drilledValue !== undefined
        ? () => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={tableColumns.length}>
                <Typography.Text strong data-drill-total={drilledValue ?? ''}>
                  {summaryText(drilledSum, kind, drilledValue, labels)}
                </Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        : undefined,
    [drilledSum, drilledValue, tableColumns.length, kind, labels],
  );
  // What the header's 导出 / 打印 and the 看板 read: the same array until the filters change.
  const allFilters = useMemo(() => [...permanent, ...filters], [permanent, filters]);

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
          <LedgerActions
            resource={resource}
            area={plugin.area}
            labels={labels}
            filters={allFilters}
            sorters={sorters}
            values={chosen ?? initialValues}
            withDeleted={withDeleted}
            columns={columns}
            canImport={canCreate?.can === true}
          />
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
      <FilterBar resource={resource} formProps={filterFormProps} labels={labels} />
      {followsYear && !chosen ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }} data-follows-year={dashboardYear}>
          {t('fazhi.list.followsYear', { year: dashboardYear })}
        </Typography.Paragraph>
      ) : null}
      {/* A plain scrolling box rather than the table's own `scroll.x` (which useTable turns on):
          that one measures the table after every render (forced layouts) and animates a scroll
          to the first row on each sort or page. */}
      {view === 'board' ? <Board resource={resource} filters={allFilters} labels={labels} /> : null}
      <div style={{ overflowX: 'auto', display: view === 'board' ? 'none' : undefined }}>
        <ListTable
          loading={tableProps.loading === true}
          dataSource={tableProps.dataSource}
          onChange={onSort}
          pager={pager}
          rowKey="id"
          size="middle"
          scroll={noTableScroll}
          columns={tableColumns}
          rowClassName={rowClassName}
          onRow={onRow}
          summary={summary}
        />
      </div>
    </List>
  );
}
