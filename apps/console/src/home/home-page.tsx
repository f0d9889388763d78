import type { IndicatorComparison } from '@fazhi/metrics';
import type { WorkAreaPlugin } from '@fazhi/plugin-sdk';
import { DuplicateKeysNotice, IndicatorCard, useAsync, useDashboardScope, useDrillUrl, useFazhiServices, useLabels } from '@fazhi/plugin-sdk/ui';
import { Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { startTransition, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { RememberedHome } from './figure-memory.js';
import { headline, homeLayout } from './home-layout.js';

/**
 * The home page: an overview of every work area for the unit and year chosen in the header, the
 * areas the user writes in first. Each area shows its dashboard's headline cards (with 同比; each
 * opens the records behind it) and
 * links to its own dashboard, where the monthly trend and the indicator tables are. All cards of
 * all areas come from one `compare` call, so the page costs one database round trip however many
 * plugins are installed. `onShown` hears of the figures once they are on screen (the console
 * keeps them for the next visit's first paint).
 */
export function HomePage({ plugins, onShown, recall }: {
  plugins: readonly WorkAreaPlugin[];
  onShown?(home: Omit<RememberedHome, 'userId'>): void;
  /**
   * The figures remembered from the last visit for this unit and year, shown until the database
   * answers; `current` when the database is known unchanged since (not marked 正在更新).
   */
  recall?(orgId: string, year: number): { home: RememberedHome; current: boolean } | undefined;
}) {
  const { t } = useLabels();
  const { user, indicators } = useFazhiServices();
  const { orgId, year } = useDashboardScope();
  const drillUrl = useDrillUrl();
  const org = user.orgs.find((o) => o.id === orgId);
  const { ordered, ids } = homeLayout(plugins, user, orgId);
  // Fetched ahead as the console connected: usually in by the first render, shown in it.
  const compared = useAsync<IndicatorComparison[]>(
    `home|${orgId}|${year}|${ids.join()}`,
    indicators && orgId && ids.length ? () => indicators.compare(ids, orgId, { kind: 'year', year }) : null,
    () => (orgId ? indicators?.compared?.(ids, orgId, { kind: 'year', year }) : undefined),
  );
  const shown = compared.data;
  const stale = compared.loading && orgId ? recall?.(orgId, year) : undefined;
  useEffect(() => {
    // For the visit benchmarks: when the database's answer was committed (remembered figures known
    // current may have been on screen since long before).
    if (shown) performance.mark('fazhi:home:computed');
    if (shown && orgId && org) onShown?.({ orgId, year, orgName: org.name, pluginIds: ordered.map((p) => p.id), comparisons: shown });
    // Once per answer: the other values belong to it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown]);
  if (!plugins.length) return <Empty description={t('console.noPlugins')} />;
  return (
    <HomeView
      plugins={ordered}
      orgName={org?.name ?? ''}
      year={year}
      comparisons={compared.data ?? stale?.home.comparisons}
      loading={compared.loading && !stale}
      remembered={stale && (stale.current ? 'current' : 'refreshing')}
      {...(compared.error ? { error: t('fazhi.dashboard.failed', { message: compared.error.message }) } : {})}
      drillTo={(c) => (orgId ? drillUrl(c.current.indicator.id, orgId, c.current.range) : undefined)}
    />
  );
}

/**
 * The areas drawn in the page's first frame: about a screen's worth. The rest follow in the next
 * frame, so the figures first seen are on screen sooner (the whole page is some 56 cards, a few
 * hundred ms of React and antd on a slow machine).
 */
const firstDrawn = 4;

/**
 * The page itself, from figures however they came: from the database, or remembered from the
 * last visit (`remembered`: no links until the database answers; `refreshing` marked 正在更新,
 * `current` not, since the database is known unchanged since they were computed).
 */
export function HomeView({ plugins, orgName, year, comparisons, loading, error, drillTo, remembered }: {
  plugins: readonly WorkAreaPlugin[];
  orgName: string;
  year: number;
  comparisons: readonly IndicatorComparison[] | undefined;
  loading: boolean;
  error?: string;
  drillTo?(c: IndicatorComparison): string | undefined;
  remembered?: 'refreshing' | 'current' | undefined;
}) {
  const labels = useLabels();
  const { t } = labels;
  const refreshing = remembered === 'refreshing';
  const [all, setAll] = useState(false);
  useEffect(() => {
    // After the first frame is painted: rAF runs before that paint, the transition's render after it.
    const frame = requestAnimationFrame(() => startTransition(() => setAll(true)));
    return () => cancelAnimationFrame(frame);
  }, []);
  const drawn = all ? plugins : plugins.slice(0, firstDrawn);
  // The title is drawn anew when the figures change state (a small remount), and says which state in
  // its `elementtiming`: the browser then reports when the remembered and when the database's
  // figures were painted (Element Timing), for the visit benchmarks. Remembered figures known
  // current count as the database's: they are its figures of the stored data as it still is.
  const shownAs = refreshing ? 'remembered' : comparisons ? 'confirmed' : 'loading';
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title key={shownAs} level={3} style={{ margin: 0 }} data-testid="home-title" {...{ elementtiming: `fazhi-home-${shownAs}` }}>
        {labels.withData('console.homeTitle', { year }, { org: orgName })}
        {refreshing && (
          <Tag color="processing" style={{ marginLeft: 12, verticalAlign: 'middle' }} data-testid="figures-refreshing">
            {t('console.figuresRefreshing')}
          </Tag>
        )}
      </Typography.Title>
      {!remembered && <DuplicateKeysNotice />}
      {drawn.map((p) => (
        <Card
          key={p.id}
          size="small"
          title={p.menuGroup ? labels.note(labels.label(p), labels.text(p.menuGroup, p.menuGroupEn)) : labels.label(p)}
          extra={remembered ? null : <Link to={`/${p.id}`}>{t('fazhi.dashboard.open')}</Link>}
          data-plugin={p.id}
        >
          <Row gutter={[16, 16]}>
            {headline(p).map((id) => {
              const c = comparisons?.find((x) => x.current.indicator.id === id);
              return (
                <Col key={id} xs={24} sm={12} xl={6}>
                  <IndicatorCard comparison={c} loading={loading} error={error} drillTo={c && drillTo?.(c)} />
                </Col>
              );
            })}
          </Row>
        </Card>
      ))}
    </Space>
  );
}
