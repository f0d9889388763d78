import type { ReportContent, ReportStatus, ReportStore, ReportVersion } from '@fazhi/db/browser';
import { formatIndicator } from '@fazhi/metrics';
import type { WorkAreaPlugin } from '@fazhi/plugin-sdk';
import { hasRight } from '@fazhi/plugin-sdk/host';
import { useDashboardScope, useDrillUrl, useFazhiServices } from '@fazhi/plugin-sdk/ui';
import { narrativeKeys, type ReportTemplate } from '@fazhi/report';
import { App, Alert, Button, Card, Col, Input, Result, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ReadinessPanel } from './readiness-panel.js';
import { reportDocument } from './report-document.js';
import { ReportDocumentView } from './report-document-view.js';
import { download, exportReport, type ExportFormat } from './report-export.js';
import { changedFigures, emptyContent, withWording } from './report-figures.js';
import { useReportWorkspace } from './use-report-workspace.js';

export interface ReportsWorkspaceProps {
  /** Saved reports of the backend (versions, status, 封账, the unit's template). */
  reports: ReportStore;
  /** The composed default template (the street template with the plugins' sections). */
  defaultTemplate: ReportTemplate;
  plugins: readonly WorkAreaPlugin[];
}

const statusText: Record<ReportStatus, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  review: { label: '审核', color: 'processing' },
  final: { label: '定稿', color: 'success' },
};

const shanghaiTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/**
 * 年度报告: the unit and year of the header, the full draft with every figure computed live, the
 * narrative edited in place, versions and the 草稿 → 审核 → 定稿 status (moved by a street admin),
 * the 定稿's frozen figures, the comparison with it, 封账 and 重新开账, readiness checks and exports.
 */
export default function ReportsWorkspace({ reports, defaultTemplate, plugins }: ReportsWorkspaceProps) {
  const { user, catalog } = useFazhiServices();
  const { orgId, year } = useDashboardScope();
  const { message, modal } = App.useApp();
  const workspace = useReportWorkspace(reports, defaultTemplate, orgId, year);
  const drill = useDrillUrl();
  const org = user.orgs.find((o) => o.id === orgId);
  const isAdmin = !!orgId && hasRight(user, 'administer', '', orgId);
  // The database names the people on a version or lock (display name, else e-mail); an account it
  // cannot name (deleted since) is the signed-in user or 其他用户.
  const who = (name: string | null, id: string | null) => name ?? (id === user.id ? user.name : '其他用户');

  const data = workspace.data;
  const [selected, setSelected] = useState<string | undefined>();
  const version: ReportVersion | undefined = data?.versions.find((v) => v.id === selected) ?? data?.versions[0];
  // Edits belong to the version they started from; choosing another version drops them.
  const [edit, setEdit] = useState<{ from?: string; content: ReportContent } | null>(null);
  const content = edit && edit.from === version?.id ? edit.content : (version?.content ?? emptyContent);
  const dirty = !!edit && edit.from === version?.id;
  const change = (next: ReportContent) => setEdit({ ...(version ? { from: version.id } : {}), content: next });

  const lastFinal = data?.versions.find((v) => v.status === 'final' && v.frozenFigures);
  const viewingFinal = version?.status === 'final';
  const editable = !viewingFinal && !data?.lock;
  const changed = useMemo(() => (data && lastFinal?.frozenFigures && !viewingFinal ? changedFigures(data.live, lastFinal.frozenFigures) : new Map()), [data, lastFinal, viewingFinal]);
  const doc = useMemo(() => (data && org ? reportDocument({ template: data.template, org, year, live: data.live, ...(version ? { version } : {}), content }) : undefined), [data, org, year, version, content]);

  const [busy, setBusy] = useState<string | null>(null);
  const act = async (what: string, run: () => Promise<unknown>, done: string) => {
    setBusy(what);
    try {
      await run();
      message.success(done);
      setEdit(null);
      setSelected(undefined);
      workspace.reload();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const askReason = (title: string, onOk: (reason: string) => Promise<void>) => {
    let reason = '';
    modal.confirm({
      title,
      content: <Input.TextArea aria-label="原因" placeholder="请填写原因（将记入操作日志）" onChange={(e) => (reason = e.target.value)} />,
      okText: '确定',
      cancelText: '取消',
      onOk: () => {
        if (!reason.trim()) {
          message.error('请填写原因');
          return Promise.reject(new Error('原因为空'));
        }
        return onOk(reason.trim());
      },
    });
  };
  const exportAs = async (format: ExportFormat) => {
    if (!doc) return;
    setBusy(format);
    const hide = message.loading(format === 'docx' ? '正在生成 Word 文档…' : '正在生成 Markdown…', 0);
    try {
      const file = await exportReport(doc, format);
      download(file.bytes as BlobPart, file.fileName, file.type);
    } catch (e) {
      message.error(`导出失败：${(e as Error).message}`);
    } finally {
      hide();
      setBusy(null);
    }
  };

  if (!orgId || !org) return <Result status="info" title="请先在页首选择单位" />;
  if (workspace.error) return <Result status="error" title="无法生成报告草稿" subTitle={workspace.error.message} extra={<Button onClick={workspace.reload}>重试</Button>} />;
  if (!data || !doc) return <Skeleton active paragraph={{ rows: 12 }} />;

  const comparisonOf = (id: string) => data.live.comparisons.get(id);
  const drillUrl = (id: string) => {
    const c = comparisonOf(id);
    return c ? drill(id, orgId, c.current.range) : undefined;
  };
  const emptyNarrative = narrativeKeys(data.template).filter((k) => !content.narrative[k.key]?.trim());
  const label = (id: string) => catalog?.indicators.find((i) => i.id === id)?.label ?? id;
  const printUrl = `/reports/print?${new URLSearchParams({ org: orgId, year: String(year), ...(version ? { version: version.id } : {}) }).toString()}`;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="report-workspace" data-load-ms={Math.round(data.loadMs)}>
      <Card size="small">
        <Space wrap size="middle" style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {org.shortName || org.name} {year}年 年度报告
            </Typography.Title>
            {version ? (
              <Tag color={statusText[version.status].color} data-testid="report-status">
                {statusText[version.status].label}
              </Tag>
            ) : (
              <Tag data-testid="report-status">未保存</Tag>
            )}
            {dirty ? <Tag color="orange">有未保存的修改</Tag> : null}
            {data.versions.length ? (
              <Select
                aria-label="版本"
                data-testid="report-version"
                style={{ minWidth: 260 }}
                value={version?.id}
                onChange={(id: string) => setSelected(id)}
                options={data.versions.map((v) => ({ value: v.id, label: `第${v.version}版 · ${statusText[v.status].label} · ${who(v.savedByName, v.savedBy)} ${shanghaiTime(v.savedAt)}` }))}
              />
            ) : null}
            <Typography.Text type="secondary">{data.templateVersion ? `本单位模板第${data.templateVersion}版` : '默认模板'}</Typography.Text>
          </Space>
          <Space wrap>
            {editable ? (
              <Button type="primary" loading={busy === 'save'} onClick={() => void act('save', () => reports.save(orgId, year, content), '已保存为新版本')}>
                保存为新版本
              </Button>
            ) : null}
            {viewingFinal && version && !data.lock ? (
              // After 重新开账: a new draft from the 定稿's text, with the figures live again.
              <Button type="primary" loading={busy === 'save'} onClick={() => void act('save', () => reports.save(orgId, year, version.content), '已新建草稿')}>
                基于定稿新建草稿
              </Button>
            ) : null}
            {isAdmin && version && !dirty && version.status === 'draft' && !data.lock ? (
              <Button loading={busy === 'review'} onClick={() => void act('review', () => reports.move(version.id, 'review'), '已提交审核')}>
                提交审核
              </Button>
            ) : null}
            {isAdmin && version && !dirty && version.status === 'review' ? (
              <>
                <Button
                  type="primary"
                  loading={busy === 'final'}
                  onClick={() =>
                    modal.confirm({
                      title: '定稿并封账',
                      content: `定稿后，报告中的数字按现在的记录固定下来，${org.shortName || org.name}${year}年的记录将封账，不能再修改（可由街道管理员重新开账）。`,
                      okText: '定稿',
                      cancelText: '取消',
                      onOk: () => act('final', () => reports.move(version.id, 'final'), '已定稿，本年度记录已封账'),
                    })
                  }
                >
                  定稿
                </Button>
                <Button onClick={() => askReason('退回草稿', (reason) => act('back', () => reports.move(version.id, 'draft', reason), '已退回草稿'))}>退回草稿</Button>
              </>
            ) : null}
            <Button loading={busy === 'docx'} onClick={() => void exportAs('docx')} data-testid="export-docx">
              导出 Word
            </Button>
            <Button loading={busy === 'md'} onClick={() => void exportAs('md')}>
              导出 Markdown
            </Button>
            <Link to={printUrl} target="_blank">
              <Button>打印</Button>
            </Link>
          </Space>
        </Space>
      </Card>

      {data.lock ? (
        <Alert
          type="warning"
          showIcon
          data-testid="year-locked"
          message={`已封账：${who(data.lock.lockedByName, data.lock.lockedBy)} 于 ${shanghaiTime(data.lock.lockedAt)} 定稿，${year}年的记录不能修改`}
          action={
            isAdmin ? (
              <Button size="small" onClick={() => askReason(`重新开账（${year}年）`, (reason) => act('reopen', () => reports.reopen(orgId, year, reason), '已重新开账'))}>
                重新开账
              </Button>
            ) : undefined
          }
        />
      ) : null}
      {viewingFinal && version ? (
        <Alert type="success" showIcon message={`定稿版本（${who(version.signedByName, version.signedBy)} 于 ${version.signedAt ? shanghaiTime(version.signedAt) : ''} 定稿）：显示定稿时固定的数字，只读`} />
      ) : null}

      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <ReportDocumentView
            doc={doc}
            {...(catalog ? { catalog } : {})}
            drillUrl={drillUrl}
            editable={editable}
            narrative={content.narrative}
            wording={content.wording}
            onNarrative={(key, text) => change({ ...content, narrative: { ...content.narrative, [key]: text } })}
            onWording={(id, w) => change(withWording(content, id, w))}
            changed={changed}
          />
        </Col>
        <Col xs={24} xl={7}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <ReadinessPanel plugins={plugins} orgId={orgId} year={year} tick={data.versions.length} checks={{ emptyNarrative, changedSinceFinal: [...changed.keys()].map(label) }} />
            {lastFinal && !viewingFinal ? (
              <Card size="small" title={`与定稿（第${lastFinal.version}版，${who(lastFinal.signedByName, lastFinal.signedBy)}定稿）比较`} data-testid="final-comparison">
                {changed.size ? (
                  <Table
                    size="small"
                    pagination={false}
                    rowKey="id"
                    columns={[
                      { title: '指标', dataIndex: 'label' },
                      { title: '定稿', dataIndex: 'frozen' },
                      { title: '现在', dataIndex: 'now', render: (v: string) => <Typography.Text mark>{v}</Typography.Text> },
                    ]}
                    dataSource={[...changed].map(([id, c]) => {
                      const indicator = comparisonOf(id)?.current.indicator;
                      const shown = (v: number | null) => (indicator ? formatIndicator(indicator, v) : String(v));
                      return { id, label: label(id), frozen: shown(c.frozen), now: shown(c.now) };
                    })}
                  />
                ) : (
                  <Typography.Text type="secondary">所有数字与定稿一致</Typography.Text>
                )}
              </Card>
            ) : null}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

