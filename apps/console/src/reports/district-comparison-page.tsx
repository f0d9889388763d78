import type { ComparisonRow, DistrictComparison, ReportStore } from '@fazhi/db/browser';
import { periodRange } from '@fazhi/domain';
import { useAsync, useDashboardScope, useDrillUrl, useFazhiServices } from '@fazhi/plugin-sdk/ui';
import { useTranslate } from '@refinedev/core';
import { Alert, App, Button, Result, Select, Skeleton, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { comparisonWorkbook } from './comparison-workbook.js';
import { comparisonAreas, comparisonCell, comparisonColumns, hasStreetsBelow, type ComparisonColumn } from './district-comparison.js';

/**
 * 街道对比 (`/reports/district`): for the unit and year chosen in the header (a district, or any
 * unit with streets below it), every street on every indicator of one work area (or all), sortable
 * by any column, each figure opening the records behind it; 区直 and 合计 stay under the streets.
 * Exported as .xlsx with every indicator.
 */
export function DistrictComparisonPage({ reports }: { reports: ReportStore }) {
  const t = useTranslate();
  const { user, catalog } = useFazhiServices();
  const { orgId, year } = useDashboardScope();
  const [area, setArea] = useState<string | undefined>(undefined);
  const applicable = hasStreetsBelow(user.orgs, orgId);
  const loaded = useAsync<DistrictComparison>(`district|${orgId}|${year}`, applicable && orgId ? () => reports.districtComparison(orgId, year) : null);
  const parent = user.orgs.find((o) => o.id === orgId);
  const parentName = parent?.shortName ?? parent?.name ?? '';
  const text = (key: string, params?: Record<string, unknown>) => t(`console.districtComparison.${key}`, params);

  if (!applicable) return <Result status="info" title={text('notApplicable')} />;
  const title = (
    <Typography.Title level={3} style={{ margin: 0 }} data-testid="district-title">
      {text('title', { org: parentName, year })}
    </Typography.Title>
  );
  if (loaded.error) return <Space direction="vertical">{title}<Alert type="error" message={text('failed', { message: loaded.error.message })} /></Space>;
  if (!loaded.data || !catalog) return <Space direction="vertical" style={{ width: '100%' }}>{title}<Skeleton active /></Space>;
  const comparison = loaded.data;
  const areas = comparisonAreas(comparison, catalog);
  const shownArea = area ?? areas[0]?.id;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {title}
      <Space wrap>
        <span>{text('area')}</span>
        <span data-testid="district-area">
          <Select
            style={{ minWidth: 220 }}
            value={shownArea ?? ''}
            onChange={(v) => setArea(v)}
            options={[...areas.map((a) => ({ value: a.id, label: a.label })), { value: '', label: text('allAreas') }]}
          />
        </span>
        <ExportButton comparison={comparison} parentName={parentName} />
      </Space>
      <ComparisonTable comparison={comparison} columns={comparisonColumns(comparison, catalog, shownArea || undefined)} />
      <Typography.Text type="secondary">{text('directHint')}</Typography.Text>
    </Space>
  );
}

function ComparisonTable({ comparison, columns }: { comparison: DistrictComparison; columns: ComparisonColumn[] }) {
  const t = useTranslate();
  const drillUrl = useDrillUrl();
  const range = periodRange({ kind: 'year', year: comparison.year });
  const valueOf = (row: ComparisonRow, c: ComparisonColumn) => comparisonCell(row, c).figure?.value ?? null;
  const cell = (row: ComparisonRow, c: ComparisonColumn) => {
    const { figure, text } = comparisonCell(row, c);
    if (row.kind === 'direct' && !c.additive) return <Tooltip title={t('console.districtComparison.nonAdditive')}>—</Tooltip>;
    // 区直 is a difference of subtrees: no list shows exactly its records.
    const url = row.kind !== 'direct' && figure?.value != null ? drillUrl(c.indicator.id, row.orgId, range) : undefined;
    return url ? <Link to={url} data-drill={`${row.orgId}|${c.indicator.id}`}>{text}</Link> : <span>{text}</span>;
  };
  const tableColumns: ColumnsType<ComparisonRow> = [
    { key: 'unit', title: t('console.districtComparison.unit'), dataIndex: 'name', fixed: 'left', width: 140, sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    ...columns.map((c) => ({
      key: c.indicator.id,
      title: (
        <Tooltip title={c.indicator.description}>
          <span data-indicator={c.indicator.id}>{c.indicator.label}</span>
        </Tooltip>
      ),
      width: 130,
      align: 'right' as const,
      // Missing values sort below every number, whichever direction.
      sorter: (a: ComparisonRow, b: ComparisonRow) => (valueOf(a, c) ?? Number.NEGATIVE_INFINITY) - (valueOf(b, c) ?? Number.NEGATIVE_INFINITY),
      render: (_: unknown, row: ComparisonRow) => cell(row, c),
    })),
  ];
  const summaryRow = (row: ComparisonRow, label: string) => (
    <Table.Summary.Row data-row={row.kind}>
      <Table.Summary.Cell index={0}>
        <Typography.Text strong>{label}</Typography.Text>
      </Table.Summary.Cell>
      {columns.map((c, i) => (
        <Table.Summary.Cell key={c.indicator.id} index={i + 1} align="right">
          {cell(row, c)}
        </Table.Summary.Cell>
      ))}
    </Table.Summary.Row>
  );
  return (
    <Table<ComparisonRow>
      rowKey="orgId"
      size="small"
      bordered
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={comparison.streets}
      columns={tableColumns}
      onRow={(row) => ({ 'data-row': row.kind, 'data-org': row.orgId }) as React.HTMLAttributes<HTMLElement>}
      summary={() => (
        <Table.Summary fixed="bottom">
          {summaryRow(comparison.direct, t('console.districtComparison.direct'))}
          {summaryRow(comparison.total, t('console.districtComparison.total'))}
        </Table.Summary>
      )}
      data-testid="district-table"
    />
  );
}

function ExportButton({ comparison, parentName }: { comparison: DistrictComparison; parentName: string }) {
  const t = useTranslate();
  const { catalog } = useFazhiServices();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!catalog) return;
    setBusy(true);
    try {
      const file = `${parentName}${comparison.year}年各街道指标对比.xlsx`;
      const blob = await comparisonWorkbook(comparison, catalog, parentName);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = file;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      void message.success(t('console.districtComparison.exported', { file }));
    } catch (e) {
      void message.error(t('console.districtComparison.failed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button onClick={() => void run()} loading={busy} data-testid="district-export">
      {t('console.districtComparison.export')}
    </Button>
  );
}
