import type { ReportStore } from '@fazhi/db/browser';
import { useFazhiServices } from '@fazhi/plugin-sdk/ui';
import { renderHtml } from '@fazhi/report';
import { Button, Result, Space, Spin, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { reportDocument } from './report-document.js';
import { emptyContent } from './report-figures.js';
import { useReportWorkspace, type TemplateModel } from './use-report-workspace.js';

/**
 * 打印视图 (`/reports/print?org=…&year=…&version=…`): the report as the standalone 公文 HTML page
 * (A4, the standard margins, print CSS of @fazhi/report's HTML renderer) in a frame of its own, so
 * the browser's print dialog gives a clean PDF without the console around it.
 */
export default function ReportPrint({ reports, model }: { reports: ReportStore; model: TemplateModel }) {
  const [params] = useSearchParams();
  const { user } = useFazhiServices();
  const orgId = params.get('org') ?? undefined;
  const year = Number(params.get('year'));
  const workspace = useReportWorkspace(reports, model, orgId, year);
  const frame = useRef<HTMLIFrameElement>(null);
  const org = user.orgs.find((o) => o.id === orgId);
  const data = workspace.data;
  const version = data?.versions.find((v) => v.id === params.get('version'));
  const html = useMemo(() => (data && org ? renderHtml(reportDocument({ template: data.template, org, year, live: data.live, ...(version ? { version } : {}), content: version?.content ?? emptyContent })) : undefined), [data, org, year, version]);

  if (!org || !Number.isInteger(year)) return <Result status="warning" title="打印链接不完整：缺少单位或年度" />;
  if (workspace.error) return <Result status="error" title="无法生成报告" subTitle={workspace.error.message} />;
  if (!html) return <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
      <Space style={{ padding: 8, background: '#f5f5f5' }}>
        <Button type="primary" onClick={() => frame.current?.contentWindow?.print()}>
          打印 / 另存为 PDF
        </Button>
        <Typography.Text type="secondary">{version ? `第${version.version}版` : '当前草稿'}；在打印对话框中选择 A4 纸、无页眉页脚。</Typography.Text>
      </Space>
      <iframe ref={frame} title="报告打印视图" data-testid="report-print" srcDoc={html} style={{ flex: 1, border: 0, width: '100%' }} />
    </div>
  );
}
