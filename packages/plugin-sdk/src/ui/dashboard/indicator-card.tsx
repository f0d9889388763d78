import { formatChange, formatIndicator, type IndicatorComparison } from '@fazhi/metrics';
import { Card, Skeleton, Statistic, Typography } from 'antd';
import { useLabels } from '../use-labels.js';

/** One indicator: value with its unit, 同比 wording and last year's value (from the SQL evaluator). */
export function IndicatorCard({ comparison, compare = true, loading, error }: { comparison?: IndicatorComparison; compare?: boolean; loading?: boolean; error?: string }) {
  const { t } = useLabels();
  if (loading || (!comparison && !error)) return <Card size="small"><Skeleton active paragraph={{ rows: 1 }} /></Card>;
  if (!comparison) return <Card size="small"><Typography.Text type="danger">{error}</Typography.Text></Card>;
  const i = comparison.current.indicator;
  const up = (comparison.difference ?? 0) > 0;
  const down = (comparison.difference ?? 0) < 0;
  return (
    <Card size="small" data-indicator={i.id}>
      <Statistic title={i.label} value={formatIndicator(i, comparison.current.value)} />
      {compare ? (
        <Typography.Text type={up ? 'success' : down ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
          {formatChange(comparison)}
        </Typography.Text>
      ) : null}
      {compare && comparison.previous.value !== null ? (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('fazhi.dashboard.previous', { value: formatIndicator(i, comparison.previous.value) })}
          </Typography.Text>
        </div>
      ) : null}
    </Card>
  );
}
