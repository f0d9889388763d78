import type { IndicatorComparison } from '@fazhi/metrics';
import type { WorkAreaPlugin } from '@fazhi/plugin-sdk';
import { hasRight } from '@fazhi/plugin-sdk/host';
import { DuplicateKeysNotice, IndicatorCard, useAsync, useDashboardScope, useDrillUrl, useFazhiServices, useLabels } from '@fazhi/plugin-sdk/ui';
import { Card, Col, Empty, Row, Space, Typography } from 'antd';
import { Link } from 'react-router';

/**
 * The home page: an overview of every work area for the unit and year chosen in the header, the
 * areas the user writes in first. Each area shows its dashboard's headline cards (with 同比; each
 * opens the records behind it) and
 * links to its own dashboard, where the monthly trend and the indicator tables are. All cards of
 * all areas come from one `compare` call, so the page costs one database round trip however many
 * plugins are installed.
 */
export function HomePage({ plugins }: { plugins: readonly WorkAreaPlugin[] }) {
  const labels = useLabels();
  const { t } = labels;
  const { user, indicators } = useFazhiServices();
  const { orgId, year } = useDashboardScope();
  const drillUrl = useDrillUrl();
  const org = user.orgs.find((o) => o.id === orgId);
  const ordered = [...plugins].sort((a, b) => Number(hasRight(user, 'write', b.area, orgId)) - Number(hasRight(user, 'write', a.area, orgId)));
  const ids = [...new Set(ordered.flatMap(headline))];
  const compared = useAsync<IndicatorComparison[]>(`home|${orgId}|${year}|${ids.join()}`, indicators && orgId && ids.length ? () => indicators.compare(ids, orgId, { kind: 'year', year }) : null);
  if (!plugins.length) return <Empty description={t('console.noPlugins')} />;
  const error = compared.error ? t('fazhi.dashboard.failed', { message: compared.error.message }) : undefined;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="home-title">
        {labels.withData('console.homeTitle', { year }, { org: org?.name ?? '' })}
      </Typography.Title>
      <DuplicateKeysNotice />
      {ordered.map((p) => (
        <Card key={p.id} size="small" title={p.menuGroup ? labels.note(labels.label(p), labels.text(p.menuGroup, p.menuGroupEn)) : labels.label(p)} extra={<Link to={`/${p.id}`}>{t('fazhi.dashboard.open')}</Link>} data-plugin={p.id}>
          <Row gutter={[16, 16]}>
            {headline(p).map((id) => {
              const c = compared.data?.find((x) => x.current.indicator.id === id);
              return (
                <Col key={id} xs={24} sm={12} xl={6}>
                  <IndicatorCard comparison={c} loading={compared.loading} error={error} drillTo={c && orgId ? drillUrl(id, orgId, c.current.range) : undefined} />
                </Col>
              );
            })}
          </Row>
        </Card>
      ))}
    </Space>
  );
}

/** The indicators of a plugin's dashboard cards, in its order. */
const headline = (p: WorkAreaPlugin): string[] => (p.dashboard ?? []).flatMap((w) => (w.type === 'indicator-card' ? [w.indicator] : []));
