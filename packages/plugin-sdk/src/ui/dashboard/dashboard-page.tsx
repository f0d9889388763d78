import { Space, Typography } from 'antd';
import type { WorkAreaPlugin } from '../../plugin.js';
import { useLabels } from '../use-labels.js';
import { DashboardWidgets, useDashboardScope } from './dashboard-widgets.js';
import { IndicatorTable } from './indicator-table.js';

/** A plugin's own dashboard page (route `/<plugin-id>`): its widgets, then each indicator group as a table. */
export default function PluginDashboardPage({ plugin }: { plugin: WorkAreaPlugin }) {
  const labels = useLabels();
  const { t } = labels;
  const { orgId, year } = useDashboardScope();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {labels.label(plugin)} · {t('fazhi.dashboard.title')}
      </Typography.Title>
      <DashboardWidgets plugin={plugin} />
      {(plugin.indicatorGroups ?? []).map((g) => (
        <IndicatorTable key={g.id} title={t('fazhi.dashboard.groupTitle', { label: labels.label(g) })} ids={g.indicators} orgId={orgId} year={year} />
      ))}
    </Space>
  );
}
