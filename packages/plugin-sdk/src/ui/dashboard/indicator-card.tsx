import type { IndicatorComparison } from '@fazhi/metrics';
import { Card, Skeleton, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useLabels } from '../use-labels.js';
import { asOfText } from './change-text.js';

/**
 * One indicator: value with its unit, 同比 wording and last year's value (from the SQL evaluator).
 * When the years do not compare (see `comparisonBasis`) it says why instead: 上年无数据, 数据不完整;
 * for a year still running it says up to which day it counts (截至11月30日).
 */
export function IndicatorCard({ comparison, compare = true, loading, error, drillTo }: { comparison?: IndicatorComparison; compare?: boolean; loading?: boolean; error?: string; drillTo?: string | undefined }) {
  const labels = useLabels();
  const { t } = labels;
  if (loading || (!comparison && !error)) return <Card size="small"><Skeleton active paragraph={{ rows: 1 }} /></Card>;
  if (!comparison) return <Card size="small"><Typography.Text type="danger">{error}</Typography.Text></Card>;
  const i = comparison.current.indicator;
  const up = (comparison.difference ?? 0) > 0;
  const down = (comparison.difference ?? 0) < 0;
  const asOf = asOfText(comparison, t);
  const previous = comparison.previous?.value ?? null;
  return (
    <Card size="small" data-indicator={i.id}>
      {drillTo ? (
        // The figure opens the records behind it (see drill/).
        <Link to={drillTo} aria-label={t('fazhi.dashboard.drill', { label: labels.label(i) })} data-drill-link={i.id}>
          <Statistic title={labels.label(i)} value={labels.figure(i, comparison.current.value)} />
        </Link>
      ) : (
        <Statistic title={labels.label(i)} value={labels.figure(i, comparison.current.value)} />
      )}
      {compare ? (
        <Typography.Text
          type={!comparison.basis.comparable ? 'secondary' : up ? 'success' : down ? 'warning' : 'secondary'}
          style={{ fontSize: 12 }}
          data-comparison={comparison.basis.comparable ? 'change' : comparison.basis.reason}
        >
          {labels.change(comparison)}
        </Typography.Text>
      ) : null}
      {compare && (asOf || previous !== null) ? (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[asOf, previous !== null ? t('fazhi.dashboard.previous', { value: labels.figure(i, previous) }) : null].filter(Boolean).join(t('fazhi.dashboard.separator'))}
          </Typography.Text>
        </div>
      ) : null}
    </Card>
  );
}
