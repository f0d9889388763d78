import { Progress, Typography } from 'antd';
import { useSyncExternalStore } from 'react';
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
 * How far the database in this browser has come while it opens: on a first visit the bytes
 * downloaded of the total, then each step. Shown beside the sign-in form, which stays usable.
 */
export function DatabaseProgressBar({ feed, locale }: { feed: ProgressFeed; locale: ConsoleLocale }) {
  const p = useSyncExternalStore(feed.subscribe, feed.current);
  if (!p || p.step === 'ready') return null;
  const t = (key: string, params?: Record<string, string | number>) => consoleText(locale, `console.progress.${key}`, params);
  const d = describe(p, p.step === 'download' || p.fresh, t);
  return (
    <div data-testid="db-progress" role="status" aria-live="polite" style={{ marginBottom: 16 }}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('step', { n: d.n, of: d.of })}
        {d.text}
      </Typography.Text>
      {/* The later steps have no bytes to count: the bar stays full and moving until they end. */}
      <Progress percent={Math.floor(d.percent)} status="active" showInfo={p.step === 'download'} size="small" />
    </div>
  );
}
