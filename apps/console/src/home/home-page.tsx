import { formatIndicator, type IndicatorComparison } from '@fazhi/metrics';
import type { WorkAreaPlugin } from '@fazhi/plugin-sdk';
import { asOfText, changeText, DashboardWidgets, DuplicateKeysNotice, useAsync, useDashboardScope, useFazhiServices } from '@fazhi/plugin-sdk/ui';
import { useTranslate } from '@refinedev/core';
import { Card, Empty, Space, Table, Typography } from 'antd';

/**
 * The home dashboard: for every plugin its dashboard widgets (cards with 同比, monthly trend)
 * and its indicator groups as a table, for the unit and year chosen in the header. All figures
 * come from the database's indicator functions, as the signed-in user.
 */
export function HomePage({ plugins }: { plugins: readonly WorkAreaPlugin[] }) {
  const t = useTranslate();
  const { user } = useFazhiServices();
  const { orgId, year } = useDashboardScope();
  const org = user.orgs.find((o) => o.id === orgId);
  if (!plugins.length) return <Empty description={t('console.noPlugins')} />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="home-title">
        {t('console.homeTitle', { org: org?.name ?? '', year })}
      </Typography.Title>
      <DuplicateKeysNotice />
      {plugins.map((p) => (
        <Card key={p.id} title={p.label} data-plugin={p.id}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {p.dashboard?.length ? <DashboardWidgets plugin={p} /> : null}
            {(p.indicatorGroups ?? []).map((g) => (
              <IndicatorTable key={g.id} title={t('console.groupTitle', { label: g.label })} ids={g.indicators} orgId={orgId} year={year} />
            ))}
          </Space>
        </Card>
      ))}
    </Space>
  );
}

function IndicatorTable({ title, ids, orgId, year }: { title: string; ids: readonly string[]; orgId?: string; year: number }) {
  const t = useTranslate();
  const { indicators } = useFazhiServices();
  const rows = useAsync<IndicatorComparison[]>(`${orgId}|${year}|${ids.join()}`, indicators && orgId ? () => indicators.compare(ids, orgId, { kind: 'year', year }) : null);
  if (rows.error) return <Typography.Text type="danger">{rows.error.message}</Typography.Text>;
  return (
    <Table<IndicatorComparison>
      size="small"
      title={() => {
        // A year still running counts to yesterday: say so once above the rows.
        const asOf = rows.data?.[0] ? asOfText(rows.data[0], t) : null;
        return <Typography.Text strong>{asOf ? `${title}（${asOf}）` : title}</Typography.Text>;
      }}
      loading={!rows.data}
      pagination={false}
      rowKey={(r) => r.current.indicator.id}
      dataSource={rows.data ?? []}
      columns={[
        { title: t('console.indicator'), render: (_, r) => r.current.indicator.label },
        { title: t('console.value'), align: 'right', render: (_, r) => formatIndicator(r.current.indicator, r.current.value) },
        { title: t('console.previous'), align: 'right', render: (_, r) => (r.previous ? formatIndicator(r.current.indicator, r.previous.value) : '—') },
        { title: t('console.change'), render: (_, r) => changeText(r, t) },
      ]}
    />
  );
}
