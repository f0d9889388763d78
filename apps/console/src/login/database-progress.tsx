import { theme, Typography } from 'antd';
import { startTransition, useEffect, useState } from 'react';
import type { DatabaseProgress, ProgressFeed } from '../backend/backend.js';
import { consoleText, type ConsoleLocale } from '../messages.js';

const mb = (bytes: number) => (bytes / 1048576).toFixed(1);

/** Step number, step count, what it says, and the share done (bytes while downloading). */
function describe(p: DatabaseProgress, fresh: boolean, t: (key: string, params?: Record<string, string | number>) => string) {
  // A first visit downloads first: three steps; a later visit opens what the browser keeps: two.
  const of = fresh ? 3 : 2;
  switch (p.step) {
    case 'download':
      return { n: 1, of: 3, text: t('download', { loaded: mb(p.loaded), total: mb(p.total) }), percent: p.total ? (100 * p.loaded) / p.total : 0 };
    case 'start':
      return { n: of - 1, of, text: t(p.fresh ? 'startFresh' : 'start'), percent: 100 };
    default:
      return { n: of, of, text: t('upgrade'), percent: 100 };
  }
}

/**
 * A thin bar in antd's small Progress look, drawn here: antd's Progress would add 13 kB gzip to
 * the sign-in route, which shows this bar and nothing else of it.
 */
function ProgressLine({ percent, showPercent }: { percent: number; showPercent: boolean }) {
  const { token } = theme.useToken();
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      <div role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} style={{ flex: 1, height: 6, borderRadius: 3, background: token.colorFillSecondary, overflow: 'hidden' }}>
        <div style={{ width: `${percent}%`, height: '100%', borderRadius: 3, background: token.colorPrimary, transition: 'width 0.3s' }} />
      </div>
      {showPercent && <span style={{ fontSize: 12, color: token.colorTextSecondary, minWidth: 32 }}>{percent}%</span>}
    </div>
  );
}

/**
 * The feed's latest progress, updated as a transition: the download reports many times a second,
 * and an urgent update (useSyncExternalStore's) would interrupt and restart the render the
 * sign-in's navigation to the console is (React Router navigates in a transition), each time.
 */
function useProgress(feed: ProgressFeed): DatabaseProgress | undefined {
  const [p, setP] = useState(feed.current);
  useEffect(() => {
    const update = () => startTransition(() => setP(feed.current()));
    // Also what came between the first render and this subscription.
    update();
    return feed.subscribe(update);
  }, [feed]);
  return p;
}

/**
 * How far the database in this browser has come while it opens: on a first visit the bytes
 * downloaded of the total, then each step. Shown beside the sign-in form, which stays usable.
 */
export function DatabaseProgressBar({ feed, locale }: { feed: ProgressFeed; locale: ConsoleLocale }) {
  const p = useProgress(feed);
  if (!p || p.step === 'ready') return null;
  const t = (key: string, params?: Record<string, string | number>) => consoleText(locale, `console.progress.${key}`, params);
  const d = describe(p, p.step === 'download' || p.fresh, t);
  return (
    <div data-testid="db-progress" role="status" aria-live="polite" style={{ marginBottom: 16 }}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('step', { n: d.n, of: d.of })}
        {d.text}
      </Typography.Text>
      {/* The later steps have no bytes to count: the bar stays full until they end. */}
      <ProgressLine percent={Math.floor(d.percent)} showPercent={p.step === 'download'} />
    </div>
  );
}
