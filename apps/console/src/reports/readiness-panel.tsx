import type { WorkAreaPlugin } from '@fazhi/plugin-sdk';
import { useAsync, useFazhiServices } from '@fazhi/plugin-sdk/ui';
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
    <Card size="small" title="签发前检查" data-testid="readiness" extra={records.data ? <Tag color={problems ? 'orange' : 'green'}>{problems ? `${problems} 项待处理` : '全部通过'}</Tag> : null}>
      {records.error ? <Alert type="error" showIcon message={`检查记录失败：${records.error.message}`} /> : null}
      {!records.data && !records.error ? <Spin size="small" /> : null}
      <List
        size="small"
        dataSource={flags}
        locale={{ emptyText: records.data ? '各工作领域没有需要处理的记录' : ' ' }}
        renderItem={(r) => (
          <List.Item data-readiness={r.id}>
            <Link to={`${listUrl(r.resource)}${r.search}`}>{r.title}</Link>
            <Tag color="orange">{r.count} 条</Tag>
          </List.Item>
        )}
      />
      {checks.emptyNarrative.length ? (
        <Alert
          type="warning"
          style={{ marginTop: 8 }}
          data-readiness="narrative"
          message={`尚未填写的叙述段落 ${checks.emptyNarrative.length} 处`}
          description={checks.emptyNarrative.map((n) => n.prompt).join('；')}
        />
      ) : null}
      {checks.changedSinceFinal.length ? (
        <Alert type="warning" style={{ marginTop: 8 }} data-readiness="changed" message={`与上次定稿相比有变化的数字 ${checks.changedSinceFinal.length} 个`} description={checks.changedSinceFinal.join('、')} />
      ) : null}
      {shares.length ? (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">完整年度中属正常情况，仅供参考：</Typography.Text>
          {shares.map((s) => (
            <div key={s.id} data-readiness={s.id}>
              <Link to={`${listUrl(s.resource)}${s.search}`}>{s.title}</Link>{' '}
              <Typography.Text type="secondary">
                {s.count} / {s.total} 条，占 {s.total ? ((s.count / s.total) * 100).toFixed(1) : '0'}%
              </Typography.Text>
            </div>
          ))}
        </div>
      ) : null}
    </Card>
  );
}
