import type { ReportStore } from '@fazhi/db/browser';
import { yearPeriod } from '@fazhi/domain';
import { mergeReportSections, templateProblems, type FazhiModel } from '@fazhi/model';
import { useAsync, useDashboardScope, useFazhiServices } from '@fazhi/plugin-sdk/ui';
import { buildReport, defaultTemplateFor, parseReportTemplate, renderHtml, ReportTemplateError, templateRequirements, type ReportTemplate } from '@fazhi/report';
import { useTranslate } from '@refinedev/core';
import { Alert, App, Button, Col, Input, Row, Space, Typography } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';

/**
 * 报告模板: a street admin edits the unit's report template (the JSON format of template-schema.ts)
 * beside a live preview of the year's report built from the database's figures, and saves it as a
 * new version of the unit's template. Problems are listed in Chinese by their path in the template;
 * nothing is saved while there are any. Plugins' report sections are merged in for the preview, as
 * they are whenever a report is built, so the saved template holds only what the street wrote.
 */
export function TemplateEditorPage({ model, reports }: { model: FazhiModel; reports: ReportStore }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const { user, indicators } = useFazhiServices();
  const { orgId, year } = useDashboardScope();
  const org = user.orgs.find((o) => o.id === orgId);
  const isAdmin = user.memberships.some((m) => m.role === 'admin');

  const saved = useAsync(`template|${orgId}`, orgId ? () => reports.template(orgId) : null);
  // The editor opens on the unit's saved template, or the built-in one that fits the unit; edits
  // and the version last saved belong to the unit they were made for.
  const opened = saved.data === undefined || !org ? null : JSON.stringify(saved.data?.template ?? defaultTemplateFor(org.kind), null, 2);
  const [edit, setEdit] = useState<{ orgId: string; text: string } | null>(null);
  const [lastSaved, setLastSaved] = useState<{ orgId: string; version: number } | null>(null);
  const [saving, setSaving] = useState(false);
  const text = edit && edit.orgId === orgId ? edit.text : opened;
  const version = lastSaved && lastSaved.orgId === orgId ? lastSaved.version : (saved.data?.version ?? null);

  const deferred = useDeferredValue(text);
  const checked = useMemo(() => (deferred === null ? null : checkTemplate(deferred, model)), [deferred, model]);
  const template = checked && 'template' in checked ? checked.template : null;
  const preview = useAsync(
    `template-preview|${orgId}|${year}|${deferred}`,
    template && orgId && org && indicators
      ? async () => {
          const merged = mergeReportSections(template, model.extensions.flatMap((e) => e.reportSections ?? []));
          const ids = templateRequirements(merged).indicators;
          const period = yearPeriod(year);
          const comparisons = await indicators.compare(ids, orgId, period);
          const doc = buildReport({ template: merged, orgName: org.name, period, data: { comparisons: new Map(ids.map((id, i) => [id, comparisons[i]!])), records: new Map() } });
          return renderHtml(doc);
        }
      : null,
  );

  if (!isAdmin) return <Alert type="warning" showIcon message={t('console.templateEditor.adminOnly')} />;

  const save = async () => {
    if (!template || !orgId) return;
    setSaving(true);
    try {
      const s = await reports.saveTemplate(orgId, template);
      setLastSaved({ orgId, version: s.version });
      message.success(t('console.templateEditor.saved', { version: s.version }));
    } catch (e) {
      message.error(t('console.templateEditor.saveFailed', { message: (e as Error).message }));
    } finally {
      setSaving(false);
    }
  };

  const problems = checked && 'problems' in checked ? checked.problems : [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="baseline" wrap>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="template-editor-title">
          {t('console.templateEditor.title', { org: org?.name ?? '' })}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="template-version">
          {version === null ? t('console.templateEditor.builtIn') : t('console.templateEditor.version', { version })}
        </Typography.Text>
        <Button type="primary" onClick={save} loading={saving} disabled={!template} data-testid="template-save">
          {t('console.templateEditor.save')}
        </Button>
      </Space>
      {saved.error && <Alert type="error" showIcon message={saved.error.message} />}
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Input.TextArea
            value={text ?? ''}
            onChange={(e) => orgId && setEdit({ orgId, text: e.target.value })}
            autoSize={{ minRows: 24, maxRows: 40 }}
            spellCheck={false}
            style={{ fontFamily: 'monospace', fontSize: 12 }}
            aria-label={t('console.templateEditor.json')}
            data-testid="template-json"
          />
          {problems.length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 12 }}
              message={t('console.templateEditor.problems', { count: problems.length })}
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="template-problems">
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              }
            />
          )}
        </Col>
        <Col xs={24} xl={14}>
          {preview.error && <Alert type="error" showIcon message={preview.error.message} />}
          <iframe
            title={t('console.templateEditor.preview')}
            srcDoc={preview.data ?? ''}
            style={{ width: '100%', height: '80vh', border: '1px solid #d9d9d9', background: '#e8e8e8' }}
            data-testid="template-preview"
          />
        </Col>
      </Row>
    </Space>
  );
}

/** The template, or every problem with it: malformed JSON, the file format, then what the model cannot compute. */
export function checkTemplate(text: string, model: FazhiModel): { template: ReportTemplate } | { problems: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { problems: [`不是有效的 JSON：${(e as Error).message}`] };
  }
  let template: ReportTemplate;
  try {
    template = parseReportTemplate(value, '报告模板');
  } catch (e) {
    if (e instanceof ReportTemplateError) return { problems: [...e.problems] };
    throw e;
  }
  const merged = mergeReportSections(template, model.extensions.flatMap((x) => x.reportSections ?? []));
  const problems = templateProblems(template, merged, undefined, model.extensions, model.registry, model.catalog);
  return problems.length ? { problems } : { template };
}
