import type { IndicatorComparison } from '@fazhi/metrics';
import { Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useDrillUrl } from '../drill/use-drill-url.js';
import { useFazhiServices } from '../services-context.js';
import { useLabels } from '../use-labels.js';
import { asOfText } from './change-text.js';
import { useAsync } from './use-async.js';

/** One indicator group as a table: 本期 (opening its records), 上年同期 and 同比 per indicator, for the unit and year given. */
export function IndicatorTable({ title, ids, orgId, year }: { title: string; ids: readonly string[]; orgId?: string; year: number }) {
  const labels = useLabels();
  const { t } = labels;
  const { indicators } = useFazhiServices();
  const drillUrl = useDrillUrl();
  const rows = useAsync<IndicatorComparison[]>(`${orgId}|${year}|${ids.join()}`, indicators && orgId ? () => indicators.compare(ids, orgId, { kind: 'year', year }) : null);
  if (rows.error) return <Typography.Text type="danger">{t('fazhi.dashboard.failed', { message: rows.error.message })}</Typography.Text>;
  return (
    <Table<IndicatorComparison>
      size="small"
      title={() => {
        // A year still running counts to yesterday: say so once above the rows.
        const asOf = rows.data?.[0] ? asOfText(rows.data[0], t) : null;
        return <Typography.Text strong>{asOf ? labels.note(title, asOf) : title}</Typography.Text>;
      }}
      loading={!rows.data}
      pagination={false}
      rowKey={(r) => r.current.indicator.id}
      dataSource={rows.data ?? []}
      columns={[
        { title: t('fazhi.dashboard.indicator'), render: (_, r) => labels.label(r.current.indicator) },
        {
          title: t('fazhi.dashboard.value'),
          align: 'right',
          render: (_, r) => {
            const i = r.current.indicator;
            const shown = labels.figure(i, r.current.value);
            // This year's figure opens the records behind it, as a dashboard card does.
            const to = orgId ? drillUrl(i.id, orgId, r.current.range) : undefined;
            return to ? (
              <Link to={to} aria-label={t('fazhi.dashboard.drill', { label: labels.label(i) })} data-drill-link={i.id}>
                {shown}
              </Link>
            ) : (
              shown
            );
          },
        },
        { title: t('fazhi.dashboard.previousColumn'), align: 'right', render: (_, r) => (r.previous ? labels.figure(r.current.indicator, r.previous.value) : '—') },
        { title: t('fazhi.dashboard.change'), render: (_, r) => labels.change(r) },
      ]}
    />
  );
}
