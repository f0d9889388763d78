import { Typography } from 'antd';
import type { WorkAreaPlugin } from '../../plugin.js';
import { useLabels } from '../use-labels.js';
import { DashboardWidgets } from './dashboard-widgets.js';

/** A plugin's own dashboard page (route `/<plugin-id>`). */
export default function PluginDashboardPage({ plugin }: { plugin: WorkAreaPlugin }) {
  const { t } = useLabels();
  return (
    <div>
      <Typography.Title level={4}>
        {plugin.label} · {t('fazhi.dashboard.title')}
      </Typography.Title>
      <DashboardWidgets plugin={plugin} />
    </div>
  );
}
