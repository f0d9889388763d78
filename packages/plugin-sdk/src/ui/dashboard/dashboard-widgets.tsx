import type { IndicatorComparison, IndicatorResult } from '@fazhi/metrics';
import type { Period } from '@fazhi/domain';
import { Card, Col, Row, Skeleton, Typography } from 'antd';
import { Suspense } from 'react';
import type { DashboardWidget, WorkAreaPlugin } from '../../plugin.js';
import { useDrillUrl } from '../drill/use-drill-url.js';
import { lazyElement } from '../lazy-element.js';
import { useFazhiServices } from '../services-context.js';
import { useLabels } from '../use-labels.js';
import { IndicatorCard } from './indicator-card.js';
import { TrendChart } from './trend-chart.js';
import { useAsync } from './use-async.js';

/** The org and year a dashboard shows: the console's choice, else the user's top unit and this year. */
export function useDashboardScope(): { orgId?: string; year: number } {
  const { user, dashboardOrgId, dashboardYear } = useFazhiServices();
  const ids = new Set(user.orgs.map((o) => o.id));
  const top = user.orgs.find((o) => !o.parentId || !ids.has(o.parentId));
  return { orgId: dashboardOrgId ?? top?.id, year: dashboardYear ?? new Date().getFullYear() };
}

/** A plugin's dashboard widgets; all its cards are fetched in one `compare` call. */
export function DashboardWidgets({ plugin }: { plugin: WorkAreaPlugin }) {
  const { indicators } = useFazhiServices();
  const labels = useLabels();
  const { t } = labels;
  const { orgId, year } = useDashboardScope();
  const drillUrl = useDrillUrl();
  const widgets = plugin.dashboard ?? [];
  const cards = widgets.filter((w): w is Extract<DashboardWidget, { type: 'indicator-card' }> => w.type === 'indicator-card');
  const period: Period = { kind: 'year', year };
  const ids = cards.map((c) => c.indicator);
  const compared = useAsync<IndicatorComparison[]>(
    `${plugin.id}|${orgId}|${year}|${ids.join()}`,
    indicators && orgId && ids.length ? () => indicators.compare(ids, orgId, period) : null,
    () => (orgId ? indicators?.compared?.(ids, orgId, period) : undefined),
  );
  if (!indicators) return <Typography.Text type="secondary">{t('fazhi.dashboard.unavailable')}</Typography.Text>;
  const error = compared.error ? t('fazhi.dashboard.failed', { message: compared.error.message }) : undefined;
  return (
    <Row gutter={[16, 16]}>
      {widgets.map((w, i) => {
        if (w.type === 'indicator-card') {
          const c = compared.data?.find((x) => x.current.indicator.id === w.indicator);
          return (
            <Col key={`${w.indicator}-${i}`} xs={24} sm={12} lg={6}>
              <IndicatorCard comparison={c} compare={w.compare !== false} loading={compared.loading} error={error} drillTo={c && orgId ? drillUrl(c.current.indicator.id, orgId, c.current.range) : undefined} />
            </Col>
          );
        }
        if (w.type === 'monthly-trend') {
          return (
            <Col key={`${w.indicator}-${i}`} xs={24} lg={12}>
              <MonthlyTrend indicator={w.indicator} title={labels.text(w.title, w.titleEn)} chart={w.chart} orgId={orgId} year={year} />
            </Col>
          );
        }
        return (
          <Col key={`${w.title}-${i}`} xs={24} lg={12}>
            <LazyWidget widget={w} />
          </Col>
        );
      })}
    </Row>
  );
}

function MonthlyTrend({ indicator, title, chart, orgId, year }: { indicator: string; title: string; chart?: 'bar' | 'line'; orgId?: string; year: number }) {
  const { indicators } = useFazhiServices();
  const { t } = useLabels();
  const trend = useAsync(`${indicator}|${orgId}|${year}`, indicators && orgId ? () => indicators.trend(indicator, orgId, year) : null);
  return (
    <Card size="small" title={t('fazhi.dashboard.trendTitle', { title, year })}>
      {trend.error ? (
        <Typography.Text type="danger">{t('fazhi.dashboard.failed', { message: trend.error.message })}</Typography.Text>
      ) : !trend.data || !orgId ? (
        <Skeleton active />
      ) : (
        <MonthlyChart title={title} chart={chart} results={trend.data} orgId={orgId} />
      )}
    </Card>
  );
}

function MonthlyChart({ title, chart, results, orgId }: { title: string; chart?: 'bar' | 'line'; results: readonly IndicatorResult[]; orgId: string }) {
  const labels = useLabels();
  const { t } = labels;
  const drillUrl = useDrillUrl();
  // Each month opens the records behind its own value (the month's days, as the evaluator counted them).
  const points = results.map((r) => {
    const label = t('fazhi.dashboard.month', { n: r.period.kind === 'month' ? r.period.month : '' });
    return { label, value: r.value, href: drillUrl(r.indicator.id, orgId, r.range), hrefLabel: t('fazhi.dashboard.drill', { label: `${title} ${label}` }) };
  });
  const format = (v: number) => (results[0] ? labels.figure(results[0].indicator, v) : String(v));
  const values = points.map((p) => `${p.label} ${p.value === null ? t('fazhi.empty') : format(p.value)}`).join(t('fazhi.dashboard.separator'));
  return <TrendChart title={title} kind={chart} points={points} format={format} label={t('fazhi.dashboard.summary', { title, values })} />;
}

function LazyWidget({ widget }: { widget: Extract<DashboardWidget, { type: 'component' }> }) {
  const labels = useLabels();
  return (
    <Card size="small" title={labels.text(widget.title, widget.titleEn)}>
      <Suspense fallback={<Skeleton active />}>
        {lazyElement(widget.load, {})}
      </Suspense>
    </Card>
  );
}
