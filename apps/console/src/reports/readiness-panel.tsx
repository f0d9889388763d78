import type { WorkAreaPlugin } from '@fazhi/plugin-sdk';
import { useAsync, useFazhiServices, useLabels } from '@fazhi/plugin-sdk/ui';
import { useDataProvider, useNavigation } from '@refinedev/core';
import { Alert, Card, List, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { readinessChecks, type ReadinessItem } from './report-readiness.js';

export interface ReportChecks {
  /** Narrative keys still empty, with their prompts. */
  emptyNarrative: { key: string; prompt: string }[];
  /** Figure labels that moved since the last 定稿. */
  changedSinceFinal: string[];
}

/**
 * 签发前检查: the records to fix before sign-off (each a link to the list that shows exactly them),
 * the narrative still empty and the figures that moved since the last 定稿.
 */
export function ReadinessPanel({ plugins, orgId, year, tick, checks }: { plugins: readonly WorkAreaPlugin[]; orgId: string; year: number; tick: number; checks: ReportChecks }) {
  const { user, catalog } = useFazhiServices();
  const dataProvider = useDataProvider();
  const { listUrl } = useNavigation();
  const labels = useLabels();
  const t = (key: string, params?: Record<string, unknown>) => labels.t(`console.reports.readiness.${key}`, params);
  const records = useAsync<ReadinessItem[]>(`${orgId}|${year}|${tick}`, () =>
    readinessChecks(
      plugins,
      catalog,
      {
        count: async (kind, filters) => (await dataProvider().getList({ resource: kind, filters, pagination: { currentPage: 1, pageSize: 1 } })).total,
        rows: async (kind, filters) => (await dataProvider().getList({ resource: kind, filters, pagination: { mode: 'off' } })).data as Record<string, unknown>[],
      },
      user.orgs,
      orgId,
      year,
    ),
  );
  const flags = records.data?.filter((r) => r.kind === 'flag') ?? [];
  const shares = records.data?.filter((r) => r.kind === 'share') ?? [];
  const problems = flags.length + checks.emptyNarrative.length + checks.changedSinceFinal.length;
  return (
    <Card size="small" title={t('title')} data-testid="readiness" extra={records.data ? <Tag color={problems ? 'orange' : 'green'}>{problems ? t('pending', { count: problems }) : t('allClear')}</Tag> : null}>
      {records.error ? <Alert type="error" showIcon message={t('failed', { message: records.error.message })} /> : null}
      {!records.data && !records.error ? <Spin size="small" /> : null}
      <List
        size="small"
        dataSource={flags}
        locale={{ emptyText: records.data ? t('noRecords') : ' ' }}
        renderItem={(r) => (
          <List.Item data-readiness={r.id}>
            <Link to={`${listUrl(r.resource)}${r.search}`}>{labels.text(r.title, r.titleEn)}</Link>
            <Tag color="orange">{t('records', { count: r.count })}</Tag>
          </List.Item>
        )}
      />
      {checks.emptyNarrative.length ? (
        <Alert
          type="warning"
          style={{ marginTop: 8 }}
          data-readiness="narrative"
          message={t('emptyNarrative', { count: checks.emptyNarrative.length })}
          // The template's prompts: text of the (Chinese) report, not of the console.
          description={<span lang="zh-CN">{checks.emptyNarrative.map((n) => n.prompt).join('；')}</span>}
        />
      ) : null}
      {checks.changedSinceFinal.length ? (
        <Alert type="warning" style={{ marginTop: 8 }} data-readiness="changed" message={t('changed', { count: checks.changedSinceFinal.length })} description={checks.changedSinceFinal.join(labels.english ? ', ' : '、')} />
      ) : null}
      {shares.length ? (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t('normal')}</Typography.Text>
          {shares.map((s) => (
            <div key={s.id} data-readiness={s.id}>
              <Link to={`${listUrl(s.resource)}${s.search}`}>{labels.text(s.title, s.titleEn)}</Link>{' '}
              <Typography.Text type="secondary">{t('share', { count: s.count, total: s.total, percent: s.total ? ((s.count / s.total) * 100).toFixed(1) : '0' })}</Typography.Text>
            </div>
          ))}
        </div>
      ) : null}
    </Card>
  );
}
