import type { ReportContent, ReportStatus, ReportStore, ReportVersion } from '@fazhi/db/browser';
import { formatIndicator } from '@fazhi/metrics';
import type { WorkAreaPlugin } from '@fazhi/plugin-sdk';
import { hasRight } from '@fazhi/plugin-sdk/host';
import { useDashboardScope, useDrillUrl, useFazhiServices, useLabels } from '@fazhi/plugin-sdk/ui';
import { narrativeKeys } from '@fazhi/report';
import { useTranslate } from '@refinedev/core';
import { App, Alert, Button, Card, Col, Input, Result, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { hasStreetsBelow } from './district-comparison.js';
import { ReadinessPanel } from './readiness-panel.js';
import { reportDocument } from './report-document.js';
import { ReportDocumentView } from './report-document-view.js';
import { download, exportReport, type ExportFormat } from './report-export.js';
import { changedFigures, emptyContent, withWording } from './report-figures.js';
import { useReportWorkspace, type TemplateModel } from './use-report-workspace.js';

export interface ReportsWorkspaceProps {
  /** Saved reports of the backend (versions, status, 封账, the unit's template). */
  reports: ReportStore;
  /** The composed model's template and extensions: the default for a unit without its own template. */
  model: TemplateModel;
  plugins: readonly WorkAreaPlugin[];
}

const statusColor: Record<ReportStatus, string> = { draft: 'default', review: 'processing', final: 'success' };

const shanghaiTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/**
 * 年度报告: the unit and year of the header, the full draft with every figure computed live, the
 * narrative edited in place, versions and the 草稿 → 审核 → 定稿 status (moved by a street admin),
 * the 定稿's frozen figures, the comparison with it, 封账 and 重新开账, readiness checks and exports.
 */
export default function ReportsWorkspace({ reports, model, plugins }: ReportsWorkspaceProps) {
  const { user, catalog } = useFazhiServices();
  const { orgId, year } = useDashboardScope();
  const { message, modal } = App.useApp();
  const translate = useTranslate();
  const labels = useLabels();
  const t = (key: string, params?: Record<string, unknown>) => translate(`console.reports.${key}`, params);
  const statusLabel = (s: ReportStatus) => t(`status.${s}`);
  const workspace = useReportWorkspace(reports, model, orgId, year);
  const drill = useDrillUrl();
  const org = user.orgs.find((o) => o.id === orgId);
  const isAdmin = !!orgId && hasRight(user, 'administer', '', orgId);
  // The database names the people on a version or lock (display name, else e-mail); an account it
  // cannot name (deleted since) is the signed-in user or 其他用户.
  const who = (name: string | null, id: string | null) => name ?? (id === user.id ? user.name : t('otherUser'));

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
      content: <Input.TextArea aria-label={t('reason')} placeholder={t('reasonPlaceholder')} onChange={(e) => (reason = e.target.value)} />,
      okText: t('ok'),
      cancelText: t('cancel'),
      onOk: () => {
        if (!reason.trim()) {
          message.error(t('reasonRequired'));
          return Promise.reject(new Error('原因为空'));
        }
        return onOk(reason.trim());
      },
    });
  };
  const exportAs = async (format: ExportFormat) => {
    if (!doc) return;
    setBusy(format);
    const hide = message.loading(t(format === 'docx' ? 'exportingWord' : 'exportingMarkdown'), 0);
    try {
      const file = await exportReport(doc, format);
      download(file.bytes as BlobPart, file.fileName, file.type);
    } catch (e) {
      message.error(t('exportFailed', { message: (e as Error).message }));
    } finally {
      hide();
      setBusy(null);
    }
  };

  if (!orgId || !org) return <Result status="info" title={t('chooseUnit')} />;
  if (workspace.error) return <Result status="error" title={t('loadFailed')} subTitle={workspace.error.message} extra={<Button onClick={workspace.reload}>{t('retry')}</Button>} />;
  if (!data || !doc) return <Skeleton active paragraph={{ rows: 12 }} />;

  const comparisonOf = (id: string) => data.live.comparisons.get(id);
  const drillUrl = (id: string) => {
    const c = comparisonOf(id);
    return c ? drill(id, orgId, c.current.range) : undefined;
  };
  const emptyNarrative = narrativeKeys(data.template).filter((k) => !content.narrative[k.key]?.trim());
  const indicatorOf = (id: string) => catalog?.indicators.find((i) => i.id === id);
  const label = (id: string) => {
    const indicator = indicatorOf(id);
    return indicator ? labels.label(indicator) : id;
  };
  const printUrl = `/reports/print?${new URLSearchParams({ org: orgId, year: String(year), ...(version ? { version: version.id } : {}) }).toString()}`;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="report-workspace" data-load-ms={Math.round(data.loadMs)}>
      <Card size="small">
        <Space wrap size="middle" style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('title', { org: org.shortName || org.name, year })}
            </Typography.Title>
            {version ? (
              <Tag color={statusColor[version.status]} data-testid="report-status">
                {statusLabel(version.status)}
              </Tag>
            ) : (
              <Tag data-testid="report-status">{t('unsaved')}</Tag>
            )}
            {dirty ? <Tag color="orange">{t('dirty')}</Tag> : null}
            {data.versions.length ? (
              <Select
                aria-label={t('versionPicker')}
                data-testid="report-version"
                style={{ minWidth: 260 }}
                value={version?.id}
                onChange={(id: string) => setSelected(id)}
                options={data.versions.map((v) => ({ value: v.id, label: t('versionOption', { version: v.version, status: statusLabel(v.status), who: who(v.savedByName, v.savedBy), at: shanghaiTime(v.savedAt) }) }))}
              />
            ) : null}
            <Typography.Text type="secondary">{data.templateVersion ? t('ownTemplate', { version: data.templateVersion }) : t('defaultTemplate')}</Typography.Text>
          </Space>
          <Space wrap>
            {editable ? (
              <Button type="primary" loading={busy === 'save'} onClick={() => void act('save', () => reports.save(orgId, year, content), t('saved'))}>
                {t('save')}
              </Button>
            ) : null}
            {viewingFinal && version && !data.lock ? (
              // After 重新开账: a new draft from the 定稿's text, with the figures live again.
              <Button type="primary" loading={busy === 'save'} onClick={() => void act('save', () => reports.save(orgId, year, version.content), t('draftCreated'))}>
                {t('draftFromFinal')}
              </Button>
            ) : null}
            {isAdmin && version && !dirty && version.status === 'draft' && !data.lock ? (
              <Button loading={busy === 'review'} onClick={() => void act('review', () => reports.move(version.id, 'review'), t('submitted'))}>
                {t('submit')}
              </Button>
            ) : null}
            {isAdmin && version && !dirty && version.status === 'review' ? (
              <>
                <Button
                  type="primary"
                  loading={busy === 'final'}
                  onClick={() =>
                    modal.confirm({
                      title: t('finalizeTitle'),
                      content: t('finalizeWarning', { org: org.shortName || org.name, year }),
                      okText: t('finalize'),
                      cancelText: t('cancel'),
                      onOk: () => act('final', () => reports.move(version.id, 'final'), t('finalized')),
                    })
                  }
                >
                  {t('finalize')}
                </Button>
                <Button onClick={() => askReason(t('sendBack'), (reason) => act('back', () => reports.move(version.id, 'draft', reason), t('sentBack')))}>{t('sendBack')}</Button>
              </>
            ) : null}
            <Button loading={busy === 'docx'} onClick={() => void exportAs('docx')} data-testid="export-docx">
              {t('exportWord')}
            </Button>
            <Button loading={busy === 'md'} onClick={() => void exportAs('md')}>
              {t('exportMarkdown')}
            </Button>
            <Link to={printUrl} target="_blank">
              <Button>{t('print')}</Button>
            </Link>
            {hasStreetsBelow(user.orgs, orgId) ? (
              // A district's report: its streets on every indicator, side by side.
              <Link to="/reports/district" data-testid="district-comparison-link">
                <Button>{t('compareStreets')}</Button>
              </Link>
            ) : null}
          </Space>
        </Space>
      </Card>

      {data.lock ? (
        <Alert
          type="warning"
          showIcon
          data-testid="year-locked"
          message={t('locked', { who: who(data.lock.lockedByName, data.lock.lockedBy), at: shanghaiTime(data.lock.lockedAt), year })}
          action={
            isAdmin ? (
              <Button size="small" onClick={() => askReason(t('reopenTitle', { year }), (reason) => act('reopen', () => reports.reopen(orgId, year, reason), t('reopened')))}>
                {t('reopen')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      {viewingFinal && version ? (
        <Alert type="success" showIcon message={t('finalVersion', { who: who(version.signedByName, version.signedBy), at: version.signedAt ? shanghaiTime(version.signedAt) : '' })} />
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
              <Card size="small" title={t('compareTitle', { version: lastFinal.version, who: who(lastFinal.signedByName, lastFinal.signedBy) })} data-testid="final-comparison">
                {changed.size ? (
                  <Table
                    size="small"
                    pagination={false}
                    rowKey="id"
                    columns={[
                      { title: t('indicator'), dataIndex: 'label' },
                      { title: t('frozen'), dataIndex: 'frozen' },
                      { title: t('now'), dataIndex: 'now', render: (v: string) => <Typography.Text mark>{v}</Typography.Text> },
                    ]}
                    dataSource={[...changed].map(([id, c]) => {
                      const indicator = comparisonOf(id)?.current.indicator;
                      const shown = (v: number | null) => (indicator ? formatIndicator(indicator, v) : String(v));
                      return { id, label: label(id), frozen: shown(c.frozen), now: shown(c.now) };
                    })}
                  />
                ) : (
                  <Typography.Text type="secondary">{t('sameAsFinal')}</Typography.Text>
                )}
              </Card>
            ) : null}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

